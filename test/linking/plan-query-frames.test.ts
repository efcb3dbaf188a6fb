/**
 * Frames and computations of the plan-query kinds over the small invented plan: durations, people and structures
 * ranked by their records, comparisons of two objectives or two structures, an article before a magnitude, counts.
 * One table per language.
 */
import { describe, expect, it } from 'vitest';
import { type Computation, computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const compute = (q: string): Computation | null => computationFor(linkQuestion(q, store), store);

type Expect = Record<string, unknown>;

const cases: Record<'it' | 'en', [string, Expect][]> = {
  it: [
    ['la fase di LV-BI01 che dura di più', { kind: 'top', field: 'duration', dir: 'desc' }],
    ["la fase più breve dell'obiettivo LV-BI01", { kind: 'top', field: 'duration', dir: 'asc' }],
    ['chi ha il maggior numero di obiettivi?', { kind: 'group_rank', groupOf: 'person', dir: 'desc' }],
    ['quale ufficio ha il budget più alto?', { kind: 'group_rank', groupOf: 'structure' }],
    ['ha più fasi LV-BI01 o LV-BI02?', { kind: 'compare_codes', target: 'objective', field: 'phases' }],
    ['ha più progetti il CdR 41 o il CdR 42?', { kind: 'compare_groups', target: 'project', sumField: null }],
    ['quanti progetti oltre il milione?', { kind: 'list', counted: true }],
  ],
  en: [
    ['which phase of LV-BI01 is the longest?', { kind: 'top', field: 'duration', dir: 'desc' }],
    ['who owns the fewest objectives?', { kind: 'group_rank', groupOf: 'person', dir: 'asc' }],
    ['which office has the largest budget?', { kind: 'group_rank', groupOf: 'structure' }],
    ['does LV-BI01 have more phases than LV-BI02?', { kind: 'compare_codes', target: 'objective' }],
    ['Gialli Piero or Viola Anna: who manages more budget?', { kind: 'compare_groups', sumField: 'budget' }],
    ['how many projects are above a million?', { kind: 'list', counted: true }],
  ],
};

describe.each(Object.entries(cases))('plan-query computations (%s)', (_lang, table) => {
  it.each(table)('"%s"', (q, expected) => {
    expect(compute(q)).toMatchObject(expected);
  });
});

describe('what the computations select', () => {
  it('ranks people by counting the objectives each owns', () => {
    expect(compute('chi ha il maggior numero di obiettivi?')).toMatchObject({
      query: { target: 'objective', aggregate: { op: 'count', groupBy: 'owner' } },
    });
  });

  it('ranks structures by the summed budget of their projects', () => {
    expect(compute('which office has the largest budget?')).toMatchObject({
      query: { target: 'project', aggregate: { op: 'sum', field: 'budget', groupBy: 'structure' } },
    });
  });

  it('reads "il milione" as one million', () => {
    expect(linkQuestion('progetti sopra il milione', store).amounts).toEqual([{ op: 'gt', value: 1_000_000 }]);
  });

  it('a structure named as the scope of a ranking is not ranked itself', () => {
    expect(compute('il progetto più caro del CdR 41')).toMatchObject({ kind: 'top', field: 'budget' });
  });

  it('a person named first keeps a ranking of records ("chi è responsabile del progetto più caro")', () => {
    expect(compute('chi dirige il progetto più costoso?')).toMatchObject({ kind: 'top', query: { target: 'project' } });
  });

  it('two centres compared by budget use the totals the plan states only when both state one', () => {
    // centro 41 states its total, 42 does not: both are summed from their projects instead
    expect(compute('confronta il budget del CdR 41 e del CdR 42')).toMatchObject({
      kind: 'compare_groups',
      target: 'project',
      sumField: 'budget',
    });
  });
});
