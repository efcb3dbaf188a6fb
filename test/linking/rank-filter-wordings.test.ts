/**
 * Rankings and filters in wordings the lexicon does not list phrase by phrase: a superlative read from "più" + any
 * adjective after a record word, a place or a k ranked "per" a field, numbers written as one word, bounds after the
 * counted word, percentages, durations in months, negated and set-apart conditions, a month of the named person's
 * plan year, a day written with its month's name. Over the invented plans of `small-plan.ts` (and variants of them).
 */
import { describe, expect, it } from 'vitest';
import { it as italian } from '../../src/lang/it.ts';
import { findDates } from '../../src/linking/find-dates.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { compoundNumber, linkQuestion } from '../../src/linking/link-question.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import type { PlanQuery } from '../../src/query/plan-query.ts';
import type { QueryRecord } from '../../src/query/record-fields.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const store = smallStore();
const frame = (q: string, s = store) => linkQuestion(q, s);
const computed = (q: string, s = store) => computationFor(frame(q, s), s);
/** The records a query selects, over every plan, internal tables included. */
function records(query: PlanQuery, s: PlanStore): QueryRecord[] {
  const r = runPlanQuery({ store: s, search: null, allowedDocs: null, includeInternal: true }, query);
  if (!r.ok) throw new Error(r.error);
  return r.records;
}
/** The query a question compiles to. */
function queryOf(q: string, s = store): PlanQuery {
  const c = computed(q, s);
  if (!c || !('query' in c)) throw new Error(`no query for "${q}"`);
  return c.query;
}
/** The keys of the records a question selects. */
const run = (q: string, s = store) => records(queryOf(q, s), s).map((x) => x.key);
/** The titles of the records a question selects (phases are keyed by their objective). */
const titles = (q: string, s = store) => records(queryOf(q, s), s).map((x) => x.title);

/** The small plans with one more thing: a variant built per test group. */
function variant(change: (m: PlanModel) => void): PlanStore {
  const m = structuredClone(SMALL_MODEL);
  change(m);
  return new PlanStore(PlanModelSchema.parse(m));
}

describe('numbers written as one word', () => {
  it.each([
    ['trecentomila', 300_000],
    ['duecentocinquanta', 250],
    ['ventottomila', 28_000],
    ['centoventimila', 120_000],
    ['quarantacinque', 45],
  ])('"%s" is %i', (word, n) => {
    expect(compoundNumber(word, italian.lexicon)).toBe(n);
  });

  it.each(['sei', 'settembre', 'novembre', 'mila', 'centro', 'trenino'])('"%s" is no number of its own', (word) => {
    expect(compoundNumber(word, italian.lexicon)).toBeNull();
  });

  it('bounds an amount like digits do', () => {
    expect(frame('progetti fra centomila e quattrocentomila euro').amounts).toEqual([
      { op: 'between', value: 100_000, value2: 400_000 },
    ]);
    expect(run('progetti fra centomila e quattrocentomila euro')).toEqual(['2023_PX_4102']);
  });
});

describe('bounds said after the counted word, percentages, lengths of time', () => {
  it('"two phases or more" bounds the number of phases', () => {
    const c = computed('obiettivi di Lago Verde con due fasi o più');
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({ field: 'phases', op: 'gte', value: 2 });
    expect(run('objectives of Lago Verde having two phases or more')).toEqual(['LV-BI01']);
  });

  it('a comma before three digits is a thousands separator', () => {
    expect(frame('progetti sopra 350,000 euro').amounts).toEqual([{ op: 'gt', value: 350_000 }]);
    expect(frame('progetti sopra 1,5 milioni').amounts).toEqual([{ op: 'gt', value: 1_500_000 }]);
  });

  it('a bare bound after one with a magnitude takes it', () => {
    expect(frame('progetti con budget di almeno 1 milione ma meno di 2').amounts).toEqual([
      { op: 'gte', value: 1_000_000 },
      { op: 'lt', value: 2_000_000 },
    ]);
    expect(frame('progetti sopra 1 milione con più di 2 persone').amounts).toEqual([
      { op: 'gt', value: 1_000_000 },
      { op: 'gt', value: 2 },
    ]);
  });

  it('"meno dell\'1%" is a bound below the share', () => {
    expect(queryOf("progetti che assorbono meno dell'1% delle risorse").filters).toContainEqual({
      field: 'budgetShare',
      op: 'lt',
      value: 1,
    });
  });

  it('"il maggior numero di persone" ranks by the staff', () => {
    expect(queryOf('i due progetti con il maggior numero di persone').sort).toEqual({ field: 'staff', dir: 'desc' });
  });

  it('a percentage after an article is the weight asked', () => {
    expect(frame('le fasi che pesano il 50%').amounts).toEqual([{ op: 'eq', value: 50 }]);
    expect(titles('le fasi che pesano il 50%')).toEqual(['Apertura sperimentale']);
  });

  it('months bound a duration, in days', () => {
    const f = frame('fasi che durano più di quattro mesi');
    expect(f.amountFields).toEqual(['duration']);
    expect(f.amounts[0]?.op).toBe('gt');
    expect(f.amounts[0]?.value).toBeCloseTo(121.76);
    expect(titles('fasi che durano più di quattro mesi')).toEqual(['Apertura sperimentale']);
    expect(titles('phases lasting under 100 days')).toEqual(['Studio degli orari']);
  });
});

describe('superlatives the lexicon need not list', () => {
  it.each([
    ['il progetto più oneroso del centro 41', 'desc'],
    ['qual è il progetto meno dispendioso del centro 41?', 'asc'],
  ])('"%s": more / less after a record word ranks the records (%s)', (q, dir) => {
    const c = computed(q);
    expect(c?.kind).toBe('top');
    expect(c?.kind === 'top' && c.query.sort).toEqual({ field: 'budget', dir });
  });

  it('"più di" after a record word stays an operator', () => {
    expect(frame('i progetti più di 300.000 euro').superlative).toBeNull();
  });

  it('a place ranked "per" a field', () => {
    const c = computed('il secondo progetto per budget del centro 41');
    expect(c).toMatchObject({ kind: 'top', nth: 2, query: { sort: { field: 'budget', dir: 'desc' } } });
  });

  it('a place with no record word, ranked "per" a field', () => {
    expect(computed('il secondo per stanziamento nel centro 41')).toMatchObject({ kind: 'top', nth: 2 });
  });

  it('a k ranked "by" a field', () => {
    const c = computed('the two phases of LV-BI01 by weight');
    expect(c).toMatchObject({ kind: 'top', query: { limit: 2, sort: { field: 'weight', dir: 'desc' } } });
  });

  it('"per" with no place or k ranks nothing', () => {
    expect(frame('progetti per il budget della mobilità').superlative).toBeNull();
  });

  it('"quello che" asks for one record', () => {
    expect(frame('tra i progetti di Gialli Piero, quello che costa di più').superlative).toEqual({ dir: 'max', k: 1 });
  });

  it('an order word beside a start verb ranks by the start', () => {
    const c = computed('quale fase di LV-BI01 parte per ultima?');
    expect(c?.kind === 'top' && c.query.sort).toEqual({ field: 'start', dir: 'desc' });
  });
});

describe('order words and places', () => {
  it.each([
    ['quale obiettivo di Lago Verde finisce prima?', 'end', 'asc'],
    ['quale fase di LV-BI01 comincia dopo?', 'start', 'desc'],
    ['which phase of LV-BI01 ends first?', 'end', 'asc'],
  ])('"%s": an order word closing the question ranks by the date beside it', (q, field, dir) => {
    expect(queryOf(q).sort).toEqual({ field, dir });
  });

  it.each(['fasi che finiscono prima di giugno 2022', 'la prima fase di LV-BI01', 'fasi che iniziano dopo il 2021'])(
    '"%s" ranks nothing',
    (q) => {
      expect(frame(q).superlative).toBeNull();
    },
  );

  it('the last place by a figure is its lowest', () => {
    expect(queryOf("qual è l'ultimo progetto per budget del centro 41?").sort).toEqual({ field: 'budget', dir: 'asc' });
  });

  it.each([
    ['classifica dei progetti per budget, solo i primi due', 2],
    ['ranking of the projects by budget, top three', 3],
  ])('"%s": a number word after a top word is the k', (q, k) => {
    expect(queryOf(q).limit).toBe(k);
  });

  it('the last k by a figure are its lowest', () => {
    expect(queryOf('gli ultimi due progetti per budget, esclusi gli zeri')).toMatchObject({
      sort: { field: 'budget', dir: 'asc' },
      limit: 2,
    });
  });

  it('"the last quarter" is a period, not a superlative', () => {
    const f = frame('phases of Lago Verde ending in the last quarter of 2022');
    expect(f.superlative).toBeNull();
    expect(f.dates).toEqual([{ iso: '2022-10-01', op: 'between', iso2: '2022-12-31' }]);
  });

  it('a bound on people counts the staff', () => {
    expect(queryOf('progetti con più di 3 persone').filters).toContainEqual({ field: 'staff', op: 'gt', value: 3 });
    expect(run('progetti con più di 3 persone')).toEqual(['2023_PX_4102']);
  });
});

describe('negated and set-apart conditions', () => {
  it.each([
    ['progetti che non superano i 400.000 euro', 'lte', 400_000],
    ['fasi che non pesano più di 30', 'lte', 30],
    ['projects that do not exceed 400,000 euros', 'lte', 400_000],
    ['fasi che non pesano meno di 50', 'gte', 50],
  ])('"%s": a negation before a bound turns it round', (q, op, value) => {
    expect(frame(q).amounts).toEqual([{ op, value }]);
  });

  it('"non più di" is the bound it says', () => {
    expect(frame('fasi che pesano non più di 30').amounts).toEqual([{ op: 'lte', value: 30 }]);
  });

  it.each([
    'progetti con budget non indicato',
    'progetti il cui budget è mancante',
    'projects whose budget is not stated',
  ])('"%s": a lack said after the field', (q) => {
    expect(frame(q).without).toEqual(['budget']);
    expect(run(q)).toEqual(['2023_PX_4202']);
  });

  it('"diverso da zero" alone keeps the figures above zero', () => {
    expect(run('progetti con budget diverso da zero')).toEqual(['2023_PX_4101', '2023_PX_4102']);
  });

  it('"tra il 20 e il 60 per cento" is a span of percentages', () => {
    expect(frame('fasi che pesano tra il 20 e il 60 per cento').amounts).toEqual([
      { op: 'between', value: 20, value2: 60 },
    ]);
  });

  it('a lack set apart is a field the records must have', () => {
    const f = frame('il progetto più economico, lasciando fuori quelli senza budget');
    expect(f.without).toEqual([]);
    expect(f.present).toEqual(['budget']);
    const c = computed('il progetto più economico, lasciando fuori quelli senza budget');
    expect(c?.kind === 'top' && c.query.filters).not.toContainEqual({ field: 'budget', op: 'missing' });
  });

  it('"non pluriennali" keeps the objectives not marked multi-year', () => {
    expect(frame('obiettivi di Lago Verde non pluriennali')).toMatchObject({ multiYear: false, notMultiYear: true });
    expect(run('obiettivi di Lago Verde non pluriennali')).toEqual(['LV-BI02', 'LV-SP03']);
    expect(run('which Lago Verde objectives are not multi-year?')).toEqual(['LV-BI02', 'LV-SP03']);
  });

  it.each([
    'obiettivi di Lago Verde tranne quelli di Rosi Bruno',
    'objectives of Lago Verde except those owned by Rosi Bruno',
  ])('"%s": a person set apart leaves everyone else\'s records', (q) => {
    expect(frame(q)).toMatchObject({ people: [], excludedPeople: ['Rosi Bruno'] });
    expect(run(q)).toEqual(['LV-BI01', 'LV-BI02']);
  });

  it('"ma non del centro X" sets the centre apart', () => {
    expect(frame('progetti sopra i 100 mila euro ma non del centro 41').structures).toMatchObject([
      { code: '41', excluded: true },
    ]);
    expect(run('progetti con budget sopra 0 ma non del centro 42')).toEqual(['2023_PX_4101', '2023_PX_4102']);
  });
});

describe('dates', () => {
  it.each([
    ['dopo il 1° aprile 2022', { op: 'gt', iso: '2022-04-01' }],
    ['entro il 15 marzo 2022', { op: 'lte', iso: '2022-03-15' }],
    ['after 1st april 2022', { op: 'gt', iso: '2022-04-01' }],
  ])('"%s": a day written with its month name', (text, expected) => {
    expect(findDates(text).dates[0]).toMatchObject(expected);
  });

  it('each date bounds the field named right before it', () => {
    expect(queryOf('fasi di Lago Verde che iniziano prima di febbraio e finiscono dopo marzo').filters).toEqual([
      { field: 'start', op: 'lt', value: '2022-02-01' },
      { field: 'end', op: 'gt', value: '2022-03-31' },
    ]);
    expect(titles('fasi di Lago Verde che iniziano prima di febbraio e finiscono dopo marzo')).toEqual([]);
    expect(titles('fasi di Lago Verde che iniziano dopo gennaio e finiscono dopo agosto')).toEqual([
      'Apertura sperimentale',
    ]);
  });

  it('a month without a year is of the year of the named person’s plan', () => {
    expect(frame('fasi di Neri Carla che finiscono prima di giugno').dates).toEqual([{ iso: '2022-06-01', op: 'lt' }]);
    expect(titles('fasi di Neri Carla che finiscono prima di giugno')).toEqual(['Studio degli orari']);
  });
});

describe("one person's commitments ranked", () => {
  const withStaff = variant((m) => {
    m.people.push({
      key: 'bianchi lia',
      name: 'Bianchi Lia',
      spellings: ['Bianchi Lia'],
      titles: [],
      roles: [{ role: 'staff', doc: 'b.txt' }],
    });
    const [a, b] = m.projects;
    const line = { doc: 'b.txt', lineStart: 80, lineEnd: 80 };
    a!.staff.push({
      name: 'Bianchi Lia',
      relation: 'Dipendente',
      commitment: { text: '15,00 %', value: 15 },
      span: line,
    });
    b!.staff.push({
      name: 'Bianchi Lia',
      relation: 'Dipendente',
      commitment: { text: '60,00 %', value: 60 },
      span: line,
    });
  });

  it('"impegnativo" is no commitment: the records are ranked', () => {
    expect(computed('la fase più impegnativa di Neri Carla', withStaff)).toMatchObject({
      kind: 'top',
      query: { target: 'phase', sort: { field: 'weight', dir: 'desc' } },
    });
  });

  it.each([
    ["su quale progetto Bianchi Lia ha l'impegno più alto?", 'desc', '2023_PX_4102'],
    ['Bianchi Lia: dove è meno impegnata?', 'asc', '2023_PX_4101'],
  ])('"%s"', (q, dir, project) => {
    const c = computed(q, withStaff);
    expect(c).toMatchObject({ kind: 'top', query: { target: 'staff_allocation', sort: { field: 'commitment', dir } } });
    expect(records(queryOf(q, withStaff), withStaff)[0]?.parent).toBe(project);
  });
});

describe('a structure with the structures it groups', () => {
  const withArea = variant((m) => {
    for (const s of m.structures) if (s.doc === 'b.txt') s.area = 'Area Servizi Urbani';
    m.structures.push({
      doc: 'b.txt',
      name: 'Area Servizi Urbani',
      code: 'A9',
      kind: 'cdr',
      span: { doc: 'b.txt', lineStart: 3, lineEnd: 3 },
    });
  });

  it('"tutta l\'Area X" ranks the projects of every centre it groups', () => {
    const c = computed("il progetto più caro di tutta l'Area Servizi Urbani", withArea);
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'cdr', op: 'in', values: ['A9', '41', '42'] });
  });

  it('the area named alone is its own centre', () => {
    const c = computed("progetti dell'Area Servizi Urbani", withArea);
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({ field: 'cdr', op: 'eq', value: 'A9' });
  });

  it('an area asked a budget ranking its own projects cannot answer ranks its centres', () => {
    const c = computed("il progetto più caro dell'Area Servizi Urbani", withArea);
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'cdr', op: 'in', values: ['A9', '41', '42'] });
  });

  it('an area whose own projects state a budget is its own centre', () => {
    const own = variant((m) => {
      for (const s of m.structures) if (s.doc === 'b.txt') s.area = 'Area Servizi Urbani';
      m.structures.push({
        doc: 'b.txt',
        name: 'Area Servizi Urbani',
        code: 'A9',
        kind: 'cdr',
        span: m.structures[1]!.span,
      });
      m.projects.push({ ...m.projects[0]!, code: '2023_PX_A901', cdr: 'A9' });
    });
    const c = computed("il progetto più caro dell'Area Servizi Urbani", own);
    expect(c?.kind === 'top' && c.query.filters).toContainEqual({ field: 'cdr', op: 'eq', value: 'A9' });
  });
});

describe('percentages and per-year counts', () => {
  it('a percentage beside a budget word bounds the share of the resources', () => {
    expect(frame('progetti il cui budget supera il 20% delle risorse').amountFields).toEqual(['share']);
  });

  const sheets = variant((m) => {
    // one objective kept over two years, one sheet per year: its indicators carry their year
    const o = m.objectives[0]!;
    o.years = [2022, 2023];
    o.indicators = [
      { description: 'ore in più', year: 2022, span: { doc: 'a.txt', lineStart: 22, lineEnd: 22 } },
      { description: 'prestiti', year: 2023, span: { doc: 'a.txt', lineStart: 23, lineEnd: 23 } },
      { description: 'iscritti', year: 2023, span: { doc: 'a.txt', lineStart: 24, lineEnd: 24 } },
    ];
    m.objectives[1]!.years = [2022];
    m.objectives[1]!.indicators = [
      { description: 'schede', year: 2022, span: { doc: 'a.txt', lineStart: 32, lineEnd: 32 } },
      { description: 'foto', year: 2022, span: { doc: 'a.txt', lineStart: 33, lineEnd: 33 } },
    ];
  });

  it("the objective with most indicators in a year counts that year's sheet", () => {
    const c = computed('quale obiettivo di Lago Verde ha più indicatori nel 2022?', sheets);
    expect(c).toMatchObject({
      kind: 'group_rank',
      groupOf: 'objective',
      query: { target: 'indicator', aggregate: { op: 'count', groupBy: 'objective' } },
    });
    const r = runPlanQuery(
      { store: sheets, search: null, allowedDocs: null, includeInternal: true },
      (c as { query: PlanQuery }).query,
    );
    expect(r.ok && r.aggregate?.groups.map((g) => [g.key, g.value])).toEqual([
      ['LV-BI02', 2],
      ['LV-BI01', 1],
    ]);
  });

  it("the objectives of a year are those with that year's sheet", () => {
    expect(run('obiettivi di Lago Verde che proseguono nel 2023', sheets)).toEqual(['LV-BI01']);
  });
});

describe('an objective named by a title two objectives share', () => {
  const shared = variant((m) => {
    // Rosi Bruno's objective takes the title of Neri Carla's, with a phase of its own
    const o = m.objectives[2]!;
    o.title = 'Catalogo digitale';
    o.phases = [
      {
        title: 'Acquisto scanner',
        weight: { text: '70,00', value: 70 },
        span: { doc: 'a.txt', lineStart: 41, lineEnd: 41 },
      },
    ];
  });

  it("is the named person's", () => {
    const q = "la fase più pesante dell'obiettivo Catalogo digitale di Rosi Bruno";
    expect(frame(q, shared).codes).toMatchObject([{ code: 'LV-SP03' }]);
    expect(titles(q, shared)).toEqual(['Acquisto scanner']);
  });

  it('names none without a person to tell them apart', () => {
    expect(frame("la fase più pesante dell'obiettivo Catalogo digitale", shared).codes).toEqual([]);
  });
});

describe('a field holding figures and dates', () => {
  const mixed = variant((m) => {
    m.objectives[0]!.indicators.push({
      description: 'inaugurazione',
      target: { text: '15/06/2022', value: null, date: '2022-06-15' },
      span: { doc: 'a.txt', lineStart: 23, lineEnd: 23 },
    });
  });

  it('ranks the figures, with the dates after them', () => {
    const top = queryOf("l'indicatore di LV-BI01 col valore atteso più alto", mixed);
    expect(records(top, mixed).map((x) => x.title)).toEqual(['ore di apertura in più']);
    expect(records({ ...top, limit: 5 }, mixed).map((x) => x.title)).toEqual([
      'ore di apertura in più',
      'inaugurazione',
    ]);
  });
});
