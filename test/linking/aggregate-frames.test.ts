/**
 * Aggregates and comparisons over the small invented plan, read from the kind of words a question uses rather than
 * from whole phrases: ranges of amounts written in words, averages (of figures and of counts), sums and differences of
 * records named by code or title, group-by from "per" / "by" and a kind of group, centres' stated totals compared or
 * listed when the question names none. One table per language, then what the computations select and answer.
 */
import { describe, expect, it } from 'vitest';
import { answerComputation } from '../../src/answer/routes/query-route.ts';
import { packFor } from '../../src/lang/packs.ts';
import { type Computation, computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string, s = store) => linkQuestion(q, s);
const compute = (q: string, s = store): Computation | null => computationFor(linkQuestion(q, s), s);

describe('ranges of amounts written in words', () => {
  it.each([
    ['progetti da 300 a 400 mila euro', 300_000, 400_000],
    ['progetti che costano tra i 300 e i 400 mila', 300_000, 400_000],
    ['progetti fra uno e due milioni', 1_000_000, 2_000_000],
    ['projects between one and two million', 1_000_000, 2_000_000],
    ['projects from 300 to 400 thousand euros', 300_000, 400_000],
  ])('"%s"', (q, low, high) => {
    expect(frame(q).amounts).toEqual([{ op: 'between', value: low, value2: high }]);
  });

  it('reads a number word glued to its magnitude', () => {
    expect(frame('progetti sotto i duecentomila euro').amounts).toEqual([{ op: 'lt', value: 200_000 }]);
    expect(frame('progetti sopra i cinquantamila').amounts).toEqual([{ op: 'gt', value: 50_000 }]);
  });

  it('reads no magnitude inside a longer word ("the most")', () => {
    const f = frame('which phase of LV-BI01 weighs the most?');
    expect(f.amounts).toEqual([]);
    expect(f.superlative).toMatchObject({ dir: 'max' });
  });

  it('reads a number right after a structure word as its code, not an amount', () => {
    const f = frame('il budget più basso tra i progetti del centro 41');
    expect(f.amounts).toEqual([]);
    expect(f.structures.map((s) => s.code)).toEqual(['41']);
  });

  it('reads a lower bound of zero as leaving the zeros out of a ranking', () => {
    expect(frame('il progetto più economico sopra lo zero').nonZero).toBe(true);
    expect(frame('the cheapest project above zero').nonZero).toBe(true);
  });
});

describe('the kind of aggregate', () => {
  it.each([
    ['quante fasi hanno in media gli obiettivi di Neri Carla?', 'avg'],
    ['how many phases does an objective have on average?', 'avg'],
    ['risorse medie per progetto', 'avg'],
    ['conteggio progetti per ufficio', 'count'],
  ])('"%s" → %s', (q, op) => {
    expect(frame(q).aggregate).toBe(op);
  });

  it.each([
    ['budget per ufficio a Monteluce', true],
    ['spending by office', true],
    ['numero di fasi per obiettivo', true],
    ['progetti di Gialli Piero', false],
  ])('"%s" splits by group: %s', (q, split) => {
    expect(frame(q).perGroup).toBe(split);
  });

  it('"A meno B" is a difference, not a ranking towards the lowest', () => {
    const f = frame('4101 meno 4102?');
    expect(f.superlative).toBeNull();
    expect(f.compare).toBe(true);
  });
});

const cases: Record<'it' | 'en', [string, Record<string, unknown>][]> = {
  it: [
    [
      'media dei budget di 4101 e 4102',
      { kind: 'sum', query: { target: 'project', aggregate: { op: 'avg', field: 'budget' } } },
    ],
    [
      'numero medio di fasi per obiettivo del Servizio Biblioteche',
      { kind: 'sum', query: { target: 'objective', aggregate: { op: 'avg', field: 'phases' } } },
    ],
    [
      'quante fasi ha ciascun obiettivo di Neri Carla',
      { kind: 'list', query: { target: 'objective' }, shown: ['phases'] },
    ],
    ['4101 meno 4102, quanto fa?', { kind: 'compare_codes', target: 'project', field: 'budget' }],
    ['somma di Trasporto sociale più Centri estivi', { kind: 'sum', query: { target: 'project' } }],
    ['tra Trasporto sociale e Centri estivi quale costa di più?', { kind: 'compare_codes', target: 'project' }],
    ['ha più soldi il centro 41 o il 42?', { kind: 'compare_groups', sumField: 'budget' }],
  ],
  en: [
    [
      'average number of phases per objective owned by Neri Carla',
      { kind: 'sum', query: { target: 'objective', aggregate: { op: 'avg', field: 'phases' } } },
    ],
    ['how much bigger is Trasporto sociale than Centri estivi?', { kind: 'compare_codes', target: 'project' }],
    ['Trasporto sociale plus Centri estivi: total budget?', { kind: 'sum', query: { target: 'project' } }],
    ['4101 minus 4102', { kind: 'compare_codes', target: 'project' }],
    ['which centre has the bigger budget, 41 or 42?', { kind: 'compare_groups', sumField: 'budget' }],
  ],
};

describe.each(Object.entries(cases))('aggregate computations (%s)', (_lang, table) => {
  it.each(table)('"%s"', (q, expected) => {
    expect(compute(q)).toMatchObject(expected);
  });
});

describe('records named by title for a sum or a difference', () => {
  it('sums the two records the parts name, and no other', () => {
    expect(compute('somma di Trasporto sociale più Centri estivi')).toMatchObject({
      query: { filters: [{ field: 'code', op: 'in', values: ['2023_PX_4101', '2023_PX_4102'] }] },
    });
  });
});

describe("centres' stated totals when the question names none", () => {
  // a second centre that states its total
  const twoCentres = new PlanStore(
    PlanModelSchema.parse({
      ...SMALL_MODEL,
      totals: [
        ...SMALL_MODEL.totals,
        {
          doc: 'b.txt',
          level: 'cdr',
          label: 'Ufficio Abitare',
          cdr: '42',
          amount: { text: '0,00', value: 0 },
          share: null,
          span: { doc: 'b.txt', lineStart: 91, lineEnd: 91 },
        },
      ],
    }),
  );

  it('compares the two centres of the plan named', () => {
    expect(compute('scarto tra i totali dei due cdr di Monteluce', twoCentres)).toMatchObject({
      kind: 'stated_totals',
      compare: true,
      cdrs: [{ code: '41' }, { code: '42' }],
    });
  });

  it('lists every centre for a total split by centre', () => {
    expect(compute('budget totale per cdr a Monteluce', twoCentres)).toMatchObject({
      kind: 'stated_totals',
      cdrs: [{ code: '41' }, { code: '42' }],
    });
  });
});

describe('answers of averages', () => {
  const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };

  it('says an average of counts with its decimals, computed over the records listed', () => {
    const c = compute('numero medio di fasi per obiettivo del Servizio Biblioteche');
    expect(c).not.toBeNull();
    const reply = answerComputation(ctx, c!, packFor('it'));
    const text = reply?.lines.join('\n') ?? '';
    // LV-BI01 has two phases, LV-BI02 one
    expect(text).toContain('1,50');
    expect(text).toContain('LV-BI01');
    expect(text).toContain('LV-BI02');
  });
});

describe('comparisons and both ends', () => {
  const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
  const answer = (q: string, lang: 'it' | 'en' = 'it') => {
    const c = compute(q);
    expect(c).not.toBeNull();
    return answerComputation(ctx, c!, packFor(lang))?.lines.join('\n') ?? '';
  };

  it('names a second centre by its bare code in a comparison', () => {
    expect(frame('il centro 41 ha più progetti rispetto al 42?').structures.map((s) => s.code)).toEqual(['41', '42']);
    // a number bounding a figure names no centre
    expect(frame('progetti del centro 41 con più di 42 mila euro').structures.map((s) => s.code)).toEqual(['41']);
  });

  it('says which of two dates comes first, and by how many days', () => {
    const text = answer('tra LV-BI01 e LV-BI02 quale finisce prima?');
    expect(text).toContain('30/09/2022');
    expect(text).toContain('31/12/2023');
    expect(text).toMatch(/LV-BI01.*457 giorni/s);
  });

  it("says the difference of two people's counts", () => {
    expect(answer('how many more objectives does Neri Carla have than Rosi Bruno?', 'en')).toContain(
      'Difference: 1 (computed), higher: Neri Carla.',
    );
  });

  it('answers both ends of a ranking, not the whole order', () => {
    expect(frame('budget minimo e massimo dei progetti del centro 41').bothEnds).toBe(true);
    expect(frame('i progetti dal più caro al meno caro').bothEnds).toBe(false);
    const text = answer('budget minimo e massimo dei progetti del centro 41');
    expect(text).toContain('350.000,50');
    expect(text).toContain('1.200.000,00');
  });

  it("compares two people's averages when the question asks for an average", () => {
    expect(compute('i progetti di Gialli Piero costano in media più di quelli di Viola Anna?')).toMatchObject({
      kind: 'compare_groups',
      sumField: 'budget',
      averaged: true,
    });
  });

  it('counts the phases of a scope when a total names no figure', () => {
    expect(compute('totale fasi di Neri Carla')).toMatchObject({
      kind: 'list',
      counted: true,
      query: { target: 'phase' },
    });
    // one objective's phases summed are its weights
    expect(compute('le fasi di LV-BI01 sommano a cento?')).not.toMatchObject({ kind: 'list' });
  });
});

describe('several records, groups and levels', () => {
  const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };

  it('ranks three records compared by the field, all of them', () => {
    expect(compute('confronta il budget di 4101, 4102 e 4201')).toMatchObject({
      kind: 'top',
      dir: 'desc',
      query: { target: 'project', limit: 3, sort: { field: 'budget' } },
    });
  });

  it("says the groups' average of a count before each group", () => {
    const c = compute('quanti obiettivi ha in media ciascun responsabile?');
    expect(c).toMatchObject({ kind: 'group_rank', averaged: true, query: { aggregate: { op: 'count' } } });
    const text = answerComputation(ctx, c!, packFor('it'))?.lines.join('\n') ?? '';
    // Neri Carla owns two objectives, Rosi Bruno one
    expect(text).toContain('1,50');
  });

  it('lists the stated totals of a level of the budget tree', () => {
    const withActions = new PlanStore(
      PlanModelSchema.parse({
        ...SMALL_MODEL,
        totals: [
          ...SMALL_MODEL.totals,
          ...['Mobilità dolce', 'Trasporto pubblico'].map((label, i) => ({
            doc: 'b.txt',
            level: 'azione',
            label,
            cdr: '41',
            amount: { text: i ? '1.200.000,00' : '350.000,50', value: i ? 1_200_000 : 350_000.5 },
            share: null,
            span: { doc: 'b.txt', lineStart: 80 + i, lineEnd: 80 + i },
          })),
        ],
      }),
    );
    expect(frame('budget per azione del centro 41', withActions).groupLevel).toBe('azione');
    expect(compute('totals by action of centre 41', withActions)).toMatchObject({
      kind: 'stated_named',
      totals: [{ label: 'Mobilità dolce' }, { label: 'Trasporto pubblico' }],
    });
  });
});

describe('the second record after a comparative', () => {
  it.each([
    ['Trasporto sociale è più caro di Centri estivi?'],
    ['Centri estivi costa meno del Trasporto sociale?'],
    ['is Trasporto sociale more expensive than Centri estivi?'],
  ])('"%s" compares the two projects it names by title', (q) => {
    const c = compute(q);
    expect(c).toMatchObject({ kind: 'compare_codes', target: 'project' });
    expect(c?.kind === 'compare_codes' ? c.codes.map((x) => x.code).sort() : []).toEqual([
      '2023_PX_4101',
      '2023_PX_4102',
    ]);
  });

  it('reads "più di" before an amount as a bound, not a comparison of records', () => {
    expect(frame('progetti che costano più di 300 mila euro').amounts).toEqual([{ op: 'gt', value: 300_000 }]);
  });
});

describe('numbers beside words for people', () => {
  it('"i due dirigenti" says how many groups, not an amount', () => {
    expect(frame('chi spende di più tra i due dirigenti di Monteluce?').amounts).toEqual([]);
    expect(compute('chi spende di più tra i due dirigenti di Monteluce?')).toMatchObject({
      kind: 'group_rank',
      query: { aggregate: { op: 'sum', field: 'budget', groupBy: 'dirigente' } },
    });
  });

  it('a bound before a word for people is on the staff', () => {
    expect(compute('progetti con più di 60 persone')).toMatchObject({
      kind: 'list',
      query: { target: 'project', filters: [{ field: 'staff', op: 'gt', value: 60 }] },
    });
    expect(compute('projects with at least 4 employees')).toMatchObject({
      query: { filters: [{ field: 'staff', op: 'gte', value: 4 }] },
    });
  });
});

describe('two objectives compared by the weight of their phases', () => {
  it('compares the summed phase weights when a weight is named beside the phases', () => {
    expect(compute('confronta il peso totale delle fasi di LV-BI01 e LV-BI02')).toMatchObject({
      kind: 'compare_codes',
      target: 'objective',
      field: 'phaseWeight',
    });
    // the number of phases when no weight is named
    expect(compute('ha più fasi LV-BI01 o LV-BI02?')).toMatchObject({ field: 'phases' });
  });
});
