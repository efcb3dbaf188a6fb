/**
 * Rankings with something set apart or cut per group, over the invented plans of `small-plan.ts`: a zero negated
 * ("che non sia zero"), a place counted from the bottom ("penultimo"), a code set apart, an item set apart after
 * another joined by "e", the lack of the ranked field set apart ("che non ne hanno"), a field asked to be present
 * ("con indicatori"), a date bound negated ("non ancora concluse al …"), an area asked a figure only its centres hold,
 * and the top record of each group ("il più costoso di ogni ufficio").
 */
import { describe, expect, it } from 'vitest';
import { it as italian } from '../../src/lang/it.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { wordsOf } from '../../src/linking/phrases.ts';
import { exclusionFillers, followsExclusion } from '../../src/linking/set-apart.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import type { PlanQuery } from '../../src/query/plan-query.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string, s = store) => linkQuestion(q, s);
function queryOf(q: string, s = store): PlanQuery {
  const c = computationFor(frame(q, s), s);
  if (!c || !('query' in c)) throw new Error(`no query for "${q}"`);
  return c.query;
}
function keysOf(query: PlanQuery, s = store): string[] {
  const r = runPlanQuery({ store: s, search: null, allowedDocs: null, includeInternal: true }, query);
  if (!r.ok) throw new Error(r.error);
  return r.records.map((x) => (x.parent ? `${x.parent}: ${x.title}` : x.key));
}
const run = (q: string, s = store) => keysOf(queryOf(q, s), s);

describe('a zero set apart', () => {
  it.each([
    'il progetto più piccolo che non sia zero',
    'qual è il budget più basso che non è zero?',
    'the cheapest project, ignoring the zero budgets',
    'tolti quelli a zero, il progetto meno caro',
  ])('"%s" ranks only figures above zero', (q) => {
    expect(frame(q).nonZero).toBe(true);
    expect(run(q)).toEqual(['2023_PX_4102']);
  });

  it('a zero with no negation or exclusion near it is a figure', () => {
    expect(frame('progetti con budget zero').nonZero).toBe(false);
  });
});

describe('a place counted from the bottom', () => {
  it.each([
    ['il penultimo progetto per budget', 'min', 2],
    ['the second to last project by budget', 'min', 2],
    ['il secondo progetto per budget', 'max', 2],
  ])('"%s"', (q, dir, n) => {
    const f = frame(q);
    expect(f.superlative?.dir).toBe(dir);
    expect(f.ordinal).toBe(n);
  });
});

describe('a code set apart', () => {
  it.each([
    'escluso il 2023_PX_4101, qual è il progetto più costoso?',
    'the most expensive project except 2023_PX_4101',
  ])('"%s" ranks the others', (q) => {
    const f = frame(q);
    expect(f.excludedCodes).toEqual(['2023_PX_4101']);
    expect(f.codes).toEqual([]);
    expect(run(q)[0]).toBe('2023_PX_4102');
  });

  it('a code named plainly is no exclusion', () => {
    expect(frame('budget del 2023_PX_4101').excludedCodes).toEqual([]);
  });
});

describe('items set apart in a list', () => {
  const fillers = exclusionFillers([]);
  it('the second item of a list joined by "e" follows the exclusion word of the first', () => {
    const words = wordsOf('tolti quelli a zero e quelli senza importo');
    expect(followsExclusion(words, words.indexOf(' senza') + 1, fillers)).toBe(true);
  });
  it('an item after "e" with no exclusion word before the list is not set apart', () => {
    const words = wordsOf('progetti grandi e quelli senza importo');
    expect(followsExclusion(words, words.indexOf(' senza') + 1, fillers)).toBe(false);
  });
  it('"tolti quelli a zero e quelli senza importo" keeps the records with a budget above zero', () => {
    const f = frame('tolti quelli a zero e quelli senza importo, quale progetto costa meno?');
    expect(f.present).toContain('budget');
    expect(f.without).toEqual([]);
    expect(run('tolti quelli a zero e quelli senza importo, quale progetto costa meno?')).toEqual(['2023_PX_4102']);
  });
});

describe('the lack of the ranked field set apart, a field asked present', () => {
  it('"escludendo quelli che non ne hanno" keeps the objectives with phases', () => {
    const q = "l'obiettivo di Lago Verde con meno fasi, escludendo quelli che non ne hanno";
    expect(frame(q).present).toContain('phases');
    expect(run(q)).toEqual(['LV-BI02']);
  });
  it.each([
    ['obiettivi di Lago Verde con indicatori', ['LV-BI01']],
    ['Lago Verde objectives that have phases', ['LV-BI01', 'LV-BI02']],
  ])('"%s"', (q, keys) => {
    expect(run(q)).toEqual(keys);
  });
  it('"con più fasi" ranks, it asks for no field present', () => {
    expect(frame("l'obiettivo con più fasi").present).toEqual([]);
  });
});

describe('a date bound negated', () => {
  it.each([
    'fasi di Neri Carla non ancora concluse al 30/06/2022',
    'phases of Neri Carla not yet finished by 30/06/2022',
  ])('"%s" are those ending after the day', (q) => {
    expect(frame(q).dates).toEqual([expect.objectContaining({ iso: '2022-06-30', op: 'gt' })]);
    expect(run(q)).toEqual(['LV-BI01: Apertura sperimentale', 'LV-BI02: Scansione']);
  });
  it('the same bound without the negation is read as written', () => {
    expect(frame('fasi di Neri Carla concluse entro il 30/06/2022').dates[0]?.op).toBe('lte');
  });
});

/** the small plans with an area grouping both offices, whose own project has no budget */
function withArea(): PlanStore {
  const m: PlanModel = structuredClone(SMALL_MODEL);
  m.structures.push({ doc: 'b.txt', name: 'Area Welfare', code: 'W9', kind: 'cdr', span: m.structures[1]!.span });
  for (const s of m.structures) if (s.code === '41' || s.code === '42') s.area = 'Area Welfare';
  m.projects.push({ ...m.projects[3]!, code: '2023_PX_W901', title: 'Coordinamento', cdr: 'W9' });
  return new PlanStore(PlanModelSchema.parse(m));
}

describe('an area asked a figure only its centres hold', () => {
  it('ranks the projects of its centres', () => {
    const s = withArea();
    expect(run("il progetto più costoso dell'area welfare", s)).toEqual(['2023_PX_4101']);
  });
  it('a list of the area with no figure asked stays its own', () => {
    const s = withArea();
    expect(run("progetti dell'area welfare", s)).toEqual(['2023_PX_W901']);
  });
});

describe('the top record of each group', () => {
  it.each([
    ['il progetto più costoso di ogni ufficio', 'cdr', ['2023_PX_4101', '2023_PX_4201']],
    ['for each dirigente, the project with the most staff', 'dirigente', ['2023_PX_4102', '2023_PX_4202']],
  ])('"%s"', (q, per, keys) => {
    const query = queryOf(q);
    expect(query.per).toBe(per);
    expect(run(q)).toEqual(keys);
  });
  it('the longest phase of each objective', () => {
    const q = 'la fase più lunga di ciascun obiettivo di Lago Verde';
    expect(frame(q).eachOf).toBe('objective');
    expect(queryOf(q).per).toBe('objective');
  });
  it('a ranking with no "each" word is cut once', () => {
    expect(queryOf('il progetto più costoso').per).toBeUndefined();
  });
  it('the executor cuts the sorted records within each value of the field', () => {
    const keys = keysOf({ target: 'project', sort: { field: 'staff', dir: 'asc' }, limit: 1, per: 'cdr' });
    expect(keys).toEqual(['2023_PX_4201', '2023_PX_4101']);
  });
  it('the heading names the group', () => {
    expect(italian.messages.topPerGroup(1, 'progetti', 'budget', true, 'struttura')).toContain('ogni struttura');
  });
});
