/**
 * A plan query as data: what to select, how to filter, sort, limit and aggregate. The router compiles a question into
 * one, the optional LLM agent writes one as a tool call, tests write them by hand; `runPlanQuery` executes them all.
 */
import { z } from 'zod';

export const QueryTargetSchema = z
  .enum(['objective', 'project', 'phase', 'indicator', 'person', 'structure', 'budget_row', 'staff_allocation'])
  .describe(
    'the kind of record to return: objective, project (PEG projects / prodotti, with budget), phase (of an objective), indicator (of an objective), person, structure (settore / servizio / centro di responsabilità), budget_row (one capitolo of a project budget table), staff_allocation (a person assigned to a project, with commitment %)',
  );
export type QueryTarget = z.infer<typeof QueryTargetSchema>;
/** the targets that are records of a plan (not the people or structures they belong to) */
export const RECORD_TARGETS: ReadonlySet<QueryTarget> = new Set(
  QueryTargetSchema.options.filter((t) => t !== 'person' && t !== 'structure'),
);

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export const FilterOpSchema = z
  .enum(['eq', 'ne', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'missing'])
  .describe(
    'in: equal to one of values; eq: equal (numbers by value, dates as YYYY-MM-DD, text ignoring case and accents, any of a list field); ne: blank or not equal (e.g. multiYear ne true: the records not marked multi-year); contains: text contains the words; gt/gte/lt/lte: numbers or dates; between: value ≤ field ≤ value2; exists / missing: the field has a value / is blank',
  );
export type FilterOp = z.infer<typeof FilterOpSchema>;

export const QueryFilterSchema = z.object({
  field: z
    .string()
    .min(1)
    .describe('a field of the target, see the field list in the tool description (e.g. budget, owner, end, entity)'),
  op: FilterOpSchema,
  value: ScalarSchema.optional().describe(
    'number for amounts and counts (1000000 for "1 milione"), YYYY-MM-DD for dates',
  ),
  value2: ScalarSchema.optional().describe('the upper bound of between'),
  values: z.array(ScalarSchema).optional().describe('the candidates of in'),
});
export type QueryFilter = z.infer<typeof QueryFilterSchema>;

export const QuerySortSchema = z.object({
  field: z.string().min(1).describe('field to sort by; blank values go last'),
  dir: z.enum(['asc', 'desc']).default('desc').describe('desc for "highest / più alto", asc for "lowest / più basso"'),
});

export const AggregateOpSchema = z.enum(['count', 'sum', 'min', 'max', 'avg']);
export type AggregateOp = z.infer<typeof AggregateOpSchema>;

export const QueryAggregateSchema = z.object({
  op: AggregateOpSchema.describe('count records, or sum / min / max / avg a numeric field'),
  field: z.string().optional().describe('the numeric field to aggregate (not needed for count)'),
  groupBy: z.string().optional().describe('a field whose values split the records into groups (e.g. owner, cdr)'),
});
export type QueryAggregate = z.infer<typeof QueryAggregateSchema>;

export const PlanQuerySchema = z.object({
  target: QueryTargetSchema,
  documents: z
    .array(z.string())
    .optional()
    .describe('restrict to these plan files (see the documents list); omit for every plan'),
  filters: z.array(QueryFilterSchema).default([]).describe('all must hold (AND)'),
  sort: QuerySortSchema.optional(),
  limit: z.number().int().positive().max(500).optional().describe('at most this many records (top-k with sort)'),
  per: z
    .string()
    .min(1)
    .optional()
    .describe(
      'with sort and limit: the limit applies within each value of this field (e.g. cdr: the most expensive project of each centro di responsabilità; objective: the longest phase of each objective)',
    ),
  aggregate: QueryAggregateSchema.optional(),
  fields: z.array(z.string()).optional().describe('fields to show for each record (default: the main ones)'),
});
export type PlanQuery = z.input<typeof PlanQuerySchema>;
export type ParsedPlanQuery = z.output<typeof PlanQuerySchema>;
