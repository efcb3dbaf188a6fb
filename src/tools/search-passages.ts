import { z } from 'zod';
import type { SearchHit } from '../retrieval/search-index.ts';
import type { ToolContext } from './tool-context.ts';

export const SearchPassagesInput = z.object({
  query: z.string().min(1).describe('the question or keywords, Italian or English'),
  k: z.number().int().positive().max(20).default(4),
  entity: z.string().optional(),
});

/** The best passages of the plans for a free-text question, with citations. */
export async function searchPassages(
  ctx: ToolContext,
  input: z.input<typeof SearchPassagesInput>,
): Promise<SearchHit[]> {
  const q = SearchPassagesInput.parse(input);
  if (!ctx.search) return [];
  return ctx.search.search(q.query, {
    k: q.k,
    filter: {
      ...(q.entity ? { entity: q.entity } : {}),
      ...(ctx.allowedDocs ? { docs: ctx.allowedDocs } : {}),
      includeInternal: ctx.includeInternal,
    },
  });
}
