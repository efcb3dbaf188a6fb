/** Executor cases behind rankings: zero excluded from the smallest, and the staff of one project ranked. */
import { describe, expect, it } from 'vitest';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { smallStore } from './small-plan.ts';

const ctx: ToolContext = { store: smallStore(), search: null, allowedDocs: null, includeInternal: true };
const keys = (r: ReturnType<typeof runPlanQuery>) => (r.ok ? r.records.map((x) => x.key) : r.error);

describe('rankings over the plan store', () => {
  it('the smallest budget is the zero one unless zero is excluded', () => {
    const smallest = (filter: 'exists' | 'gt') =>
      runPlanQuery(ctx, {
        target: 'project',
        filters: [filter === 'gt' ? { field: 'budget', op: 'gt', value: 0 } : { field: 'budget', op: 'exists' }],
        sort: { field: 'budget', dir: 'asc' },
        limit: 1,
      });
    expect(keys(smallest('exists'))).toEqual(['2023_PX_4201']);
    expect(keys(smallest('gt'))).toEqual(['2023_PX_4102']);
  });

  it("ranks one project's staff allocations and no other project's", () => {
    const r = runPlanQuery(ctx, {
      target: 'staff_allocation',
      filters: [
        { field: 'project', op: 'eq', value: '2023_PX_4101' },
        { field: 'commitment', op: 'exists' },
      ],
      sort: { field: 'commitment', dir: 'desc' },
      limit: 5,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // the project has three people; the limit of five shows only them
    expect(r.records.map((x) => x.title)).toEqual(['Persona 0', 'Persona 1', 'Persona 2']);
    expect(new Set(r.records.map((x) => x.parent))).toEqual(new Set(['2023_PX_4101']));
  });
});

describe('durations computed from dates', () => {
  it('counts the days from start to end, both included, and ranks phases by them', () => {
    const r = runPlanQuery(ctx, {
      target: 'phase',
      filters: [
        { field: 'objective', op: 'eq', value: 'LV-BI01' },
        { field: 'duration', op: 'exists' },
      ],
      sort: { field: 'duration', dir: 'desc' },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => [x.title, x.cells.duration?.num])).toEqual([
      ['Apertura sperimentale', 183],
      ['Studio degli orari', 90],
    ]);
  });

  it('has no duration for a phase without a start date', () => {
    const r = runPlanQuery(ctx, { target: 'phase', filters: [{ field: 'duration', op: 'missing' }] });
    expect(r.ok && r.records.map((x) => x.title)).toEqual(['Scansione']);
  });
});

describe('counts and sums by group', () => {
  it('counts objectives per owner and sums budgets per structure', () => {
    const owners = runPlanQuery(ctx, { target: 'objective', aggregate: { op: 'count', groupBy: 'owner' } });
    expect(owners.ok && owners.aggregate?.groups.map((g) => [g.key, g.value])).toEqual([
      ['Neri Carla', 2],
      ['Rosi Bruno', 1],
    ]);
    const budgets = runPlanQuery(ctx, {
      target: 'project',
      aggregate: { op: 'sum', field: 'budget', groupBy: 'structure' },
    });
    expect(budgets.ok && budgets.aggregate?.groups.map((g) => [g.key, g.value])).toEqual([
      ['Ufficio Mobilità', 1550000.5],
      ['Ufficio Abitare', 0],
    ]);
  });
});
