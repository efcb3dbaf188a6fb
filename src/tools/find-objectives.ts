import { z } from 'zod';
import { findPeople } from '../answer/link-entities.ts';
import type { Objective } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { fold } from '../plan/text.ts';
import { objectiveMatcher } from './get-objective.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const FindObjectivesInput = z.object({
  owner: z.string().optional().describe('owner name, any order, titles allowed'),
  structure: z
    .string()
    .optional()
    .describe('words of the structure / servizio / centro di responsabilità name, or its code'),
  entity: z
    .string()
    .optional()
    .describe('the entity as the plans write it (Comune di …, Provincia di …) or its place name'),
  year: z.number().int().optional(),
  type: z.string().optional().describe('sviluppo, individuale, miglioramento, gestionale, prioritario, strategico…'),
  topic: z.string().optional().describe('words that should appear in the title'),
  limit: z.number().int().positive().max(500).default(100),
});
export type FindObjectivesInput = z.input<typeof FindObjectivesInput>;

/**
 * Objectives filtered by owner, structure, entity, year, type and topic. The conditions are one test per objective:
 * with a topic only the objectives its words rank are tested, never every objective of a thousand plans.
 */
export function findObjectives(ctx: ToolContext, input: FindObjectivesInput): Objective[] {
  const q = FindObjectivesInput.parse(input);
  const tests: ((o: Objective) => boolean)[] = [(o) => visible(ctx, o.doc)];
  if (q.owner) {
    const keys = new Set(findPeople(q.owner, ctx.store).matches.map((m) => m.person.key));
    tests.push((o) => o.owners.some((n) => keys.has(personKey(n))));
  }
  if (q.structure) {
    const s = fold(q.structure);
    tests.push((o) => fold(`${o.cdr ?? ''} ${o.structure ?? ''}`).includes(s));
  }
  if (q.entity) {
    const e = fold(q.entity);
    tests.push((o) => fold(ctx.store.entityOf(o.doc)).includes(e));
  }
  if (q.year) {
    const y = q.year;
    tests.push((o) => o.year === y || o.years?.includes(y) || ctx.store.documentOf(o.doc)?.years.includes(y) === true);
  }
  if (q.type) {
    const t = fold(q.type).slice(0, 6);
    tests.push((o) => fold(o.type ?? '').includes(t));
  }
  const passes = (o: Objective) => tests.every((test) => test(o));
  if (q.topic) {
    const ranked = objectiveMatcher(ctx)
      .rank(q.topic, 50)
      .filter((r) => r.score >= 0.5);
    return ranked
      .map((r) => r.item)
      .filter(passes)
      .slice(0, q.limit);
  }
  return ctx.store.objectives.filter(passes).slice(0, q.limit);
}
