/** A record asked of a year: its answer for that year, or a plain "not found" for a year it does not speak of. */

import { packFor } from '../../lang/packs.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { docsWithPhasesIn, phasesReachYear, yearMissingFrom } from '../../query/record-years.ts';
import { resolveRecord } from '../../tools/resolve-record.ts';
import { type ToolContext, visible } from '../../tools/tool-context.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import { objectiveReply, sheetOfYear } from './objective-reply.ts';
import type { Reply } from './reply.ts';

/**
 * A year asked of a record that speaks of other years only ("piano operativo 2021" of a 2019–2020 objective): not
 * found for that year, said first; what the record does give follows, as what is there.
 */
export function ofYear(
  ctx: ToolContext,
  record: Objective | Project,
  year: number | null,
  lang: Lang,
  reply: Reply,
): Reply {
  const years = yearMissingFrom(ctx.store, record, year);
  if (!years) return reply;
  return {
    ...reply,
    found: false,
    intent: 'not_found_record_year',
    lines: [packFor(lang).messages.records.recordYearNotFound(record.code, year!, years.join(', ')), ...reply.lines],
  };
}

/** An objective's answer read in the sheet of the year asked, with the year's "not found" when it has none. */
export function objectiveOfYear(
  ctx: ToolContext,
  o: Objective,
  year: number | null,
  intents: Intent[],
  question: string,
  lang: Lang,
): Reply {
  return ofYear(ctx, o, year, lang, objectiveReply(ctx, sheetOfYear(o, year), intents, question, lang));
}

/**
 * The question's words name one record surely, and some phase of it is of the year: "le fasi 2022 dell'obiettivo X"
 * of a 2020 plan whose phases run into 2022 is no year the plans lack. Resolved only when a year no plan covers is
 * asked, through the store's record index.
 */
export function namedRecordReaches(ctx: ToolContext, question: string, year: number): boolean {
  const resolved = resolveRecord(ctx.store, question, (d) => visible(ctx, d));
  return resolved.status === 'sure' && phasesReachYear(ctx.store, resolved.named.record, [year]);
}

/**
 * The plans a year chose hold no record the question names, but its words surely name one of a plan of other years
 * whose phases run into that year: that record's plan is read, in that year. Null otherwise (resolved only when a year
 * narrowed the plans read).
 */
export function scopeOfRecordInYear<S extends { docs: string[] | null; year: number | null; entity: string | null }>(
  ctx: ToolContext,
  question: string,
  scope: S,
): S | null {
  if (scope.year === null || scope.docs === null) return null;
  // an entity named chooses its plans; a record of another entity is not the one meant
  const ofEntity = (doc: string) => scope.entity === null || ctx.store.entityOf(doc) === scope.entity;
  // only a plan outside the scope whose phases run into the year can move it: with none, no record is looked up (the
  // look-up reads every record holding the question's words, thousands at a thousand plans)
  const inScope = new Set(scope.docs);
  const reaching = docsWithPhasesIn(ctx.store, scope.year);
  let outside = false;
  for (const d of reaching)
    if (!inScope.has(d) && ofEntity(d) && visible(ctx, d)) {
      outside = true;
      break;
    }
  if (!outside) return null;
  const resolved = resolveRecord(ctx.store, question, (d) => visible(ctx, d) && ofEntity(d));
  if (resolved.status !== 'sure') return null;
  const { record } = resolved.named;
  if (inScope.has(record.doc) || !phasesReachYear(ctx.store, record, [scope.year])) return null;
  return { ...scope, docs: [record.doc] };
}
