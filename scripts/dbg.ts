import { loadConfig } from '../src/config.ts';
import { createEngine } from '../src/answer/create-engine.ts';
import { glossaryExpander } from '../src/retrieval/query-expansion.ts';
const e = await createEngine(loadConfig(), { skipIngest: true });
for (const q of process.argv.slice(2)) { const a = await e.ask(q); console.log('>>', q, a.intent, a.found, '\n' + a.answer.slice(0, 4000)); }
console.log(glossaryExpander().expand('sindaco'));
