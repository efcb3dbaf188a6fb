/**
 * Conditions as people word them, over the small invented plan: bounds that include the amount ("almeno", "or
 * more"), a zero left out of a bound, a type the model holds, conditions on an objective's phases, spans of start
 * dates. Each is checked through the query it compiles to and the records that query selects.
 */
import { describe, expect, it } from 'vitest';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import type { PlanQuery } from '../../src/query/plan-query.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const frame = (q: string) => linkQuestion(q, store);
/** the codes (or phase titles) the question's query selects */
const selected = (q: string): string[] => {
  const c = computationFor(frame(q), store);
  if (!c || !('query' in c)) throw new Error(`no query for "${q}"`);
  const result = runPlanQuery(ctx, c.query as PlanQuery);
  if (!result.ok) throw new Error(result.error);
  return result.records.map((r) => String(r.cells.code?.text ?? r.cells.title?.text ?? r.cells.title));
};

describe('bounds that include the amount', () => {
  it.each([
    ['progetti che valgono almeno 350.000,50 euro', 'gte', 350_000.5],
    ['progetti da 1 milione o più', 'gte', 1_000_000],
    ['progetti con budget di 500.000 euro o meno', 'lte', 500_000],
    ['progetti con budget non più di 500.000', 'lte', 500_000],
    ['projects worth 1 million or more', 'gte', 1_000_000],
    ['projects with at most 400,000 euros', 'lte', 400_000],
  ])('"%s" → %s %d', (q, op, value) => {
    expect(frame(q).amounts).toEqual([{ op, value }]);
  });

  it('selects the record whose figure equals the bound', () => {
    expect(selected('progetti che valgono almeno 350.000,50 euro')).toEqual(
      expect.arrayContaining(['2023_PX_4101', '2023_PX_4102']),
    );
  });

  it('keeps "almeno 3 fasi" a bound, not a top 3', () => {
    expect(frame('obiettivi con almeno 3 fasi').superlative).toBeNull();
  });
});

describe('a zero left out of a bound', () => {
  it('leaves out the zero budgets when the question sets them apart', () => {
    const codes = selected('a parte quelli a zero, progetti sotto i 400.000 euro');
    expect(codes).toContain('2023_PX_4102');
    expect(codes).not.toContain('2023_PX_4201');
  });

  it('keeps them when it does not', () => {
    expect(selected('progetti sotto i 400.000 euro')).toContain('2023_PX_4201');
  });
});

describe('conditions on other fields', () => {
  it('filters by a type the model holds, in the plans named', () => {
    const codes = selected('obiettivi di tipo individuale del Comune di Lago Verde');
    expect(codes).toContain('LV-BI02');
    expect(codes).not.toContain('LV-BI01');
  });

  it('puts a weight condition on the phases of the objectives, not on their total', () => {
    const c = computationFor(frame('objectives of Neri Carla having phases that weigh 50 or more'), store);
    expect(c).toMatchObject({ kind: 'list', query: { target: 'phase' } });
    expect(selected('objectives of Neri Carla having phases that weigh 50 or more')).toEqual(
      expect.arrayContaining(['Apertura sperimentale', 'Scansione']),
    );
    expect(selected('objectives of Neri Carla having phases that weigh 50 or more')).not.toContain(
      'Studio degli orari',
    );
  });

  it('bounds the start dates by a part of a year', () => {
    const titles = selected('fasi di Lago Verde che cominciano nel secondo trimestre 2022');
    expect(titles).toEqual(['Apertura sperimentale']);
  });
});

describe('an entity set apart', () => {
  it('leaves every other plan in scope', () => {
    const f = frame('obiettivi, tranne quelli del Comune di Lago Verde');
    expect(f.excludedEntities).toEqual(['Comune di Lago Verde']);
    expect(f.entities).toEqual([]);
    expect(f.documents).not.toContain('a.txt');
    expect(f.documents).toContain('b.txt');
  });

  it('lists the records of the other plans', () => {
    expect(selected('projects, except the Provincia di Lago Verde')).toContain('2023_PX_4101');
    expect(selected('objectives except those of the Comune di Lago Verde')).not.toContain('LV-BI01');
  });

  it('is no exclusion when the entity is only named', () => {
    expect(frame('obiettivi del Comune di Lago Verde').excludedEntities).toEqual([]);
  });
});

describe('a structure set apart', () => {
  it('lists the records of the other structures of its plan', () => {
    const codes = selected('progetti, escluso il CdR 41');
    expect(codes).toEqual(expect.arrayContaining(['2023_PX_4201', '2023_PX_4202']));
    expect(codes).not.toContain('2023_PX_4101');
  });

  it('is a plain condition when only named', () => {
    expect(selected('progetti del CdR 41')).not.toContain('2023_PX_4201');
  });
});

describe('several conditions, each on its own figure', () => {
  it('bounds the staff by the amount beside "persone" and the budget by the one beside "budget"', () => {
    const f = frame('progetti con più di 2 persone assegnate e budget sotto 400.000');
    expect(f.amountFields).toEqual(['staff', 'budget']);
    const codes = selected('progetti con più di 2 persone assegnate e budget sotto 400.000');
    expect(codes).toEqual(['2023_PX_4102']);
  });

  it('reads the figure after the amount in English too', () => {
    expect(selected('projects with over 2 people and a budget above 1 million')).toEqual(['2023_PX_4101']);
  });
});
