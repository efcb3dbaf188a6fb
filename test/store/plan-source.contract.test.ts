/**
 * One contract, two stores: the embedded index (INDEX_DIR) and PostgreSQL (DATABASE_URL) are filled by their ingest
 * from the same sample plans and must answer the answering side's questions alike — the plan model behind the
 * PlanStore, passage search with citations and filters, and what health reports.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestToPostgres } from '../../ingest/postgres/ingest-to-postgres.ts';
import { runIngest } from '../../ingest/run-pipeline.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { embeddedPlanSource } from '../../src/store/embedded-source.ts';
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
