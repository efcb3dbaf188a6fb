/**
 * Golden questions over the five sample plans, one or more per kind of question, asked through the real HTTP route
 * (`POST /api/ask`) of the web server over the real engine. Worded apart from the issue and the eval sets; expected
 * strings read from data/plans/*.txt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { SUGGESTED_PROMPTS } from '../../src/slack/blocks/notice-blocks.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { PLANS_DIR } from '../support/plan-fixture.ts';

interface Asked {
  answer: string;
  found: boolean;
  citations: { doc: string }[];
}

describe('questions people ask, through POST /api/ask', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-plan-questions-'));
    const config = loadConfig({
      PORT: '0',
      PLANS_DIR,
      INDEX_DIR: join(dir, 'index'),
      DATA_DIR: dir,
      LOG_LEVEL: 'error',
    });
    const engine = await createEngine(config);
    server = await startWebServer({ config, engine, feedback: new FeedbackStore(join(dir, 'votes.jsonl')) });
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (q: string): Promise<Asked> => {
    const res = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Asked;
  };

  describe.each([
    // rankings and top-k
    ['Fra i progetti, quale ha lo stanziamento più elevato?', ['2021_PD_8716', '4.545.933,00'], ['2021_PG_8523']],
    [
      'mostrami i 4 progetti più finanziati',
      ['2021_PD_8716', '2021_PG_8523', '2021_PD_8735', '2021_PD_8910'],
      ['2021_PD_8728'],
    ],
    ["nell'obiettivo 2020-PR31 quale fase ha il peso maggiore?", ['Esecuzione lavori 1° lotto', '50,00'], []],
    // totals: stated, and computed with the records they come from
    ['budget complessivo del CdR 85', ['9.422.128,07', 'indicato nel piano'], []],
    [
      'fammi la somma dei budget di 2021_PD_8910 e 2021_PD_8944',
      ['2.303.777,81', 'calcolat', '1.455.648,22', '848.129,59'],
      [],
    ],
    ['le fasi di 2020-PL11 hanno pesi che sommano a 100?', ['95,00', 'No'], []],
    // filters and combined conditions
    [
      'elenca i progetti il cui budget supera 1.500.000',
      ['2021_PD_8716', '2021_PG_8523', '2021_PD_8735'],
      ['2021_PD_8910'],
    ],
    [
      'quali progetti del CdR 87 non hanno budget indicato?',
      ['2021_PD_8732', '2021_PD_8744', '2021_PG_8750'],
      ['2021_PD_8735'],
    ],
    ['which objectives of the city of Prato are pluriannual?', ['2020-PG18', '2020-UG09'], ['2020-PL10']],
    ['quali obiettivi di Prato terminano il 31/12/2020?', ['2020-CP09'], ['VI - ', '2021_OB']],
    [
      'progetti diretti da Benedetti Lorenza sotto i 100.000 euro',
      ['2021_PD_8908', '2021_PG_8917', '2021_PD_8903'],
      ['2021_PD_8931'],
    ],
    // sub-records by their own dates, deadlines and shares
    ['elenca le attività di 2020-PL13 che proseguono nel 2022', ['01/01/2022', '31/12/2022'], ['01/06/2020']],
    ['indicatori di 2021_OB_8907_3 con termine entro settembre 2021', ['M_8907_3_2', '30/09/2021'], ['M_8907_3_1']],
    ['persone assegnate al progetto 2021_PD_8910 per più del 30%', ['Margini Alessandra', '42,00 %'], ['Venturi']],
    ['quali incaricati professionali lavorano al progetto 2021_PD_8504?', ['Sironi Luisa', '20,00 %'], ['Monelli']],
    // comparisons
    ['metti a confronto il budget di 2021_PD_8501 e 2021_PD_8504', ['784.326,70', '780.595,09', '3.731,61'], []],
    ['tra Caporaso Francesco e Lotti Rosanna chi ha più obiettivi?', ['Lotti Rosanna ha più obiettivi'], []],
    // comparisons and rankings worded in any order, records named by title, counted fields summed
    ['chi ha meno obiettivi fra Palmieri Donatella e Sardi Valentina?', ['Palmieri Donatella ha meno obiettivi'], []],
    [
      '2021_PD_8729 oppure 2021_PD_8722: quale ha lo stanziamento minore?',
      ['500.000,00', '550.000,00', '50.000,00', 'più basso è quello di 2021_PD_8729'],
      [],
    ],
    [
      'quale obiettivo di Rosanna Lotti contiene la fase di durata più lunga?',
      ['Obiettivo: 2020-PE09', '01/06/2020', '31/12/2020'],
      ['2020-UG09 —'],
    ],
    ['quante fasi ha in tutto Studio sulla fecondità a Prato?', ['Sono 2 fasi', 'pubblicazione report'], []],
    ['i pesi delle fasi del Parlamentino dei ragazzi arrivano a 100?', ['100,00', '2020-SL09'], []],
    [
      "l'azione Politiche familiari: costa di più nel CdR 85 o nel CdR 87?",
      ['1.080.595,09', '4.567.138,84', '3.486.543,75', 'calcolata'],
      [],
    ],
    // lists by structure, entity or topic
    ['elenca i progetti del CdR A2', ['2021_PD_8723', '2021_PD_A204', '2021_PD_A2CA'], ['2021_PD_8716']],
    ['ci sono obiettivi che riguardano lo smart working?', ['2020-SR19', '2020-UA14'], []],
    ['quali sono gli obiettivi del settore VI del Comune di Chiavari?', ['VI - 1', 'VI - 7', 'VI - 10'], ['2020-']],
    ['a Prato chi segue la Polizia Municipale?', ['Maccioni Marco', 'Dini Claudio'], []],
    // year sheets
    [
      'quali indicatori ha VI - 2 nel 2020?',
      ['Somministrazione questionario di gradimento'],
      ['Affido: individuazione'],
    ],
    // greetings and help
    ['salve', ['Comune di Reggio Emilia', 'Comune di Chiavari'], []],
  ])('"%s"', (q, expected, forbidden) => {
    it('answers with what the plans hold', async () => {
      const { answer, found } = await ask(q);
      for (const e of expected) expect(answer).toContain(e);
      for (const f of forbidden) expect(answer).not.toContain(f);
      expect(found).toBe(true);
    });
  });

  it.each([
    'mostrami il PEG del Comune di Pisa',
    'quanti obiettivi sono già stati completati?',
    'obiettivi del 2025 di Caporaso Francesco',
    "qual è il numero di telefono dell'anagrafe?",
    'budget del progetto 2021_PD_1234',
    'chi dedica più del 20% del suo tempo a 2020-SR19?',
  ])('says plainly what the plans do not hold: "%s"', async (q) => {
    const { answer, found } = await ask(q);
    expect(found).toBe(false);
    expect(answer).toMatch(/non (l'ho |ho )?trovat/i);
  });

  it("quotes first the sentence of a named record's text that answers what its fields do not hold", async () => {
    const { answer, found } = await ask(
      "con quale applicativo vengono dematerializzati i ruoli dell'obiettivo 2020-PE09?",
    );
    expect(found).toBe(true);
    expect(answer.split('\n')[0]).toMatch(/^> .*SICRAWEB/);
  });

  it('quotes first the sentence that answers the help desk question', async () => {
    const { answer } = await ask('le sedi della Provincia sono senza barriere per chi usa la sedia a rotelle?');
    const firstQuote = answer.split('\n').find((l) => l.startsWith('>')) ?? '';
    expect(firstQuote).toMatch(/barriere architettoniche/);
  });

  it.each(SUGGESTED_PROMPTS.prompts.map((p) => p.message))('answers the Slack suggested prompt "%s"', async (q) => {
    const { answer, found } = await ask(q);
    expect(found).toBe(true);
    const expected: Record<string, string[]> = {
      'Quali piani conosci?': ['Comune di Prato', 'Provincia di Prato', 'Comune di Chiavari'],
      'Quali obiettivi riguardano la digitalizzazione?': ['2020-PE09'],
      'Quali fasi scadono il 31/12?': ['31/12/2020'],
      'Che cosa puoi dirmi sui piani?': ['Comune di Serravalle Pistoiese'],
    };
    for (const e of expected[q] ?? ['__every prompt needs its expectation__']) expect(answer).toContain(e);
  });

  it('offers example questions that each get an answer', async () => {
    const { answer } = await ask('cosa sai fare?');
    const examples = answer
      .split('\n')
      .filter((l) => l.startsWith('• ') && l.endsWith('?'))
      .map((l) => l.slice(2));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const q of examples) {
      const reply = await ask(q);
      expect(reply.found, q).toBe(true);
      expect(reply.citations.length, q).toBeGreaterThan(0);
    }
  });
});
