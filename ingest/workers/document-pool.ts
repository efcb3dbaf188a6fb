/**
 * Prepares plan files (prepare-document.ts) on worker threads, one file per worker at a time, so an ingest uses every
 * core: loading, extraction, chunking, analysis and local vectors are per-file work. The main thread only appends
 * the results in file order (SearchIndexWriter.addPrepared, ModelWriter.addPrepared), so the index is byte for byte
 * the one a single thread builds.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type DocumentJob, type PreparedDocument, type PrepareHooks, prepareDocument } from '../prepare-document.ts';
import type { JobMessage, ResultMessage, WorkerSetup } from './messages.ts';

/** Prepares files; `close` releases its threads (it must be called, also after a failure). */
export interface DocumentPreparer {
  /** worker threads preparing at once (0: the calling thread) */
  readonly threads: number;
  prepare(job: DocumentJob): Promise<PreparedDocument>;
  close(): Promise<void>;
}

/** On the calling thread (few files, or hooks that cannot cross threads: a model extractor, an injected registry). */
export function inProcessPreparer(hooks: PrepareHooks): DocumentPreparer {
  return { threads: 0, prepare: (job) => prepareDocument(job, hooks), close: async () => {} };
}

/**
 * The worker's code is TypeScript, like the rest of pianobot, run through tsx; a worker thread does not inherit the
 * loader tsx registered in the main thread (Node 20), so it registers it itself before importing the worker module.
 * tsx's API is resolved from here (not from the working directory); its ESM build sits beside the CommonJS one that
 * `require.resolve` finds.
 */
function bootstrap(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const esm = cjs.replace(/\.cjs$/, '.mjs');
  const api = pathToFileURL(existsSync(esm) ? esm : cjs).href;
  const worker = new URL('./document-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); })`;
}

interface Pending {
  resolve: (result: PreparedDocument) => void;
  reject: (error: Error) => void;
}

/** A fixed set of worker threads taking files from one queue. A crashed worker fails every file not yet prepared. */
export class WorkerPool implements DocumentPreparer {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: JobMessage[] = [];
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private closing = false;
  private nextId = 0;

  constructor(size: number, setup: WorkerSetup) {
    const code = bootstrap();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(code, { eval: true, workerData: setup });
      worker.on('message', (m: ResultMessage) => this.settle(worker, m));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (exitCode) => {
        if (!this.closing) this.fail(new Error(`an ingest worker thread stopped (exit code ${exitCode})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  prepare(job: DocumentJob): Promise<PreparedDocument> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, job });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.shift()!.postMessage(this.queue.shift()!);
  }

  private settle(worker: Worker, message: ResultMessage): void {
    this.idle.push(worker);
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.error) {
      const error = new Error(message.error.message);
      error.stack = message.error.stack;
      pending?.reject(error);
    } else pending?.resolve(message.result);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Hands out the preparation of `jobs` in their order, keeping up to `ahead` of them submitted beyond the one being
 * taken: the workers stay busy while the main thread appends, and at most that many prepared files wait in memory.
 */
export function preparedInOrder(
  jobs: readonly DocumentJob[],
  preparer: DocumentPreparer,
  ahead: number,
): { take(): Promise<PreparedDocument> } {
  const started: (Promise<PreparedDocument> | undefined)[] = [];
  let taken = 0;
  return {
    take() {
      if (taken >= jobs.length) throw new Error('no document left to prepare');
      for (let i = started.length; i < Math.min(jobs.length, taken + 1 + ahead); i++) {
        const p = preparer.prepare(jobs[i]!);
        // a failure is seen when its file is taken; until then it must not count as unhandled
        p.catch(() => {});
        started.push(p);
      }
      const p = started[taken]!;
      started[taken] = undefined;
      taken++;
      return p;
    },
  };
}
