import type { Citation } from '../answer/answer.ts';
import type { Person, SourceSpan } from '../plan/model.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import type { PlanStore } from '../store/plan-store.ts';

/** What every tool reads: the plan model and the passage index, restricted to what the audience may see. */
export interface ToolContext {
  store: PlanStore;
  search: SearchIndex | null;
  /** plan files the audience may see; null = all */
  allowedDocs: string[] | null;
  /** staff allocations and other internal tables are hidden from the public */
  includeInternal: boolean;
}

/** The allowed list as a set, made once per list: a thousand plans make `includes` a scan per record. */
const allowedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

export function visible(ctx: ToolContext, doc: string): boolean {
  const allowed = ctx.allowedDocs;
  if (!allowed) return true;
  let set = allowedSets.get(allowed);
  if (!set) {
    set = new Set(allowed);
    allowedSets.set(allowed, set);
  }
  return set.has(doc);
}

/**
 * Whether the audience may know of this person at all: a role in a plan it may see, and for the public not only a
 * line of a staff allocation table (internal). A person it may not see is treated exactly like a name that is in no
 * plan, so the answers cannot tell a staff member's name from an unknown one.
 */
export function personVisible(ctx: ToolContext, person: Person): boolean {
  return person.roles.some((r) => visible(ctx, r.doc) && (ctx.includeInternal || r.role !== 'staff'));
}

export function citationOf(ctx: ToolContext, span: SourceSpan, section?: string, internal?: boolean): Citation {
  const c: Citation = {
    doc: span.doc,
    entity: ctx.store.entityOf(span.doc),
    lines: span.lineStart === span.lineEnd ? String(span.lineStart) : `${span.lineStart}-${span.lineEnd}`,
  };
  if (section) c.section = section;
  if (span.page !== undefined) c.page = span.page;
  if (internal) c.internal = true;
  return c;
}
