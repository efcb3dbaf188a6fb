/**
 * Filters, combined conditions, honest not-found, structure and entity lists and questions about pianobot, end to
 * end through POST /api/ask over the five sample plans. Questions in this file's own wording; expected strings read
 * from the plan text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

describe('filter and list questions through /api/ask', () => {
  let app: RealWebApp;

  beforeAll(async () => {
    app = await startRealWebApp('pianobot-filter-lists-');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const ask = (q: string) => app.ask(q);

  describe('filters', () => {
    it('keeps the amount itself in a bound that includes it ("o più")', async () => {
      const { answer, found } = await ask('progetti da 1.920.000,00 euro o più');
      expect(found).toBe(true);
      for (const code of ['2021_PD_8735', '2021_PD_8716', '2021_PG_8523']) expect(answer).toContain(code);
      expect(answer).not.toContain('2021_PD_8910');
    });

    it('reads a span of months and bounds the phase end dates by it', async () => {
      const { answer } = await ask('Prato phases that finish between February and March 2020');
      expect(answer).toContain('Affidamento del servizio di gestione');
      expect(answer).not.toContain('Analisi delle criticità');
    });

    it('reads a part of a year on the start dates', async () => {
      const { answer } = await ask('quali fasi del Comune di Prato cominciano nel quarto trimestre 2020?');
      expect(answer).toContain('Svolgimento');
      expect(answer).toContain('Incontri con le scuole');
      expect(answer).not.toContain('Individuazione dei paesi');
    });

    it('leaves out zero budgets when the question sets them apart', async () => {
      const { answer } = await ask('projects of CdR 87 below 25,000 euros, leaving out the zero ones');
      expect(answer).toContain('2021_PD_8731');
      expect(answer).toContain('2021_PD_8931');
      expect(answer).not.toContain('2021_PD_8745');
    });
  });

  describe('combined conditions', () => {
    it("bounds a person's objectives by the weight of their phases", async () => {
      const { answer } = await ask('Lotti Rosanna: obiettivi con fasi di peso almeno 60');
      expect(answer).toContain('2020-PE09');
      expect(answer).toContain('2020-UG08');
      expect(answer).not.toContain('2020-UG09');
    });

    it('sets an entity apart and bounds the dates of the other plans', async () => {
      const { answer } = await ask('fasi in scadenza il 31/12/2020, escluso il Comune di Prato');
      expect(answer).toContain('VI - 1');
      expect(answer).not.toContain('2020-CP09');
    });
  });

  describe('not found, said plainly', () => {
    it.each([
      ['quanto viene pagata Corradini Germana?'],
      ['Which Reggio Emilia projects have already been finished?'],
      ['obiettivi della Regione Liguria'],
      ['budget 2024 del Comune di Reggio Emilia'],
      ['quanto costa la mensa per gli anziani a Prato?'],
    ])('%s', async (q) => {
      const { answer, found } = await ask(q);
      expect(found).toBe(false);
      expect(answer).toMatch(/non ho trovato|not found|non l'ho trovato/i);
      expect(answer).not.toMatch(/\d{1,3}(?:\.\d{3})+,\d{2}/);
    });
  });

  describe('structure and entity lists', () => {
    it('lists the centri di responsabilità of one entity from the model', async () => {
      const { answer } = await ask('elencami i centri di responsabilità del Comune di Reggio Emilia');
      for (const name of [
        'POLITICHE DI WELFARE E INTERCULTURA',
        'SERVIZIO SERVIZI SOCIALI',
        'AREA SERVIZI ALLA PERSONA',
      ])
        expect(answer).toContain(name);
      expect(answer).not.toContain('Corpo P.M');
    });

    it('answers what an office does with the objectives filed under it', async () => {
      const { answer } = await ask('what does the Polizia Provinciale do?');
      expect(answer).toContain('02.01.01.01');
      expect(answer).not.toContain('05.01.01.04');
    });

    it('names the one office a word points at, and its head', async () => {
      const { answer } = await ask('chi segue il turismo al Comune di Prato?');
      expect(answer).toContain('Iacopino Rita Lucia');
    });

    it('lists the people the plans of an entity name, with their roles', async () => {
      const { answer } = await ask('who are the people named in the Comune di Chiavari plans?');
      expect(answer).toContain('Maura Meschi');
      expect(answer).toContain('Luca Bonardi');
      expect(answer).not.toContain('Sardi Valentina');
    });
  });

  describe('questions about pianobot', () => {
    it('lists only the plans of the year asked', async () => {
      const { answer } = await ask('which plans cover 2025?');
      expect(answer).toContain('Provincia di Prato');
      expect(answer).not.toContain('Comune di Serravalle Pistoiese');
    });

    it('drops who is asking and answers the question about pianobot', async () => {
      const { answer } = await ask('salve, sono un revisore: quali enti conosci?');
      for (const entity of ['Comune di Prato', 'Comune di Chiavari', 'Comune di Reggio Emilia'])
        expect(answer).toContain(entity);
    });
  });
});
