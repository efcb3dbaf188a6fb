/**
 * Rankings, comparisons, sums and counts worded in many ways over the small invented plan: the field a superlative is
 * about and the record it qualifies come from the words beside it in any order, two named things with a superlative
 * are compared, records named by their titles are found, counted fields of several records are summed.
 */
import { describe, expect, it } from 'vitest';
import { gradationAt } from '../../src/linking/find-gradation.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { wordsOf } from '../../src/linking/phrases.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string) => linkQuestion(q, store);
const computed = (q: string) => computationFor(frame(q), store);

describe('what a superlative is about, from the words beside it', () => {
  it.each([
    ['la fase più lunga', 'piu', 'duration', 'phase'],
    ['the longest phase', 'longest', 'duration', 'phase'],
    ['the heaviest single phase', 'heaviest', 'weight', 'phase'],
    ['il progetto più caro', 'piu', 'budget', 'project'],
    ['il progetto con il budget più alto', 'piu', 'budget', 'project'],
    ["l'obiettivo con più fasi", 'piu', 'phases', 'objective'],
    ['la fase che conta di più', 'di piu', 'weight', 'phase'],
    ['the project with more people on it', 'more', 'staff', 'project'],
  ])('"%s" → %s, %s', (q, marker, field, record) => {
    const words = wordsOf(q);
    expect(gradationAt(words, words.indexOf(` ${marker} `) + 1)).toEqual({ field, record });
  });

  it.each([
    ['quale obiettivo contiene la fase di durata più lunga?', 'duration'],
    ['which objective holds the longest phase?', 'duration'],
    ['quale obiettivo ha la fase più pesante?', 'weight'],
  ])('"%s": the phases are ranked by %s and the objective of the top one is the answer', (q, field) => {
    const c = computed(q);
    expect(c?.kind).toBe('top');
    if (c?.kind !== 'top') return;
    expect(c.byParent).toBe(true);
    expect(c.query.target).toBe('phase');
    expect(c.query.sort?.field).toBe(field);
  });

  it('"l\'obiettivo con più fasi" still ranks objectives by their number of phases', () => {
    const c = computed("qual è l'obiettivo con più fasi?");
    expect(c?.kind === 'top' && !c.byParent && c.query.target === 'objective' && c.query.sort?.field).toBe('phases');
  });

  it('a person named narrows the phases ranked for their objectives', () => {
    const c = computed('di Neri Carla, quale obiettivo ha la fase più breve?');
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'owner', op: 'eq', value: 'Neri Carla' });
    expect(c?.kind === 'top' && c.dir).toBe('asc');
  });
});

describe('two things named with a superlative are compared, whatever the order', () => {
  it.each([
    ['2023_PX_4101 o 2023_PX_4102: quale costa meno?', 'min'],
    ['quale costa di più, 2023_PX_4102 oppure 2023_PX_4101?', undefined],
  ])('"%s" compares the two budgets', (q, dir) => {
    const c = computed(q);
    expect(c?.kind).toBe('compare_codes');
    expect(c?.kind === 'compare_codes' && c.field).toBe('budget');
    expect(c?.kind === 'compare_codes' && c.dir).toBe(dir);
  });

  it('"which one has more people on it" compares the projects by their staff', () => {
    const c = computed('2023_PX_4101 or 2023_PX_4102, which one has more people on it?');
    expect(c?.kind === 'compare_codes' && c.field).toBe('staff');
  });

  it('projects named by their titles, split at "o" / "or"', () => {
    const c = computed('Trasporto sociale o Centri estivi: quale è finanziato meno?');
    expect(c?.kind === 'compare_codes' && c.codes.map((x) => x.code)).toEqual(['2023_PX_4101', '2023_PX_4102']);
  });

  it('"chi ha meno obiettivi" asks who has fewer', () => {
    const c = computed('chi ha meno obiettivi fra Rosi Bruno e Neri Carla?');
    expect(c).toMatchObject({ kind: 'compare_people', target: 'objective', dir: 'min' });
  });

  it('a capitalised function word before a name is no first name', () => {
    expect(frame('Tra Rosi Bruno e Neri Carla chi ha più obiettivi?').people.map((p) => p.name)).toEqual([
      'Neri Carla',
      'Rosi Bruno',
    ]);
  });

  it('people compared by the phases of their objectives', () => {
    expect(computed('tra Rosi Bruno e Neri Carla chi ha più fasi nei suoi obiettivi?')).toMatchObject({
      kind: 'compare_people',
      target: 'phase',
    });
  });
});

describe('records named by their titles', () => {
  it('a short title written out whole names its objective for a total of its phase weights', () => {
    expect(computed('le fasi di Catalogo digitale arrivano a 100 come peso?')).toMatchObject({
      kind: 'weights_total',
      code: 'LV-BI02',
    });
  });

  it('a title word no other title has, with another, names its objective', () => {
    expect(computed('somma dei pesi delle fasi delle palestre aperte')).toMatchObject({
      kind: 'weights_total',
      code: 'LV-SP03',
    });
    expect(computed('in totale quanto pesano le fasi della Apertura serale?')).toMatchObject({
      kind: 'weights_total',
      code: 'LV-BI01',
    });
  });

  it('the phases of an objective named by title are counted', () => {
    const c = computed('quante fasi ha Apertura serale delle biblioteche?');
    expect(c).toMatchObject({ kind: 'list', counted: true });
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({ field: 'objective', op: 'eq', value: 'LV-BI01' });
  });
});

describe('counts and sums of counted fields', () => {
  it('"in total how many people on A and B" sums their staff', () => {
    const c = computed('in total, how many people work on 2023_PX_4101 and 2023_PX_4102 staff-wise?');
    expect(c).toMatchObject({ kind: 'sum', field: 'staff' });
  });

  it("a centro's projects counted", () => {
    const c = computed('in tutto quanti progetti ha il centro 41?');
    expect(c).toMatchObject({ kind: 'list', counted: true });
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({ field: 'cdr', op: 'eq', value: '41' });
  });

  it("a person's phases counted", () => {
    const c = computed('quante fasi hanno complessivamente gli obiettivi di Neri Carla?');
    expect(c).toMatchObject({ kind: 'list', counted: true, query: { target: 'phase' } });
  });

  it('"quanti soldi" asks for a sum of budgets, not a count', () => {
    const c = computed('quanti soldi gestisce in tutto Gialli Piero?');
    expect(c).toMatchObject({ kind: 'sum', field: 'budget' });
    expect(c?.kind === 'sum' && c.query.filters).toContainEqual({
      field: 'dirigente',
      op: 'eq',
      value: 'Gialli Piero',
    });
  });
});

describe('rankings of groups under conditions', () => {
  it('"quale centro ha più progetti senza budget" counts only the projects without one', () => {
    const c = computed('quale centro di responsabilità ha più progetti senza budget?');
    expect(c).toMatchObject({ kind: 'group_rank', groupOf: 'structure' });
    expect(c?.kind === 'group_rank' && c.query.filters).toContainEqual({ field: 'budget', op: 'missing' });
  });

  it('"chi ha più progetti sopra il milione" counts only the projects above it', () => {
    const c = computed('chi ha più progetti sopra il milione?');
    expect(c).toMatchObject({ kind: 'group_rank', groupOf: 'person' });
    expect(c?.kind === 'group_rank' && c.query.filters).toContainEqual({ field: 'budget', op: 'gt', value: 1_000_000 });
  });

  it('the share of the resources is a field of its own', () => {
    const c = computed('which project has the highest share of resources?');
    expect(c?.kind === 'top' && c.field).toBe('budgetShare');
  });

  it('"la fase più recente" ranks by end date', () => {
    const c = computed('la fase più recente di LV-BI01');
    expect(c?.kind === 'top' && [c.field, c.dir]).toEqual(['end', 'desc']);
  });
});

describe('more comparisons', () => {
  it('two entities named are compared by their records', () => {
    const c = computed('ha più obiettivi il Comune di Lago Verde o il Comune di Monteluce?');
    expect(c).toMatchObject({ kind: 'compare_groups', target: 'objective' });
    expect(c?.kind === 'compare_groups' && c.groups.map((g) => g.documents)).toEqual([['a.txt'], ['b.txt']]);
  });

  it('two people compared on their records that meet a condition', () => {
    const c = computed('tra Gialli Piero e Viola Anna chi dirige più progetti senza budget?');
    expect(c).toMatchObject({ kind: 'compare_groups', target: 'project', sumField: null });
    expect(c?.kind === 'compare_groups' && c.groups[0]!.filters).toContainEqual({ field: 'budget', op: 'missing' });
  });

  it('"lo stesso numero di fasi" compares, it does not add up', () => {
    expect(computed('LV-BI01 e LV-BI02 hanno lo stesso numero di fasi?')).toMatchObject({
      kind: 'compare_codes',
      field: 'phases',
    });
  });

  it('"by how much does A exceed B" compares the two budgets', () => {
    expect(computed('by how much does 2023_PX_4101 exceed 2023_PX_4102?')).toMatchObject({
      kind: 'compare_codes',
      field: 'budget',
    });
  });
});

describe('a small number before a record word with a bound is a bound, not a top-k', () => {
  it.each([
    ['how many objectives have exactly 2 phases?', { field: 'phases', op: 'eq', value: 2 }],
    ['obiettivi con tra 1 e 2 fasi', { field: 'phases', op: 'between', value: 1, value2: 2 }],
  ])('"%s"', (q, filter) => {
    const c = computed(q);
    expect(c?.kind === 'list' && c.query.filters).toContainEqual(filter);
  });
});

describe('endings and words of the lexicon', () => {
  it('another ending of a lexicon word is no typo of a model word', () => {
    const c = computed('i due obiettivi più lunghi di Neri Carla');
    expect(c?.kind === 'top' && [c.field, c.query.limit]).toEqual(['duration', 2]);
  });

  it.each([
    ['the priciest project', 'budget', 'desc'],
    ["l'ultima fase di LV-BI01", 'end', 'desc'],
    ['which objective ends last?', 'end', 'desc'],
  ])('"%s" ranks by %s', (q, field, dir) => {
    const c = computed(q);
    expect(c?.kind === 'top' && [c.field, c.dir]).toEqual([field, dir]);
  });

  it('"chi ha meno fasi tra gli obiettivi" counts phases per owner', () => {
    const c = computed('chi ha meno fasi tra gli obiettivi?');
    expect(c).toMatchObject({ kind: 'group_rank', dir: 'asc', query: { target: 'phase' } });
  });
});

describe('comparisons under conditions and of sub-records', () => {
  it('two centri compared on their projects without a budget, not on their stated totals', () => {
    const c = computed('confronta il centro 41 e il centro 42 per numero di progetti senza budget');
    expect(c).toMatchObject({ kind: 'compare_groups', target: 'project', sumField: null });
    expect(c?.kind === 'compare_groups' && c.groups[1]!.filters).toEqual([
      { field: 'cdr', op: 'eq', value: '42' },
      { field: 'budget', op: 'missing' },
    ]);
  });

  it('"quale ha la fase più lunga tra A e B" ranks the phases of both and names the objective', () => {
    const c = computed('quale ha la fase più lunga tra LV-BI01 e LV-BI02?');
    expect(c).toMatchObject({ kind: 'top', byParent: true, field: 'duration', query: { target: 'phase' } });
    expect(c?.kind === 'top' && c.query.filters?.[0]).toEqual({
      field: 'objective',
      op: 'in',
      values: ['LV-BI01', 'LV-BI02'],
    });
  });
});

describe("a centro's stated total answers only for its budget", () => {
  it("the staff of a centro's projects is summed, not its stated total quoted", () => {
    expect(computed('sum of the staff of all projects in centre 41')).toMatchObject({ kind: 'sum', field: 'staff' });
    expect(computed('budget complessivo del centro 41')).toMatchObject({ kind: 'stated_totals' });
  });
});

describe('a comparison that asks for the lower one', () => {
  it('"chi ha meno progetti senza budget tra A e B" compares and asks for the lower', () => {
    expect(computed('chi ha meno progetti senza budget tra Gialli Piero e Viola Anna?')).toMatchObject({
      kind: 'compare_groups',
      dir: 'min',
    });
  });
});
