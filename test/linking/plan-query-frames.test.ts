/**
 * Frames and computations of the plan-query kinds over the small invented plan: durations, people and structures
 * ranked by their records, comparisons of two objectives or two structures, an article before a magnitude, counts.
 * One table per language.
 */
import { describe, expect, it } from 'vitest';
import { type Computation, computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

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

  it('reads a bare number after a figure word as that figure', () => {
    expect(linkQuestion('fasi con peso 50', store).amounts).toEqual([{ op: 'eq', value: 50 }]);
    expect(linkQuestion('progetti con budget 0', store).amounts).toEqual([{ op: 'eq', value: 0 }]);
  });

  it.each([
    ['progetti sopra il mezzo milione', { op: 'gt', value: 500_000 }],
    ['projects above half a million', { op: 'gt', value: 500_000 }],
    ['budget dei progetti senza contare quelli sotto i 10.000 euro', { op: 'gte', value: 10_000 }],
    ['projects excluding those over 1 million', { op: 'lte', value: 1_000_000 }],
  ])('"%s" bounds the amount as %o', (q, amount) => {
    expect(linkQuestion(q, store).amounts).toEqual([amount]);
  });

  it('an amount bounds the figure named, not a date named beside it', () => {
    expect(compute('fasi che iniziano dopo il 01/02/2022 con peso sopra 40')).toMatchObject({
      query: {
        target: 'phase',
        filters: [
          { field: 'weight', op: 'gt', value: 40 },
          { field: 'start', op: 'gt', value: '2022-02-01' },
        ],
      },
    });
  });

  it('"ciascun" / "each" splits a count by person, every group listed', () => {
    for (const q of ['quanti obiettivi ha ciascun responsabile?', 'how many objectives does each owner have?'])
      expect(compute(q)).toMatchObject({
        kind: 'group_rank',
        groupOf: 'person',
        query: { target: 'objective', aggregate: { op: 'count', groupBy: 'owner' } },
      });
  });

  it('counts phases by structure', () => {
    expect(compute('quale servizio ha più fasi?')).toMatchObject({
      kind: 'group_rank',
      query: { target: 'phase', aggregate: { op: 'count', groupBy: 'structure' } },
    });
  });

  it('a structure named in full wins over those that only share a word with the question', () => {
    const shared = new PlanStore({
      ...SMALL_MODEL,
      structures: [
        ...SMALL_MODEL.structures,
        { doc: 'c.txt', name: 'Biblioteche', kind: 'servizio', span: { doc: 'c.txt', lineStart: 4, lineEnd: 4 } },
      ],
    });
    const q = 'obiettivi del Servizio Biblioteche che scadono dopo il 2022';
    // linking finds both; the condition means the one named in full
    expect(linkQuestion(q, shared).structures.map((s) => s.name)).toEqual(['Servizio Biblioteche', 'Biblioteche']);
    expect(computationFor(linkQuestion(q, shared), shared)).toMatchObject({
      query: { filters: [{ field: 'structure', op: 'eq', value: 'Servizio Biblioteche' }, { field: 'end' }] },
    });
  });

  it("a year that bounds a date still finds a plan's codes of other years", () => {
    const f = linkQuestion('fasi di LV-BI02 che terminano nel 2023', store);
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI02']);
    expect(compute('fasi di LV-BI02 che terminano nel 2023')).toMatchObject({
      kind: 'list',
      query: {
        target: 'phase',
        filters: [
          { field: 'objective', value: 'LV-BI02' },
          { field: 'end', op: 'between' },
        ],
      },
    });
  });

  it.each([
    ['il secondo progetto più costoso', 2],
    ['the third largest project by budget', 3],
    ['the second most expensive project', 2],
  ])('"%s" asks for place %i of the ranking', (q, n) => {
    expect(compute(q)).toMatchObject({ kind: 'top', nth: n, query: { target: 'project', limit: n } });
  });

  it('"secondo" meaning "according to" is no ordinal', () => {
    expect(linkQuestion('secondo il piano, qual è il progetto più costoso?', store).ordinal).toBeNull();
  });

  it('an order asked for lists every record or group in that order', () => {
    expect(compute('classifica dei progetti per budget')).toMatchObject({
      kind: 'top',
      field: 'budget',
      query: { limit: 40 },
    });
    expect(compute('rank the people by number of objectives')).toMatchObject({ kind: 'group_rank', groupOf: 'person' });
  });

  it('"which is bigger" between two centres compares them', () => {
    expect(compute('which is bigger, CdR 41 or CdR 42?')).toMatchObject({ kind: 'compare_groups', target: 'project' });
  });

  it('an exclusion beside zero leaves zero out of a ranking', () => {
    expect(linkQuestion('the project with the least funding, zeros excluded', store).nonZero).toBe(true);
    expect(linkQuestion('il progetto meno finanziato, esclusi quelli a zero', store).nonZero).toBe(true);
  });

  it('a number after "più di" before a record word is a bound, not the k of a top-k', () => {
    const f = linkQuestion('obiettivi con più di 1 fase', store);
    expect(f.amounts).toEqual([{ op: 'gt', value: 1 }]);
    expect(compute('obiettivi con più di 1 fase')).toMatchObject({
      kind: 'list',
      query: { target: 'objective', filters: [{ field: 'phases', op: 'gt', value: 1 }] },
    });
  });

  it('the owner of the record with most phases is a ranking of records, not of people', () => {
    expect(compute("chi è il responsabile dell'obiettivo con più fasi?")).toMatchObject({
      kind: 'top',
      query: { target: 'objective' },
    });
  });

  it('an English topic is looked for in the Italian records through the glossary', () => {
    const f = linkQuestion('projects about minors', store);
    expect(f.topic.join(' ')).toMatch(/minor/);
  });

  it.each([['quanto fanno i budget del CdR 41?'], ['what do the budgets of CdR 41 come to?']])(
    '"%s" asks for a sum',
    (q) => {
      expect(linkQuestion(q, store).aggregate).toBe('sum');
    },
  );

  it('sums and compares projects named by their titles, one per part of the question', () => {
    expect(compute('somma del budget di trasporto sociale e centri estivi')).toMatchObject({
      kind: 'sum',
      query: { filters: [{ field: 'code', op: 'in', values: ['2023_PX_4101', '2023_PX_4102'] }] },
    });
    expect(compute('compare the budget of the centri estivi and the sportello casa')).toMatchObject({
      kind: 'compare_codes',
      codes: [{ code: '2023_PX_4102' }, { code: '2023_PX_4201' }],
    });
  });

  it('names no project by title words when an amount already selects the records', () => {
    expect(
      linkQuestion('totale dei progetti tra trasporto sociale sopra 100.000 e centri estivi', store).codes,
    ).toEqual([]);
  });

  it.each([
    ['fasi che scadono a settembre 2022', { iso: '2022-09-01', op: 'between', iso2: '2022-09-30' }],
    ['fasi che finiscono prima di aprile 2022', { iso: '2022-04-01', op: 'lt' }],
    ['phases ending by March 2022', { iso: '2022-03-31', op: 'lte' }],
  ])('"%s" reads the month as a range of days', (q, date) => {
    expect(linkQuestion(q, store).dates).toEqual([date]);
  });

  it("a person's objectives with phases due in a month list those phases only", () => {
    expect(compute('obiettivi di Neri Carla con fasi che scadono a marzo 2022')).toMatchObject({
      kind: 'list',
      query: {
        target: 'phase',
        filters: [
          { field: 'owner', op: 'eq', value: 'Neri Carla' },
          { field: 'end', op: 'between', value: '2022-03-01', value2: '2022-03-31' },
        ],
      },
    });
  });

  it('a record without an owner is a condition on the owner field; one that cannot apply lists nothing', () => {
    expect(compute('progetti senza dirigente responsabile')).toMatchObject({
      query: { target: 'project', filters: [{ field: 'dirigente', op: 'missing' }] },
    });
    expect(compute('progetti senza fasi')).toBeNull();
  });
});
