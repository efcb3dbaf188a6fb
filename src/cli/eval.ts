/**
 * `npm run eval [-- FILE] [--verbose]`: runs the project's copy of the public question set through the engine with the
 * matching rule of shared/eval/README.md, prints per-kind results and ends with "N passed, M failed".
 */
import { readFileSync } from 'node:fs';
import { type EvalQuestion, EvalQuestionSchema, judge } from '../eval/score.ts';
import { engineForCli } from './engine-for-cli.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'eval/public-questions.jsonl';
const verbose = args.includes('--verbose');

const questions: EvalQuestion[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => EvalQuestionSchema.parse(JSON.parse(l)));

const { engine } = await engineForCli();
const byKind = new Map<string, [number, number]>();
let passed = 0;
for (const q of questions) {
  const started = performance.now();
  const answer = await engine.ask(q.q);
  const ms = performance.now() - started;
  const v = judge(q, answer.answer);
  const kind = q.kind ?? answer.intent.replace(/^llm:/, '');
  const k = byKind.get(kind) ?? [0, 0];
  k[1]++;
  if (v.pass) {
    passed++;
    k[0]++;
  }
  byKind.set(kind, k);
  const mark = v.pass ? 'PASS' : 'FAIL';
  console.log(`${mark} ${q.id} (${ms.toFixed(1)} ms) ${q.q}`);
  if (!v.pass) {
    if (v.missing.length) console.log(`     missing: ${v.missing.join(' | ')}`);
    if (v.forbidden.length) console.log(`     forbidden: ${v.forbidden.join(' | ')}`);
    if (q.status === 'not_found' && !v.saidNotFound) console.log('     does not say that nothing was found');
    console.log(
      `     answer: ${(verbose ? answer.answer : answer.answer.slice(0, 300)).replace(/\n/g, '\n             ')}`,
    );
  }
}
console.log('\nBy kind (route that answered):');
for (const [kind, [p, t]] of [...byKind.entries()].sort()) console.log(`  ${kind}: ${p}/${t}`);
console.log(`\n${passed} passed, ${questions.length - passed} failed`);
process.exitCode = passed === questions.length ? 0 : 1;
