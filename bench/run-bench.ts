/**
 * `npm run bench [-- --json] [--scale N] [--seed S] [--rounds R] [--store embedded|postgres]`: speed, memory and
 * accuracy of pianobot on the sample plans, beside a naive RAG baseline, and optionally on the samples plus N
 * synthetic plans. With `--store postgres` the plans go into a throw-away database on the DATABASE_URL server.
 * Progress goes to stderr; stdout carries only the result (one JSON object with --json, else a table).
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { ingestToPostgres } from '../ingest/postgres/ingest-to-postgres.ts';
import { type IngestReport, runIngest } from '../ingest/run-pipeline.ts';
import { MAX_QUESTION_CHARS } from '../src/answer/question-limits.ts';
import { loadConfig } from '../src/config.ts';
import { type EvalQuestion, EvalQuestionSchema, judge } from '../src/eval/score.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { createPool } from '../src/store/postgres/database.ts';
import { buildNaiveRag, NAIVE_CHUNK_OVERLAP, NAIVE_CHUNK_SIZE, NAIVE_TOP_K } from './naive-rag.ts';
import { writeScaleCorpus } from './scale-corpus.ts';
import { percentile, type ServeFigures, ServeFiguresSchema } from './serve-probe.ts';

export { percentile };

/** What one ingest-and-answer run measures, for the samples alone or with a scale corpus. */
interface RunFigures {
  docs: number;
  ingest_ms: number;
  ingest_cpu_ms: number;
  ingest_stages_ms: Record<string, number>;
  chunks: number;
  index_bytes: number;
  load_ms: number;
  /** CPU time of the load, every thread of the serving process (wall time is stretched by other processes) */
  load_cpu_ms: number;
  /** the first question right after the load (a lazily read model is completed then, if its warm-up has not) */
  first_answer_ms: number;
  first_answer_cpu_ms: number;
  /** peak RSS of the process that ingests (the bench itself) */
  rss_mb: number;
  /** peak RSS of a separate process that loads the index and answers, as a server does */
  serve_rss_mb: number;
  answer_p50_ms: number;
  answer_p95_ms: number;
  /** CPU time of the same answers (every thread of the serving process) */
  answer_cpu_p50_ms: number;
  answer_cpu_p95_ms: number;
  search_p95_ms: number;
  /** engine time of the slowest adversarial question at the length cap (median of the rounds), and its name */
  adversarial_worst_ms: number;
  adversarial_worst: string;
  /** the most CPU time any of them takes (median of the rounds), and its name: what other processes on the cores
   * stretch far less than the wall time */
  adversarial_worst_cpu_ms: number;
  adversarial_worst_cpu: string;
  public_pass: number;
  public_total: number;
  public_failed: string[];
}

export interface ScaleResult extends RunFigures {
  n: number;
  docs_per_s: number;
  /** re-ingesting after one synthetic plan changed */
  incremental_ms: number;
  /** CPU time of that re-ingest (its wall time is stretched by other processes on the cores) */
  incremental_cpu_ms: number;
  /** documents that re-ingest copied from the index unchanged (all but the changed one when incremental works) */
  incremental_reused: number;
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
  /** the database the serving process reads, none for the embedded index */
  url: string | undefined;
  ingest(inputs: string[], onProgress: (m: string) => void): Promise<IngestReport>;
  done(): Promise<void>;
}

async function openStoreRun(store: BenchStore, indexDir: string): Promise<StoreRun> {
  const embedder = createLocalEmbedder();
  if (store.kind === 'embedded') {
    return {
      url: undefined,
      ingest: (inputs, onProgress) => runIngest({ inputs, indexDir, embedder, force: true, onProgress }),
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
    ingest: (inputs, onProgress) => ingestToPostgres({ inputs, pool, embedder, force: true, onProgress }),
    async done() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Splits the ingest wall time into stages by the pipeline's progress messages, for an ingest that does not time its
 * own stages (PostgreSQL's): reading and extracting the files, chunking, embedding, writing. A message the pipeline
 * no longer sends just leaves its stage out.
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

const execFileAsync = promisify(execFile);

/** Loads the index (or reads the database) and answers in a child process: its figures, memory included, are a server's. */
async function serveFigures(
  indexDir: string,
  plansDir: string,
  questionsFile: string,
  rounds: number,
  databaseUrl: string | undefined,
) {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/serve-probe.ts',
      '--index',
      indexDir,
      '--plans',
      plansDir,
      '--questions',
      questionsFile,
      '--rounds',
      String(rounds),
      ...(databaseUrl ? ['--database', databaseUrl] : []),
    ],
    { maxBuffer: 1 << 20 },
  );
  return ServeFiguresSchema.parse(JSON.parse(stdout)) satisfies ServeFigures;
}

/** Cold ingest into a fresh index in this process, then load, answer and search timings in a child process. */
async function measureIndex(
  label: string,
  inputs: string[],
  indexDir: string,
  plansDir: string,
  questions: { file: string; list: readonly EvalQuestion[] },
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
  questions: { file: string; list: readonly EvalQuestion[] },
  rounds: number,
  run: StoreRun,
): Promise<IndexMeasures> {
  let lastProgress = 0;
  log(`[${label}] ingesting ${inputs.join(' + ')}…`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const clock = new StageClock();
  const report = await run.ingest(inputs, (m) => {
    const now = performance.now();
    clock.mark(m, now - started);
    // per-file and per-batch lines are many: one every few seconds is enough to show progress
    if (!/^\[\d|^embedded /.test(m) || now - lastProgress > 5000) {
      lastProgress = now;
      log(`[${label}]   ${m}`);
    }
  });
  const cpu = process.cpuUsage(cpuBefore);
  for (const e of report.errors) log(`[${label}]   skipped ${e.file}: ${e.code} ${e.message}`);
  const stages = report.stagesMs ?? clock.result(report.ms);
  log(
    `[${label}] ingested ${report.documents.length} documents, ${report.chunks} passages in ${Math.round(report.ms)} ms ` +
      `(cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms; stages ${JSON.stringify(stages)})`,
  );

  log(`[${label}] serving from a separate process (${questions.list.length} questions × ${rounds} rounds)…`);
  const serve = await serveFigures(indexDir, plansDir, questions.file, rounds, run.url);
  log(
    `[${label}] load ${serve.load_ms} ms, first answer ${serve.first_answer_ms} ms, answers: ${serve.public_pass}/${serve.public_total} pass` +
      `${serve.public_failed.length ? ` (failed: ${serve.public_failed.join(', ')})` : ''}, server peak RSS ${serve.serve_rss_mb} MB`,
  );

  log(
    `[${label}] worst adversarial question: ${serve.adversarial_worst} ${serve.adversarial_worst_ms} ms; most cpu: ${serve.adversarial_worst_cpu} ${serve.adversarial_worst_cpu_ms} ms`,
  );

  return {
    docs: report.documents.length,
    ingest_ms: Math.round(report.ms),
    ingest_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    ingest_stages_ms: stages,
    chunks: report.chunks,
    index_bytes: report.indexBytes,
    ...serve,
  };
}

/** Changes one synthetic plan (one more line of text) and ingests again over the existing index. */
async function measureIncremental(
  inputs: string[],
  indexDir: string,
  corpusDir: string,
): Promise<{ ms: number; cpuMs: number; reused: number }> {
  const files = (await readdir(corpusDir)).sort();
  const changed = join(corpusDir, files[Math.floor(files.length / 2)]!);
  await appendFile(changed, "\nNota: documento aggiornato per la verifica dell'indicizzazione incrementale.\n");
  const cpu = process.cpuUsage();
  const report = await runIngest({ inputs, indexDir, embedder: createLocalEmbedder() });
  const used = process.cpuUsage(cpu);
  log(
    `[incremental] one plan changed: re-ingested in ${Math.round(report.ms)} ms (${JSON.stringify(report.stagesMs)})`,
  );
  return {
    ms: Math.round(report.ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    reused: report.documents.filter((d) => d.source === 'reused').length,
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
    const questionSet = { file: options.questionsFile, list: questions };
    const samples = await measureIndex(
      'samples',
      [options.plansDir],
      join(root, 'index-samples'),
      options.plansDir,
      questionSet,
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
      const inputs = [options.plansDir, corpusDir];
      const m = await measureIndex(
        `scale ${n}`,
        inputs,
        join(root, 'index-scale'),
        options.plansDir,
        questionSet,
        options.rounds,
        store,
      );
      const rss = peakRssMb();
      const incremental = await measureIncremental(inputs, join(root, 'index-scale'), corpusDir);
      scale = {
        n,
        ...m,
        docs_per_s: round1(m.docs / (m.ingest_ms / 1000)),
        rss_mb: rss,
        incremental_ms: incremental.ms,
        incremental_cpu_ms: incremental.cpuMs,
        incremental_reused: incremental.reused,
      };
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
    ['index load', `${r.load_ms} ms (cpu ${r.load_cpu_ms} ms)`, ''],
    ['first answer after the load', `${r.first_answer_ms} ms (cpu ${r.first_answer_cpu_ms} ms)`, ''],
    ['peak RSS (ingest / server)', `${r.rss_mb} / ${r.serve_rss_mb} MB`, ''],
    [
      'answer p50 / p95',
      `${r.answer_p50_ms} / ${r.answer_p95_ms} ms (cpu ${r.answer_cpu_p50_ms} / ${r.answer_cpu_p95_ms} ms)`,
      `${r.baseline_p50_ms} / ${r.baseline_p95_ms} ms (retrieval only)`,
    ],
    ['passage search p95', `${r.search_p95_ms} ms`, ''],
    [
      `worst adversarial question (${MAX_QUESTION_CHARS} characters)`,
      `${r.adversarial_worst_ms} ms (${r.adversarial_worst}); cpu ${r.adversarial_worst_cpu_ms} ms (${r.adversarial_worst_cpu})`,
      '',
    ],
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
      `  ingest ${s.ingest_ms} ms (cpu ${s.ingest_cpu_ms} ms, ${s.docs_per_s} docs/s), ${s.chunks} passages, index ${mb(s.index_bytes)}, load ${s.load_ms} ms (cpu ${s.load_cpu_ms} ms), first answer ${s.first_answer_ms} ms (cpu ${s.first_answer_cpu_ms} ms)`,
      `  peak RSS ingest ${s.rss_mb} MB / server ${s.serve_rss_mb} MB, incremental ingest ${s.incremental_ms} ms (cpu ${s.incremental_cpu_ms} ms, ${s.incremental_reused} documents reused), answer p50 / p95 ${s.answer_p50_ms} / ${s.answer_p95_ms} ms (cpu ${s.answer_cpu_p50_ms} / ${s.answer_cpu_p95_ms} ms), search p95 ${s.search_p95_ms} ms`,
      `  worst adversarial question ${s.adversarial_worst_ms} ms (${s.adversarial_worst}); cpu ${s.adversarial_worst_cpu_ms} ms (${s.adversarial_worst_cpu})`,
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
