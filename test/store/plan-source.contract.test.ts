/**
 * One contract, two stores: the embedded index (INDEX_DIR) and PostgreSQL (DATABASE_URL) are filled by their ingest
 * from the same sample plans and must answer the answering side's questions alike — the plan model behind the
 * PlanStore, passage search with citations and filters, and what health reports.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestToPostgres } from '../../ingest/postgres/ingest-to-postgres.ts';
import { runIngest } from '../../ingest/run-pipeline.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { PianobotError } from '../../src/errors.ts';
import { silentLogger } from '../../src/logger.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { embeddedPlanSource } from '../../src/store/embedded-source.ts';
import { indexPaths, ModelLayoutSchema } from '../../src/store/index-layout.ts';
import { openLiveIndex } from '../../src/store/live-index.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { lazyPlanModel, ModelFile } from '../../src/store/model-file.ts';
import type { PlanSnapshot, PlanSource } from '../../src/store/plan-source.ts';
import { codeKey } from '../../src/store/plan-store.ts';
import { createPool, type Pool } from '../../src/store/postgres/database.ts';
import { postgresPlanSource } from '../../src/store/postgres/postgres-source.ts';
import { PLANS_DIR, REGGIO, removeDir, SAMPLE_PLANS, tempRoot } from '../ingest/support/sample-plans.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../support/postgres.ts';

interface Implementation {
  name: string;
  describe: typeof describe;
  /** ingests the sample plans and returns the source over them */
  setUp(): Promise<PlanSource>;
  tearDown(): Promise<void>;
}

const embedder = createLocalEmbedder();

const embedded = (): Implementation => {
  let root: string;
  return {
    name: 'embedded index',
    describe,
    async setUp() {
      root = await tempRoot('contract');
      await runIngest({ inputs: [PLANS_DIR], indexDir: join(root, 'index'), embedder });
      return embeddedPlanSource(join(root, 'index'), embedder);
    },
    tearDown: () => removeDir(root),
  };
};

const postgres = (): Implementation => {
  let db: ThrowawayDatabase;
  let pool: Pool;
  return {
    name: 'PostgreSQL',
    describe: describePostgres,
    async setUp() {
      db = await createThrowawayDatabase();
      pool = createPool(db.url);
      await ingestToPostgres({ inputs: [PLANS_DIR], pool, embedder });
      return postgresPlanSource(pool, embedder);
    },
    async tearDown() {
      await pool?.end();
      await db?.drop();
    },
  };
};

for (const impl of [embedded(), postgres()]) {
  impl.describe(`plan source contract: ${impl.name}`, () => {
    let source: PlanSource;
    let plans: PlanSnapshot;

    beforeAll(async () => {
      source = await impl.setUp();
      plans = await source.open();
    });
    afterAll(() => impl.tearDown());

    it('holds every sample plan with its objectives and projects', () => {
      expect(plans.info.documents).toBe(SAMPLE_PLANS.length);
      for (const p of SAMPLE_PLANS) {
        expect(plans.store.objectives.filter((o) => o.doc === p.file)).toHaveLength(p.objectives);
        expect(plans.store.projects.filter((x) => x.doc === p.file)).toHaveLength(p.projects);
        expect(plans.store.entityOf(p.file)).toBe(p.entity);
      }
    });

    it('finds a project by code with its budget as written, its rows and staff in document order', () => {
      const [project] = plans.store.projectsByCode.get(codeKey('2021_PD_8735')) ?? [];
      expect(project?.doc).toBe(REGGIO.file);
      expect(project?.budget?.text).toBe('1.920.000,00');
      expect(project?.budgetRows.length).toBeGreaterThan(0);
      expect(project?.span.lineStart).toBeGreaterThan(0);
    });

    it('merges the spellings of one person across documents', () => {
      const people = plans.store.people;
      expect(people.length).toBeGreaterThan(20);
      const someone = people.find((p) => p.roles.length > 1);
      expect(someone && plans.store.peopleByKey.get(someone.key)).toEqual(someone);
    });

    it('reads the whole model ahead of use on warm(), and the lookups return the same records after it', async () => {
      const code = codeKey('2021_PD_8735');
      const before = plans.store.projectsByCode.get(code);
      await plans.store.warm();
      expect(plans.store.projectsByCode.get(code)).toEqual(before);
      expect(before?.length).toBe(1);
      expect(plans.store.objectives.length).toBe(SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0));
    });

    it('counts the passages it searches', () => {
      expect(plans.info.chunks).toBeGreaterThan(SAMPLE_PLANS.length);
      expect(plans.search.size).toBe(plans.info.chunks);
    });

    it('returns the record of a code the query spells, with a citation of document and lines', async () => {
      const [hit] = await plans.search.search('progetto 2021_PD_8735', { k: 3, filter: { includeInternal: true } });
      expect(hit?.chunk.code).toBe('2021_PD_8735');
      expect(hit?.citation).toMatchObject({ doc: REGGIO.file, entity: REGGIO.entity });
      expect(hit?.citation.lines).toMatch(/^\d+(-\d+)?$/);
    });

    it('finds Italian passages for an English question through the glossary', async () => {
      const hits = await plans.search.search('wheelchair access to the offices', { k: 5 });
      expect(hits.some((h) => /accessibilit/i.test(h.chunk.text))).toBe(true);
    });

    it('keeps to the documents a filter allows and leaves staff tables out unless asked', async () => {
      const only = await plans.search.search('obiettivi del servizio', { k: 10, filter: { docs: [REGGIO.file] } });
      expect(only.length).toBeGreaterThan(0);
      expect(only.every((h) => h.chunk.doc === REGGIO.file)).toBe(true);
      const publicHits = await plans.search.search('personale assegnato impegno', { k: 20 });
      expect(publicHits.some((h) => h.chunk.internal)).toBe(false);
    });

    it('keeps to one entity and one year when asked', async () => {
      const hits = await plans.search.search('obiettivi', { k: 10, filter: { entity: 'comune di reggio emilia' } });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.chunk.entity === REGGIO.entity)).toBe(true);
    });

    it('finds nothing for an empty query or k = 0, without throwing', async () => {
      expect(await plans.search.search('   ')).toEqual([]);
      expect(await plans.search.search('bilancio', { k: 0 })).toEqual([]);
    });
  });
}

/** an objective code of the Reggio Emilia sample, as the plan writes it */
const REGGIO_OBJECTIVE = '2021_OB_8735_1';

describe('embedded index: model.json read by its layout, a slice at a time', () => {
  let root: string;
  let indexDir: string;
  /** model.json as written, parsed whole: what every route saw before the model was read lazily */
  let whole: Record<string, unknown>;

  beforeAll(async () => {
    root = await tempRoot('lazy-model');
    indexDir = join(root, 'index');
    await runIngest({ inputs: [PLANS_DIR], indexDir, embedder });
    whole = JSON.parse(await readFile(indexPaths(indexDir).model, 'utf8'));
  });
  afterAll(() => removeDir(root));

  /** a copy of the index to spoil */
  const copy = async (name: string) => {
    const dir = join(root, name);
    await cp(indexDir, dir, { recursive: true });
    return dir;
  };

  /** one byte of the first objective changed to a byte no JSON has there: the file keeps its size, so its layout */
  const damageObjectives = async (dir: string) => {
    const paths = indexPaths(dir);
    const layout = ModelLayoutSchema.parse(JSON.parse(await readFile(paths.modelLayout, 'utf8')));
    const bytes = await readFile(paths.model);
    bytes[layout.lists.objectives.items[0]] = '#'.charCodeAt(0);
    await writeFile(paths.model, bytes);
  };

  it('serves the same model as parsing model.json whole, before and after a warm-up', async () => {
    const first = await loadIndex(indexDir, embedder);
    expect(JSON.parse(JSON.stringify(first.store.model))).toEqual(whole);
    const warmed = await loadIndex(indexDir, embedder);
    await warmed.store.warm();
    expect(JSON.parse(JSON.stringify(warmed.store.model))).toEqual(whole);
  });

  it('parses a list cut at every plan, and at every 500th person, into the same model', async () => {
    const paths = indexPaths(indexDir);
    const layout = ModelLayoutSchema.parse(JSON.parse(await readFile(paths.modelLayout, 'utf8')));
    expect(layout.lists.objectives.cuts.length).toBe(SAMPLE_PLANS.filter((p) => p.objectives > 0).length);
    // slices of one byte: each cut is a slice of its own
    const file = new ModelFile(paths.model, layout, 1);
    await file.warm();
    expect(JSON.parse(JSON.stringify(lazyPlanModel(file)))).toEqual(whole);
  });

  it('answers a question asked before the warm-up, reading the rest a slice per turn of the event loop', async () => {
    const index = await loadIndex(indexDir, embedder);
    const engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: PLANS_DIR }), { index });
    let turns = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const answer = await engine.ask(`chi è il responsabile dell'obiettivo ${REGGIO_OBJECTIVE}?`);
    counting = false;
    await engine.close();
    expect(answer.answer).toContain(REGGIO_OBJECTIVE);
    // one turn per list at least (people and six record lists): other requests were taken meanwhile
    expect(turns).toBeGreaterThanOrEqual(7);
  });

  it('reads an index written without a layout whole, the same model', async () => {
    const dir = await copy('no-layout');
    await rm(indexPaths(dir).modelLayout);
    const { store } = await loadIndex(dir, embedder);
    expect(JSON.parse(JSON.stringify(store.model))).toEqual(whole);
  });

  it('ignores a layout that does not describe the model, and reads it whole', async () => {
    const dir = await copy('other-layout');
    const paths = indexPaths(dir);
    const layout = ModelLayoutSchema.parse(JSON.parse(await readFile(paths.modelLayout, 'utf8')));
    await writeFile(paths.modelLayout, JSON.stringify({ ...layout, bytes: layout.bytes + 1 }));
    const { store } = await loadIndex(dir, embedder);
    expect(JSON.parse(JSON.stringify(store.model))).toEqual(whole);
  });

  it('keeps reading the records of the index it opened when a re-ingest swaps another one in', async () => {
    const dir = await copy('swapped');
    const { store } = await loadIndex(dir, embedder);
    await runIngest({ inputs: [join(PLANS_DIR, SAMPLE_PLANS[1]!.file)], indexDir: dir, embedder, force: true });
    expect(store.objectives.length).toBe(SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0));
    expect(JSON.parse(JSON.stringify(store.model))).toEqual(whole);
  });

  it('says the index is damaged when a damaged list is first used, and a warm-up rejects the same way', async () => {
    const dir = await copy('damaged');
    await damageObjectives(dir);
    const { store } = await loadIndex(dir, embedder);
    expect(store.documentOf(SAMPLE_PLANS[0]!.file)?.entity).toBe(SAMPLE_PLANS[0]!.entity);
    expect(() => store.objectives).toThrow(PianobotError);
    expect(() => store.objectives).toThrow(/damaged \(objectives/);
    const again = await loadIndex(dir, embedder);
    await expect(again.store.warm()).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });

  it('a running server keeps serving its index when the one swapped in has a damaged model, and takes the next good one', async () => {
    const dir = await copy('live');
    const live = await openLiveIndex(dir, embedder, silentLogger);
    const serving = live.current;
    await serving.store.warm();

    const staged = await copy('live-damaged');
    await runIngest({ inputs: [PLANS_DIR], indexDir: staged, embedder, force: true });
    await damageObjectives(staged);
    await rm(dir, { recursive: true });
    await cp(staged, dir, { recursive: true });
    expect(await live.reload()).toMatchObject({ changed: false, builtAt: serving.manifest.builtAt });
    expect(live.current).toBe(serving);
    expect(JSON.parse(JSON.stringify(live.current.store.model))).toEqual(whole);

    await runIngest({ inputs: [join(PLANS_DIR, SAMPLE_PLANS[1]!.file)], indexDir: dir, embedder, force: true });
    expect((await live.reload()).changed).toBe(true);
    expect(live.current.store.objectives.length).toBe(SAMPLE_PLANS[1]!.objectives);
  });
});
