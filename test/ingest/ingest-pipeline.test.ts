import { randomBytes } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestReport, readManifest, runIngest } from '../../ingest/run-pipeline.ts';
import { PianobotError } from '../../src/errors.ts';
import { personKey } from '../../src/plan/names.ts';
import { createLocalEmbedder, type Embedder } from '../../src/retrieval/embedder.ts';
import { indexPaths } from '../../src/store/index-layout.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { makePdf } from '../support/make-pdf.ts';
import {
  leftovers,
  PLANS_DIR,
  removeDir,
  SAMPLE_PLANS,
  SERRAVALLE,
  stagePlans,
  tempRoot,
} from './support/sample-plans.ts';

const embedder = createLocalEmbedder();

/** An embeddings endpoint that is down: the search index cannot be built. */
const failingEmbedder: Embedder = {
  id: 'test-failing-embedder',
  dimension: 16,
  embed: async () => {
    throw new Error('embeddings endpoint unreachable');
  },
};

describe('runIngest on the five sample plans', () => {
  let root: string;
  let plansDir: string;
  let indexDir: string;
  let first: IngestReport;

  beforeAll(async () => {
    root = await tempRoot('pipeline');
    plansDir = join(root, 'plans');
    indexDir = join(root, 'index');
    await stagePlans(plansDir);
    first = await runIngest({ inputs: [plansDir], indexDir, embedder });
  });
  afterAll(() => removeDir(root));

  it('ingests every plan and skips nothing', () => {
    expect(first.upToDate).toBe(false);
    expect(first.errors).toEqual([]);
    expect(first.documents.map((d) => d.file)).toEqual(SAMPLE_PLANS.map((p) => p.file));
    expect(first.chunks).toBeGreaterThan(0);
  });

  it.each(
    SAMPLE_PLANS.map(
      (p) => [`${p.file} as ${p.layout} (${p.entity}): ${p.objectives} objectives, ${p.projects} projects`, p] as const,
    ),
  )('reads %s', (_, expected) => {
    const report = first.documents.find((d) => d.file === expected.file);
    expect(report).toMatchObject({
      layout: expected.layout,
      entity: expected.entity,
      objectives: expected.objectives,
      projects: expected.projects,
    });
  });

  it('counts indicators and phases as the stored model holds them', async () => {
    const { store } = await loadIndex(indexDir, embedder);
    for (const d of first.documents) {
      const objectives = store.objectives.filter((o) => o.doc === d.file);
      expect(d.indicators, d.file).toBe(objectives.reduce((n, o) => n + o.indicators.length, 0));
      expect(d.phases, d.file).toBe(objectives.reduce((n, o) => n + o.phases.length, 0));
    }
    expect(first.documents.find((d) => d.file === '002_51402a20550dfbf2.txt')!.indicators).toBeGreaterThan(100);
  });

  it('writes an index that loads, with the manifest naming each document, its hash and layout', async () => {
    const { manifest, store, search } = await loadIndex(indexDir, embedder);
    expect(manifest.documents.map((d) => [d.file, d.layout, d.objectives, d.projects])).toEqual(
      SAMPLE_PLANS.map((p) => [p.file, p.layout, p.objectives, p.projects]),
    );
    for (const d of manifest.documents) expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(store.objectives).toHaveLength(SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0));
    expect(store.projects).toHaveLength(59);
    expect(search.size).toBe(first.chunks);
  });

  it('derives the people of the plans, findable surname-first or first-name-first', async () => {
    const { store } = await loadIndex(indexDir, embedder);
    const sardi = store.peopleByKey.get('sardi valentina');
    expect(sardi?.name).toBe('Sardi Valentina');
    expect(store.peopleByKey.get(personKey('Valentina Sardi'))).toBe(sardi);
    expect(sardi?.roles).toContainEqual({ role: 'owner', doc: '000_dd772a8f217c4819.txt', ref: '2020-PL09' });
    // near-identical names stay two people
    expect(store.peopleByKey.get(personKey('Fedi Simona'))?.name).toBe('Fedi Simona');
    expect(store.peopleByKey.get(personKey('Fedeli Simonetta'))?.name).toBe('Fedeli Simonetta');
  });

  it('leaves no build or swap directory behind', async () => {
    expect(await leftovers(root)).toEqual([]);
  });

  describe('re-running', () => {
    it('on unchanged files is up to date and cheap', async () => {
      const again = await runIngest({ inputs: [plansDir], indexDir, embedder });
      expect(again.upToDate).toBe(true);
      expect(again.documents).toEqual([]);
    });

    it('after one file changed rebuilds the index with the new content', async () => {
      const before = await readManifest(indexPaths(indexDir).manifest);
      await appendFile(join(plansDir, SERRAVALLE.file), '\nNota finale aggiunta dopo la prima ingestione.\n');
      const rebuilt = await runIngest({ inputs: [plansDir], indexDir, embedder });
      expect(rebuilt.upToDate).toBe(false);
      expect(rebuilt.documents.find((d) => d.file === SERRAVALLE.file)?.objectives).toBe(SERRAVALLE.objectives);
      const after = await readManifest(indexPaths(indexDir).manifest);
      const hashOf = (m: typeof before, file: string) => m?.documents.find((d) => d.file === file)?.sha256;
      expect(hashOf(after, SERRAVALLE.file)).not.toBe(hashOf(before, SERRAVALLE.file));
      expect(hashOf(after, '000_dd772a8f217c4819.txt')).toBe(hashOf(before, '000_dd772a8f217c4819.txt'));
      expect((await runIngest({ inputs: [plansDir], indexDir, embedder })).upToDate).toBe(true);
      expect(await leftovers(root)).toEqual([]);
    });

    it('with force rebuilds even though nothing changed', async () => {
      const forced = await runIngest({ inputs: [join(plansDir, SERRAVALLE.file)], indexDir, embedder, force: true });
      expect(forced.upToDate).toBe(false);
      expect(forced.documents.map((d) => d.file)).toEqual([SERRAVALLE.file]);
      expect((await loadIndex(indexDir, embedder)).store.objectives).toHaveLength(SERRAVALLE.objectives);
    });
  });
});

describe('runIngest on bad input', () => {
  let root: string;
  let plansDir: string;
  let indexDir: string;
  let report: IngestReport;

  const BAD = [
    { file: 'corrotto.pdf', code: 'PLAN_FILE_CORRUPT', reason: /cannot be parsed|not a PDF/ },
    { file: 'protetto.pdf', code: 'PLAN_FILE_ENCRYPTED', reason: /password-protected/ },
    { file: 'vuoto.txt', code: 'PLAN_FILE_EMPTY', reason: /empty/ },
    { file: 'binario.txt', code: 'PLAN_FILE_CORRUPT', reason: /binary/ },
    { file: 'piano.docx', code: 'PLAN_FILE_UNSUPPORTED', reason: /unsupported file type "\.docx"/ },
  ];

  beforeAll(async () => {
    root = await tempRoot('bad-input');
    plansDir = join(root, 'plans');
    indexDir = join(root, 'index');
    await stagePlans(plansDir, [SERRAVALLE.file]);
    const serravalle = await readFile(join(PLANS_DIR, SERRAVALLE.file), 'utf8');
    await writeFile(join(plansDir, 'corrotto.pdf'), randomBytes(4096));
    await writeFile(join(plansDir, 'protetto.pdf'), await makePdf(serravalle.slice(0, 2000), { password: 'segreto' }));
    await writeFile(join(plansDir, 'vuoto.txt'), '');
    await writeFile(join(plansDir, 'binario.txt'), randomBytes(4096));
    await writeFile(join(plansDir, 'piano.docx'), Buffer.from('PK\u0003\u0004 word/document.xml'));
    report = await runIngest({ inputs: [plansDir], indexDir, embedder });
  });
  afterAll(() => removeDir(root));

  it.each(BAD)('skips $file, naming it and saying why ($code)', ({ file, code, reason }) => {
    const error = report.errors.find((e) => e.file === file);
    expect(error, `no error reported for ${file}`).toBeDefined();
    expect(error!.code).toBe(code);
    expect(error!.message).toContain(file);
    expect(error!.message).toMatch(reason);
  });

  it('ingests the readable plan beside them', async () => {
    expect(report.documents.map((d) => d.file)).toEqual([SERRAVALLE.file]);
    expect(report.errors).toHaveLength(BAD.length);
    const { store, manifest } = await loadIndex(indexDir, embedder);
    expect(store.objectives).toHaveLength(SERRAVALLE.objectives);
    expect(manifest.errors.map((e) => e.file).sort()).toEqual(BAD.map((b) => b.file).sort());
  });

  it('is up to date on a re-run with the same bad files, still naming them', async () => {
    const again = await runIngest({ inputs: [plansDir], indexDir, embedder });
    expect(again.upToDate).toBe(true);
    expect(again.errors.map((e) => e.file).sort()).toEqual(BAD.map((b) => b.file).sort());
  });

  it('rebuilds once a skipped file is replaced by a readable one', async () => {
    await writeFile(join(plansDir, 'vuoto.txt'), await readFile(join(PLANS_DIR, SERRAVALLE.file)));
    const rebuilt = await runIngest({ inputs: [plansDir], indexDir, embedder });
    expect(rebuilt.upToDate).toBe(false);
    expect(rebuilt.documents.map((d) => d.file)).toContain('vuoto.txt');
    expect(rebuilt.errors.map((e) => e.file)).not.toContain('vuoto.txt');
    expect(await leftovers(root)).toEqual([]);
  });
});

describe('a failed ingestion run', () => {
  let root: string;
  let plansDir: string;
  let indexDir: string;
  let builtAt: string | undefined;

  beforeAll(async () => {
    root = await tempRoot('failed-run');
    plansDir = join(root, 'plans');
    indexDir = join(root, 'index');
    await stagePlans(plansDir, [SERRAVALLE.file]);
    await runIngest({ inputs: [plansDir], indexDir, embedder });
    builtAt = (await readManifest(indexPaths(indexDir).manifest))?.builtAt;
  });
  afterAll(() => removeDir(root));

  async function expectPreviousIndexServing() {
    expect((await readManifest(indexPaths(indexDir).manifest))?.builtAt).toBe(builtAt);
    const { store, search } = await loadIndex(indexDir, embedder);
    expect(store.objectives).toHaveLength(SERRAVALLE.objectives);
    expect((await search.search('obiettivi', { k: 1 })).length).toBe(1);
    expect(await leftovers(root)).toEqual([]);
  }

  it('when every input is bad, fails naming each file and keeps the previous index', async () => {
    const badDir = join(root, 'bad');
    await stagePlans(badDir, []);
    await writeFile(join(badDir, 'vuoto.txt'), '');
    await writeFile(join(badDir, 'rotto.pdf'), randomBytes(2048));
    const run = runIngest({ inputs: [badDir], indexDir, embedder });
    await expect(run).rejects.toBeInstanceOf(PianobotError);
    await expect(run).rejects.toThrow(/vuoto\.txt.*empty[\s\S]*rotto\.pdf|rotto\.pdf[\s\S]*vuoto\.txt/);
    await expectPreviousIndexServing();
  });

  it('when the search index cannot be built, fails and keeps the previous index', async () => {
    await expect(runIngest({ inputs: [plansDir], indexDir, embedder: failingEmbedder, force: true })).rejects.toThrow(
      /unreachable/,
    );
    await expectPreviousIndexServing();
  });

  it('when an input path does not exist, fails naming it and keeps the previous index', async () => {
    await expect(runIngest({ inputs: [join(root, 'nessuno.pdf')], indexDir, embedder })).rejects.toThrow(
      /nessuno\.pdf/,
    );
    await expectPreviousIndexServing();
  });
});
