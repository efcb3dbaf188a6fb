import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../ingest/indexing/build-search-index.ts';
import { writeVectorIndex } from '../../../ingest/indexing/vector-index.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { ExtractedPlan } from '../../../src/plan/model.ts';
import { createLocalEmbedder } from '../../../src/retrieval/embedder.ts';
import { INDEX_FILES, ManifestSchema } from '../../../src/retrieval/index-format.ts';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_ID } from '../../../src/retrieval/local-embedder.ts';
import { openSearchIndex } from '../../../src/retrieval/search-index.ts';
import { countingEmbedder, failingEmbedder, hashEmbedder } from '../../retrieval/support/counting-embedder.ts';
import { loadRealPlans, planWithoutRecords } from '../../retrieval/support/real-plans.ts';

const SERRAVALLE = '001_73b0fc146c050a42.txt';
const PIAO = '003_3c291b98105b86e1.txt';

let base: string;
let docs: SourceDocument[];
let plans: ExtractedPlan[];
let first: Awaited<ReturnType<typeof buildSearchIndex>>;
const firstDir = () => join(base, 'first');

const manifestOf = async (dir: string) =>
  ManifestSchema.parse(JSON.parse(await readFile(join(dir, INDEX_FILES.manifest), 'utf8')));

/** The Serravalle PEG with one word of its Passepartout objective changed: a new version of the plan. */
function editedSerravalle(doc: SourceDocument): SourceDocument {
  const lines = doc.lines.map((l, i) => (i === 154 ? l.replace('Passepartout', 'Passe-partout') : l));
  const text = lines.join('\n');
  return { ...doc, lines, text, sha256: createHash('sha256').update(text).digest('hex') };
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pianobot-index-'));
  ({ docs, plans } = await loadRealPlans([SERRAVALLE, PIAO]));
  first = await buildSearchIndex({ docs, plans, outDir: firstDir(), embedder: createLocalEmbedder() });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('writes the passages, postings, int8 vectors, passage hashes and, last, the manifest', async () => {
    expect((await readdir(firstDir())).sort()).toEqual(
      [INDEX_FILES.manifest, INDEX_FILES.passages, INDEX_FILES.postings, INDEX_FILES.vectorsInt8, 'hashes.txt'].sort(),
    );
    const manifest = await manifestOf(firstDir());
    expect(manifest.embedder).toEqual({ id: LOCAL_EMBEDDER_ID, dimension: LOCAL_EMBEDDER_DIMENSION });
    expect(manifest.docs.map((d) => [d.file, d.sha256])).toEqual(docs.map((d) => [d.file, d.sha256]));
    expect(manifest.chunks).toBe(first.chunks);
    expect(manifest.docs.reduce((s, d) => s + d.chunks, 0)).toBe(first.chunks);
    expect(first.reusedEmbeddings).toBe(0);
    expect(first.bytes).toBeGreaterThan(0);
  });

  it('reuses the embeddings of every passage when no document changed', async () => {
    const { embedder, counter } = countingEmbedder(createLocalEmbedder());
    const again = await buildSearchIndex({
      docs,
      plans,
      outDir: join(base, 'unchanged'),
      previousDir: firstDir(),
      embedder,
    });
    expect(again.reusedEmbeddings).toBe(first.chunks);
    expect(counter.embedded).toBe(0);
  });

  it('embeds only the passages of a changed document and reuses those of the unchanged ones', async () => {
    const changed = [editedSerravalle(docs[0]!), docs[1]!];
    const changedPlans = changed.map((d) => planWithoutRecords(d));
    const { embedder, counter } = countingEmbedder(createLocalEmbedder());
    const result = await buildSearchIndex({
      docs: changed,
      plans: changedPlans,
      outDir: join(base, 'changed'),
      previousDir: firstDir(),
      embedder,
    });
    const before = await manifestOf(firstDir());
    const piaoChunks = before.docs.find((d) => d.file === PIAO)!.chunks;
    const serravalleChunks = (await manifestOf(join(base, 'changed'))).docs.find((d) => d.file === SERRAVALLE)!.chunks;
    expect(result.reusedEmbeddings).toBe(piaoChunks);
    expect(counter.embedded).toBe(serravalleChunks);

    const index = await openSearchIndex(join(base, 'changed'), createLocalEmbedder());
    const [hit] = await index.search('progetto Passe-partout', { k: 1 });
    expect(hit?.chunk.text).toContain('Passe-partout');
  });

  it('finds the same passages with reused vectors as with freshly computed ones', async () => {
    const fresh = await openSearchIndex(firstDir(), createLocalEmbedder());
    const reused = await openSearchIndex(join(base, 'unchanged'), createLocalEmbedder());
    for (const q of ['are the offices wheelchair accessible?', 'help desk chatbot', 'Passepartout']) {
      const a = (await fresh.search(q, { k: 5 })).map((h) => h.chunk.id);
      const b = (await reused.search(q, { k: 5 })).map((h) => h.chunk.id);
      expect(b).toEqual(a);
    }
  });

  it('embeds everything again when the previous index was built by another embedder', async () => {
    const result = await buildSearchIndex({
      docs,
      plans,
      outDir: join(base, 'other'),
      previousDir: firstDir(),
      embedder: hashEmbedder('openai:nomic-embed-text', 64),
    });
    expect(result.reusedEmbeddings).toBe(0);
    const manifest = await manifestOf(join(base, 'other'));
    expect(manifest.embedder).toEqual({ id: 'openai:nomic-embed-text', dimension: 64 });
    // an endpoint model's vectors go into an hnswlib graph searched over all passages
    expect(manifest.vectors).toBe('hnsw');
    const index = await openSearchIndex(join(base, 'other'), hashEmbedder('openai:nomic-embed-text', 64));
    expect((await index.search('Passepartout', { k: 3 })).map((h) => h.chunk.text).join(' ')).toContain('Passepartout');
  });

  it('leaves the previous index untouched and serving when a build fails', async () => {
    const manifestBefore = readFileSync(join(firstDir(), INDEX_FILES.manifest));
    const vectorsBefore = readFileSync(join(firstDir(), INDEX_FILES.vectorsInt8));
    await expect(
      buildSearchIndex({
        docs,
        plans,
        outDir: join(base, 'failed'),
        previousDir: firstDir(),
        embedder: failingEmbedder('openai:down', 64),
      }),
    ).rejects.toThrow(/unreachable/);
    expect(existsSync(join(base, 'failed', INDEX_FILES.manifest))).toBe(false);
    expect(readFileSync(join(firstDir(), INDEX_FILES.manifest)).equals(manifestBefore)).toBe(true);
    expect(readFileSync(join(firstDir(), INDEX_FILES.vectorsInt8)).equals(vectorsBefore)).toBe(true);
    const index = await openSearchIndex(firstDir(), createLocalEmbedder());
    expect((await index.search('Passepartout', { k: 1 })).length).toBe(1);
  });
});

describe('openSearchIndex', () => {
  it('refuses an embedder other than the one that built the index, telling to rebuild', async () => {
    const attempt = openSearchIndex(firstDir(), hashEmbedder('openai:text-embedding-3-small', 1536));
    await expect(attempt).rejects.toMatchObject({ code: 'INDEX_INCOMPATIBLE' });
    await expect(attempt).rejects.toThrow(
      /built with the embedder local-hash-v2 \(dimension 384\).*openai:text-embedding-3-small.*npm run ingest/,
    );
  });

  it('refuses the same embedder name with another dimension', async () => {
    await expect(openSearchIndex(firstDir(), hashEmbedder(LOCAL_EMBEDDER_ID, 1024))).rejects.toMatchObject({
      code: 'INDEX_INCOMPATIBLE',
    });
  });

  it('reports a missing index with the command that builds it', async () => {
    await expect(openSearchIndex(join(base, 'nothing-here'), createLocalEmbedder())).rejects.toMatchObject({
      code: 'INDEX_MISSING',
      message: expect.stringContaining('npm run ingest'),
    });
  });

  // how fast it loads is measured by `npm run bench` (index load), not here
  it('opens the written index with every passage it was built from', async () => {
    const index = await openSearchIndex(firstDir(), createLocalEmbedder());
    expect(index.size).toBe(first.chunks);
  });
});

describe('writeVectorIndex', () => {
  it('grows the hnswlib capacity before it fills', async () => {
    const file = join(base, 'grow.hnsw');
    const vectors = Array.from({ length: 10 }, (_, i) => [1, i, i * i, 1 / (i + 1)]);
    writeVectorIndex(file, 4, vectors, 2);
    const index = new hnswlib.HierarchicalNSW('cosine', 4);
    index.readIndexSync(file);
    expect(index.getCurrentCount()).toBe(10);
    index.setEf(20);
    expect(index.searchKnn([1, 3, 9, 0.25], 1).neighbors).toEqual([3]);
  });
});
