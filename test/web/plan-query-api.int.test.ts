/**
 * The plan query end to end through POST /api/ask over the five sample plans: rankings (ties said), durations from
 * dates, people and structures ranked by their records, computed and stated totals, comparisons with their
 * difference, filters, combined conditions and counts. Questions in this file's own wording; figures read from the
 * plan text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

describe('plan query questions through /api/ask', () => {
  let app: RealWebApp;

  beforeAll(async () => {
    app = await startRealWebApp('pianobot-plan-query-');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const ask = (q: string) => app.ask(q);

  describe('rankings', () => {
    it('announces a tie for the heaviest phase instead of picking one', async () => {
      const { answer, found } = await ask('in 2020-CP19 which phase has the greatest weight?');
      expect(found).toBe(true);
      for (const phase of [
        'Analisi delle criticità',
        'Progettazione della ristrutturazione',
        'applicazione protocollo',
      ])
        expect(answer).toContain(phase);
      expect(answer).toMatch(/Tie: .* share the same value \(30,00\)/);
      expect(answer).not.toContain('verifica risultati');
    });

    it('ranks phases by the days between their dates, shown beside them', async () => {
      const { answer } = await ask('the shortest phase in objective 2020-PF31');
      expect(answer).toContain('Affidamento del servizio di gestione del processo partecipativo');
      expect(answer).toContain('01/01/2020');
      expect(answer).toContain('29/02/2020');
      expect(answer).toContain('60 days');
      expect(answer).not.toContain('cabina di regia');
    });

    it('ranks people by the objectives they own in one entity, the count computed and its records listed', async () => {
      const { answer } = await ask('which person owns the most objectives in the Comune di Prato?');
      expect(answer.split('\n')[1]).toBe(
        '• Sardi Valentina: 7 (2020-PL09, 2020-PL10, 2020-PL11, 2020-PL12, 2020-PL13, 2020-PL14, 2020-PL19)',
      );
      expect(answer).toContain('computed');
    });
  });

  it('answers the record at one place of a ranking', async () => {
    const { answer } = await ask('which project has the third highest budget in CdR 87?');
    expect(answer).toContain('number 3');
    expect(answer).toContain('2021_PD_8728');
    expect(answer).toContain('1.020.000,00');
    expect(answer).not.toContain('2021_PD_8735');
  });

  it('splits a count by structure, every structure listed largest first', async () => {
    const { answer } = await ask('quanti obiettivi ha ogni settore del Comune di Prato?');
    const lines = answer.split('\n');
    expect(lines[1]).toBe(
      '• Sociale e Immigrazione: 7 (2020-PL09, 2020-PL10, 2020-PL11, 2020-PL12, 2020-PL13, 2020-PL14, 2020-PL19)',
    );
    expect(answer).toContain('• Sport: 2 (2020-PS05, 2020-PS06)');
  });

  describe('sums', () => {
    it('leaves out the records an exclusion names, and sums the rest', async () => {
      const { answer } = await ask('budget totale del CdR 85 escludendo i progetti sopra i 2 milioni');
      // 9.422.128,07 stated for the centre, less 4.545.933,00 and 2.244.232,18
      expect(answer).toContain('2.631.962,89');
      expect(answer).not.toContain('2021_PD_8716');
      expect(answer).not.toContain('2021_PG_8523');
    });

    it('sums the budgets a condition selects, says the sum is computed and lists every record', async () => {
      const { answer } = await ask('il totale dei budget dei progetti di Corradini Germana sopra i 900.000 euro');
      // 1.920.000,00 + 1.455.648,22 + 1.020.000,00 + 985.546,94, read from the PEG's summary table
      expect(answer).toContain('5.381.195,16');
      expect(answer).toContain('calcolato');
      for (const code of ['2021_PD_8735', '2021_PD_8910', '2021_PD_8728', '2021_PG_8747'])
        expect(answer).toContain(code);
      expect(answer).not.toContain('2021_PD_8944');
    });

    it('sums projects named by their titles instead of codes', async () => {
      const { answer } = await ask(
        'quanto fanno insieme gli interventi per la popolazione nomade e quelli di area penale?',
      );
      // 96.000,00 + 138.674,06
      expect(answer).toContain('234.674,06');
      expect(answer).toContain('2021_PD_8908');
      expect(answer).toContain('2021_PD_8906');
    });

    it('quotes a total the plan states for an azione named by its label, as stated', async () => {
      const { answer } = await ask('totale azione Housing sociale');
      expect(answer).toContain('550.000,00 (totale indicato nel piano)');
    });
  });

  describe('comparisons', () => {
    it('gives both budgets and their computed difference', async () => {
      const { answer } = await ask('budget a confronto: 2021_PD_8906 contro 2021_PD_8907');
      expect(answer).toContain('138.674,06');
      expect(answer).toContain('269.000,00');
      expect(answer).toContain('Differenza: 130.325,94 (calcolata), a favore di 2021_PD_8907');
    });

    it("compares two people's budgets, summed over the projects each directs", async () => {
      const { answer } = await ask('Corradini Germana vs Benedetti Lorenza: who manages the larger budget?');
      expect(answer).toContain('Benedetti Lorenza: 9.422.128,07');
      expect(answer).toContain('Corradini Germana: 9.267.473,26');
      expect(answer).toContain('Difference: 154.654,81 (computed), higher: Benedetti Lorenza');
    });

    it('compares two structures by their objectives and says when they are level', async () => {
      const { answer } = await ask("a Prato ha più obiettivi l'Unità di Staff Statistica o il settore Sport?");
      expect(answer).toContain('Unità di Staff Statistica: 2 (2020-UG08, 2020-UG09)');
      expect(answer).toContain('Sport: 2 (2020-PS05, 2020-PS06)');
      expect(answer).toContain('Pari merito');
    });
  });

  describe('filters, combined conditions and counts', () => {
    it('lists the projects of one centre with no budget, not those with 0,00', async () => {
      const { answer } = await ask('CdR 85 projects with no budget');
      expect(answer).toContain('I found 12 projects');
      expect(answer).toContain('2021_PG_8516');
      expect(answer).not.toContain('2021_PD_8903');
      expect(answer).not.toContain('2021_PG_8748');
    });

    it('filters budgets between two amounts', async () => {
      const { answer } = await ask('projects whose budget is between 100,000 and 200,000 euros');
      for (const code of ['2021_PD_8901', '2021_PD_8906', '2021_PG_8737']) expect(answer).toContain(code);
      expect(answer).not.toContain('2021_PD_8907');
    });

    it("keeps a person's objectives that end in the year asked", async () => {
      const { answer } = await ask("which of Caporaso Francesco's objectives end in 2020?");
      expect(answer).toContain('2020-PG18');
      expect(answer).toContain('31/12/2020');
    });

    it('finds a deadline in a year after the plan’s own when the phases run into it', async () => {
      const { answer, found } = await ask('quali obiettivi di Sardi Valentina terminano nel 2022?');
      expect(found).toBe(true);
      expect(answer).toContain('2020-PL13');
      expect(answer).not.toContain('2020-PL09');
    });

    it('counts the projects above an amount', async () => {
      const { answer } = await ask('quanti sono i progetti con oltre 2 milioni di euro?');
      expect(answer).toContain('Sono 2 progetti (conteggio calcolato)');
      expect(answer).toContain('2021_PD_8716');
      expect(answer).toContain('2021_PG_8523');
      expect(answer).not.toContain('2021_PD_8735');
    });
  });
});
