/**
 * Issue 12, through the real HTTP route (`POST /api/ask`) over the real engine and the five sample plans: not found
 * said plainly, a fact inside a record's text quoted first, year sheets, lists by structure or entity, help-desk
 * sentences first, questions about pianobot itself. Worded apart from eval/*.jsonl; expected strings read from
 * data/plans/*.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../../src/eval/score.ts';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

/** The first line that is a quote of the plans, without its "> ". */
const firstQuote = (answer: string) =>
  answer
    .split('\n')
    .find((l) => l.startsWith('> '))
    ?.slice(2) ?? '';

describe('plain answers, through POST /api/ask', () => {
  let app: RealWebApp;

  beforeAll(async () => {
    app = await startRealWebApp('pianobot-plain-answers-');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const ask = (q: string) => app.ask(q);

  describe.each([
    // an entity with no plan, though a person's name is one letter away from the place
    ['quale bilancio ha il Comune di Lucca?', ['Lucca', 'Comune di Chiavari'], []],
    // a fee: the renovation budget of a care home is no fee
    ['quanto si paga di retta in una casa di riposo a Reggio?', ['rette e tariffe'], []],
    // a role the plans name nobody for; an office called "Staff Presidente" is nobody
    ['chi è il presidente della Provincia?', ['presidente'], []],
    ["who's the councillor for culture in Prato?", ['councillor'], []],
    // progress on a named record: none in the plans, then what the plan sets out for it
    ["come procede l'obiettivo 2020-PS06?", ['avanzamento', '2020-PS06', 'protocollo'], []],
    // a person asked about a year none of their plans covers
    ['su quali progetti lavorava Corradini Germana nel 2019?', ['2019', 'Corradini Germana', '2021'], ['2021_PD_8735']],
    // the sheet of a year the objective does not have
    ['VI - 9: indicatori per il 2021', ['2019, 2020'], ['Partecipazione della cittadinanza']],
  ])('not found said plainly: %s', (q, expected, forbidden) => {
    it('says not found, with found: false, and what is there instead', async () => {
      const { answer, found } = await ask(q);
      expect(found).toBe(false);
      expect(answer).toMatch(NOT_FOUND);
      for (const e of expected) expect(answer).toContain(e);
      for (const f of forbidden) expect(answer).not.toContain(f);
    });
  });

  describe.each([
    // a fact in a record's description, the record named by code
    ["in che formato l'obiettivo 2020-PE09 conserverà i dati?", 'formato digitale tramite il SICRAWEB'],
    // the record named by its words, the answer a place
    ["dove si svolgono gli incontri sull'arte e la storia dei paesi pratesi?", 'museo'],
    // the record named by its words, the answer a date in its text beside other dates
    ['da che data deve aver perso il lavoro chi chiede il sostegno temporaneo al reddito?', '01/01/2017'],
    // English question, Italian sentence
    ['how old are the kids the Passepartout centre supports?', '6 anni a 14 anni'],
    // help desk: the answering sentence of a table cell in prose
    ['bisogna autenticarsi per usare il chatbot della Provincia?', 'non richiederà alcuna forma di autenticazione'],
    ['in che via ha sede Palazzo Banci Buonamici?', 'via Ricasoli n. 25'],
  ])('the answering sentence first: %s', (q, expected) => {
    it('quotes it before anything else', async () => {
      const { answer, found } = await ask(q);
      expect(found).toBe(true);
      expect(firstQuote(answer)).toContain(expected);
    });
  });

  describe.each([
    // one sheet per year: only the year asked
    ["gli indicatori 2019 dell'obiettivo VI - 10", ['30 ottobre 2019'], ['31 dicembre 2020', '31 dicembre 2021']],
    ['VI - 2, fasi del 2019', ['Adozione: individuazione'], ['Somministrazione dei questionari']],
    // lists by structure or entity
    ['chi segue la statistica al Comune di Prato?', ['Lotti Rosanna'], []],
    ["chi si occupa dell'Urbanistica e Protezione Civile a Prato?", ['Caporaso Francesco'], []],
    ['quali obiettivi ha la Polizia Provinciale?', ['02.01.01.01'], ['05.01.01.05']],
    ['projects of the Comune di Reggio Emilia', ['59', '2021_PD_8501', 'Z_23101'], []],
    ['obiettivi del Comune di Chiavari', ['VI - 1', 'VI - 10'], ['2020-CP09']],
  ])('records and sub-records: %s', (q, expected, forbidden) => {
    it('lists what the plans hold, and nothing else', async () => {
      const { answer, found } = await ask(q);
      expect(found).toBe(true);
      for (const e of expected) expect(answer).toContain(e);
      for (const f of forbidden) expect(answer).not.toContain(f);
    });
  });

  describe.each([
    ['salve!'],
    ['cosa puoi raccontarmi?'],
    ['quali dati hai caricato?'],
    ['what sort of things do you know?'],
  ])('about pianobot itself: %s', (q) => {
    it('lists the plans loaded with example questions', async () => {
      const { answer, found } = await ask(q);
      expect(found).toBe(true);
      for (const entity of [
        'Comune di Prato',
        'Comune di Serravalle Pistoiese',
        'Provincia di Prato',
        'Comune di Chiavari',
      ])
        expect(answer).toContain(entity);
      expect(answer).toContain('2021_PD_');
    });
  });

  it('does not take a question that names a record for a question about pianobot', async () => {
    const { answer } = await ask('what do you know about the Home Care Premium project?');
    expect(answer).toContain('2021_PG_8737');
    expect(answer).not.toContain('Serravalle');
  });
});
