/**
 * Wordings nobody tuned for, read into the same frame: numbers written as words (codes, years, "un milione e
 * mezzo"), a count said with a total's adjective, sign-offs, brevity and ability words around a question about
 * pianobot, a structure numbered by a roman numeral named by figure or ordinal, a code typed with a space for its
 * separator, an objective named by its own word in a list bounded by a date, and a year beside a code of another
 * year's plan. Over the small invented plan, with one more invented entity whose office is numbered ("SETTORE III").
 */
import { describe, expect, it } from 'vitest';
import { routeInput, routeQuestion } from '../../src/answer/router.ts';
import { sheetOfYear } from '../../src/answer/routes/objective-reply.ts';
import { findDates } from '../../src/linking/find-dates.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { romanNumeralOf } from '../../src/linking/structure-index.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const span = (line: number) => ({ doc: 'd.txt', lineStart: line, lineEnd: line });
const date = (text: string, iso: string) => ({ text, iso });

const MODEL: PlanModel = PlanModelSchema.parse({
  ...SMALL_MODEL,
  documents: [
    ...SMALL_MODEL.documents,
    {
      file: 'd.txt',
      entity: 'Comune di Colle Alto',
      kind: 'piano_obiettivi',
      title: 'Piano Comune di Colle Alto',
      years: [2024],
      layout: 'test',
      format: 'txt',
      lineCount: 100,
      sha256: 'd.txt',
    },
  ],
  structures: [
    ...SMALL_MODEL.structures,
    { doc: 'd.txt', name: 'SETTORE III', kind: 'settore', head: 'Blu Marta', span: span(1) },
    { doc: 'd.txt', name: 'Corpo V.U', kind: 'cdr', head: 'Blu Marta', span: span(2) },
  ],
  people: [
    ...SMALL_MODEL.people,
    {
      key: 'blu marta',
      name: 'Blu Marta',
      spellings: ['Blu Marta'],
      titles: [],
      roles: [{ role: 'owner', doc: 'd.txt' }],
    },
    {
      key: 'luca ocra',
      name: 'Ocra Luca',
      spellings: ['Ocra Luca'],
      titles: [],
      roles: [{ role: 'owner', doc: 'd.txt' }],
    },
  ],
  objectives: [
    ...SMALL_MODEL.objectives,
    {
      doc: 'd.txt',
      code: 'III - 8',
      title: 'Le storie dei quartieri',
      owners: ['Ocra Luca'],
      structure: 'SETTORE III',
      phases: [{ title: 'Raccolta delle interviste', span: span(31) }],
      indicators: [],
      span: span(30),
    },
    {
      doc: 'd.txt',
      code: 'III - 9',
      title: 'Storia del borgo antico',
      owners: ['Ocra Luca'],
      structure: 'SETTORE III',
      phases: [],
      indicators: [],
      span: span(35),
    },
    {
      doc: 'b.txt',
      code: 'OB-4201-1',
      title: 'Sportello casa',
      owners: ['Viola Anna'],
      structure: 'Ufficio Abitare',
      phases: [],
      indicators: [],
      span: { doc: 'b.txt', lineStart: 60, lineEnd: 60 },
    },
    {
      doc: 'd.txt',
      code: 'III - 2',
      title: 'Orti urbani condivisi',
      owners: ['Blu Marta'],
      structure: 'SETTORE III',
      phases: [
        {
          title: 'Bando per gli assegnatari',
          start: date('01/02/2024', '2024-02-01'),
          end: date('30/06/2024', '2024-06-30'),
          span: span(10),
        },
        {
          title: 'Semina dei lotti',
          start: date('01/03/2025', '2025-03-01'),
          end: date('31/05/2025', '2025-05-31'),
          span: span(11),
        },
      ],
      indicators: [],
      span: span(9),
    },
    {
      doc: 'd.txt',
      code: 'III - 5',
      title: 'Controllo della sosta',
      description: 'I vigili urbani organizzano turni serali per il controllo della sosta nel centro storico.',
      owners: ['Ocra Luca'],
      structure: 'Corpo V.U',
      phases: [],
      indicators: [],
      span: span(20),
    },
  ],
});
const store = new PlanStore(MODEL);
const norm = (q: string) => normalizeQuestion(q, store);
const frame = (q: string) => linkQuestion(norm(q), store);

describe('a number written as one compound word is read in figures', () => {
  it.each([
    ['progetti del cdr quarantuno', 'progetti del cdr 41'],
    ["fasi dell'anno duemilaventicinque di III - 2", "fasi dell'anno 2025 di III - 2"],
    ['obiettivi con più di dodici fasi', 'obiettivi con più di 12 fasi'],
    ['al cinquanta per cento delle risorse', 'al 50 per cento delle risorse'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));
  it.each([
    'sono cinque le fasi?', // a lone small number may be the count a passage writes
    'progetti sotto i centomila euro', // a magnitude stays with its word for the amount reader
    'sei il bot dei piani?', // "sei" is a verb as often as a number
  ])('%s stays', (q) => expect(norm(q)).toBe(q));
  it('the code after a structure word and the year are read from the words', () => {
    expect(frame('quanti progetti ha il cdr quarantadue?').structures.map((s) => s.code)).toEqual(['42']);
    expect(frame("le fasi dell'anno duemilaventicinque di III - 2").years).toEqual([2025]);
  });
});

describe('"un milione e mezzo" is one and a half million whatever stands before the magnitude', () => {
  it.each([
    ['progetti sopra un milione e mezzo', 1_500_000],
    ['progetti superiori al milione e mezzo', 1_500_000],
    ['progetti oltre i due milioni e mezzo', 2_500_000],
    ['projects above one and a half million', 1_500_000],
    ['projects over a million and a half', 1_500_000],
  ])('%s', (q, value) => expect(frame(q).amounts[0]?.value).toBe(value));
});

describe('a count said with a total adjective is a count', () => {
  it.each(['il numero complessivo dei progetti del cdr 41', 'numero totale di obiettivi del Comune di Lago Verde'])(
    '%s',
    (q) => expect(frame(q).aggregate).toBe('count'),
  );
  it('a total alone still sums', () => expect(frame('budget complessivo del cdr 41').aggregate).toBe('sum'));
});

describe('sign-offs that close a written request are dropped', () => {
  it.each([
    ['chi segue LV-BI02? Grazie mille, cordiali saluti', 'chi segue LV-BI02?'],
    ['qual è il budget di 2023_PX_4101? distinti saluti', 'qual è il budget di 2023_PX_4101?'],
    ['who owns LV-SP03? thanks in advance, kind regards', 'who owns LV-SP03?'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));
});

describe('how briefly, or whether pianobot can, is no subject of the question', () => {
  it.each([
    'potresti spiegarmi in due parole cosa sei in grado di fare?',
    'in breve, cosa riesci a fare?',
    'briefly, what are you capable of?',
  ])('%s is a question about pianobot', (q) => expect(frame(q).meta).toBe('help'));
  it('a plan question said briefly stays one', () =>
    expect(frame('in due parole: chi segue LV-BI02?').meta).toBeNull());
});

describe('a structure numbered by a roman numeral', () => {
  it.each([
    ['SETTORE VI', { text: 'vi', value: 6 }],
    ['Area III', { text: 'iii', value: 3 }],
    ['Settore IX', { text: 'ix', value: 9 }],
  ])('%s', (name, numeral) => expect(romanNumeralOf(name)).toEqual(numeral));
  it.each(['Servizio Biblioteche', 'Ufficio Mobilità', 'SETTORE IIII', 'Vi'])('%s has none', (name) =>
    expect(romanNumeralOf(name)).toBeNull(),
  );
  it.each([
    'obiettivi del settore III di Colle Alto',
    'obiettivi del settore 3 di Colle Alto',
    'il settore terzo di Colle Alto che obiettivi ha?',
  ])('%s names it', (q) => expect(frame(q).structures.map((s) => s.name)).toContain('SETTORE III'));
  it('a number after another word names no structure', () =>
    expect(frame('obiettivi con 3 fasi a Colle Alto').structures).toEqual([]));
});

describe('a code typed with a space for its separator', () => {
  it('"III 2" is III - 2', () => expect(frame('fasi del III 2').codes.map((c) => c.code)).toEqual(['III - 2']));
  it('a kind word and a number are no code', () => expect(frame('progetti del cdr 41').codes).toEqual([]));
});

describe('an objective named by its own word, in a list of its phases bounded by a date', () => {
  it('the objective is a filter of the list', () => {
    const f = frame("quali fasi dell'obiettivo sull'apertura serale si chiudono entro fine anno 2022?");
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI01']);
    expect(f.dates[0]).toMatchObject({ iso: '2022-12-31', op: 'lte' });
  });
});

describe("a year beside the code of another year's plan bounds its phases", () => {
  it('the code is read in its own plan', () => {
    const f = frame('fasi di LV-BI02 da completare nel 2023');
    expect(f.codes.map((c) => c.code)).toEqual(['LV-BI02']);
    expect(f.documents).toEqual(['a.txt']);
  });
  it('the phases kept are those that reach into the year', () => {
    const o = store.model.objectives.find((x) => x.code === 'III - 2')!;
    expect(sheetOfYear(o, 2025).phases.map((p) => p.title)).toEqual(['Semina dei lotti']);
    expect(sheetOfYear(o, 2023).phases).toHaveLength(2); // none reaches it: the year names the plan
  });
});

describe('people assigned to a project are its staff', () => {
  it('the staff intent is read', () => {
    const input = routeInput(
      { store, search: null as never, allowedDocs: null, includeInternal: true },
      'chi sono le persone assegnate al progetto 2023_PX_4101?',
    );
    expect(input.intents).toContain('staff');
  });
});

describe('a season of a year is a span of its months', () => {
  const read = (q: string, defaultYear: number | null = null) =>
    findDates(fold(q), { defaultYear }).dates.map(({ op, iso, iso2 }) => ({ op, iso, ...(iso2 ? { iso2 } : {}) }));
  it.each([
    ["attività che partono dopo l'estate 2022", [{ op: 'gt', iso: '2022-08-31' }]],
    ['cosa si chiude in primavera 2023', [{ op: 'between', iso: '2023-03-01', iso2: '2023-05-31' }]],
    ['tasks ending by autumn 2024', [{ op: 'lte', iso: '2024-11-30' }]],
  ])('%s', (q, expected) => expect(read(q)).toEqual(expected));
  it("of the plans' year when none is written", () =>
    expect(read("entro l'estate", 2023)).toEqual([{ op: 'lte', iso: '2023-08-31' }]));
  it('no year, no plan year: no date', () => expect(read("fasi dopo l'estate")).toEqual([]));
  it('"summer" asks for no sum', () =>
    expect(frame('phases of Lago Verde starting after summer 2022').aggregate).toBeNull());
});

describe("a record's title words written with capitals are no person's name", () => {
  it('"Centri Estivi" is a project', () => {
    const f = frame('quante persone lavorano sul progetto Centri Estivi?');
    expect(f.unknownPerson).toBeNull();
    expect(f.codes.map((c) => c.code)).toEqual(['2023_PX_4102']);
  });
  it('two capitalised words no plan writes together are still a name', () =>
    expect(frame('chi lavora al progetto di Mario Bianchi?').unknownPerson).toBe('Mario Bianchi'));
});

describe('a bound with its equality is one operator', () => {
  it.each([
    ['fasi con peso maggiore o uguale a 40', 'gte', 40],
    ['progetti con budget minore o uguale a 15.000', 'lte', 15_000],
    ['projects with a budget greater than or equal to 1 million', 'gte', 1_000_000],
    ['projects with a budget less than or equal to 350.000', 'lte', 350_000],
  ])('%s', (q, op, value) => expect(frame(q).amounts[0]).toMatchObject({ op, value }));
});

describe("a dotted acronym is spelt by the words it stands for, never by the question's own words", () => {
  it('the words it abbreviates name it', () =>
    expect(frame('obiettivi dei vigili urbani di Colle Alto').structures.map((s) => s.name)).toEqual(['Corpo V.U']));
  it('a field word and an operator word spell nothing', () =>
    expect(frame('indicatori con valore uguale a 3 a Colle Alto').structures).toEqual([]));
  it("the office named so gets its objectives, not a record that mentions its name's words", async () => {
    const a = await routeQuestion(
      { store, search: null as never, allowedDocs: null, includeInternal: true },
      'quali obiettivi hanno i vigili urbani a Colle Alto?',
    );
    expect(a.answer).toContain('III - 5');
    expect(a.intent).toBe('objectives_of_structure');
  });
});

describe('who holds the records of a topic is shown when asked', () => {
  it('the owner is among the fields shown', () => {
    const c = computationFor(frame('chi è il responsabile degli obiettivi che riguardano le biblioteche?'), store);
    expect(c?.kind).toBe('list');
    expect(c?.kind === 'list' ? c.shown : []).toContain('owner');
  });
  it('a plain topic list shows no owner', () => {
    const c = computationFor(frame('obiettivi che riguardano le biblioteche'), store);
    expect(c?.kind === 'list' ? c.shown : []).not.toContain('owner');
  });
});

describe('more wordings of the routes', () => {
  const ask = (q: string) =>
    routeQuestion({ store, search: null as never, allowedDocs: null, includeInternal: true }, q);
  it('"greetings!" opens a question about pianobot', () =>
    expect(frame('greetings, what kinds of questions may I ask you?').meta).toBe('help'));
  it('the people of a plan named by its kind ("del PEG di X")', async () =>
    expect((await ask('chi sono i dirigenti del PEG di Monteluce?')).intent).toBe('people_of_entity'));
  it("the phases of a person's one objective", async () => {
    const a = await ask('Blu: obiettivo e relative fasi?');
    expect(a.answer).toContain('Bando per gli assegnatari');
  });
  it('several objectives stay a list', async () =>
    expect((await ask('Neri Carla: obiettivi e relative fasi?')).intent).toBe('person_objectives'));
});

describe('a project and an objective titled alike in one office', () => {
  it('"il progetto X del cdr N" is the project', async () => {
    const a = await routeQuestion(
      { store, search: null as never, allowedDocs: null, includeInternal: true },
      'ma il progetto Sportello casa (quello del CdR 42) quanto budget ha?',
    );
    expect(a.intent).toBe('project_budget');
    expect(a.answer).toContain('0,00');
  });
});

describe('a title word no other title writes so, when its stem is shared', () => {
  it('"il progetto Le Storie" is the objective titled with "storie", not the one with "storia"', () =>
    expect(frame('quante fasi ha il progetto Le Storie?').codes.map((c) => c.code)).toEqual(['III - 8']));
  it('without a kind of record named, the word is a topic', () =>
    expect(frame('quante fasi parlano di Storie?').codes).toEqual([]));
  it('written as a common word, it names no record', () =>
    expect(frame('quante fasi ha il progetto sulle storie?').codes).toEqual([]));
});
