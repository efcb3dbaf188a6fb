/**
 * Sums, totals and comparisons of records named loosely, part by part, over the small invented plan: one part named
 * by its code and another by its words, a part that names nothing the plans hold (said not found, never replaced by
 * the whole scope), ratios asked ("il triplo?"), shares of a centre's stated total, phases of one objective named by
 * their words and summed or compared, and a count over two people split by person.
 */
import { describe, expect, it } from 'vitest';
import { answerComputation } from '../../src/answer/routes/query-route.ts';
import { unnamedPartReply } from '../../src/answer/routes/unnamed-part-route.ts';
import { packFor } from '../../src/lang/packs.ts';
import { type Computation, computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { partsNamingNothing } from '../../src/linking/unnamed-parts.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const frame = (q: string) => linkQuestion(q, store);
const compute = (q: string): Computation | null => computationFor(frame(q), store);
const answer = (q: string, lang: 'it' | 'en' = 'it') => {
  const c = compute(q);
  expect(c).not.toBeNull();
  return answerComputation(ctx, c!, packFor(lang))?.lines.join('\n') ?? '';
};

describe('one part named by its code, the other by its words', () => {
  it.each([
    ['2023_PX_4101 e il progetto dei centri estivi, quanto fanno insieme?'],
    ['somma del budget di 2023_PX_4101 e dei centri estivi'],
    ['total budget of 2023_PX_4101 and Centri estivi'],
  ])('"%s" sums the two records, not the centre', (q) => {
    expect(frame(q).codes.map((c) => c.code)).toEqual(['2023_PX_4101', '2023_PX_4102']);
    expect(compute(q)).toMatchObject({ kind: 'sum', field: 'budget' });
  });

  it('a code alone with its own phases named keeps to that objective', () => {
    const f = frame('LV-BI01: pesa di più lo studio degli orari o la apertura sperimentale?');
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI01']);
  });
});

describe('a part that names nothing the plans hold', () => {
  it('is read as written, after a record word or as a name', () => {
    expect(partsNamingNothing('Trasporto sociale e il progetto sulla pista di pattinaggio', store)).toEqual([
      'pista di pattinaggio',
    ]);
    expect(partsNamingNothing('Trasporto sociale plus the Ice Rink project', store)).toEqual(['Ice Rink']);
    // question words and the plans' own words name nothing missing
    expect(partsNamingNothing('quanto fanno insieme Trasporto sociale e Centri estivi?', store)).toEqual([]);
  });

  it('is said not found, and the other part is shown alone — never the centre total', () => {
    const f = frame('quanto fanno insieme Trasporto sociale e il progetto sulla pista di pattinaggio?');
    expect(f.unnamedParts).toEqual(['pista di pattinaggio']);
    expect(f.codes.map((c) => c.code)).toEqual(['2023_PX_4101']);
    const reply = unnamedPartReply(ctx, f, packFor('it'));
    const text = reply.lines.join('\n');
    expect(reply.found).toBe(false);
    expect(text).toMatch(/Non ho trovato.*pista di pattinaggio/);
    expect(text).toContain('1.200.000,00');
    expect(text).not.toContain('1.550.000,50');
  });

  it('an acronym the plans write with dots is no unknown name when written bare', () => {
    const m = structuredClone(SMALL_MODEL);
    m.projects[1]!.title = 'Centri estivi C.R.E.A.';
    const s2 = new PlanStore(PlanModelSchema.parse(m));
    expect(partsNamingNothing('Trasporto sociale e il progetto CREA', s2)).toEqual([]);
    expect(partsNamingNothing('Trasporto sociale e il progetto CRAB', s2)).toEqual(['CRAB']);
  });

  it('a part whose words several records use (or none alone) is unclear, and the sum is not the whole scope', () => {
    const f = frame('quanto fanno insieme Trasporto sociale e il progetto sulle aperture?');
    expect(f.unnamedParts).toEqual(['aperture']);
    const text = unnamedPartReply(ctx, f, packFor('it')).lines.join('\n');
    expect(text).toContain('Non ho trovato un solo record per «aperture»');
    expect(text).toContain('1.200.000,00');
    expect(text).not.toContain('1.550.000,50');
  });

  it('in English too', () => {
    const f = frame('Trasporto sociale plus the Ice Rink project: total budget?');
    expect(f.unnamedParts).toEqual(['Ice Rink']);
    expect(unnamedPartReply(ctx, f, packFor('en')).lines.join('\n')).toMatch(/Not found.*Ice Rink/);
  });
});

describe('ratios asked beside a comparison', () => {
  it.each([
    ['il trasporto sociale vale il triplo dei centri estivi?', 'it', '3,43 volte'],
    ['is Trasporto sociale twice Centri estivi?', 'en', '3,43 times'],
  ] as const)('"%s"', (q, lang, expected) => {
    expect(frame(q).ratio).toBe(true);
    const text = answer(q, lang);
    expect(text).toContain(expected);
    expect(text).toContain('849.999,50');
  });

  it('is not said when no ratio is asked', () => {
    expect(answer('differenza tra trasporto sociale e centri estivi')).not.toContain('volte');
  });
});

describe('shares of a centre’s stated total', () => {
  it('one project named by its words, as a share of the centre named', () => {
    expect(compute('che percentuale del centro 41 va ai centri estivi?')).toMatchObject({
      kind: 'share',
      cdr: { code: '41' },
    });
    // 350.000,50 of the stated 1.550.000,50
    expect(answer('che percentuale del centro 41 va ai centri estivi?')).toContain('22,58 %');
  });

  it('two projects summed first, the sum said computed', () => {
    const text = answer('trasporto sociale e centri estivi: che percentuale del totale del centro 41?');
    expect(text).toContain('1.550.000,50');
    expect(text).toContain('100,00 %');
  });
});

describe('phases of one objective named by their words', () => {
  it('summed', () => {
    const q =
      "nell'apertura serale delle biblioteche lo studio degli orari e l'apertura sperimentale quanto pesano insieme?";
    expect(compute(q)).toMatchObject({ kind: 'named_subs', op: 'sum', field: 'weight' });
    expect(answer(q)).toContain('80,00');
  });

  it('compared, with the difference computed', () => {
    const q = "LV-BI01: differenza di peso tra lo studio degli orari e l'apertura sperimentale";
    expect(compute(q)).toMatchObject({ kind: 'named_subs', op: 'compare' });
    const text = answer(q);
    expect(text).toContain('50,00');
    expect(text).toContain('30,00');
    expect(text).toContain('20,00');
  });

  it('named with no record word, after the objective’s whole title', () => {
    const q = 'Apertura serale delle biblioteche: studio degli orari e apertura sperimentale sommate?';
    expect(frame(q).codes.map((c) => c.code)).toEqual(['LV-BI01']);
    expect(answer(q)).toContain('80,00');
  });
});

describe('"più" between two things it adds', () => {
  it('adds two phases named by their words when it grades nothing after it', () => {
    const q = 'Apertura serale delle biblioteche: studio degli orari più apertura sperimentale quanto pesano?';
    expect(compute(q)).toMatchObject({ kind: 'named_subs', op: 'sum' });
    expect(answer(q)).toContain('80,00');
  });

  it('adds the record a pronoun stands for', () => {
    const q = 'il budget del trasporto sociale più quello dei centri estivi';
    expect(frame(q).aggregate).toBe('sum');
    expect(frame(q).codes.map((c) => c.code)).toEqual(['2023_PX_4101', '2023_PX_4102']);
  });

  it('stays a comparative before a field, after "di", or with alternatives', () => {
    expect(frame('chi ha più obiettivi tra Neri Carla e Rosi Bruno?').aggregate).not.toBe('sum');
    expect(frame('pesa di più lo studio degli orari o la apertura sperimentale?').aggregate).toBeNull();
  });
});

describe('a pronoun standing for the second record', () => {
  it('splits the parts: "il budget di A rispetto a quello di B"', () => {
    const q = 'quante volte il budget dei centri estivi sta in quello del trasporto sociale?';
    expect(
      frame(q)
        .codes.map((c) => c.code)
        .sort(),
    ).toEqual(['2023_PX_4101', '2023_PX_4102']);
    expect(answer(q)).toContain('3,43');
  });
});

describe('a total over one centre, narrowed by the words after "per"', () => {
  it('sums only the records whose titles hold them, not the stated total', () => {
    const q = 'quanto spende in tutto il centro 41 per il trasporto?';
    expect(frame(q).titleTopic).toHaveLength(1);
    const text = answer(q);
    expect(text).toContain('1.200.000,00');
    expect(text).not.toContain('350.000,50');
  });

  it('a word every record of the centre has narrows nothing', () => {
    expect(frame('quanto spende in tutto il centro 41 per i progetti?').titleTopic).toEqual([]);
  });
});

describe('a comparative complete in itself, then the two records', () => {
  it.each([
    ['costa di più il trasporto sociale dei centri estivi?', ['2023_PX_4101', '2023_PX_4102']],
    // a split at the first "di" would cut a title; the split whose parts name two records is read
    ['costa di più la apertura serale delle biblioteche del catalogo digitale?', ['LV-BI01', 'LV-BI02']],
  ])('"%s"', (q, codes) => {
    expect(frame(q).codes.map((c) => c.code)).toEqual(codes);
  });
});

describe('a count over two people', () => {
  it('says each one’s part of the total', () => {
    const q = 'quanti obiettivi in tutto tra Neri Carla e Rosi Bruno?';
    expect(frame(q).compare).toBe(false);
    const text = answer(q);
    expect(text).toContain('Neri Carla 2');
    expect(text).toContain('Rosi Bruno 1');
  });
});
