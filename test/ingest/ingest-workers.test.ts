import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestReport, runIngest } from '../../ingest/run-pipeline.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { hashEmbedder } from '../retrieval/support/counting-embedder.ts';
import { makePdf } from '../support/make-pdf.ts';
import { indexContent } from './support/index-content.ts';
import { PLANS_DIR, removeDir, SAMPLE_PLANS, SERRAVALLE, stagePlans, tempRoot } from './support/sample-plans.ts';

const embedder = createLocalEmbedder();

/** The five sample plans and one of each kind of unreadable file, in one folder. */
async function stageMixedFolder(dir: string): Promise<string[]> {
  await stagePlans(dir);
  const serravalle = await readFile(join(PLANS_DIR, SERRAVALLE.file), 'utf8');
  await writeFile(join(dir, 'guasto.pdf'), randomBytes(4096));
  await writeFile(join(dir, 'cifrato.pdf'), await makePdf(serravalle.slice(0, 2000), { password: 'chiave' }));
  await writeFile(join(dir, 'nullo.txt'), '');
  await writeFile(join(dir, 'rumore.txt'), randomBytes(4096));
  // a readable PDF goes through the PDF loader in a worker too
  await writeFile(join(dir, 'estratto.pdf'), await makePdf(serravalle.slice(0, 6000)));
  return ['guasto.pdf', 'cifrato.pdf', 'nullo.txt', 'rumore.txt'];
}

describe('runIngest on worker threads', () => {
  let root: string;
  let plansDir: string;
  let bad: string[];
  const runs: Record<string, { report: IngestReport; progress: string[]; indexDir: string }> = {};

  const ingest = async (name: string, workers: number, options: { force?: boolean; indexDir?: string } = {}) => {
    const progress: string[] = [];
    const indexDir = options.indexDir ?? join(root, `index-${name}`);
    const report = await runIngest({
      inputs: [plansDir],
      indexDir,
      embedder,
      workers,
      ...(options.force ? { force: true } : {}),
      onProgress: (m) => progress.push(m),
    });
    runs[name] = { report, progress, indexDir };
    return runs[name]!;
  };

  beforeAll(async () => {
    root = await tempRoot('workers');
    plansDir = join(root, 'plans');
    bad = await stageMixedFolder(plansDir);
    await ingest('one', 1);
    await ingest('two', 2);
  });
  afterAll(() => removeDir(root));

  it('prepares the files on the worker threads it was given', () => {
    expect(runs.two!.progress).toContain('preparing documents on 2 worker threads');
    expect(runs.one!.progress.some((m) => /worker threads/.test(m))).toBe(false);
  });

  it('writes the same index, byte for byte, as a single thread', async () => {
    const [one, two] = await Promise.all([indexContent(runs.one!.indexDir), indexContent(runs.two!.indexDir)]);
    expect(Object.keys(two.search)).toEqual(Object.keys(one.search));
    expect(two).toEqual(one);
  });

  it('reports the documents in file order with the same figures', () => {
    const strip = (r: IngestReport) => r.documents.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(runs.two!.report)).toEqual(strip(runs.one!.report));
    expect(runs.two!.report.documents.map((d) => d.file)).toEqual(
      [...SAMPLE_PLANS.map((p) => p.file), 'estratto.pdf'].sort(),
    );
    expect(runs.two!.report.chunks).toBe(runs.one!.report.chunks);
  });

  it('names each unreadable file and why, as a single thread does, and skips it', () => {
    expect(runs.two!.report.errors).toEqual(runs.one!.report.errors);
    expect(runs.two!.report.errors.map((e) => e.file).sort()).toEqual([...bad].sort());
    for (const e of runs.two!.report.errors) expect(e.message).toContain(e.file);
    expect(runs.two!.report.errors.find((e) => e.file === 'cifrato.pdf')?.code).toBe('PLAN_FILE_ENCRYPTED');
  });

  it('serves the index it wrote', async () => {
    const { store } = await loadIndex(runs.two!.indexDir, embedder);
    const expected = SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0);
    expect(store.objectives.length).toBeGreaterThanOrEqual(expected);
  });

  it('rebuilds over an existing index (vectors lent by the previous build) to the same index', async () => {
    const again = await ingest('again', 2, { force: true, indexDir: runs.one!.indexDir });
    expect(again.report.upToDate).toBe(false);
    expect(await indexContent(runs.one!.indexDir)).toEqual(await indexContent(runs.two!.indexDir));
  });

  it('leaves the embedding to the main thread for an endpoint model, with the same index as a single thread', async () => {
    const endpoint = hashEmbedder('test-endpoint-embedder', 24);
    const build = async (workers: number) => {
      const indexDir = join(root, `index-endpoint-${workers}`);
      await runIngest({ inputs: [plansDir], indexDir, embedder: endpoint, workers });
      return indexContent(indexDir);
    };
    const [one, two] = [await build(1), await build(2)];
    expect(Object.keys(two.search)).toContain('vectors.hnsw');
    expect(two).toEqual(one);
  });
});

describe('runIngest on worker threads with nothing readable', () => {
  it('fails as a single thread does, naming every file, and writes no index', async () => {
    const root = await tempRoot('workers-bad');
    try {
      const plansDir = join(root, 'plans');
      await stagePlans(plansDir, []);
      await writeFile(join(plansDir, 'a.txt'), '');
      await writeFile(join(plansDir, 'b.txt'), randomBytes(2048));
      const run = runIngest({ inputs: [plansDir], indexDir: join(root, 'index'), embedder, workers: 2 });
      await expect(run).rejects.toThrow(/No plan could be ingested[\s\S]*a\.txt[\s\S]*b\.txt/);
    } finally {
      await removeDir(root);
    }
  });
});
