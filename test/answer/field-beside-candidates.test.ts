/**
 * Several objectives named by the question's words, and a field of theirs asked: each one is listed with that field,
 * so the user reads the answer for the one meant. Over the small invented plan with two objectives added.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const objective = (code: string, title: string, line: string, end: [string, string], at: number) => ({
  doc: 'c.txt',
  code,
  title,
  owners: ['Ufficio Strade'],
  structure: 'Ufficio Strade',
  strategic: { lineaMandato: line },
  phases: [
    {
      title: 'Esecuzione dei lavori',
      end: { text: end[0], iso: end[1] },
      span: { doc: 'c.txt', lineStart: at + 1, lineEnd: at + 1 },
    },
  ],
  indicators: [],
  span: { doc: 'c.txt', lineStart: at, lineEnd: at + 2 },
});
const store = new PlanStore(
  PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: [
      ...SMALL_MODEL.objectives,
      objective(
        '07.02.01',
        'Nuove piste ciclabili nei quartieri',
        'Linea 2 - Città in movimento',
        ['30/06/2024', '2024-06-30'],
        60,
      ),
      objective(
        '07.02.02',
        'Manutenzione delle piste ciclabili esistenti',
        'Linea 3 - Cura del territorio',
        ['31/12/2024', '2024-12-31'],
        70,
      ),
    ],
  }),
);
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };

describe('a field asked of objectives the words name several of', () => {
  it('lists each one with its strategic link', async () => {
    const a = await routeQuestion(ctx, "in quale linea di mandato sta l'obiettivo sulle piste ciclabili?");
    expect(a.answer).toContain('07.02.01');
    expect(a.answer).toContain('Linea 2 - Città in movimento');
    expect(a.answer).toContain('Linea 3 - Cura del territorio');
  });

  it('lists each one with its end date when a deadline is asked', async () => {
    const a = await routeQuestion(ctx, "entro quando si chiude l'obiettivo delle piste ciclabili?");
    expect(a.answer).toContain('30/06/2024');
    expect(a.answer).toContain('31/12/2024');
  });
});
