/** Frames of rankings worded in many ways: k as a digit or a word, zero excluded, one record's staff ranked. */
import { describe, expect, it } from 'vitest';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string) => linkQuestion(q, store);
const computed = (q: string) => computationFor(frame(q), store);

describe('the k of a top-k', () => {
  it.each([
    ['le tre fasi più pesanti di LV-BI01', 3, 'max'],
    ['i quattro progetti meno cari', 4, 'min'],
    ['le 3 fasi più leggere di LV-BI01', 3, 'min'],
    ['le due fasi meno pesanti di LV-BI01', 2, 'min'],
    ['mostra i 2 progetti col budget più alto', 2, 'max'],
    ['the two cheapest projects', 2, 'min'],
    ['the three largest budgets among the projects', 3, 'max'],
    ['give me the top four projects', 4, 'max'],
  ])('"%s" → k=%i, %s', (q, k, dir) => {
    expect(frame(q).superlative).toEqual({ k, dir });
  });

  it.each([
    ["l'obiettivo con più fasi", 'max', 'phases'],
    ['the two objectives with fewer phases', 'min', 'phases'],
    ['i tre progetti con più personale', 'max', 'staff'],
  ])('"%s": a comparative before a field word ranks by it (%s)', (q, dir, field) => {
    const c = computed(q);
    expect(c?.kind).toBe('top');
    expect(c?.kind === 'top' && c.query.sort).toEqual({ field, dir: dir === 'max' ? 'desc' : 'asc' });
  });

  it('"più di" with an amount stays a filter', () => {
    expect(computed('progetti con più di 300.000 euro di budget')?.kind).toBe('list');
  });

  it('a number word that ranks nothing stays a word', () => {
    expect(frame('progetti del centro 41 con budget oltre due milioni').superlative).toBeNull();
    expect(frame('progetti del centro 41 con budget oltre due milioni').amounts).toEqual([
      { op: 'gt', value: 2_000_000 },
    ]);
  });
});

describe('zero, as a figure and as an exclusion', () => {
  it.each([
    ['il progetto più economico escluso zero'],
    ['il progetto meno caro senza contare quelli a zero'],
    ['il budget più basso diverso da zero'],
    ['the smallest non-zero budget'],
    ['cheapest project excluding zero'],
  ])('"%s" ranks only figures above zero', (q) => {
    const f = frame(q);
    expect(f.nonZero).toBe(true);
    expect(f.amounts).toEqual([]);
    const c = computed(q);
    expect(c?.kind).toBe('top');
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'budget', op: 'gt', value: 0 });
  });

  it('"pari a zero" is an amount of 0', () => {
    expect(frame('quali progetti hanno un budget pari a zero').amounts).toEqual([{ op: 'eq', value: 0 }]);
  });
});

describe('decimals before a magnitude', () => {
  it.each([
    ['projects above 2.5 million', 2_500_000],
    ['progetti sopra 1,5 milioni', 1_500_000],
    ['progetti sopra 1.500 euro', 1_500],
  ])('"%s" → %i', (q, value) => {
    expect(frame(q).amounts).toEqual([{ op: 'gt', value }]);
  });
});

describe('routing precedence', () => {
  it('a total of two named projects is a sum even when it says "più"', () => {
    expect(computed('quanto fa il budget di 2023_PX_4101 più 2023_PX_4102 in totale?')?.kind).toBe('sum');
  });

  it('an explicit comparison of two projects stays a comparison', () => {
    expect(computed('differenza tra il budget di 2023_PX_4101 e 2023_PX_4102')?.kind).toBe('compare_codes');
  });

  it('a ranking with k is a top-k, never a sum', () => {
    expect(computed('i tre progetti del centro 41 con il budget totale più alto')?.kind).toBe('top');
  });
});

describe('ranking inside one named record', () => {
  it.each([
    ['chi è più impegnato nel progetto 2023_PX_4102?', 'desc', 1],
    ['who has the lowest commitment on 2023_PX_4102?', 'asc', 1],
    ['le due persone più impegnate sul progetto 2023_PX_4101', 'desc', 2],
  ])('"%s" ranks that project\'s staff allocations', (q, dir, limit) => {
    const c = computed(q);
    expect(c?.kind).toBe('top');
    if (c?.kind !== 'top') return;
    expect(c.query.target).toBe('staff_allocation');
    expect(c.query.filters).toContainEqual(
      expect.objectContaining({ field: 'project', value: q.match(/2023_PX_\d+/)![0] }),
    );
    expect(c.query.sort).toEqual({ field: 'commitment', dir });
    expect(c.query.limit).toBe(limit);
  });
});

describe('lists by entity', () => {
  it('"tutti gli obiettivi del Comune di X" lists that entity\'s objectives', () => {
    const c = computed('tutti gli obiettivi del Comune di Lago Verde');
    expect(c?.kind).toBe('list');
    expect(c?.kind === 'list' && c.query.documents).toEqual(['a.txt']);
  });

  it('the same words with a count stay a count', () => {
    expect(computed('quanti sono tutti gli obiettivi del Comune di Lago Verde?')?.kind ?? null).not.toBe('list');
  });
});

describe('an objective named by its title words', () => {
  it('a ranking of phases links the objective whose title the question paraphrases', () => {
    const c = computed("la fase più pesante dell'obiettivo sull'apertura serale nelle biblioteche");
    expect(c?.kind).toBe('top');
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'objective', op: 'eq', value: 'LV-BI01' });
  });

  it('a total of phase weights links it too', () => {
    expect(computed('somma dei pesi delle fasi di apertura serale delle biblioteche')).toMatchObject({
      kind: 'weights_total',
      code: 'LV-BI01',
    });
  });

  it('too few of the title words link nothing', () => {
    expect(frame('la fase più pesante sulle biblioteche').codes).toEqual([]);
  });
});

describe('counts of one person and comparisons by "contro"', () => {
  it("counts a person's projects by listing them, not every project", () => {
    const c = computed('quanti progetti segue Anna Viola?');
    expect(c?.kind).toBe('list');
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({ field: 'dirigente', op: 'eq', value: 'Viola Anna' });
  });

  it.each([['2023_PX_4101 contro 2023_PX_4102'], ['budget of 2023_PX_4101 against 2023_PX_4102']])(
    '"%s" compares the two projects',
    (q) => {
      expect(computed(q)?.kind).toBe('compare_codes');
    },
  );
});
