/**
 * A figure no record field of the plans in scope holds is said not to be there — unless the record the question
 * names writes it in its own text, where a denial would contradict the plan. Over the small invented plan, with one
 * objective given a text of its own; questions in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const model = PlanModelSchema.parse({
  ...SMALL_MODEL,
  objectives: SMALL_MODEL.objectives.map((o) =>
    o.code === 'LV-SP03'
      ? {
          ...o,
          description:
            'Le palestre delle scuole restano aperte il sabato pomeriggio. Il progetto riceve un contributo regionale di 40.000 euro.',
        }
      : o,
  ),
});
const ctx: ToolContext = { store: new PlanStore(model), search: null, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('a figure the plans in scope hold in no record field', () => {
  it('is said plainly not to be there when no record speaks of it', async () => {
    const a = await ask('a quanto ammontano i budget degli obiettivi del Comune di Lago Verde?');
    expect(a.intent).toBe('not_found_field');
    expect(a.found).toBe(false);
  });

  it('is not denied when the record the question names writes it in its own text', async () => {
    const a = await ask('quanti soldi arrivano dalla regione per tenere aperte le palestre scolastiche a Lago Verde?');
    expect(a.intent).not.toBe('not_found_field');
    expect(a.answer).not.toMatch(/non riportano budget/);
  });
});

describe('a figure a named record writes in its text, asked as a computation would be', () => {
  const withProse = PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: SMALL_MODEL.objectives.map((o) =>
      o.code === 'LV-BI02'
        ? {
            ...o,
            description:
              'La digitalizzazione ha un budget complessivo di 1,5 milioni di euro. ' +
              'La licenza del software costa € 12.500,00 oltre IVA di legge 22% per ogni anno.',
          }
        : o,
    ),
  });
  const prose: ToolContext = {
    store: new PlanStore(withProse),
    search: null,
    allowedDocs: null,
    includeInternal: true,
  };

  it('quotes the sentence with the figure instead of summing records that are not there', async () => {
    const a = await routeQuestion(prose, 'qual è il budget complessivo del catalogo digitale di Lago Verde?');
    expect(a.answer).toContain('1,5 milioni di euro');
    expect(a.answer).not.toMatch(/Non ho trovato (progetti|questo dato)/);
  });

  it('reads an amount the question quotes as the written figure, with what is written beside it', async () => {
    const a = await routeQuestion(prose, 'per il catalogo digitale 12.500 euro sono con o senza IVA?');
    expect(a.answer).toContain('12.500,00 oltre IVA di legge 22%');
  });
});

describe('progress words that are an indicator measure', () => {
  const measured = PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: SMALL_MODEL.objectives.map((o) =>
      o.code === 'LV-BI02'
        ? {
            ...o,
            indicators: [
              {
                description: 'Scansione del fondo antico',
                formula: 'Percentuale di completamento scansioni / volumi del fondo',
                target: { text: '75%', value: 75, date: null },
                span: { doc: 'a.txt', lineStart: 33, lineEnd: 33 },
              },
            ],
          }
        : o,
    ),
  });
  const c: ToolContext = { store: new PlanStore(measured), search: null, allowedDocs: null, includeInternal: true };

  it('asks the target of the indicator measured in those words, not the progress the plans lack', async () => {
    const a = await routeQuestion(c, 'che percentuale di completamento si vuole per la scansione del fondo antico?');
    expect(a.intent).not.toBe('not_found_progress');
  });

  it('still says plainly that progress is not in the plans when no indicator measures it so', async () => {
    const a = await routeQuestion(c, 'a che punto è l’avanzamento della scansione del fondo antico?');
    expect(a.intent).toBe('not_found_progress');
    expect(a.found).toBe(false);
  });
});
