/**
 * A person named with one of their projects named by its title's words: that project's row alone, not all of theirs.
 * Over the small invented plan, with a staff member added to two of its projects.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const row = (commitment: string, value: number, line: number) => ({
  name: 'Bruni Elena',
  relation: 'Dipendente',
  commitment: { text: commitment, value },
  span: { doc: 'b.txt', lineStart: line, lineEnd: line },
});
const store = new PlanStore(
  PlanModelSchema.parse({
    ...SMALL_MODEL,
    people: [
      ...SMALL_MODEL.people,
      {
        key: 'bruni elena',
        name: 'Bruni Elena',
        spellings: ['Bruni Elena'],
        titles: [],
        roles: [{ role: 'staff', doc: 'b.txt' }],
      },
    ],
    projects: SMALL_MODEL.projects.map((p) =>
      p.code === '2023_PX_4101'
        ? { ...p, staff: [...p.staff, row('15,00 %', 15, 90)] }
        : p.code === '2023_PX_4102'
          ? { ...p, staff: [...p.staff, row('65,00 %', 65, 91)] }
          : p,
    ),
  }),
);
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };

describe("a person's project named by its words", () => {
  it('gives that project’s row only', async () => {
    const a = await routeQuestion(ctx, 'Bruni Elena quanto è impegnata sui centri estivi?');
    expect(a.answer).toContain('65,00 %');
    expect(a.answer).toContain('2023_PX_4102');
    expect(a.answer).not.toContain('15,00 %');
  });

  it('lists all their projects when none is named', async () => {
    const a = await routeQuestion(ctx, 'su quali progetti è impegnata Bruni Elena?');
    expect(a.answer).toContain('65,00 %');
    expect(a.answer).toContain('15,00 %');
  });

  it('an objective of theirs named by its title answers with that objective', async () => {
    const a = await routeQuestion(ctx, 'le fasi del catalogo digitale di Neri Carla?');
    expect(a.answer).toContain('LV-BI02');
    expect(a.answer).toContain('Scansione');
    expect(a.answer).not.toContain('Studio degli orari');
    const all = await routeQuestion(ctx, 'quali obiettivi ha Neri Carla?');
    expect(all.answer).toContain('LV-BI01');
    expect(all.answer).toContain('LV-BI02');
  });
});
