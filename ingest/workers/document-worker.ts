/**
 * An ingest worker thread: prepares the plan files the pool posts to it, one at a time, with the layout registry and
 * (when the index uses it) its own local embedder, and posts each result back. See document-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { localHashEmbedder, takesAnalyzed } from '../../src/retrieval/local-embedder.ts';
import { detectLayout } from '../extractors/registry.ts';
import { type PrepareHooks, prepareDocument } from '../prepare-document.ts';
import { type JobMessage, type ResultMessage, WorkerSetupSchema } from './messages.ts';

const setup = WorkerSetupSchema.parse(workerData);
const embedder = setup.localDimension ? localHashEmbedder(setup.localDimension) : null;
const hooks: PrepareHooks = {
  detect: detectLayout,
  local: embedder && takesAnalyzed(embedder) ? { dimension: embedder.dimension, embedder } : null,
};
const port = parentPort;
if (!port) throw new Error('document-worker.ts runs as a worker thread of the ingest');

port.on('message', async ({ id, job }: JobMessage) => {
  let reply: ResultMessage;
  try {
    reply = { id, result: await prepareDocument(job, hooks) };
  } catch (error) {
    const e = error as Error;
    reply = { id, error: { message: e.message, stack: e.stack ?? '' } };
  }
  port.postMessage(reply);
});
