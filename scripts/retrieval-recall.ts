/**
 * Recall of passage search over the retrieval question set: builds a search index of the sample plans in a
 * temporary directory (never data/index) and reports recall@1/@3/@5, MRR, index size and load time.
 *
 *   npx tsx scripts/retrieval-recall.ts [--no-records] [--verbose]
 *
 * --no-records chunks the plans without their extracted records (narrative and tables only).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPlan } from '../ingest/extractors/registry.ts';
import { buildSearchIndex } from '../ingest/indexing/build-search-index.ts';
import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { openSearchIndex } from '../src/retrieval/search-index.ts';
import { loadRealPlans } from '../test/retrieval/support/real-plans.ts';
import { loadRetrievalQuestions, rankOfAnswer } from '../test/retrieval/support/retrieval-questions.ts';

const args = new Set(process.argv.slice(2));
const withRecords = !args.has('--no-records');
const verbose = args.has('--verbose');

const { docs, plans: bare } = await loadRealPlans();
const plans = withRecords ? docs.map((d) => extractPlan(d)) : bare;
const dir = await mkdtemp(join(tmpdir(), 'pianobot-recall-'));
try {
  const out = join(dir, 'search');
  let t = performance.now();
  const built = await buildSearchIndex({ docs, plans, outDir: out, embedder: createLocalEmbedder() });
  const buildMs = performance.now() - t;
  t = performance.now();
  const index = await openSearchIndex(out, createLocalEmbedder());
  const loadMs = performance.now() - t;

  const questions = loadRetrievalQuestions();
  const ranks: (number | null)[] = [];
  t = performance.now();
  for (const q of questions) {
    const rank = await rankOfAnswer(index, q, 5);
    ranks.push(rank);
    if (verbose || rank === null || rank > 3)
      console.log(`${rank === null ? ' -' : String(rank).padStart(2)}  ${q.id.padEnd(12)} ${q.q}`);
  }
  const queryMs = (performance.now() - t) / questions.length;
  const at = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    [
      `questions: ${questions.length} (${withRecords ? 'plans with extracted records' : 'plans without records'})`,
      `recall@1: ${pct(at(1))}  recall@3: ${pct(at(3))}  recall@5: ${pct(at(5))}  MRR@5: ${mrr.toFixed(3)}`,
      `index: ${built.chunks} passages, ${(built.bytes / 1024 / 1024).toFixed(1)} MiB, built in ${Math.round(buildMs)} ms`,
      `load: ${Math.round(loadMs)} ms, query: ${queryMs.toFixed(1)} ms on average`,
    ].join('\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
