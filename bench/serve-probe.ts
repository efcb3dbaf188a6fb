/**
 * The serving side of the benchmark, run as its own process so that its peak RSS is a server's: opens an index
 * the bench built (as a restarted server does) — or the database it filled — answers the public questions and the
 * adversarial ones at the length cap, and times passage search. Prints one JSON object on stdout.
 *
 *   tsx bench/serve-probe.ts --index DIR --plans DIR --questions FILE --rounds R [--database URL]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEngine, type Engine } from '../src/answer/create-engine.ts';
import { prepareStore } from '../src/answer/prepare-store.ts';
import { MAX_QUESTION_CHARS } from '../src/answer/question-limits.ts';
import { loadConfig } from '../src/config.ts';
import { type EvalQuestion, EvalQuestionSchema, judge } from '../src/eval/score.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import type { SearchIndex } from '../src/retrieval/search-index.ts';
import { loadIndex } from '../src/store/load-index.ts';
import { createPool, type Pool } from '../src/store/postgres/database.ts';
import { postgresPlanSource } from '../src/store/postgres/postgres-source.ts';
import { adversarialQuestions } from './adversarial-questions.ts';

export const ServeFiguresSchema = z.object({
  load_ms: z.number(),
  /** CPU time of the load (every thread of the process): steadier than load_ms on a shared machine */
  load_cpu_ms: z.number(),
  /**
   * the first question, asked the moment the load returns (a warm-up started as a server starts it): what a lazily
   * read model, and the lookups every store builds on first use, cost the first person to ask; wall and CPU time
   */
  first_answer_ms: z.number(),
  first_answer_cpu_ms: z.number(),
  answer_p50_ms: z.number(),
  answer_p95_ms: z.number(),
  /**
   * the same answers' CPU time (every thread of the process: GC and compiler threads too): what other processes on
   * the cores stretch far less than the wall time, so two builds compare on a shared machine
   */
  answer_cpu_p50_ms: z.number(),
  answer_cpu_p95_ms: z.number(),
  search_p95_ms: z.number(),
  adversarial_worst_ms: z.number(),
  adversarial_worst: z.string(),
  adversarial_worst_cpu_ms: z.number(),
  adversarial_worst_cpu: z.string(),
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
export function benchConfig(indexDir: string, plansDir: string, databaseUrl?: string) {
  return loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
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

/** The engine and the passage search of the store the bench filled, opened as a restarted server opens them. */
async function openServing(
  indexDir: string,
  plansDir: string,
  databaseUrl: string | undefined,
): Promise<{ engine: Engine; search: SearchIndex; loadMs: number; loadCpuMs: number; done: () => Promise<void> }> {
  const embedder = createLocalEmbedder();
  if (databaseUrl) {
    const pool: Pool = createPool(databaseUrl);
    const cpu = process.cpuUsage();
    const snapshot = await postgresPlanSource(pool, embedder).open();
    const used = process.cpuUsage(cpu);
    const engine = await createEngine(benchConfig(indexDir, plansDir, databaseUrl), { skipIngest: true, pool });
    return {
      engine,
      search: snapshot.search,
      loadMs: snapshot.loadMs,
      loadCpuMs: (used.user + used.system) / 1000,
      done: async () => {
        await engine.close();
        await pool.end();
      },
    };
  }
  // the load a restarted server pays; the engine then answers from that very index
  const cpu = process.cpuUsage();
  const loaded = await timed(() => loadIndex(indexDir, embedder));
  const used = process.cpuUsage(cpu);
  // as a server's live index does once its index is loaded (openLiveIndex with prepareStore)
  loaded.value.store
    .warm()
    .then(() => prepareStore(loaded.value.store))
    .catch(() => {});
  const engine = await createEngine(benchConfig(indexDir, plansDir), { index: loaded.value });
  return {
    engine,
    search: loaded.value.search,
    loadMs: loaded.ms,
    loadCpuMs: (used.user + used.system) / 1000,
    done: () => engine.close(),
  };
}

/**
 * The questions built to make the engine's patterns work hardest, each at the length cap: the slowest one's median
 * engine time over the rounds (after a warm-up run), and the largest median CPU time, show whether any pattern or
 * per-word loop on the question does more than linear work.
 */
async function measureAdversarial(
  engine: Engine,
  rounds: number,
): Promise<{ name: string; ms: number; cpuName: string; cpuMs: number }> {
  const worst = { name: '', ms: 0, cpuName: '', cpuMs: 0 };
  for (const { name, question } of adversarialQuestions(MAX_QUESTION_CHARS)) {
    await engine.ask(question);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < Math.max(5, rounds); r++) {
      const before = process.cpuUsage();
      wall.push((await timed(() => engine.ask(question))).ms);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const ms = round2(percentile(wall, 50));
    const cpuMs = round2(percentile(cpu, 50));
    if (ms > worst.ms) Object.assign(worst, { name, ms });
    if (cpuMs > worst.cpuMs) Object.assign(worst, { cpuName: name, cpuMs });
  }
  return worst;
}

export async function probe(options: {
  indexDir: string;
  plansDir: string;
  questions: readonly EvalQuestion[];
  rounds: number;
  databaseUrl?: string | undefined;
}): Promise<ServeFigures> {
  const { indexDir, plansDir, questions, rounds } = options;
  const { engine, search, loadMs, loadCpuMs, done } = await openServing(indexDir, plansDir, options.databaseUrl);
  try {
    const firstCpu = process.cpuUsage();
    const first = await timed(() => engine.ask(questions[0]?.q ?? ''));
    const firstUsed = process.cpuUsage(firstCpu);
    for (const q of questions.slice(1)) await engine.ask(q.q);

    const answerMs: number[] = [];
    const answerCpuMs: number[] = [];
    const failed = new Set<string>();
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        const cpu = process.cpuUsage();
        const { value, ms } = await timed(() => engine.ask(q.q));
        const used = process.cpuUsage(cpu);
        answerMs.push(ms);
        answerCpuMs.push((used.user + used.system) / 1000);
        if (r === 0 && !judge(q, value.answer).pass) failed.add(q.id);
      }
    }
    const adversarial = await measureAdversarial(engine, rounds);
    for (const q of questions) await search.search(q.q, { k: 5 });
    const searchMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) searchMs.push((await timed(() => search.search(q.q, { k: 5 }))).ms);
    }
    return {
      load_ms: round1(loadMs),
      load_cpu_ms: round1(loadCpuMs),
      first_answer_ms: round1(first.ms),
      first_answer_cpu_ms: round1((firstUsed.user + firstUsed.system) / 1000),
      answer_p50_ms: round2(percentile(answerMs, 50)),
      answer_p95_ms: round2(percentile(answerMs, 95)),
      answer_cpu_p50_ms: round2(percentile(answerCpuMs, 50)),
      answer_cpu_p95_ms: round2(percentile(answerCpuMs, 95)),
      search_p95_ms: round2(percentile(searchMs, 95)),
      adversarial_worst_ms: adversarial.ms,
      adversarial_worst: adversarial.name,
      adversarial_worst_cpu_ms: adversarial.cpuMs,
      adversarial_worst_cpu: adversarial.cpuName,
      public_pass: questions.length - failed.size,
      public_total: questions.length,
      public_failed: [...failed],
      serve_rss_mb: round1(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await done();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      plans: { type: 'string', default: 'data/plans' },
      questions: { type: 'string', default: 'eval/public-questions.jsonl' },
      rounds: { type: 'string', default: '3' },
      database: { type: 'string' },
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
    databaseUrl: values.database,
  });
  print(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`serve probe failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 1;
  });
}
