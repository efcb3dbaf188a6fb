import { describe, expect, it } from 'vitest';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { codeShape } from '../../src/linking/model-vocabulary.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const acronymStore = () =>
  new PlanStore({
    ...SMALL_MODEL,
    structures: [
      ...SMALL_MODEL.structures,
      { doc: 'a.txt', name: 'Corpo P.M', kind: 'cdr', span: { doc: 'a.txt', lineStart: 3, lineEnd: 3 } },
    ],
  });
const frame = (q: string) => linkQuestion(q, store);

describe('linkQuestion, Italian', () => {
  it.each([
    ['il progetto più caro del centro 41', { superlative: { dir: 'max', k: 1 }, targets: ['project'] }],
    ['i 2 progetti meno costosi', { superlative: { dir: 'min', k: 2 } }],
    ['progetti oltre 1 milione', { amounts: [{ op: 'gt', value: 1_000_000 }] }],
    ['progetti con budget sotto i 400.000 euro', { amounts: [{ op: 'lt', value: 400_000 }] }],
    [
      'progetti con budget compreso fra 100.000 e 500.000',
      { amounts: [{ op: 'between', value: 100_000, value2: 500_000 }] },
    ],
    ['progetti con budget 0,00', { amounts: [{ op: 'eq', value: 0 }] }],
    ['progetti privi di budget', { without: ['budget'] }],
    ['obiettivi che non hanno fasi', { without: ['phases'] }],
    ['obiettivi pluriennali', { multiYear: true }],
    ['fasi che terminano entro il 30/06/2022', { dates: [{ iso: '2022-06-30', op: 'lte' }] }],
    ['fasi che finiscono dopo il 2022', { dates: [{ iso: '2022-12-31', op: 'gt' }] }],
    ['fasi in scadenza il 31/12', { dates: [{ iso: '--12-31', op: 'eq' }] }],
    ['somma dei budget del centro 41 e 42', { aggregate: 'sum' }],
    ['quali obiettivi riguardano le biblioteche?', { topic: ['biblio'] }],
    ['salve a tutti', { meta: 'greeting' }],
    ['che cosa sai fare?', { meta: 'help' }],
    ['ci sono obiettivi in ritardo?', { progress: true }],
  ])('"%s"', (q, expected) => {
    expect(frame(q)).toMatchObject({ lang: 'it', ...expected });
  });

  it('links people, structures and codes from the model', () => {
    const f = frame('obiettivi di Carla Neri del Servizio Biblioteche, come LV-BI02');
    expect(f.people.map((p) => p.name)).toEqual(['Neri Carla']);
    expect(f.structures.map((s) => s.name)).toContain('Servizio Biblioteche');
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI02']);
  });

  it('links an office named by the words its acronym abbreviates', () => {
    expect(linkQuestion('chi guida la Polizia Municipale?', acronymStore()).structures.map((s) => s.name)).toEqual([
      'Corpo P.M',
    ]);
  });

  it('reads several centri di responsabilità after one structure word', () => {
    expect(frame('totale dei centri 41 e 42').structures.map((s) => s.code)).toEqual(['41', '42']);
  });

  it('a shared place name means the comune unless the provincia is named', () => {
    expect(frame('obiettivi di Lago Verde').entities).toEqual(['Comune di Lago Verde']);
    expect(frame('obiettivi della Provincia di Lago Verde').entities).toEqual(['Provincia di Lago Verde']);
  });

  it('an entity with no plan is said so, a year no plan covers is flagged', () => {
    expect(frame('budget del Comune di Valfonda').unknownEntity).toBe('Valfonda');
    expect(frame('obiettivi 2031 di Carla Neri').uncoveredYear).toBe(2031);
  });

  it('text in quotes is a title, not the question: no superlative from it', () => {
    expect(frame("budget di 'Servizi per i più piccoli'").superlative).toBeNull();
  });
});

describe('linkQuestion, English', () => {
  it.each([
    ['which project has the highest budget?', { lang: 'en', superlative: { dir: 'max', k: 1 } }],
    ['top 3 projects by budget', { superlative: { dir: 'max', k: 3 } }],
    ['projects above 1 million', { amounts: [{ op: 'gt', value: 1_000_000 }] }],
    ['projects with a budget below 400,000 euro', { amounts: [{ op: 'lt', value: 400_000 }] }],
    ['objectives without phases', { without: ['phases'] }],
    ['multi-year objectives', { multiYear: true }],
    ['phases ending after 2022', { dates: [{ iso: '2022-12-31', op: 'gt' }] }],
    ['total budget of centre 41', { aggregate: 'sum' }],
    ['what are you able to do for me?', { meta: 'help' }],
    ['which phases are delayed?', { progress: true }],
  ])('"%s"', (q, expected) => {
    expect(frame(q)).toMatchObject(expected);
  });

  it('"citizens over 65" is no amount: the question is about no figure', () => {
    expect(frame('which objective helps citizens over 65?').amounts).toEqual([]);
  });
});

describe('code shapes', () => {
  it('are learned from the model: a code of a known shape that names nothing is an unknown code', () => {
    expect(codeShape('2023_PX_4101')).toBe('9999_AA_9999');
    expect(frame('budget del progetto 2023_PX_9999').unknownCodes).toEqual(['2023_PX_9999']);
    // a shape no code of this model has is just a word
    expect(frame('budget del progetto COVID-19').unknownCodes).toEqual([]);
  });

  it('a distinctive ending names the record', () => {
    expect(frame('budget di 4102').codes.map((c) => c.code)).toEqual(['2023_PX_4102']);
    expect(frame('budget di PX_4101').codes.map((c) => c.code)).toEqual(['2023_PX_4101']);
    // the digits of a code that do not end it name nothing
    expect(frame('budget di 2023_PX_410').codes).toEqual([]);
  });
});

describe('computationFor', () => {
  it.each([
    ['i 2 progetti più costosi', 'top'],
    ['progetti sopra 1 milione', 'list'],
    ['somma dei budget di 2023_PX_4101 e 2023_PX_4102', 'sum'],
    ['confronta il budget di 2023_PX_4101 e 2023_PX_4102', 'compare_codes'],
    ['chi ha più obiettivi tra Carla Neri e Bruno Rosi?', 'compare_people'],
    ['i pesi delle fasi di LV-BI01 sommano a 100?', 'weights_total'],
    ['totale del centro 41', 'stated_totals'],
    ['budget totale del centro 41', 'stated_totals'],
  ])('"%s" → %s', (q, kind) => {
    expect(computationFor(frame(q), store)?.kind ?? null).toBe(kind);
  });

  it('leaves a plain lookup of a named record to the lookup routes', () => {
    expect(computationFor(frame('budget del progetto 2023_PX_4101'), store)).toBeNull();
  });
});
