/** An office named by a number, code or roman numeral no structure carries: over the invented Roccalta plans. */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { unknownStructureNumber } from '../../src/linking/unknown-structure-number.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { ROCCALTA } from './roccalta-plan.ts';

// one office numbered by a roman numeral beside the two centres numbered 51 and 52
const store = new PlanStore(
  PlanModelSchema.parse({
    ...ROCCALTA,
    structures: [...ROCCALTA.structures, { ...ROCCALTA.structures[0]!, name: 'SETTORE IV', area: undefined }],
  }),
);
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const unknown = (q: string) => unknownStructureNumber(q, store, null)?.said ?? null;

describe('an office numbered as no structure is', () => {
  it.each([
    ['obiettivi del settore II', 'settore II'],
    ['progetti del cdr 77', 'cdr 77'],
    ['what does department 9 do?', 'department 9'],
  ])('%s', (q, said) => expect(unknown(q)).toBe(said));

  it.each([
    'obiettivi del settore IV',
    // a figure names the office numbered by its roman numeral
    'obiettivi del settore 4',
    'progetti del cdr 51',
    // "i" is an article, not a numeral, unless written as one
    'quali servizi i cittadini usano di più?',
  ])('reads nothing unknown in: %s', (q) => expect(unknown(q)).toBeNull());

  it('is said not found, with the numbered offices there are', async () => {
    const a = await routeQuestion(ctx, 'quanti progetti ha il centro di responsabilità cdr 58?');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('cdr 58');
    expect(a.answer).toContain('51 - SERVIZIO CULTURA');
    expect(a.answer).toContain('SETTORE IV');
  });
});
