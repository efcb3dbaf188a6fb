import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../src/query/format-number.ts';
import type { QueryFilter } from '../../src/query/plan-query.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { smallStore } from './small-plan.ts';

const ctx = (over: Partial<ToolContext> = {}): ToolContext => ({
  store: smallStore(),
  search: null,
  allowedDocs: null,
  includeInternal: true,
  ...over,
});
const keys = (r: ReturnType<typeof runPlanQuery>) => (r.ok ? r.records.map((x) => x.key) : r.error);

describe('runPlanQuery', () => {
  it('sorts by a figure and keeps the top k, blank budgets last', () => {
    const r = runPlanQuery(ctx(), { target: 'project', sort: { field: 'budget', dir: 'desc' }, limit: 2 });
    expect(keys(r)).toEqual(['2023_PX_4101', '2023_PX_4102']);
  });

  it.each([
    [{ field: 'budget', op: 'gt', value: 1_000_000 }, ['2023_PX_4101']],
    [{ field: 'budget', op: 'lt', value: 400_000 }, ['2023_PX_4102', '2023_PX_4201']],
    [{ field: 'budget', op: 'eq', value: 0 }, ['2023_PX_4201']],
    [{ field: 'budget', op: 'missing' }, ['2023_PX_4202']],
    [{ field: 'budget', op: 'between', value: 300_000, value2: 1_200_000 }, ['2023_PX_4101', '2023_PX_4102']],
    [{ field: 'dirigente', op: 'eq', value: 'Anna Viola' }, ['2023_PX_4201', '2023_PX_4202']],
    [{ field: 'code', op: 'in', values: ['2023_PX_4102', '2023_PX_4202'] }, ['2023_PX_4102', '2023_PX_4202']],
    [{ field: 'title', op: 'contains', value: 'casa' }, ['2023_PX_4201']],
  ] as [QueryFilter, string[]][])('filters projects with %j', (filter, expected) => {
    expect(keys(runPlanQuery(ctx(), { target: 'project', filters: [filter] }))).toEqual(expected);
  });

  it('a blank budget is neither above nor below a bound', () => {
    const above = runPlanQuery(ctx(), { target: 'project', filters: [{ field: 'budget', op: 'gte', value: 0 }] });
    expect(keys(above)).not.toContain('2023_PX_4202');
  });

  it('filters objectives by owner, multi-year flag, phase count and dates', () => {
    const q = (filters: object[]) => keys(runPlanQuery(ctx(), { target: 'objective', filters } as never));
    expect(q([{ field: 'owner', op: 'eq', value: 'Carla Neri' }])).toEqual(['LV-BI01', 'LV-BI02']);
    expect(q([{ field: 'multiYear', op: 'eq', value: true }])).toEqual(['LV-BI01']);
    expect(q([{ field: 'phases', op: 'eq', value: 0 }])).toEqual(['LV-SP03']);
    expect(q([{ field: 'end', op: 'gt', value: '2022-12-31' }])).toEqual(['LV-BI02']);
  });

  it('reads only the asked parent’s records, and still finds them however the code or the name is written', () => {
    const q = (target: string, filters: object[]) => keys(runPlanQuery(ctx(), { target, filters } as never));
    // a name written surname first, in capitals; a code in lower case, with blanks round it
    expect(q('objective', [{ field: 'owner', op: 'eq', value: 'NERI CARLA' }])).toEqual(['LV-BI01', 'LV-BI02']);
    expect(q('objective', [{ field: 'owner', op: 'in', values: ['Nessuno Qui', 'carla neri'] }])).toEqual([
      'LV-BI01',
      'LV-BI02',
    ]);
    expect(q('objective', [{ field: 'owner', op: 'eq', value: 'Nessuno Qui' }])).toEqual([]);
    expect(q('phase', [{ field: 'objective', op: 'eq', value: ' lv-bi01 ' }])).toEqual(
      (q('phase', []) as string[]).filter((k) => k === 'LV-BI01'),
    );
    expect(q('phase', [{ field: 'objective', op: 'eq', value: 'LV-BI01' }]).length).toBeGreaterThan(0);
    // two filters on the parent: only a parent both keep
    expect(
      q('objective', [
        { field: 'code', op: 'in', values: ['LV-BI01', 'LV-SP03'] },
        { field: 'owner', op: 'eq', value: 'Carla Neri' },
      ]),
    ).toEqual(['LV-BI01']);
  });

  it('matches a recurring date (--MM-DD) in any year', () => {
    const r = runPlanQuery(ctx(), { target: 'phase', filters: [{ field: 'end', op: 'eq', value: '--12-31' }] });
    expect(r.ok && r.records.map((x) => x.title)).toEqual(['Scansione']);
  });

  it('sums from parsed values, lists the records it used and those left blank', () => {
    const r = runPlanQuery(ctx(), { target: 'project', aggregate: { op: 'sum', field: 'budget' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const group = r.aggregate!.groups[0]!;
    expect(formatAmount(group.value!)).toBe('1.550.000,50');
    expect(group.records.map((x) => x.key)).toHaveLength(3);
    expect(group.blank.map((x) => x.key)).toEqual(['2023_PX_4202']);
  });

  it('counts per group', () => {
    const r = runPlanQuery(ctx(), { target: 'objective', aggregate: { op: 'count', groupBy: 'owner' } });
    expect(r.ok && r.aggregate!.groups.map((g) => [g.key, g.value])).toEqual([
      ['Neri Carla', 2],
      ['Rosi Bruno', 1],
    ]);
  });

  it('sums the phase weights of an objective (computed field)', () => {
    const r = runPlanQuery(ctx(), { target: 'objective', filters: [{ field: 'code', op: 'eq', value: 'LV-BI01' }] });
    expect(r.ok && r.records[0]!.cells.phaseWeight?.num).toBe(80);
  });

  it('keeps the plans an audience may not see and staff allocations out', () => {
    const publicCtx = ctx({ allowedDocs: ['a.txt'], includeInternal: false });
    expect(keys(runPlanQuery(publicCtx, { target: 'project' }))).toEqual([]);
    expect(keys(runPlanQuery(ctx({ includeInternal: false }), { target: 'staff_allocation' }))).toEqual([]);
    expect(
      keys(
        runPlanQuery(ctx(), {
          target: 'staff_allocation',
          filters: [{ field: 'project', op: 'eq', value: '2023_PX_4201' }],
        }),
      ),
    ).toEqual(['2023_PX_4201']);
  });

  it('refuses an unknown field with the list of fields, instead of throwing', () => {
    const r = runPlanQuery(ctx(), { target: 'project', filters: [{ field: 'colour', op: 'eq', value: 'red' }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/unknown field.*colour.*budget/);
  });

  it('refuses a query that is not a plan query', () => {
    expect(runPlanQuery(ctx(), { target: 'planet' } as never).ok).toBe(false);
  });
});

describe('formatAmount', () => {
  it.each([
    [1920000, '1.920.000,00'],
    [5300, '5.300,00'],
    [0, '0,00'],
    [607518.63, '607.518,63'],
    [-12.5, '-12,50'],
  ])('writes %d as %s', (n, text) => {
    expect(formatAmount(n)).toBe(text);
  });
});
