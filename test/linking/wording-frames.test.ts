/**
 * Wording robustness: the same frame however the question is worded — request clauses with a first-person lead-in,
 * idioms made of operator words, a structure's code after its kind word, records named by their own words, a name
 * that starts like a magnitude. Tables per language over the small invented plan (its own names and codes).
 */
import { describe, expect, it } from 'vitest';
import { routeInput } from '../../src/answer/router.ts';
import { stem } from '../../src/answer/text-match.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { distinctiveOwners } from '../../src/linking/titled-records.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const norm = (q: string) => normalizeQuestion(q, store);
const frame = (q: string) => linkQuestion(norm(q), store);

describe('request clauses that open a question are dropped (Italian)', () => {
  it.each([
    [
      "avrei bisogno con una certa urgenza del nominativo di chi segue l'obiettivo LV-BI02",
      "chi segue l'obiettivo LV-BI02",
    ],
    ['mi servirebbe il nominativo del responsabile di LV-BI01', 'responsabile di LV-BI01'],
    ['stiamo chiudendo il verbale e ci servirebbe sapere il budget di 2023_PX_4101', 'il budget di 2023_PX_4101'],
    ["lavoro all'ufficio comunicazione e volevo capire quante fasi ha LV-BI01", 'quante fasi ha LV-BI01'],
    ['desidererei conoscere le scadenze di Neri Carla', 'le scadenze di Neri Carla'],
    ['cerco i progetti di Gialli Piero', 'i progetti di Gialli Piero'],
    ['salve, scusi il disturbo, mi interesserebbe avere informazioni su LV-SP03', 'LV-SP03'],
    ['una domanda veloce: chi guida LV-BI01?', 'chi guida LV-BI01?'],
    ['senti, mi potresti verificare le fasi di LV-BI02?', 'le fasi di LV-BI02?'],
    ['scusami ma non trovo il budget di 2023_PX_4102', 'il budget di 2023_PX_4102'],
    ['sapresti per caso chi segue LV-SP03?', 'chi segue LV-SP03?'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));
});

describe('request clauses that open a question are dropped (English)', () => {
  it.each([
    ["I'm drafting a memo and I'd need to find out the name of the owner of LV-BI02", 'the owner of LV-BI02'],
    ['we would like to know the budget of 2023_PX_4102', 'the budget of 2023_PX_4102'],
    ["sorry to bother you, I'm looking for details on LV-SP03", 'LV-SP03'],
    ['Quick question: who runs LV-BI01?', 'who runs LV-BI01?'],
    ['I was wondering if you could tell me the phases of LV-BI02', 'the phases of LV-BI02'],
    ['so could you check the budget of 2023_PX_4201?', 'the budget of 2023_PX_4201?'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));
});

describe('words that only look like a request stay', () => {
  it.each([
    'sono previsti fondi per le biblioteche?',
    'quanto serve per il trasporto sociale?',
    'chi vorrebbe aprire le palestre?',
  ])('%s', (q) => expect(norm(q)).toBe(q));
  it('a request with nothing after it is kept as typed', () => expect(norm('vorrei sapere')).toBe('vorrei sapere'));
  it.each([
    'e il budget di 2023_PX_4101?',
    'so what else can you do for me?',
    'domanda di contributo per le palestre: chi la gestisce?',
  ])('%s stays (a follow-up, a question about pianobot, a noun)', (q) => expect(norm(q)).toBe(q));
});

describe('idioms made of operator words ask for no operation', () => {
  it.each([
    ['chi segue gli interventi di somma urgenza sulle palestre?', null],
    ['quanto incide sul totale del centro 41 il trasporto sociale?', null],
    ['what is the share of the total of the Trasporto sociale project?', null],
    ['somma dei budget del centro 41', 'sum'],
    ['total budget of the centre 41 projects', 'sum'],
  ])('%s → aggregate %s', (q, aggregate) => expect(frame(q).aggregate).toBe(aggregate));

  it.each([
    ["quale progetto del centro 41 ha l'incidenza più bassa?"],
    ['quanto pesa in percentuale sul totale il trasporto sociale?'],
  ])('%s asks for the share', (q) => expect(frame(q).fields).toContain('share'));
});

describe("a number after a structure's kind word is its code, not an amount", () => {
  it.each([
    ['tra i progetti del cdr 41, quale costa meno?'],
    ['tra i progetti del centro di responsabilità 42 quali non hanno budget?'],
    ['among the projects of centre 41 which costs the most?'],
  ])('%s', (q) => {
    const f = frame(q);
    expect(f.amounts).toEqual([]);
    expect(f.structures.map((s) => s.code)).toEqual([expect.stringMatching(/^4[12]$/)]);
  });
  it('a real amount beside it is still read', () =>
    expect(frame('progetti del cdr 41 sopra 500.000').amounts).toEqual([{ op: 'gt', value: 500_000 }]));
});

describe('a name that starts like a magnitude is no amount', () => {
  it.each([
    ['difference between the Mediazione culturale project and the Trasporto one'],
    ['the budget of the Monteluce projects'],
  ])('%s', (q) => expect(frame(q).amounts).toEqual([]));
  it.each([
    ['projects above a million', 1_000_000],
    ['progetti sopra il milione', 1_000_000],
    ['projects over the 2 M mark', 2_000_000],
  ])('%s still reads %d', (q, value) => expect(frame(q).amounts[0]?.value).toBe(value));
});

describe('one record named by its own words, for a field of it', () => {
  it.each([
    ['quanto costa lo sportello casa?', '2023_PX_4201'],
    ['mediazione culturale: quanti soldi?', '2023_PX_4202'],
    ['how much does the Trasporto sociale cost?', '2023_PX_4101'],
    ['quanto costa il trasporto?', '2023_PX_4101'],
    ['chi è il responsabile del catalogo digitale?', 'LV-BI02'],
    ['palestre scolastiche aperte, chi le segue?', 'LV-SP03'],
  ])('%s → %s', (q, code) => expect(frame(q).codes.map((c) => c.code)).toEqual([code]));

  it('the record routes read it as if its code were written', () => {
    const input = routeInput(
      { store, search: null, allowedDocs: null, includeInternal: true } as never,
      norm('quanto costa lo sportello casa?'),
    );
    expect(input.mentions.flatMap((m) => m.hits.map((h) => h.code))).toEqual(['2023_PX_4201']);
  });

  it.each(['quanto costa quello?', 'budget dei progetti del centro 41'])('%s names no single record', (q) =>
    expect(frame(q).codes).toEqual([]),
  );

  it("words of two records' own name no one of them", () =>
    // "orari" is a phase of LV-BI01, "palestre" the title of LV-SP03
    expect(frame("chi è il responsabile dell'obiettivo sugli orari e sulle palestre?").codes).toEqual([]));

  it('a word no other record uses names its record; a shared one names none', () => {
    const owners = distinctiveOwners(store);
    expect(owners.get(stem('catalogo'))).toBe('a.txt|LV-BI02');
    expect(owners.get(stem('trasporto'))).toBe('b.txt|2023_PX_4101');
  });
});

describe('a project weighs nothing of its own: its weight is its share', () => {
  it.each([
    ['quanto pesa il progetto 2023_PX_4101?'],
    ['il peso in percentuale del progetto Centri estivi'],
    ['what does project 2023_PX_4102 weigh?'],
  ])('%s', (q) => {
    const f = frame(q);
    expect(f.fields).toContain('share');
    expect(f.fields).not.toContain('weight');
  });
  it('a phase still weighs', () =>
    expect(frame('quanto pesa la fase Scansione di LV-BI02?').fields).toContain('weight'));
});

describe('a whole title written out names its record before an office its words recall', () => {
  const base = smallStore();
  const model = base.model;
  const withTitle = new PlanStore({
    ...model,
    projects: [...model.projects, { ...model.projects[0]!, code: '2023_PX_4103', title: 'Biblioteche in rete' }],
  });
  const f = (q: string) => linkQuestion(normalizeQuestion(q, withTitle), withTitle);

  it.each([['a chi fa capo il progetto Biblioteche in rete?'], ['Biblioteche in rete: quanto costa?']])('%s', (q) => {
    const linked = f(q);
    expect(linked.codes.map((c) => c.code)).toEqual(['2023_PX_4103']);
    expect(linked.structures).toEqual([]);
  });
  it('the office named by its own name stays', () =>
    expect(f('chi guida il Servizio Biblioteche?').structures.map((s) => s.name)).toEqual(['Servizio Biblioteche']));
});

describe('colloquial field words (Italian)', () => {
  it.each([
    ['la dotazione del progetto 2023_PX_4101', 'budget'],
    ['quanto è stato stanziato per 2023_PX_4102?', 'budget'],
    ['il costo del progetto 2023_PX_4201', 'budget'],
    ["il titolare dell'obiettivo LV-BI01", 'owner'],
    ["a chi fa capo l'obiettivo LV-SP03?", 'owner'],
    ["l'incaricato di LV-BI02", 'owner'],
    ["la chiusura prevista dell'obiettivo LV-BI01", 'end'],
    ['data ultima per LV-BI02', 'end'],
    ['importanza della fase Scansione', 'weight'],
    ["il valore obiettivo dell'indicatore di LV-BI01", 'target'],
  ])('%s → %s', (q, field) => expect(frame(q).fields).toContain(field));
});

describe('colloquial field words (English)', () => {
  it.each([
    ['how much was set aside for 2023_PX_4101?', 'budget'],
    ['who leads LV-BI01?', 'owner'],
    ['point person for LV-SP03', 'owner'],
    ['who is accountable for LV-BI02?', 'owner'],
    ['when does LV-BI01 wrap up?', 'end'],
  ])('%s → %s', (q, field) => expect(frame(q).fields).toContain(field));
  it('a ministry that funds a project asks for no budget figure', () =>
    expect(frame('which ministry funds 2023_PX_4101?').fields).not.toContain('budget'));
});

describe('multi-year said in other words', () => {
  it.each([
    ['quali obiettivi durano più anni?'],
    ['obiettivi che durano più di un anno'],
    ['which objectives span several years?'],
    ['objectives lasting more than one year'],
  ])('%s', (q) => expect(frame(q).multiYear).toBe(true));
  it('one year is not several', () => expect(frame('obiettivi che durano un anno').multiYear).toBe(false));
});

describe('an English question names an Italian record through the glossary', () => {
  it('the words translated meet the title', () => {
    const codes = frame('how much does the social transport project cost?').codes.map((c) => c.code);
    expect(codes).toEqual(['2023_PX_4101']);
  });
});

describe('one record or a list: the article before the superlative decides', () => {
  it.each([
    ['il più caro dei progetti del centro 41', 1],
    ['la più lunga delle fasi di LV-BI01', 1],
    ['i più cari dei progetti', 5],
    ['i progetti più cari', 5],
    ['il progetto più grosso del centro 41', 1],
  ])('%s → k %d', (q, k) => expect(frame(q).superlative?.k).toBe(k));
});
