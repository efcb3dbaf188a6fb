/**
 * `tsx scripts/profile-answers.ts [--index DIR] [--sets a,b] [--rounds R] [--top N] [--novel] [--dump FILE]`: CPU time
 * of every question of the eval sets (the held-out set is never read), asked of the engine the bench serves (the
 * index loaded whole, the per-store indexes built), median of R rounds after a warm-up; prints the percentiles per
 * set and the slowest questions. Repeated questions meet the caches of their own words and passages: `--novel` times
 * instead each odd question once, after the even ones warmed the process, as a server meets new questions.
 * `--dump FILE` writes every answer (staff and public, all its fields; one JSON line each) and asks every question
 * again in reverse order, failing if any answer changes: dumps of two builds must be identical (`cmp`) for a speed
 * change to leave every answer as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchConfig } from '../bench/serve-probe.ts';
import { createEngine } from '../src/answer/create-engine.ts';
import { prepareStore } from '../src/answer/prepare-store.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { loadIndex } from '../src/store/load-index.ts';

const { values } = parseArgs({
  options: {
    index: { type: 'string', default: 'data/index' },
    plans: { type: 'string', default: 'data/plans' },
    sets: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    top: { type: 'string', default: '25' },
    dump: { type: 'string' },
    novel: { type: 'boolean', default: false },
  },
});

// the lead's final measure is never read, whatever --sets says
const HELDOUT = /heldout/;
const setFiles = (
  values.sets
    ? values.sets.split(',').map((s) => `${s}-questions.jsonl`)
    : readdirSync('eval').filter((f) => f.endsWith('.jsonl'))
)
  .filter((f) => !HELDOUT.test(f))
  .sort();
const questions = setFiles.flatMap((file) =>
  readFileSync(`eval/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const { id, q } = JSON.parse(l) as { id: string; q: string };
      return { set: file.replace(/-questions\.jsonl$/, ''), id, q };
    }),
);

const config = benchConfig(values.index, values.plans);
const loaded = await loadIndex(values.index, createLocalEmbedder());
await loaded.store.warm();
prepareStore(loaded.store);
const engine = await createEngine(config, { index: loaded });

if (values.dump) {
  // staff and public answers (the public sees fewer records), every field of the answer; then the same questions
  // asked again in reverse order, which must give the same answers (no cache may change one)
  const answerOf = async (q: string, audience: 'staff' | 'public') => JSON.stringify(await engine.ask(q, { audience }));
  const lines: string[] = [];
  for (const { set, id, q } of questions)
    for (const audience of ['staff', 'public'] as const)
      lines.push(
        `{"set":${JSON.stringify(set)},"id":${JSON.stringify(id)},"audience":"${audience}","answer":${await answerOf(q, audience)}}`,
      );
  let changed = 0;
  for (const [n, { id, q }] of [...questions.entries()].reverse())
    for (const [m, audience] of (['staff', 'public'] as const).entries()) {
      const again = await answerOf(q, audience);
      if (!lines[n * 2 + m]!.endsWith(`"answer":${again}}`)) {
        changed++;
        console.log(`asked again, ${id} (${audience}) answers otherwise`);
      }
    }
  writeFileSync(values.dump, `${lines.join('\n')}\n`);
  console.log(`${lines.length} answers written to ${values.dump}; ${changed} differ when asked again`);
  process.exit(changed ? 1 : 0);
}

if (values.novel) {
  // questions never asked before in this process, as a server meets them: every other question of the sets warms
  // the code (and the caches of words and passages it leaves), then each of these is timed once
  const picked = questions.filter((_, n) => n % 2 === 1);
  for (const [n, { q }] of questions.entries()) if (n % 2 === 0) await engine.ask(q);
  const ms: number[] = [];
  const slow: { id: string; q: string; intent: string; ms: number }[] = [];
  for (const { id, q } of picked) {
    const before = process.cpuUsage();
    const { intent } = await engine.ask(q);
    const used = process.cpuUsage(before);
    ms.push((used.user + used.system) / 1000);
    slow.push({ id, q, intent, ms: ms.at(-1)! });
  }
  for (const t of slow.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top)))
    console.log(`${t.ms.toFixed(2).padStart(7)} ms  ${t.id.padEnd(16)} ${t.intent.padEnd(18)} ${t.q.slice(0, 90)}`);
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  console.log(
    `first asks of ${ms.length} questions: p50 ${at(50).toFixed(2)}  p95 ${at(95).toFixed(2)}  total ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms cpu`,
  );
  process.exit(0);
}

const rounds = Number(values.rounds);
const cpuMs = async (q: string) => {
  const before = process.cpuUsage();
  await engine.ask(q);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};

for (const { q } of questions) await engine.ask(q);
const timed: { set: string; id: string; q: string; ms: number; intent: string }[] = [];
for (const { set, id, q } of questions) {
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) runs.push(await cpuMs(q));
  timed.push({ set, id, q, ms: median(runs), intent: (await engine.ask(q)).intent });
}

const bySet = new Map<string, number[]>();
for (const t of timed) bySet.set(t.set, [...(bySet.get(t.set) ?? []), t.ms]);
for (const [set, ms] of bySet)
  console.log(
    `${set.padEnd(16)} n=${String(ms.length).padStart(3)}  p50 ${pct(ms, 50).toFixed(2)}  p95 ${pct(ms, 95).toFixed(2)}  max ${Math.max(...ms).toFixed(2)} ms cpu`,
  );
const all = timed.map((t) => t.ms);
console.log(
  `${'ALL'.padEnd(16)} n=${String(all.length).padStart(3)}  p50 ${pct(all, 50).toFixed(2)}  p95 ${pct(all, 95).toFixed(2)}  total ${all.reduce((a, b) => a + b, 0).toFixed(0)} ms cpu`,
);
console.log('\nslowest:');
for (const t of timed.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top)))
  console.log(`${t.ms.toFixed(2).padStart(7)} ms  ${t.id.padEnd(16)} ${t.intent.padEnd(18)} ${t.q.slice(0, 90)}`);
