import { z } from 'zod';
import { bestTies, TextMatcher } from '../answer/text-match.ts';
import { keyedCodes } from '../linking/find-codes.ts';
import type { Objective } from '../plan/model.ts';
import { codeKey } from '../store/plan-store.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const GetObjectiveInput = z.object({
  code: z
    .string()
    .optional()
    .describe(
      'objective code as written, or a distinctive ending of it, or the number of an objective in plans that number them',
    ),
  title: z.string().optional().describe('words from the objective title, e.g. "Catalogo digitale"'),
  doc: z.string().optional().describe('restrict to one plan file'),
});
export type GetObjectiveInput = z.infer<typeof GetObjectiveInput>;

export type GetObjectiveResult =
  | { status: 'found'; objectives: Objective[] }
  | { status: 'not_found'; suggestions: { code: string; title: string; doc: string }[] };

const matchers = new WeakMap<object, TextMatcher<Objective>>();

/** One objective with everything known about it: phases, indicators, dates, weights, resources, strategic links. */
export function getObjective(ctx: ToolContext, input: GetObjectiveInput): GetObjectiveResult {
  const { code, title, doc } = GetObjectiveInput.parse(input);
  // the objectives the asker may see, in one plan when asked: tested per candidate, never listed whole
  const inPool = (o: Objective) => visible(ctx, o.doc) && (!doc || o.doc === doc);
  if (code) {
    const key = codeKey(code);
    let found = (ctx.store.objectivesByCode.get(key) ?? []).filter(inPool);
    if (!found.length && key.length >= 4)
      found = keyedCodes(ctx.store)
        .objectives.filter((o) => o.key.endsWith(key) && inPool(o.record))
        .map((o) => o.record);
    if (found.length) return { status: 'found', objectives: found };
  }
  if (title) {
    const ranked = objectiveMatcher(ctx)
      .rank(title, 5)
      .filter((r) => inPool(r.item));
    const top = ranked[0];
    // most of the question's words, or a title of two words or more that the question names in full ("Urban Jungle")
    if (top && (top.score >= 0.6 || (top.coverage >= 0.99 && top.matched >= 2)))
      return { status: 'found', objectives: bestTies(ranked).map((r) => r.item) };
    return {
      status: 'not_found',
      suggestions: ranked.map((r) => ({ code: r.item.code, title: r.item.title, doc: r.item.doc })),
    };
  }
  return { status: 'not_found', suggestions: [] };
}

export function objectiveMatcher(ctx: Pick<ToolContext, 'store'>): TextMatcher<Objective> {
  let m = matchers.get(ctx.store);
  if (!m) {
    m = new TextMatcher(ctx.store.objectives, (o) => o.title);
    matchers.set(ctx.store, m);
  }
  return m;
}
