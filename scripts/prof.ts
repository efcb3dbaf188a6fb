import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { createEngine } from '../src/answer/create-engine.ts';
const e = await createEngine(loadConfig(), { skipIngest: true });
const qs = readFileSync('eval/public-questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).q as string);
for (const q of qs) await e.ask(q);
const times: [number, string][] = [];
for (let r = 0; r < 3; r++) for (const q of qs) { const t = performance.now(); await e.ask(q); times.push([performance.now() - t, q]); }
times.sort((a, b) => a[0] - b[0]);
console.log('p50', times[Math.floor(times.length / 2)]![0].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)]![0].toFixed(2));
console.log(times.slice(-6).map(([t, q]) => `${t.toFixed(1)} ${q}`).join('\n'));
