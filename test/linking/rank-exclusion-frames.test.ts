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
import { subRecordsNamedByParts } from '../../src/linking/named-sub-records.ts';
import { wordsOf } from '../../src/linking/phrases.ts';
import { exclusionFillers, followsExclusion } from '../../src/linking/set-apart.ts';
import { quotedNameOf } from '../../src/linking/titled-records.ts';
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

describe('sets apart in other words', () => {
  it('an exclusion phrase ending with a filler word ("apart from") sets a code apart', () => {
    const q = 'the Lago Verde objective with the most phases, apart from LV-BI01';
    expect(frame(q).excludedCodes).toEqual(['LV-BI01']);
    expect(run(q)[0]).toBe('LV-BI02');
  });
  it.each([
    ['obiettivi tranne quelli di Neri e Rosi', ['Neri Carla', 'Rosi Bruno']],
    ['escluse Gialli, Viola e Neri, chi ha più progetti?', ['Neri Carla', 'Gialli Piero', 'Viola Anna']],
  ])('people listed after one set apart are set apart: "%s"', (q, names) => {
    const f = frame(q);
    expect([...f.excludedPeople].sort()).toEqual([...names].sort());
    expect(f.people).toEqual([]);
  });
  it('a person listed with no exclusion before the list is named, not set apart', () => {
    expect(frame('progetti di Gialli e Viola').excludedPeople).toEqual([]);
  });
});

describe('people ranked by the projects they are allocated to', () => {
  it('"chi compare nel personale di più progetti" counts allocations by name', () => {
    const c = computationFor(frame('chi compare nel personale di più progetti?'), store);
    expect(c).toMatchObject({
      kind: 'group_rank',
      groupOf: 'person',
      query: { target: 'staff_allocation', aggregate: { op: 'count', groupBy: 'name' } },
    });
  });
  it('people set apart are left out of the ranking', () => {
    const c = computationFor(frame('a parte Gialli, chi dirige più progetti?'), store);
    expect(c).toMatchObject({ kind: 'group_rank', excluded: ['Gialli Piero'] });
  });
});

describe('a record named by the name its title quotes', () => {
  const quoted = (() => {
    const m: PlanModel = structuredClone(SMALL_MODEL);
    m.objectives[0]!.title = 'PROGETTO "LIBRI IN PIAZZA" PER LE FRAZIONI';
    return new PlanStore(PlanModelSchema.parse(m));
  })();
  it('the quoted name is read from the title', () => {
    expect(quotedNameOf('PROGETTO "LIBRI IN PIAZZA" PER LE FRAZIONI')).toBe('libri in piazza');
    expect(quotedNameOf('"Tutto tra virgolette"')).toBeUndefined();
    expect(quotedNameOf('Progetto "AB"')).toBeUndefined();
  });
  it('names the objective beside a record word', () => {
    const f = frame('quale fase del progetto Libri in piazza finisce per ultima?', quoted);
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI01']);
  });
});

describe('a month with no year beside an office', () => {
  it('is of the year of the office’s plan', () => {
    const q = 'fasi del Servizio Biblioteche che finiscono dopo giugno';
    expect(frame(q).dates).toHaveLength(1);
    expect(run(q)).toEqual(['LV-BI01: Apertura sperimentale', 'LV-BI02: Scansione']);
  });
});

describe('two sub-records of one objective named by their words', () => {
  const objective = {
    ...SMALL_MODEL.objectives[0]!,
    title: 'Riordino del magazzino comunale',
    phases: [
      {
        title: 'Inventario degli scaffali',
        weight: { text: '20,00', value: 20 },
        span: SMALL_MODEL.objectives[0]!.span,
      },
      {
        title: 'Gara per i nuovi scaffali',
        weight: { text: '50,00', value: 50 },
        span: SMALL_MODEL.objectives[0]!.span,
      },
      { title: 'Trasloco del materiale', weight: { text: '30,00', value: 30 }, span: SMALL_MODEL.objectives[0]!.span },
    ],
  };
  it('each part of the comparison names the sub-record sharing its rarest words', () => {
    expect(subRecordsNamedByParts('pesa di più il trasloco o la gara?', objective, 'phase')).toEqual([
      'Trasloco del materiale',
      'Gara per i nuovi scaffali',
    ]);
  });
  it('a word two sub-records share names neither of them', () => {
    expect(subRecordsNamedByParts('pesa di più quella degli scaffali o il trasloco?', objective, 'phase')).toBeNull();
  });
  it('the objective named by its title and two of its phases compile to both phases ranked by the field', () => {
    const m: PlanModel = structuredClone(SMALL_MODEL);
    m.objectives[0] = objective;
    const s = new PlanStore(PlanModelSchema.parse(m));
    const q = 'riordino del magazzino comunale: pesa di più il trasloco o la gara?';
    expect(queryOf(q, s)).toMatchObject({ target: 'phase', sort: { field: 'weight', dir: 'desc' }, limit: 2 });
    expect(run(q, s)).toEqual(['LV-BI01: Gara per i nuovi scaffali', 'LV-BI01: Trasloco del materiale']);
  });
});

describe('rankings within groups, asked in other ways', () => {
  it('a place in the ranking of each group keeps the place and the group', () => {
    const c = computationFor(frame('il secondo progetto più costoso di ogni ufficio'), store);
    expect(c).toMatchObject({ kind: 'top', nth: 2, query: { per: 'cdr' } });
  });
  it('the group an "each" word names is not itself ranked', () => {
    const c = computationFor(frame('for each dirigente, the cheapest project'), store);
    expect(c).toMatchObject({ kind: 'top', query: { target: 'project', per: 'dirigente' } });
  });
  it('dates bound the records counted when groups are ranked', () => {
    const c = computationFor(frame('quale servizio ha più fasi che finiscono nel 2022?'), store);
    expect(c?.kind === 'group_rank' && c.query.filters).toContainEqual({
      field: 'end',
      op: 'between',
      value: '2022-01-01',
      value2: '2022-12-31',
    });
  });
});

describe("an office's records bounded by a year their plan does not cover", () => {
  it('the year bounds the dates, the office is still looked up in its plan', () => {
    const q = 'obiettivi del Servizio Biblioteche che scadono nel 2023';
    expect(frame(q).structures.map((s) => s.name)).toEqual(['Servizio Biblioteche']);
    expect(run(q)).toEqual(['LV-BI02']);
  });
});

describe('a code set apart from a ranking of sub-records', () => {
  it('ranks the phases of every objective but the one set apart', () => {
    expect(run('la fase più pesante di Neri Carla, escluso LV-BI02')).toEqual(['LV-BI01: Apertura sperimentale']);
  });
});
