/**
 * Ingest into PostgreSQL: migrations run once, each plan is replaced in one transaction, a plan that fails keeps
 * its previous rows, and a running replica hears about the change (LISTEN/NOTIFY) without a restart.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestToPostgres, type PgIngestReport } from '../../../ingest/postgres/ingest-to-postgres.ts';
import { writePlan } from '../../../ingest/postgres/write-plan.ts';
import { createLocalEmbedder } from '../../../src/retrieval/embedder.ts';
import { createPool, inTransaction, migrate, type Pool } from '../../../src/store/postgres/database.ts';
import { loadPlans } from '../../../src/store/postgres/load-plans.ts';
import { postgresPlanSource } from '../../../src/store/postgres/postgres-source.ts';
import { removeDir, SAMPLE_PLANS, SERRAVALLE, stagePlans, tempRoot } from '../../ingest/support/sample-plans.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../../support/postgres.ts';

const embedder = createLocalEmbedder();

describePostgres('ingest into PostgreSQL', () => {
  let db: ThrowawayDatabase;
  let pool: Pool;
  let root: string;
  let plansDir: string;
  let first: PgIngestReport;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    pool = createPool(db.url);
    root = await tempRoot('pg-ingest');
    plansDir = join(root, 'plans');
    await stagePlans(plansDir);
    first = await ingestToPostgres({ inputs: [plansDir], pool, embedder });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    await removeDir(root);
  });

  it('creates the schema once: running the migrations again applies nothing', async () => {
    const again = await migrate(pool);
    expect(again.applied).toEqual([]);
    expect(again.version).toBeGreaterThanOrEqual(2);
    expect(again.mode).toMatch(/full-text/);
  });

  it('stores every plan as rows of its tables, each record with its source span', async () => {
    expect(first.errors).toEqual([]);
    expect(first.documents.map((d) => d.file)).toEqual(SAMPLE_PLANS.map((p) => p.file));
    const counts = await pool.query<{ doc: string; n: string }>(
      'SELECT doc, count(*) AS n FROM objectives GROUP BY doc',
    );
    for (const p of SAMPLE_PLANS) {
      expect(Number(counts.rows.find((r) => r.doc === p.file)?.n ?? 0)).toBe(p.objectives);
    }
    const spans = await pool.query(
      `SELECT 1 FROM (SELECT line_start, line_end FROM objectives UNION ALL SELECT line_start, line_end FROM phases
        UNION ALL SELECT line_start, line_end FROM indicators UNION ALL SELECT line_start, line_end FROM budget_rows
        UNION ALL SELECT line_start, line_end FROM staff_allocations UNION ALL SELECT line_start, line_end FROM passages) s
       WHERE line_start < 1 OR line_end < line_start`,
    );
    expect(spans.rowCount).toBe(0);
    const [budget] = (await pool.query("SELECT budget_text FROM projects WHERE code = '2021_PD_8735'")).rows;
    expect(budget?.budget_text).toBe('1.920.000,00');
  });

  it('leaves unchanged plans alone on the next run', async () => {
    const second = await ingestToPostgres({ inputs: [plansDir], pool, embedder });
    expect(second.upToDate).toBe(true);
    expect(second.unchanged).toBe(SAMPLE_PLANS.length);
  });

  it('keeps the previous rows of a plan whose new version cannot be read, and reports it by name', async () => {
    const before = (await loadPlans(pool)).model.objectives.filter((o) => o.doc === SERRAVALLE.file);
    await writeFile(join(plansDir, SERRAVALLE.file), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x00]));
    const report = await ingestToPostgres({ inputs: [plansDir], pool, embedder });
    expect(report.errors.map((e) => e.file)).toEqual([SERRAVALLE.file]);
    const after = (await loadPlans(pool)).model.objectives.filter((o) => o.doc === SERRAVALLE.file);
    expect(after).toEqual(before);
    expect(after).toHaveLength(SERRAVALLE.objectives);
    await stagePlans(plansDir, [SERRAVALLE.file]);
  });

  it('rolls a plan back whole when writing it fails half-way', async () => {
    const stored = await loadPlans(pool);
    const plan = {
      document: stored.model.documents.find((d) => d.file === SERRAVALLE.file)!,
      structures: [],
      objectives: stored.model.objectives.filter((o) => o.doc === SERRAVALLE.file).slice(0, 1),
      projects: [],
      totals: [],
      tables: [],
      warnings: [],
    };
    const passage = { id: 'dup', doc: SERRAVALLE.file, entity: '', kind: 'peg' as const, form: 'narrative' as const };
    const chunks = [1, 2].map(() => ({ ...passage, section: 's', lineStart: 1, lineEnd: 1, text: 't' }));
    // two passages with one id: the insert fails after the objectives were written
    await expect(
      inTransaction(pool, (client) =>
        writePlan(client, { plan, chunks, vectors: [[1], [1]], codeVersion: 'x', embedderId: embedder.id }),
      ),
    ).rejects.toThrow(/duplicate key/);
    const after = await loadPlans(pool);
    expect(after.model.objectives.filter((o) => o.doc === SERRAVALLE.file)).toHaveLength(SERRAVALLE.objectives);
  });

  it('tells a watching replica that a plan changed, and its next snapshot has the new plan', async () => {
    const source = postgresPlanSource(pool, embedder);
    let heard!: () => void;
    const changed = new Promise<void>((resolve) => {
      heard = resolve;
    });
    // watch() resolves once LISTEN is in place
    const stop = await source.watch(() => heard());
    await appendFile(join(plansDir, SERRAVALLE.file), '\nRiga aggiunta per la prova di ricarica.\n');
    await ingestToPostgres({ inputs: [plansDir], pool, embedder });
    await changed;
    await stop();
    const snapshot = await source.open();
    const hits = await snapshot.search.search('prova di ricarica', { k: 3 });
    expect(hits[0]?.chunk.text).toContain('Riga aggiunta per la prova di ricarica');
  });

  it('listens again when its connection is lost, and still hears the next change', async () => {
    const source = postgresPlanSource(pool, embedder);
    const notices: (() => void)[] = [];
    const next = () => new Promise<void>((resolve) => notices.push(resolve));
    const stop = await source.watch(() => notices.shift()?.());
    const reconnected = next();
    await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    await reconnected; // a lost connection is followed by one reload, in case a notice was missed
    const changed = next();
    await appendFile(join(plansDir, SERRAVALLE.file), '\nUna riga in più, dopo la riconnessione.\n');
    await ingestToPostgres({ inputs: [plansDir], pool, embedder });
    await changed;
    await stop();
  });

  it('removes a plan that is no longer among the inputs', async () => {
    const report = await ingestToPostgres({ inputs: [join(plansDir, SAMPLE_PLANS[0]!.file)], pool, embedder });
    expect(report.removed).toHaveLength(SAMPLE_PLANS.length - 1);
    expect((await loadPlans(pool)).model.documents.map((d) => d.file)).toEqual([SAMPLE_PLANS[0]!.file]);
  });
});
