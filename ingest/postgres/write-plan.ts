/**
 * Writes one plan into PostgreSQL in one transaction: the document's previous rows go (ON DELETE CASCADE) and the
 * new ones come in, so a reader sees either the old plan or the new one, never half of each. Each table is filled
 * with one INSERT … SELECT FROM jsonb_to_recordset per document.
 */

import { derivePeople } from '../../src/plan/derive-people.ts';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { personKey } from '../../src/plan/names.ts';
import { fold } from '../../src/plan/text.ts';
import { normalizeCode } from '../../src/retrieval/analyze.ts';
import type { Chunk } from '../../src/retrieval/chunk.ts';
import { codeKey } from '../../src/store/plan-store.ts';
import type { PoolClient } from '../../src/store/postgres/database.ts';
import { PLANS_CHANNEL } from '../../src/store/postgres/plans-channel.ts';
import { encodeVector } from '../../src/store/postgres/sparse-vector.ts';

export interface PlanRows {
  plan: ExtractedPlan;
  chunks: Chunk[];
  vectors: number[][];
  codeVersion: string;
  embedderId: string;
}

type Column = [name: string, type: string, expression?: string];
type Row = Record<string, unknown>;

const span = (s: { lineStart: number; lineEnd: number; page?: number | undefined }) => ({
  line_start: s.lineStart,
  line_end: s.lineEnd,
  page: s.page ?? null,
});
const SPAN_COLUMNS: Column[] = [
  ['line_start', 'integer'],
  ['line_end', 'integer'],
  ['page', 'integer'],
];

async function insertRows(client: PoolClient, table: string, columns: Column[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => n).join(', ');
  const values = columns.map(([n, , expr]) => expr ?? `x.${n}`).join(', ');
  const shape = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  await client.query(
    `INSERT INTO ${table} (${names}) SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS x(${shape})`,
    [JSON.stringify(rows)],
  );
}

/** Replaces the document's rows with `rows` and bumps the store version; the caller owns the transaction. */
export async function writePlan(client: PoolClient, rows: PlanRows): Promise<void> {
  const { plan, chunks, vectors } = rows;
  const doc = plan.document.file;
  await client.query('DELETE FROM documents WHERE file = $1', [doc]);
  await client.query(
    `INSERT INTO documents (file, sha256, entity, kind, title, years, layout, format, code_version, embedder_id,
       chunks, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      doc,
      plan.document.sha256,
      plan.document.entity,
      plan.document.kind,
      plan.document.title,
      plan.document.years,
      plan.document.layout,
      plan.document.format,
      rows.codeVersion,
      rows.embedderId,
      chunks.length,
      JSON.stringify(plan.document),
    ],
  );
  const base = (ord: number) => ({ doc, ord });

  await insertRows(
    client,
    'structures',
    [
      ['doc', 'text'],
      ['ord', 'integer'],
      ['name', 'text'],
      ['code', 'text'],
      ['kind', 'text'],
      ['head', 'text'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.structures.map((s, i) => ({
      ...base(i),
      name: s.name,
      code: s.code ?? null,
      kind: s.kind,
      head: s.head ?? null,
      ...span(s.span),
      record: s,
    })),
  );

  await insertRows(
    client,
    'objectives',
    [
      ['doc', 'text'],
      ['ord', 'integer'],
      ['code', 'text'],
      ['code_key', 'text'],
      ['title', 'text'],
      ['structure', 'text'],
      ['year', 'integer'],
      ['project_code', 'text'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.objectives.map(({ phases: _p, indicators: _i, ...o }, i) => ({
      ...base(i),
      code: o.code,
      code_key: codeKey(o.code),
      title: o.title,
      structure: o.structure ?? null,
      year: o.year ?? null,
      project_code: o.projectCode ?? null,
      ...span(o.span),
      record: o,
    })),
  );
  await insertRows(
    client,
    'phases',
    [
      ['doc', 'text'],
      ['objective_ord', 'integer'],
      ['ord', 'integer'],
      ['title', 'text'],
      ['end_text', 'text'],
      ['end_iso', 'date'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.objectives.flatMap((o, oi) =>
      o.phases.map((p, i) => ({
        doc,
        objective_ord: oi,
        ord: i,
        title: p.title,
        end_text: p.end?.text ?? null,
        end_iso: p.end?.iso ?? null,
        ...span(p.span),
        record: p,
      })),
    ),
  );
  await insertRows(
    client,
    'indicators',
    [
      ['doc', 'text'],
      ['objective_ord', 'integer'],
      ['ord', 'integer'],
      ['code', 'text'],
      ['description', 'text'],
      ['target_text', 'text'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.objectives.flatMap((o, oi) =>
      o.indicators.map((x, i) => ({
        doc,
        objective_ord: oi,
        ord: i,
        code: x.code ?? null,
        description: x.description,
        target_text: x.target?.text ?? null,
        ...span(x.span),
        record: x,
      })),
    ),
  );

  await insertRows(
    client,
    'projects',
    [
      ['doc', 'text'],
      ['ord', 'integer'],
      ['code', 'text'],
      ['code_key', 'text'],
      ['title', 'text'],
      ['cdr', 'text'],
      ['dirigente', 'text'],
      ['budget_text', 'text'],
      ['budget_value', 'double precision'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.projects.map(({ budgetRows: _b, staff: _s, ...p }, i) => ({
      ...base(i),
      code: p.code,
      code_key: codeKey(p.code),
      title: p.title,
      cdr: p.cdr,
      dirigente: p.dirigente ?? null,
      budget_text: p.budget?.text ?? null,
      budget_value: p.budget?.value ?? null,
      ...span(p.span),
      record: p,
    })),
  );
  await insertRows(
    client,
    'budget_rows',
    [
      ['doc', 'text'],
      ['project_ord', 'integer'],
      ['ord', 'integer'],
      ['capitolo', 'text'],
      ['description', 'text'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.projects.flatMap((p, pi) =>
      p.budgetRows.map((r, i) => ({
        doc,
        project_ord: pi,
        ord: i,
        capitolo: r.capitolo,
        description: r.description,
        ...span(r.span),
        record: r,
      })),
    ),
  );
  await insertRows(
    client,
    'staff_allocations',
    [
      ['doc', 'text'],
      ['project_ord', 'integer'],
      ['ord', 'integer'],
      ['name', 'text'],
      ['person_key', 'text'],
      ['relation', 'text'],
      ['commitment_text', 'text'],
      ['commitment_value', 'double precision'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.projects.flatMap((p, pi) =>
      p.staff.map((s, i) => ({
        doc,
        project_ord: pi,
        ord: i,
        name: s.name,
        person_key: personKey(s.name),
        relation: s.relation,
        commitment_text: s.commitment.text,
        commitment_value: s.commitment.value,
        ...span(s.span),
        record: s,
      })),
    ),
  );

  await insertRows(
    client,
    'totals',
    [
      ['doc', 'text'],
      ['ord', 'integer'],
      ['level', 'text'],
      ['label', 'text'],
      ['amount_text', 'text'],
      ['amount_value', 'double precision'],
      ...SPAN_COLUMNS,
      ['record', 'jsonb'],
    ],
    plan.totals.map((t, i) => ({
      ...base(i),
      level: t.level,
      label: t.label,
      amount_text: t.amount?.text ?? null,
      amount_value: t.amount?.value ?? null,
      ...span(t.span),
      record: t,
    })),
  );
  await insertRows(
    client,
    'data_tables',
    [['doc', 'text'], ['ord', 'integer'], ['title', 'text'], ...SPAN_COLUMNS, ['record', 'jsonb']],
    plan.tables.map((t, i) => ({ ...base(i), title: t.title, ...span(t.span), record: t })),
  );
  await insertRows(
    client,
    'warnings',
    [
      ['doc', 'text'],
      ['ord', 'integer'],
      ['message', 'text'],
      ['record', 'jsonb'],
    ],
    plan.warnings.map((w, i) => ({ ...base(i), message: w.message, record: w })),
  );
  await insertRows(
    client,
    'people',
    [
      ['doc', 'text'],
      ['key', 'text'],
      ['name', 'text'],
      ['spellings', 'text[]'],
      ['record', 'jsonb'],
    ],
    derivePeople([plan]).map((p) => ({ doc, key: p.key, name: p.name, spellings: p.spellings, record: p })),
  );

  await insertRows(
    client,
    'passages',
    [
      ['id', 'text'],
      ['doc', 'text'],
      ['ord', 'integer'],
      ['entity', 'text'],
      ['entity_key', 'text'],
      ['year', 'integer'],
      ['years', 'integer[]'],
      ['kind', 'text'],
      ['form', 'text'],
      ['section', 'text'],
      ['code', 'text'],
      ['code_key', 'text'],
      ['title', 'text'],
      ...SPAN_COLUMNS,
      ['text', 'text'],
      ['internal', 'boolean'],
      ['embedding', 'text', "decode(x.embedding, 'base64')"],
    ],
    chunks.map((c, i) => ({
      id: c.id,
      doc,
      ord: i,
      entity: c.entity,
      entity_key: fold(c.entity),
      year: c.year ?? null,
      years: c.years ?? null,
      kind: c.kind,
      form: c.form,
      section: c.section,
      code: c.code ?? null,
      code_key: c.code ? normalizeCode(c.code) : null,
      title: c.title ?? null,
      line_start: c.lineStart,
      line_end: c.lineEnd,
      page: c.page ?? null,
      text: c.text,
      internal: c.internal ?? false,
      embedding: encodeVector(vectors[i] ?? []).toString('base64'),
    })),
  );
  await client.query('DELETE FROM ingest_errors WHERE file = $1', [doc]);
  await bumpVersion(client, doc);
}

/** A new store version, announced to the replicas when the transaction commits. */
export async function bumpVersion(client: PoolClient, doc: string): Promise<void> {
  const { rows } = await client.query<{ version: string }>(
    'UPDATE search_meta SET version = version + 1 RETURNING version',
  );
  await client.query('SELECT pg_notify($1, $2)', [PLANS_CHANNEL, JSON.stringify({ version: rows[0]?.version, doc })]);
}
