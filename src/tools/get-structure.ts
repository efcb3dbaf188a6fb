import { z } from 'zod';
import { findScope, findStructures } from '../answer/link-entities.ts';
import type { Structure } from '../plan/model.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const GetStructureInput = z.object({
  query: z
    .string()
    .describe(
      'structure name or code as the user wrote it, optionally with entity and year: "Servizi Sociali PEG 2021", "servizio 85"',
    ),
});

/** Structures (settore / servizio / centro di responsabilità) with their dirigente or responsabile. */
export function getStructure(ctx: ToolContext, input: z.infer<typeof GetStructureInput>): Structure[] {
  const { query } = GetStructureInput.parse(input);
  const scope = findScope(query, ctx.store);
  return findStructures(query, ctx.store, scope).filter((s) => visible(ctx, s.doc));
}
