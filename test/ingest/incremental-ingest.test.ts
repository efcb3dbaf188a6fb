import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanExtractor } from '../../ingest/extractors/plan-extractor.ts';
import { detectLayout } from '../../ingest/extractors/registry.ts';
import type { SourceDocument } from '../../ingest/loaders/source-document.ts';
import { type IngestReport, runIngest } from '../../ingest/run-pipeline.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { INDEX_FILES } from '../../src/retrieval/index-format.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { indexContent } from './support/index-content.ts';
import { REGGIO, removeDir, SAMPLE_PLANS, SERRAVALLE, stagePlans, tempRoot } from './support/sample-plans.ts';

const embedder = createLocalEmbedder();

/** The layout registry, counting which files it is asked to extract. */
function countingRegistry() {
  const extracted: string[] = [];
  const detect = (doc: SourceDocument): PlanExtractor => {
    extracted.push(doc.file);
    return detectLayout(doc);
  };
  return { extracted, detect };
}

describe('incremental ingest: one plan changed in a five-plan index', () => {
  let root: string;
  let plansDir: string;
  let indexDir: string;
  let counting: ReturnType<typeof countingRegistry>;
  let again: IngestReport;

  beforeAll(async () => {
    root = await tempRoot('incremental');
    plansDir = join(root, 'plans');
    indexDir = join(root, 'index');
    await stagePlans(plansDir);
    await runIngest({ inputs: [plansDir], indexDir, embedder });
    await appendFile(join(plansDir, SERRAVALLE.file), '\nAvviso: lo sportello Zanzibarico apre il lunedì.\n');
    counting = countingRegistry();
    again = await runIngest({ inputs: [plansDir], indexDir, embedder, detectLayout: counting.detect });
  });
  afterAll(() => removeDir(root));

  it('extracts only the changed plan again and reuses the four others as they were', () => {
    expect(again.upToDate).toBe(false);
    expect(counting.extracted).toEqual([SERRAVALLE.file]);
    expect(again.documents.map((d) => [d.file, d.source])).toEqual(
      SAMPLE_PLANS.map((p) => [p.file, p.file === SERRAVALLE.file ? 'file' : 'reused']),
    );
  });

  it('keeps the reused plans’ reports (counts and warnings) as their extraction made them', async () => {
    const cold = await runIngest({ inputs: [plansDir], indexDir: join(root, 'cold-report'), embedder, force: true });
    const strip = (r: IngestReport) => r.documents.map(({ ms: _ms, source: _source, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(cold));
  });

  it('finds the changed plan’s new text and still answers from the others', async () => {
    const index = await loadIndex(indexDir, embedder);
    const hits = await index.search.search('sportello Zanzibarico', { k: 3 });
    expect(hits[0]?.chunk.doc).toBe(SERRAVALLE.file);
    expect(hits[0]?.chunk.text).toContain('Zanzibarico');
    expect(index.store.objectives.filter((o) => o.doc === REGGIO.file).length).toBe(REGGIO.objectives);
  });

  it('writes the very index a forced full rebuild of the same files writes', async () => {
    const coldDir = join(root, 'cold');
    await runIngest({ inputs: [plansDir], indexDir: coldDir, embedder, force: true });
    const [incremental, cold] = await Promise.all([indexContent(indexDir), indexContent(coldDir)]);
    expect(incremental.model).toEqual(cold.model);
    expect(incremental.segments).toEqual(cold.segments);
    expect(incremental.searchManifest).toEqual(cold.searchManifest);
    expect(incremental.search[INDEX_FILES.postings]!.equals(cold.search[INDEX_FILES.postings]!)).toBe(true);
    expect(incremental.search[INDEX_FILES.passages]!.equals(cold.search[INDEX_FILES.passages]!)).toBe(true);
    expect(incremental.search[INDEX_FILES.vectorsInt8]!.equals(cold.search[INDEX_FILES.vectorsInt8]!)).toBe(true);
  });

  it('removes a deleted plan and reuses the rest, again as a full rebuild would', async () => {
    await rm(join(plansDir, REGGIO.file));
    const next = countingRegistry();
    const report = await runIngest({ inputs: [plansDir], indexDir, embedder, detectLayout: next.detect });
    expect(next.extracted).toEqual([]);
    expect(report.documents.every((d) => d.source === 'reused')).toBe(true);
    expect(report.documents.map((d) => d.file)).not.toContain(REGGIO.file);
    const coldDir = join(root, 'cold-without-reggio');
    await runIngest({ inputs: [plansDir], indexDir: coldDir, embedder, force: true });
    const [incremental, cold] = await Promise.all([indexContent(indexDir), indexContent(coldDir)]);
    expect(incremental.model).toEqual(cold.model);
    expect(incremental.segments).toEqual(cold.segments);
    expect(incremental.search[INDEX_FILES.postings]!.equals(cold.search[INDEX_FILES.postings]!)).toBe(true);
    expect(incremental.search[INDEX_FILES.passages]!.equals(cold.search[INDEX_FILES.passages]!)).toBe(true);
  });

  it('extracts everything again when a rebuild is forced', async () => {
    const forced = countingRegistry();
    await runIngest({ inputs: [plansDir], indexDir, embedder, force: true, detectLayout: forced.detect });
    expect(forced.extracted.length).toBe(SAMPLE_PLANS.length - 1);
  });
});
