/**
 * `npm run bench [-- --json] [--scale N] [--seed S] [--rounds R] [--store embedded|postgres]`: speed, memory and
 * accuracy of pianobot on the sample plans, beside a naive RAG baseline, and optionally on the samples plus N
 * synthetic plans. With `--store postgres` the plans go into a throw-away database on the DATABASE_URL server.
 * Progress goes to stderr; stdout carries only the result (one JSON object with --json, else a table).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { ingestToPostgres } from '../ingest/postgres/ingest-to-postgres.ts';
import { type IngestReport, runIngest } from '../ingest/run-pipeline.ts';
import { createEngine } from '../src/answer/create-engine.ts';
import { loadConfig } from '../src/config.ts';
import { type EvalQuestion, EvalQuestionSchema, judge } from '../src/eval/score.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { embeddedPlanSource } from '../src/store/embedded-source.ts';
import type { PlanSource } from '../src/store/plan-source.ts';
import { createPool, type Pool } from '../src/store/postgres/database.ts';
import { postgresPlanSource } from '../src/store/postgres/postgres-source.ts';
import { buildNaiveRag, NAIVE_CHUNK_OVERLAP, NAIVE_CHUNK_SIZE, NAIVE_TOP_K } from './naive-rag.ts';
import { writeScaleCorpus } from './scale-corpus.ts';

/** What one ingest-and-answer run measures, for the samples alone or with a scale corpus. */
interface RunFigures {
  docs: number;
  ingest_ms: number;
  ingest_cpu_ms: number;
  ingest_stages_ms: Record<string, number>;
  chunks: number;
  index_bytes: number;
  load_ms: number;
  rss_mb: number;
  answer_p50_ms: number;
  answer_p95_ms: number;
  search_p95_ms: number;
  public_pass: number;
  public_total: number;
  public_failed: string[];
}

export interface ScaleResult extends RunFigures {
  n: number;
  docs_per_s: number;
}

export interface BenchResult extends RunFigures {
  baseline_top5_contains: number;
  baseline_p50_ms: number;
  baseline_p95_ms: number;
  baseline_chunks: number;
  scale: ScaleResult | null;
  /** where the plans were stored: index_bytes is the index folder, or the database size (pg_database_size) */
  store: BenchStore['kind'];
  machine: { node: string; cpus: number; cpu: string; seed: number; rounds: number; load_avg: [number, number] };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Nearest-rank percentile of a list of timings. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const peakRssMb = () => round1(process.resourceUsage().maxRSS / 1024);

async function time<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

async function readQuestions(file: string): Promise<EvalQuestion[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => EvalQuestionSchema.parse(JSON.parse(l)));
}

/**
 * Where a run stores its plans: the embedded index in a temp folder, or a throw-away database created on the
 * server of DATABASE_URL (the role needs CREATEDB) and dropped afterwards.
 */
export type BenchStore = { kind: 'embedded' } | { kind: 'postgres'; serverUrl: string };

interface StoreRun {
  url: string | undefined;
  pool: Pool | null;
  ingest(inputs: string[], onProgress: (m: string) => void): Promise<IngestReport>;
  source(): PlanSource;
  done(): Promise<void>;
}

async function openStoreRun(store: BenchStore, indexDir: string): Promise<StoreRun> {
  const embedder = createLocalEmbedder();
  if (store.kind === 'embedded') {
    return {
      url: undefined,
      pool: null,
      ingest: (inputs, onProgress) => runIngest({ inputs, indexDir, embedder, force: true, onProgress }),
      source: () => embeddedPlanSource(indexDir, embedder),
      done: async () => {},
    };
  }
  const name = `pianobot_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: store.serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(store.serverUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString());
  return {
    url: url.toString(),
    pool,
    ingest: (inputs, onProgress) => ingestToPostgres({ inputs, pool, embedder, force: true, onProgress }),
    source: () => ({ ...postgresPlanSource(pool, embedder), close: async () => {} }),
    async done() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The deterministic path: no chat model, the local embedder, the index the benchmark built. */
function benchConfig(indexDir: string, plansDir: string, databaseUrl?: string) {
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

/**
 * Splits the ingest wall time into stages by the pipeline's progress messages: reading and extracting the files,
 * chunking, embedding, writing the indexes. A message the pipeline no longer sends just leaves its stage out.
 */
class StageClock {
  private readonly at: Record<string, number> = {};
  mark(message: string, ms: number): void {
    const stage = /^indexing /.test(message)
      ? 'extracted'
      : /^chunked /.test(message)
        ? 'chunked'
        : /^embedded (\d+)\/\1 /.test(message)
          ? 'embedded'
          : /^search index written/.test(message)
            ? 'indexed'
            : null;
    if (stage && this.at[stage] === undefined) this.at[stage] = ms;
  }
  result(totalMs: number): Record<string, number> {
    const order = ['extracted', 'chunked', 'embedded', 'indexed'] as const;
    const names = { extracted: 'load_extract', chunked: 'chunk', embedded: 'embed', indexed: 'write_indexes' } as const;
    const out: Record<string, number> = {};
    let prev = 0;
    for (const stage of order) {
      const at = this.at[stage];
      if (at === undefined) continue;
      out[names[stage]] = Math.round(at - prev);
      prev = at;
    }
    out.finish = Math.round(totalMs - prev);
    return out;
  }
}

/** Peak RSS is the process's, so the caller reads it once the run it belongs to is over. */
type IndexMeasures = Omit<RunFigures, 'rss_mb'>;

/** Cold ingest into a fresh index, then load, answer and search timings over the public questions. */
async function measureIndex(
  label: string,
  inputs: string[],
  indexDir: string,
  plansDir: string,
  questions: readonly EvalQuestion[],
  rounds: number,
  store: BenchStore,
): Promise<IndexMeasures> {
  const run = await openStoreRun(store, indexDir);
  try {
    return await measureStore(label, inputs, indexDir, plansDir, questions, rounds, run);
  } finally {
    await run.done();
  }
}

async function measureStore(
  label: string,
  inputs: string[],
  indexDir: string,
  plansDir: string,
  questions: readonly EvalQuestion[],
  rounds: number,
  run: StoreRun,
): Promise<IndexMeasures> {
  let lastProgress = 0;
  log(`[${label}] ingesting ${inputs.join(' + ')}…`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const stages = new StageClock();
  const report = await run.ingest(inputs, (m) => {
    const now = performance.now();
    stages.mark(m, now - started);
    // per-file and per-batch lines are many: one every few seconds is enough to show progress
    if (!/^\[\d|^embedded /.test(m) || now - lastProgress > 5000) {
      lastProgress = now;
      log(`[${label}]   ${m}`);
    }
  });
  const cpu = process.cpuUsage(cpuBefore);
  for (const e of report.errors) log(`[${label}]   skipped ${e.file}: ${e.code} ${e.message}`);
  log(
    `[${label}] ingested ${report.documents.length} documents, ${report.chunks} passages in ${Math.round(report.ms)} ms ` +
      `(cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms; stages ${JSON.stringify(stages.result(report.ms))})`,
  );

  // opening an existing index, as a restarted server does; the median of three loads
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) loads.push((await run.source().open()).loadMs);
  const loaded = await run.source().open();
  log(`[${label}] index loads: ${loads.map((ms) => Math.round(ms)).join(', ')} ms`);

  const engine = await createEngine(
    benchConfig(indexDir, plansDir, run.url),
    run.pool ? { skipIngest: true, pool: run.pool } : { skipIngest: true },
  );
  log(`[${label}] warming up (${questions.length} questions)…`);
  for (const q of questions) await engine.ask(q.q);

  const answerMs: number[] = [];
  const failed = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const { value, ms } = await time(() => engine.ask(q.q));
      answerMs.push(ms);
      if (r === 0 && !judge(q, value.answer).pass) failed.add(q.id);
    }
  }
  log(
    `[${label}] answers: ${questions.length - failed.size}/${questions.length} pass${failed.size ? ` (failed: ${[...failed].join(', ')})` : ''}`,
  );

  for (const q of questions) await loaded.search.search(q.q, { k: 5 });
  const searchMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) searchMs.push((await time(() => loaded.search.search(q.q, { k: 5 }))).ms);
  }

  return {
    docs: report.documents.length,
    ingest_ms: Math.round(report.ms),
    ingest_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    ingest_stages_ms: stages.result(report.ms),
    chunks: report.chunks,
    index_bytes: report.indexBytes,
    load_ms: round1(percentile(loads, 50)),
    answer_p50_ms: round2(percentile(answerMs, 50)),
    answer_p95_ms: round2(percentile(answerMs, 95)),
    search_p95_ms: round2(percentile(searchMs, 95)),
    public_pass: questions.length - failed.size,
    public_total: questions.length,
    public_failed: [...failed],
  };
}

interface BaselineMeasures {
  contains: number;
  p50: number;
  p95: number;
  chunks: number;
}

/** Naive RAG over the same files: does its top-5 context hold every expected string, and how fast is it? */
async function measureBaseline(
  plansDir: string,
  questions: readonly EvalQuestion[],
  rounds: number,
): Promise<BaselineMeasures> {
  const files = (await readdir(plansDir)).filter((n) => !n.startsWith('.') && !/^readme/i.test(n)).sort();
  const docs = await Promise.all(files.map((f) => loadDocument(join(plansDir, f))));
  const { value: rag, ms } = await time(() => buildNaiveRag(docs, createLocalEmbedder()));
  log(
    `[baseline] ${rag.chunks.length} chunks of ~${NAIVE_CHUNK_SIZE} characters (overlap ${NAIVE_CHUNK_OVERLAP}) embedded in ${Math.round(ms)} ms`,
  );
  let contains = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const hits = await rag.retrieve(q.q, NAIVE_TOP_K);
    const context = hits.map((h) => h.chunk.text).join('\n\n');
    if (judge(q, context).missing.length === 0) contains++;
    else misses.push(q.id);
  }
  log(
    `[baseline] top-${NAIVE_TOP_K} context holds every expected string for ${contains}/${questions.length} (missing: ${misses.join(', ')})`,
  );
  const timings: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) timings.push((await time(() => rag.retrieve(q.q, NAIVE_TOP_K))).ms);
  }
  return {
    contains,
    p50: round2(percentile(timings, 50)),
    p95: round2(percentile(timings, 95)),
    chunks: rag.chunks.length,
  };
}

export async function runBench(options: {
  plansDir: string;
  questionsFile: string;
  scale: number | null;
  seed: number;
  rounds: number;
  store?: BenchStore;
}): Promise<BenchResult> {
  const store = options.store ?? { kind: 'embedded' };
  const questions = await readQuestions(options.questionsFile);
  const loadStart = loadavg()[0] ?? 0;
  const root = await mkdtemp(join(tmpdir(), 'pianobot-bench-'));
  try {
    const samples = await measureIndex(
      'samples',
      [options.plansDir],
      join(root, 'index-samples'),
      options.plansDir,
      questions,
      options.rounds,
      store,
    );
    const baseline = await measureBaseline(options.plansDir, questions, options.rounds);
    const rssSamples = peakRssMb();

    let scale: ScaleResult | null = null;
    if (options.scale !== null) {
      const n = options.scale;
      const corpusDir = join(root, 'scale-corpus');
      const gen = await time(() =>
        writeScaleCorpus({ n, seed: options.seed, outDir: corpusDir, plansDir: options.plansDir }),
      );
      log(`[scale] generated ${n} synthetic plans (seed ${options.seed}) in ${Math.round(gen.ms)} ms`);
      const m = await measureIndex(
        `scale ${n}`,
        [options.plansDir, corpusDir],
        join(root, 'index-scale'),
        options.plansDir,
        questions,
        options.rounds,
        store,
      );
      scale = { n, ...m, docs_per_s: round1(m.docs / (m.ingest_ms / 1000)), rss_mb: peakRssMb() };
    }

    return {
      ...samples,
      rss_mb: rssSamples,
      baseline_top5_contains: baseline.contains,
      baseline_p50_ms: baseline.p50,
      baseline_p95_ms: baseline.p95,
      baseline_chunks: baseline.chunks,
      scale,
      store: store.kind,
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        seed: options.seed,
        rounds: options.rounds,
        // other processes competing for the cores stretch wall times; cpu times are not affected
        load_avg: [round2(loadStart), round2(loadavg()[0] ?? 0)],
      },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function formatTable(r: BenchResult): string {
  const mb = (bytes: number) => `${round1(bytes / 1024 / 1024)} MB`;
  const rows: [string, string, string][] = [
    ['documents', `${r.docs}`, ''],
    ['passages (chunks)', `${r.chunks}`, `${r.baseline_chunks} naive chunks`],
    ['cold ingest', `${r.ingest_ms} ms (cpu ${r.ingest_cpu_ms} ms)`, ''],
    [r.store === 'postgres' ? 'database size' : 'index on disk', mb(r.index_bytes), ''],
    ['index load', `${r.load_ms} ms`, ''],
    ['peak RSS', `${r.rss_mb} MB`, ''],
    [
      'answer p50 / p95',
      `${r.answer_p50_ms} / ${r.answer_p95_ms} ms`,
      `${r.baseline_p50_ms} / ${r.baseline_p95_ms} ms (retrieval only)`,
    ],
    ['passage search p95', `${r.search_p95_ms} ms`, ''],
    [
      'public questions',
      `${r.public_pass}/${r.public_total} pass`,
      `${r.baseline_top5_contains}/${r.public_total} top-${NAIVE_TOP_K} contexts hold the answer`,
    ],
  ];
  const out = ['', `pianobot benchmark (deterministic path, local embedder, ${r.store} store)`, ''];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length), 'pianobot'.length);
  out.push(`${''.padEnd(w0)}  ${'pianobot'.padEnd(w1)}  naive RAG baseline`);
  for (const [k, a, b] of rows) out.push(`${k.padEnd(w0)}  ${a.padEnd(w1)}  ${b}`);
  if (r.public_failed.length) out.push('', `failed: ${r.public_failed.join(', ')}`);
  if (r.scale) {
    const s = r.scale;
    out.push(
      '',
      `scale: samples + ${s.n} synthetic plans (${s.docs} documents, seed ${r.machine.seed})`,
      `  ingest ${s.ingest_ms} ms (cpu ${s.ingest_cpu_ms} ms, ${s.docs_per_s} docs/s), ${s.chunks} passages, index ${mb(s.index_bytes)}, load ${s.load_ms} ms`,
      `  peak RSS ${s.rss_mb} MB, answer p50 / p95 ${s.answer_p50_ms} / ${s.answer_p95_ms} ms, search p95 ${s.search_p95_ms} ms`,
      `  public questions ${s.public_pass}/${s.public_total} pass${s.public_failed.length ? ` (failed: ${s.public_failed.join(', ')})` : ''}`,
    );
  }
  out.push(
    '',
    `node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpu}, load average ${r.machine.load_avg.join(' → ')}, ` +
      `${r.machine.rounds} timed rounds after a warm-up`,
  );
  return out.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seed: { type: 'string', default: '2024' },
      rounds: { type: 'string', default: '3' },
      plans: { type: 'string', default: 'data/plans' },
      questions: { type: 'string', default: 'eval/public-questions.jsonl' },
      store: { type: 'string', default: 'embedded' },
    },
  });
  if (values.store !== 'embedded' && values.store !== 'postgres')
    throw new Error(`--store must be embedded or postgres, not "${values.store}"`);
  const config = loadConfig();
  if (values.store === 'postgres' && !config.databaseUrl)
    throw new Error(
      '--store postgres needs DATABASE_URL (a role allowed to CREATE DATABASE: the bench uses a throw-away one)',
    );
  const store: BenchStore =
    values.store === 'postgres' ? { kind: 'postgres', serverUrl: config.databaseUrl! } : { kind: 'embedded' };
  const scale = values.scale === undefined ? null : Number(values.scale);
  if (scale !== null && (!Number.isInteger(scale) || scale < 1))
    throw new Error(`--scale must be a positive integer, not "${values.scale}"`);
  const seed = Number(values.seed);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer, not "${values.rounds}"`);

  // anything a library prints must not pollute the JSON on stdout
  const print = console.log.bind(console);
  console.log = (...args: unknown[]) => console.error(...args);
  const result = await runBench({
    plansDir: values.plans,
    questionsFile: values.questions,
    scale,
    seed,
    rounds,
    store,
  });
  print(values.json ? JSON.stringify(result, null, 2) : formatTable(result));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
