import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerEngine } from '../../src/answer/answer.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';

const PLANS_DIR = fileURLToPath(new URL('../../data/plans/', import.meta.url));
const SERRAVALLE = '001_73b0fc146c050a42.txt';

/** An engine over `plansDir`, its index built into `indexDir`; no LLM, no remote embeddings: the built-in router answers. */
function engineOver(plansDir: string, indexDir: string): Promise<AnswerEngine> {
  return createEngine(loadConfig({ PLANS_DIR: plansDir, INDEX_DIR: indexDir, LOG_LEVEL: 'error' }));
}

const firstLine = (a: Answer) => a.answer.split('\n')[0] ?? '';

/** an amount written the Italian way (1.920.000,00): the shape a budget or a target would have */
const AMOUNT = /\d{1,3}(?:\.\d{3})*,\d{2}/;

const planLines = new Map<string, string[]>();
function linesOf(doc: string, range: string): string {
  let lines = planLines.get(doc);
  if (!lines) {
    lines = readFileSync(join(PLANS_DIR, doc), 'utf8').split('\n');
    planLines.set(doc, lines);
  }
  const [from, to = from] = range.split('-').map(Number);
  return lines.slice(from! - 1, to).join('\n');
}

describe('question router over the five sample plans', () => {
  let dir: string;
  let engine: AnswerEngine;
  const ask = (question: string, history?: Parameters<AnswerEngine['ask']>[1]) => engine.ask(question, history);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-router-'));
    engine = await engineOver(PLANS_DIR, join(dir, 'index'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('answers on the first line with the figure as the plan writes it', () => {
    it.each([
      ['a quanto ammonta lo stanziamento del progetto 8722?', '550.000,00'],
      ['quale quota percentuale delle risorse usa 2021_PD_8735?', '20,72 %'],
      ['le spese correnti previste dal progetto 2021_PG_8747', '985.546,94'],
      ['totale del CDR 87 come scritto nel PEG', '9.267.473,26'],
      ['M_8747_1_1: che valore è previsto?', '1495'],
      ['quante famiglie riceveranno buoni spesa da bando?', '1495'],
      ['entro che data va fatta la proroga della Tari?', '09/04/2020'],
      ['entro quando si approva il Programma Attuativo 2021?', '30/09/2021'],
      ['peso della fase elaborazione dati e stesura report in UG08', '90,00'],
      ["VI-7: peso dell'indicatore realizzazione area verde", '80,00%'],
      ['scadenza per costituire il tavolo tecnico tra ASL e Distretti Sociali', '30 settembre 2019'],
      ['risorse finanziarie previste per il progetto Caritas del Comune di Serravalle', '4.000,00'],
      ["l'obiettivo 01.02.01.02 è seguito da quale struttura?", 'Servizio Risorse Umane'],
      ['numero di obiettivi assegnati a Sardi Valentina', '7 obiettivi'],
    ])('in Italian: %s → %s', async (question, figure) => {
      const a = await ask(question);
      expect(a.lang).toBe('it');
      expect(firstLine(a)).toContain(figure);
    });

    it.each([
      ['how much budget does 2021_PD_8735 have?', '1.920.000,00'],
      ['how much budget does 2021_PD_8730 have?', '0,00'],
      ['revenue of 2021_PG_8737', '110.000,00'],
      ['who is the owner of objective 2020-PR31?', 'Carosella Maria Teresa'],
      [
        'Which office is responsible for objective 02.02.02.01 of the PIAO?',
        'Polizia Provinciale-Protezione Civile e Trasporto Privato',
      ],
      ['what is the weight of the indicator Incontri cittadini in VI - 8 in 2020?', '60,00%'],
      ['How many objectives does the 2020 plan of the Comune di Prato contain?', '24 objectives'],
      ['Serravalle Pistoiese, objective 1: who is responsible?', 'Paolo Ricci'],
    ])('in English: %s → %s', async (question, figure) => {
      const a = await ask(question);
      expect(a.lang).toBe('en');
      expect(firstLine(a)).toContain(figure);
    });
  });

  describe('lists the details under the direct answer', () => {
    it.each([
      [
        "quali indicatori ha l'obiettivo PL09?",
        ['% attivazione servizi urgenti SAD', '80,00', '60,00', '5,00', '100,00'],
      ],
      ['elenca le fasi di 2020-PR31', ['Esecuzione lavori 1° lotto', '15/02/2020', '20/07/2020', '30/06/2022']],
      ['List the phases of 2020-CP19', ['Analisi delle criticità', '31/01/2020', 'verifica risultati', '01/12/2020']],
      [
        'which steps does objective UA14 have?',
        ['predisposizione bozza di regolamento da sottoporre a OO.SS', '01/10/2020', '30/11/2020', '50,00'],
      ],
      [
        "con quali indicatori si misura il Casellario dell'assistenza?",
        ['Attivazione del servizio', '01/01/2018', '30/06/2018', '31/12/2018'],
      ],
      [
        'personale assegnato al progetto 2021_PD_8910',
        ['Castellari Francesca', '90,00 %', 'Reverberi Chiara', '84,00 %'],
      ],
      ['2021_PD_8501: entrate correnti e spese correnti previste', ['2.453.877,32', '784.326,70']],
      ['il progetto 8716 ha spese per investimenti?', ['300.000,00']],
      ["CdR 87: stated total of the indirizzo CITTA' DEL CAPITALE SOCIALE", ['6.252.360,74']],
      ["quali obiettivi fanno parte dell'obiettivo operativo 05.01.01?", ['05.01.01.01', '05.01.01.04', '05.01.01.07']],
      ['scadenze di gennaio 2020', ['2020-CP19', '31/01/2020']],
    ])('%s', async (question, expected) => {
      const a = await ask(question);
      expect(a.found).toBe(true);
      for (const e of expected) expect(a.answer).toContain(e);
    });

    it('reads an indicator of one sheet year only when the question names the year', async () => {
      const a = await ask('gli indicatori del 2020 di VI-1');
      expect(a.answer).toContain('Incontri formativi per operatori');
      expect(a.answer).toContain("Avvio dell'attività nello spazio dedicato");
      expect(a.answer).not.toContain('Costituzione di un tavolo di lavoro tecnico dedicato');
    });
  });

  describe('routes each kind of question to its tool', () => {
    it.each([
      ['how much budget does 2021_PD_8735 have?', 'project_budget'],
      ['Budget del progetto 2021_PD_8735', 'project_budget'],
      ['2021_PD_8501: entrate correnti e spese correnti previste', 'project_budget_detail'],
      ['il progetto 2021_PD_8901 da quale dirigente è seguito?', 'project_dirigente'],
      ['who works on 2021_PD_8910?', 'project_staff'],
      ['a chi è affidato PL11?', 'objective_owner'],
      ['who is the owner of objective 2020-PR31?', 'objective_owner'],
      ['elenca gli indicatori per 2020-PL12', 'objective_indicators'],
      ['List the phases of 2020-CP19', 'objective_phases'],
      ["l'obiettivo 01.02.01.02 è seguito da quale struttura?", 'objective_structure'],
      ['02.01.01.01 rientra in quale obiettivo strategico?', 'objective_strategic'],
      ['obiettivi assegnati a Lotti Rosanna', 'person_objectives'],
      ['Luisa Sironi works on which projects?', 'person_projects'],
      ['cosa scade a dicembre per Sardi?', 'person_deadlines'],
      ['totale del CDR 87 come scritto nel PEG', 'total'],
      ['numero di progetti del CdR 87 che hanno un budget', 'count_projects'],
      ['il servizio 85 chi lo dirige come dirigente?', 'structure_head'],
      ['In the PEG 2021, who heads the Servizio Servizi Sociali as dirigente?', 'structure_head'],
    ])('%s → %s', async (question, intent) => {
      expect((await ask(question)).intent).toBe(intent);
    });
  });

  describe('links entities the way people write them', () => {
    it.each([
      ['surname only', 'quali obiettivi ha Fedi?', ['2020-PF31'], ['2020-UA14']],
      [
        'surname only, English',
        'which objectives does Sardi own?',
        ['2020-PL09', '2020-PL14', '2020-PL19'],
        ['2020-PG18'],
      ],
      ['first name first', 'which objectives are assigned to Simonetta Fedeli?', ['2020-UA14'], ['2020-PF31']],
      ['first name first', 'Luisa Sironi works on which projects?', ['2021_PD_8501', '45,00 %', '2021_PD_8504'], []],
      ['with a title', "quali obiettivi segue l'Ing. Bonardi?", ['VI - 5', 'VI - 7'], ['LE STORIE']],
      ['with a title', 'quali obiettivi ha il dott. Caporaso?', ['2020-PG18', '2020-PG19'], ['Caporusso']],
      ['with a title', 'quanti obiettivi ha in carico la dott.ssa Meschi', ['10 obiettivi'], []],
      [
        'a one-letter typo in the surname',
        'obiettivi di Palmeri',
        ['2020-PS05', '2020-SR18', '2020-SR19'],
        ['2020-PS06'],
      ],
      ['a one-letter typo in the surname', 'progetti di Castellary', ['2021_PD_8910', '90,00 %'], []],
      ['Fedi Simona is not Fedeli Simonetta', 'obiettivi di Simona Fedi', ['2020-PF31'], ['2020-UA14']],
      ['Fedeli Simonetta is not Fedi Simona', 'obiettivi della dott.ssa Fedeli', ['2020-UA14'], ['2020-PF31']],
      [
        'partial code PL09',
        "quali indicatori ha l'obiettivo PL09?",
        ['2020-PL09', '% attivazione servizi urgenti SAD'],
        [],
      ],
      ['partial code 8735', 'budget 8735', ['2021_PD_8735', '1.920.000,00'], []],
      ['partial code VI-1', 'VI-5 è affidato a chi?', ['Maura Meschi', 'Luca Bonardi'], []],
      [
        'a numbered objective of one plan',
        'obiettivo 3 di Serravalle: chi ne è responsabile?',
        ['Paolo Ricci', 'Passepartout'],
        [],
      ],
      ['a title in the question', "chi segue l'obiettivo Urban Jungle?", ['2020-PG19', 'Caporaso Francesco'], []],
      ['a title in the question', 'quanto è stanziato per Home Care Premium?', ['2021_PG_8737', '110.000,00'], []],
    ])('%s: %s', async (_case, question, expected, forbidden) => {
      const a = await ask(question);
      expect(a.found).toBe(true);
      for (const e of expected) expect(a.answer).toContain(e);
      for (const f of forbidden) expect(a.answer).not.toContain(f);
    });
  });

  describe('asks which one is meant instead of guessing', () => {
    it.each([
      ['a quali progetti è assegnata Reverberi?', ['Reverberi Chiara', 'Reverberi Jukka'], /quale intendi/],
      ['which projects does Reverberi work on?', ['Reverberi Chiara', 'Reverberi Jukka'], /which one do you mean/],
      ['quali obiettivi ha Marco?', ['Maccioni Marco', 'Brocchi Marco'], /quale intendi/],
    ])('%s', async (question, people, asks) => {
      const a = await ask(question);
      expect(a.intent).toBe('ambiguous_person');
      for (const p of people) expect(a.answer).toContain(p);
      expect(firstLine(a)).toMatch(asks);
      expect(a.answer).not.toMatch(/\d+,\d{2} %/);
    });

    it('takes "indicatore 2" and "fase 3" as the rows the document numbers so', async () => {
      expect(firstLine(await ask('What is the weight of indicator 2 of VI - 1 in 2019?'))).toContain('70,00%');
      expect(firstLine(await ask("peso della fase 3 dell'obiettivo 2020-PL09"))).toMatch(
        /3\. Attivazione nuova procedura Sad.*15,00/,
      );
    });

    it('lists two projects with the same title, each with its own budget and dirigente', async () => {
      const a = await ask('budget per il progetto Reggiane Off');
      expect(a.intent).toBe('ambiguous_record');
      expect(firstLine(a)).toMatch(/quale intendi/);
      expect(a.answer).toMatch(/2021_PG_8544 .*Budget: nessun budget indicato.*Benedetti Lorenza/);
      expect(a.answer).toMatch(/2021_PG_8749 .*Budget: nessun budget indicato.*Corradini Germana/);
    });
  });

  describe('says plainly when nothing is found and invents no figure', () => {
    it.each([
      ['budget del progetto 2021_PD_8799', /^Non ho trovato/, []],
      ['what budget has 2021_PD_8799?', /^I found no/, []],
      ['who is the owner of 2020-PL99?', /^I found no/, ['Sardi Valentina']],
      ['quali indicatori ha VI - 12?', /^Non ho trovato/, ['Maura Meschi']],
      ['obiettivi assegnati a Giulia Bianchi', /^Non ho trovato/, ['2020-', 'VI - ']],
      ['Tell me the projects Anna Verdi works on', /^I found no/, ['2021_PD']],
      ['M_8735_1_9: valore atteso?', /^Non ho trovato/, ['150']],
      ['cosa scade a marzo 2019 per la Meschi?', /^Non ho trovato/, ['VI - 1']],
      ["obiettivi del Comune di Prato per l'anno 2023", /^Non ho trovato piani per il 2023/, ['2020-']],
      [
        "valore atteso per l'indicatore alberi piantati dell'obiettivo Urban Jungle",
        /^Non ho trovato un indicatore/,
        [],
      ],
    ])('%s', async (question, says, forbidden) => {
      const a = await ask(question);
      expect(a.found).toBe(false);
      expect(a.answer).toMatch(says);
      expect(a.answer).not.toMatch(AMOUNT);
      for (const f of forbidden) expect(a.answer).not.toContain(f);
    });
  });

  it('matches an English paraphrase of an Italian title through the glossary', async () => {
    const a = await ask('in Prato, who owns the objective on managing Tari revenue?');
    expect(firstLine(a)).toMatch(/2020-SR18.*Palmieri Donatella/);
  });

  describe('answers questions that span several records', () => {
    it('lists the objectives of an office named in full', async () => {
      const a = await ask('nel PIAO, che obiettivi sono del Servizio Istruzione e Pari Opportunità?');
      for (const code of ['04.01.01.01', '04.02.01.01', '04.03.01.01', '04.04.01.01'])
        expect(firstLine(a)).toContain(code);
    });

    it('lists the projects under an azione named in full', async () => {
      // the quoted azione is read as the level: its projects listed one a line, not its objectives beside them
      const a = await ask("List the projects under the action 'Servizi e strutture senza ostacoli'");
      expect(firstLine(a)).toMatch(/3 projects/);
      for (const code of ['2021_PG_8516', '2021_PG_8521', '2021_PD_8729']) expect(a.answer).toContain(code);
      expect(a.answer).not.toContain('2021_OB_');
    });

    it('counts the staff of a project on the first line', async () => {
      expect(firstLine(await ask('quanti dipendenti lavorano sul progetto 2021_PD_8721?'))).toMatch(/^13 persone/);
    });

    it('says that a budget column the table lacks is not stated', async () => {
      const a = await ask('il progetto 2021_PD_8735 prevede spese per investimenti?');
      expect(firstLine(a)).toMatch(/non sono indicate spese per investimenti/);
      expect(a.answer).toContain('1.920.000,00');
    });
  });

  describe('tells a blank budget from a zero one', () => {
    it.each([
      ['quanto è lo stanziamento di 2021_PD_8732?', /non è indicato alcun budget/],
      ['Budget del progetto 2021_PD_8518', /non è indicato alcun budget/],
      ['budget of 2021_PD_8518', /budget of project .* is not stated/],
      ['budget of 2021_PG_8748', /budget of project .* is not stated/],
    ])('a blank cell is "not stated", never 0: %s', async (question, says) => {
      const a = await ask(question);
      expect(firstLine(a)).toMatch(says);
      expect(a.answer).not.toMatch(/\b0,00\b/);
    });

    it('a budget written as 0,00 is reported as 0,00', async () => {
      const a = await ask('budget di 2021_PD_8730');
      expect(firstLine(a)).toContain('0,00');
      expect(firstLine(a)).not.toMatch(/non è indicato/);
    });
  });

  describe('answers in the language of the question', () => {
    it.each([
      ['how much budget does 2021_PD_8735 have?', 'en', 'Sources:'],
      ['Budget del progetto 2021_PD_8735', 'it', 'Fonti:'],
      ['who is the owner of objective 2020-PR31?', 'en', 'Sources:'],
      ['a chi è affidato PL11?', 'it', 'Fonti:'],
      ['List the phases of 2020-CP19', 'en', 'Sources:'],
      ['gli indicatori del 2020 di VI-1', 'it', 'Fonti:'],
      ['which objectives does Sardi own?', 'en', 'Sources:'],
      ['Bagnacani Cristina: progetti a cui lavora e impegno', 'it', 'Fonti:'],
      ['Tell me the projects Anna Verdi works on', 'en', 'not found'],
      ['obiettivi assegnati a Mario Rossi', 'it', 'Non ho trovato'],
    ])('%s → %s', async (question, lang, marker) => {
      const a = await ask(question);
      expect(a.lang).toBe(lang);
      expect(a.answer).toContain(marker);
    });
  });

  describe('cites every found answer by document and lines', () => {
    it.each([
      'how much budget does 2021_PD_8735 have?',
      'a chi è affidato PL11?',
      "quali indicatori ha l'obiettivo PL09?",
      'totale del CDR 87 come scritto nel PEG',
      'obiettivi assegnati a Lotti Rosanna',
      'a quali progetti è assegnata Gilioli Arda?',
      'il servizio 85 chi lo dirige come dirigente?',
      "l'obiettivo 01.02.01.02 è seguito da quale struttura?",
      'entro che data va fatta la proroga della Tari?',
      "VI-7: peso dell'indicatore realizzazione area verde",
      'obiettivo 3 di Serravalle: chi ne è responsabile?',
      'numero di dipendenti della Provincia di Prato al 31.12.2023',
    ])('%s', async (question) => {
      const a = await ask(question);
      expect(a.found).toBe(true);
      expect(a.citations.length).toBeGreaterThan(0);
      for (const c of a.citations) {
        expect(c.doc).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
        expect(c.lines).toMatch(/^\d+(-\d+)?$/);
      }
    });

    it.each([
      ['how much budget does 2021_PD_8735 have?', '1.920.000,00'],
      ['totale del CDR 87 come scritto nel PEG', '9.267.473,26'],
      ['entro che data va fatta la proroga della Tari?', '09/04/2020'],
      ["VI-7: peso dell'indicatore realizzazione area verde", '80,00%'],
      ['risorse finanziarie previste per il progetto Caritas del Comune di Serravalle', '4.000,00'],
    ])('the cited lines hold the figure of "%s"', async (question, figure) => {
      const a = await ask(question);
      const cited = a.citations.map((c) => linesOf(c.doc, c.lines!)).join('\n');
      expect(cited).toContain(figure);
    });
  });

  describe('follows up on the previous answer', () => {
    it.each([
      [
        'chi è il responsabile di 2020-PL09?',
        'e i suoi indicatori?',
        'objective_indicators',
        ['% attivazione servizi urgenti SAD', '80,00'],
      ],
      [
        'who owns 2020-PL09?',
        'and its indicators?',
        'objective_indicators',
        ['% attivazione servizi urgenti SAD', '80,00'],
      ],
      ['budget di 2021_PD_8735', 'e chi ci lavora?', 'project_staff', ['Orlandini Sabina', '10,00 %']],
      ['budget di 2021_PD_8735', 'e il dirigente?', 'project_dirigente', ['Corradini Germana']],
    ])('"%s" then "%s"', async (first, followUp, intent, expected) => {
      const previous = await ask(first);
      const a = await ask(followUp, { history: [{ question: first, answer: previous }] });
      expect(a.intent).toBe(intent);
      expect(a.focus).toEqual(previous.focus.slice(0, 1));
      for (const e of expected) expect(a.answer).toContain(e);
    });
  });
});

/** Two plan files that share a code: the router answers for each document instead of picking one. */
describe('question router when a code is in two documents', () => {
  let dir: string;
  let engine: AnswerEngine;
  const COPY = '005_serravalle_copia.txt';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-router-two-'));
    const plans = join(dir, 'plans');
    mkdirSync(plans);
    copyFileSync(join(PLANS_DIR, SERRAVALLE), join(plans, SERRAVALLE));
    copyFileSync(join(PLANS_DIR, SERRAVALLE), join(plans, COPY));
    engine = await engineOver(plans, join(dir, 'index'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['obiettivo 3 di Serravalle: chi ne è responsabile?', /^Il codice compare in 2 documenti/],
    ['who is responsible for objective 3 in Serravalle?', /^The code appears in 2 documents/],
  ])('%s', async (question, header) => {
    const a = await engine.ask(question);
    expect(a.answer).toMatch(header);
    expect(a.answer.match(/Paolo Ricci/g)?.length).toBeGreaterThanOrEqual(2);
    expect(new Set(a.citations.map((c) => c.doc))).toEqual(new Set([SERRAVALLE, COPY]));
  });
});
