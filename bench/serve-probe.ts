/**
 * The serving side of the benchmark, run as its own process so that its peak RSS is a server's: opens an index
 * the bench built (as a restarted server does), answers the public questions and times passage search.
 * Prints one JSON object on stdout.
 *
 *   tsx bench/serve-probe.ts --index DIR --plans DIR --questions FILE --rounds R
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEngine } from '../src/answer/create-engine.ts';
import { loadConfig } from '../src/config.ts';
import { type EvalQuestion, EvalQuestionSchema, judge } from '../src/eval/score.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { loadIndex } from '../src/store/load-index.ts';

export const ServeFiguresSchema = z.object({
  load_ms: z.number(),
  answer_p50_ms: z.number(),
  answer_p95_ms: z.number(),
  search_p95_ms: z.number(),
  public_pass: z.number().int(),
  public_total: z.number().int(),
  public_failed: z.array(z.string()),
  serve_rss_mb: z.number(),
});
export type ServeFigures = z.infer<typeof ServeFiguresSchema>;

/** Nearest-rank percentile of a list of timings. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** The deterministic path: no chat model, the local embedder, the index the benchmark built. */
function benchConfig(indexDir: string, plansDir: string) {
  return loadConfig({
    ...process.env,
    INDEX_DIR: indexDir,
    PLANS_DIR: plansDir,
    OPENAI_MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    EMBEDDINGS_MODEL: '',
    SLACK_BOT_TOKEN: '',
    LOG_LEVEL: 'error',
  });
}

export async function probe(options: {
  indexDir: string;
  plansDir: string;
  questions: readonly EvalQuestion[];
  rounds: number;
}): Promise<ServeFigures> {
  const { indexDir, plansDir, questions, rounds } = options;
  // the load a restarted server pays; the engine then answers from that very index
  const loaded = await timed(() => loadIndex(indexDir, createLocalEmbedder()));
  const engine = await createEngine(benchConfig(indexDir, plansDir), { index: loaded.value });
  for (const q of questions) await engine.ask(q.q);

  const answerMs: number[] = [];
  const failed = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const { value, ms } = await timed(() => engine.ask(q.q));
      answerMs.push(ms);
      if (r === 0 && !judge(q, value.answer).pass) failed.add(q.id);
    }
  }
  const search = loaded.value.search;
  for (const q of questions) await search.search(q.q, { k: 5 });
  const searchMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) searchMs.push((await timed(() => search.search(q.q, { k: 5 }))).ms);
  }
  return {
    load_ms: round1(loaded.ms),
    answer_p50_ms: round2(percentile(answerMs, 50)),
    answer_p95_ms: round2(percentile(answerMs, 95)),
    search_p95_ms: round2(percentile(searchMs, 95)),
    public_pass: questions.length - failed.size,
    public_total: questions.length,
    public_failed: [...failed],
    serve_rss_mb: round1(process.resourceUsage().maxRSS / 1024),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      plans: { type: 'string', default: 'data/plans' },
      questions: { type: 'string', default: 'eval/public-questions.jsonl' },
      rounds: { type: 'string', default: '3' },
    },
  });
  if (!values.index) throw new Error('--index DIR is required');
  const questions = (await readFile(values.questions, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => EvalQuestionSchema.parse(JSON.parse(l)));
  const print = console.log.bind(console);
  console.log = (...args: unknown[]) => console.error(...args);
  const figures = await probe({
    indexDir: values.index,
    plansDir: values.plans,
    questions,
    rounds: Number(values.rounds),
  });
  print(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`serve probe failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 1;
  });
}
