/**
 * Reads the plan model back from its tables in one read-only snapshot (REPEATABLE READ): a plan being replaced by a
 * concurrent ingest is seen whole, before or after. Nested lists are re-attached to their parent in stored order,
 * and the model is assembled by the same buildModel that the embedded index uses.
 */
import { buildModel } from '../../plan/build-model.ts';
import { type ExtractedPlan, ExtractedPlanSchema, type PlanModel } from '../../plan/model.ts';
import { inTransaction, type Pool } from './database.ts';

export interface StoredPlans {
  model: PlanModel;
  chunks: number;
  version: string;
  builtAt: string;
}

type Keyed = { doc: string; ord: number; record: Record<string, unknown> };
type Child = { doc: string; parent: number; record: Record<string, unknown> };

export async function loadPlans(pool: Pool): Promise<StoredPlans> {
  return inTransaction(
    pool,
    async (client) => {
      const all = async <T>(sql: string) => (await client.query(sql)).rows as T[];
      const documents = await all<{ file: string; record: Record<string, unknown> }>(
        'SELECT file, record FROM documents ORDER BY file',
      );
      const sequentially = async <T extends unknown[]>(queries: { [K in keyof T]: () => Promise<T[K]> }) => {
        const out: unknown[] = [];
        for (const q of queries) out.push(await q());
        return out as T;
      };
      const [structures, objectives, phases, indicators, projects, budgetRows, staff, totals, tables, warnings] =
        await sequentially<[Keyed[], Keyed[], Child[], Child[], Keyed[], Child[], Child[], Keyed[], Keyed[], Keyed[]]>([
          () => all<Keyed>('SELECT doc, ord, record FROM structures ORDER BY doc, ord'),
          () => all<Keyed>('SELECT doc, ord, record FROM objectives ORDER BY doc, ord'),
          () => all<Child>('SELECT doc, objective_ord AS parent, record FROM phases ORDER BY doc, objective_ord, ord'),
          () =>
            all<Child>('SELECT doc, objective_ord AS parent, record FROM indicators ORDER BY doc, objective_ord, ord'),
          () => all<Keyed>('SELECT doc, ord, record FROM projects ORDER BY doc, ord'),
          () => all<Child>('SELECT doc, project_ord AS parent, record FROM budget_rows ORDER BY doc, project_ord, ord'),
          () =>
            all<Child>(
              'SELECT doc, project_ord AS parent, record FROM staff_allocations ORDER BY doc, project_ord, ord',
            ),
          () => all<Keyed>('SELECT doc, ord, record FROM totals ORDER BY doc, ord'),
          () => all<Keyed>('SELECT doc, ord, record FROM data_tables ORDER BY doc, ord'),
          () => all<Keyed>('SELECT doc, ord, record FROM warnings ORDER BY doc, ord'),
        ]);
      const meta = await all<{ version: string; built_at: Date; chunks: string }>(
        `SELECT m.version, (SELECT max(ingested_at) FROM documents) AS built_at,
                (SELECT count(*) FROM passages) AS chunks FROM search_meta m`,
      );

      const byDoc = (rows: Keyed[]) => groupBy(rows, (r) => r.doc);
      const childrenOf = (rows: Child[]) => groupBy(rows, (r) => `${r.doc}\u0000${r.parent}`);
      const [s, o, p, t, d, w] = [structures, objectives, projects, totals, tables, warnings].map(byDoc);
      const [ph, ind, br, st] = [phases, indicators, budgetRows, staff].map(childrenOf);
      const records = (rows: { record: Record<string, unknown> }[] | undefined) => (rows ?? []).map((r) => r.record);
      const plans: ExtractedPlan[] = documents.map(({ file, record }) =>
        ExtractedPlanSchema.parse({
          document: record,
          structures: records(s!.get(file)),
          objectives: (o!.get(file) ?? []).map((r) => ({
            ...r.record,
            phases: records(ph!.get(`${file}\u0000${r.ord}`)),
            indicators: records(ind!.get(`${file}\u0000${r.ord}`)),
          })),
          projects: (p!.get(file) ?? []).map((r) => ({
            ...r.record,
            budgetRows: records(br!.get(`${file}\u0000${r.ord}`)),
            staff: records(st!.get(`${file}\u0000${r.ord}`)),
          })),
          totals: records(t!.get(file)),
          tables: records(d!.get(file)),
          warnings: records(w!.get(file)),
        }),
      );
      const builtAt = meta[0]?.built_at?.toISOString() ?? new Date(0).toISOString();
      return {
        model: buildModel(plans, builtAt),
        chunks: Number(meta[0]?.chunks ?? 0),
        version: meta[0]?.version ?? '0',
        builtAt,
      };
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
