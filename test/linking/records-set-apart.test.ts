/**
 * Records set apart by their title words, and a place written bare beside its provincia, over the invented plans of
 * `small-plan.ts` (Lago Verde has a comune and a provincia; Monteluce's projects have budgets).
 */
import { describe, expect, it } from 'vitest';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { exclusionTails } from '../../src/linking/records-set-apart.ts';
import type { PlanQuery } from '../../src/query/plan-query.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string) => linkQuestion(q, store);
function run(q: string): string[] {
  const c = computationFor(frame(q), store);
  if (!c || !('query' in c)) throw new Error(`no query for "${q}"`);
  const r = runPlanQuery({ store, search: null, allowedDocs: null, includeInternal: true }, c.query as PlanQuery);
  if (!r.ok) throw new Error(r.error);
  return r.records.map((x) => x.key);
}

describe('a record set apart by its title words', () => {
  it.each([
    ['gli obiettivi di Lago Verde, tranne quello sul catalogo', 'LV-BI02'],
    ['obiettivi di Lago Verde escluso il progetto delle palestre', 'LV-SP03'],
    ['progetti di Monteluce a parte i centri estivi', '2023_PX_4102'],
    ['Monteluce projects except the Sportello casa one', '2023_PX_4201'],
    ['tutti i progetti ma non quello della mediazione culturale', '2023_PX_4202'],
  ])('"%s" sets %s apart', (q, code) => {
    expect(frame(q).excludedCodes).toEqual([code]);
  });

  it('a list leaves the record out and keeps the others', () => {
    const keys = run('progetti di Monteluce eccetto quello del trasporto sociale');
    expect(keys.some((k) => k.includes('2023_PX_4101'))).toBe(false);
    expect(keys.some((k) => k.includes('2023_PX_4102'))).toBe(true);
  });

  it('a ranking skips the record set apart', () => {
    expect(frame('il progetto più costoso di Monteluce, escluso il trasporto sociale')).toMatchObject({
      excludedCodes: ['2023_PX_4101'],
      superlative: { dir: 'max' },
    });
  });

  it('a condition after the title is not read as title words', () => {
    expect(exclusionTails('progetti tranne quello dello sportello casa con budget sopra 100', ['budget'])).toEqual([
      'quello dello sportello casa con',
    ]);
    const f = frame('progetti tranne quello dello sportello casa con budget sopra 100');
    expect(f.excludedCodes).toEqual(['2023_PX_4201']);
    expect(f.amounts).toMatchObject([{ op: 'gt', value: 100 }]);
  });

  it('words that name two records as much set neither apart', () => {
    // one word of "Apertura serale delle biblioteche", one of "Palestre scolastiche aperte"
    expect(frame('obiettivi di Lago Verde tranne quello su biblioteche e palestre').excludedCodes).toEqual([]);
  });

  it('a plural pronoun sets apart every record the words name, a singular one only the one record', () => {
    // one word of "Apertura serale delle biblioteche", one of "Palestre scolastiche aperte" (singular: neither)
    expect(frame('obiettivi di Lago Verde tranne quelli su biblioteche e palestre').excludedCodes.sort()).toEqual([
      'LV-BI01',
      'LV-SP03',
    ]);
    expect(frame('Lago Verde objectives except those with palestre').excludedCodes).toEqual(['LV-SP03']);
  });

  it('the office only the words set apart recall is not named', () => {
    const f = frame('obiettivi di Carla Neri tranne quello sulle biblioteche');
    expect(f.excludedCodes).toEqual(['LV-BI01']);
    expect(f.structures).toEqual([]);
    expect(run('obiettivi di Carla Neri tranne quello sulle biblioteche')).toEqual(['LV-BI02']);
  });

  it('the kind of an entity set apart (its word or adjective) is no title word', () => {
    // the comune's plan has an objective titled with the kind's adjective
    const first = SMALL_MODEL.objectives[0]!;
    const withAdjective = new PlanStore({
      ...SMALL_MODEL,
      objectives: [...SMALL_MODEL.objectives, { ...first, code: 'LV-RP09', title: 'Rete provinciale dei musei' }],
    });
    const f = linkQuestion('tutti gli obiettivi tranne quelli provinciali', withAdjective);
    expect(f.excludedCodes).toEqual([]);
  });

  it('a field set apart is no title', () => {
    expect(frame('progetti di Monteluce, esclusi quelli senza budget').excludedCodes).toEqual([]);
  });
});

describe('a place written bare beside its provincia', () => {
  it.each([
    'differenza tra gli obiettivi di Lago Verde e della Provincia di Lago Verde',
    'confronta Lago Verde con la provincia',
    'Lago Verde vs Provincia di Lago Verde',
    'the objectives of Lago Verde and of the Province of Lago Verde',
  ])('"%s" reads both entities', (q) => {
    expect(frame(q).entities.sort()).toEqual(['Comune di Lago Verde', 'Provincia di Lago Verde']);
  });

  it.each(['obiettivi della Provincia di Lago Verde', 'a Lago Verde, gli obiettivi della provincia'])(
    '"%s" stays with the provincia',
    (q) => {
      expect(frame(q).entities).toEqual(['Provincia di Lago Verde']);
    },
  );
});
