import { z } from 'zod';
import { bestTies, TextMatcher } from '../answer/text-match.ts';
import { keyedCodes } from '../linking/find-codes.ts';
import type { Project } from '../plan/model.ts';
import { codeKey } from '../store/plan-store.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const GetProjectInput = z.object({
  code: z.string().optional().describe('project (Prodotto) code, full or partial: 2023_PX_4101, 4101'),
  title: z.string().optional().describe('words from the project title, e.g. "Home Care Premium"'),
});
export type GetProjectInput = z.infer<typeof GetProjectInput>;

export type GetProjectResult =
  | { status: 'found'; projects: Project[] }
  | { status: 'not_found'; suggestions: { code: string; title: string; doc: string }[] };

const matchers = new WeakMap<object, TextMatcher<Project>>();

/** A project with its budget as stated (null when blank), %, Budget previsto by capitolo, objectives and staff. */
export function getProject(ctx: ToolContext, input: GetProjectInput): GetProjectResult {
  const { code, title } = GetProjectInput.parse(input);
  // the projects the asker may see: tested per candidate, never listed whole
  const inPool = (p: Project) => visible(ctx, p.doc);
  if (code) {
    const key = codeKey(code);
    const keyed = keyedCodes(ctx.store).projects;
    let found = (ctx.store.projectsByCode.get(key) ?? []).filter(inPool);
    if (!found.length && key.length >= 4)
      found = keyed.filter((p) => p.key.endsWith(key) && inPool(p.record)).map((p) => p.record);
    if (found.length) return { status: 'found', projects: found };
    const near = keyed
      .filter((p) => p.key.slice(0, -2) === key.slice(0, -2) && inPool(p.record))
      .slice(0, 5)
      .map((p) => p.record);
    return { status: 'not_found', suggestions: near.map((p) => ({ code: p.code, title: p.title, doc: p.doc })) };
  }
  if (title) {
    let m = matchers.get(ctx.store);
    if (!m) {
      m = new TextMatcher(ctx.store.projects, (p) => p.title);
      matchers.set(ctx.store, m);
    }
    const ranked = m.rank(title, 5).filter((r) => inPool(r.item));
    const top = ranked[0];
    // most of the question's words, or a title of two words or more that the question names in full ("Urban Jungle")
    if (top && (top.score >= 0.6 || (top.coverage >= 0.99 && top.matched >= 2)))
      return { status: 'found', projects: bestTies(ranked).map((r) => r.item) };
    return {
      status: 'not_found',
      suggestions: ranked.map((r) => ({ code: r.item.code, title: r.item.title, doc: r.item.doc })),
    };
  }
  return { status: 'not_found', suggestions: [] };
}
