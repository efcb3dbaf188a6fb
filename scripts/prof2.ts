import { loadConfig } from '../src/config.ts';
import { createEngine } from '../src/answer/create-engine.ts';
const e = await createEngine(loadConfig(), { skipIngest: true });
const q = process.argv[2]!;
await e.ask(q);
const t = performance.now();
for (let i = 0; i < 20; i++) await e.ask(q);
console.log(((performance.now() - t) / 20).toFixed(1), 'ms');
