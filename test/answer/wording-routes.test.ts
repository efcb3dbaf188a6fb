/**
 * Wordings that reach the same answer over the small invented plan: staff asked colloquially, a record named by its
 * words rather than its code, a bare year bounding a person's deadlines. Questions in their own words.
 */
import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../src/answer/intent.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { smallStore } from '../query/small-plan.ts';

const ctx: ToolContext = { store: smallStore(), search: null, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('staff asked colloquially', () => {
  it.each([
    ['chi fa cosa nel progetto 2023_PX_4101?'],
    ['who does what on 2023_PX_4102?'],
    ['quanto tempo ci dedica Persona 1?'],
    ['how much of her time does Persona 0 put in on 2023_PX_4101?'],
  ])('%s', (q) => expect(detectIntents(q)).toContain('staff'));
  it('"dedicato a" is no time devoted', () =>
    expect(detectIntents('quanto è stanziato per il progetto dedicato ai trasporti?')).not.toContain('staff'));
});

describe('a record named by its words is answered as if its code were written', () => {
  it('budget', async () => {
    const a = await ask('mi servirebbe sapere quanto costa lo sportello casa');
    expect(a.answer.split('\n')[0]).toContain('2023_PX_4201');
    expect(a.answer.split('\n')[0]).toContain('0,00');
  });
  it('owner', async () => {
    const a = await ask('il catalogo digitale, chi lo segue?');
    expect(a.answer).toContain('LV-BI02');
  });
});

describe('what a question asks is read beside the titles it names', () => {
  // an objective whose title holds a word that elsewhere asks for indicators ("misure")
  const base = smallStore().model;
  const store = new PlanStore({
    ...base,
    objectives: [...base.objectives, { ...base.objectives[1]!, code: 'LV-BI09', title: 'Misure per la lettura' }],
  });
  const askIn = (q: string) =>
    routeQuestion({ store, search: null, allowedDocs: null, includeInternal: true } as ToolContext, q);

  it('a field word inside a title asks for nothing', async () => {
    const a = await askIn('chi segue le misure per la lettura?');
    expect(a.intent).toBe('objective_owner');
    expect(a.answer).toContain('LV-BI09');
  });
  it('the field word outside the title still asks', async () => {
    const a = await askIn('indicatori delle misure per la lettura');
    expect(a.intent).toBe('objective_indicators');
  });
});

describe('how many people, said colloquially', () => {
  it.each([['quanta gente lavora al progetto 2023_PX_4102?'], ['how many people work on 2023_PX_4102?']])(
    '%s',
    async (q) => {
      const a = await ask(q);
      expect(a.intent).toBe('project_staff');
      expect(a.answer.split('\n')[0]).toMatch(/\b5\b/);
    },
  );
});
