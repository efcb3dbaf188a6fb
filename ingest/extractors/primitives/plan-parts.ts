/**
 * The parts every extractor assembles the same way: the warnings it notes with the lines that show them, the
 * issuing body read from the document's own lines, and the plan with the record lists the layout does not have left
 * empty.
 */
import type { ExtractedPlan, PlanDocument, PlanWarning, SourceSpan } from '../../../src/plan/model.ts';
import { squash, stripMarkup } from '../../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../../loaders/source-document.ts';
import { findIssuingBody } from './entity.ts';

export interface WarningLog {
  readonly warnings: PlanWarning[];
  /** an oddity of the document, with the 0-based lines `from..to` that show it */
  warn(message: string, from?: number, to?: number): void;
  /** the same, with a span already made */
  warnAt(message: string, span?: SourceSpan): void;
}

export function warningLog(doc: SourceDocument): WarningLog {
  const warnings: PlanWarning[] = [];
  const warnAt = (message: string, span?: SourceSpan) =>
    warnings.push(span ? { doc: doc.file, message, span } : { doc: doc.file, message });
  return {
    warnings,
    warnAt,
    warn: (message, from, to) => warnAt(message, from === undefined ? undefined : spanOf(doc, from, to ?? from)),
  };
}

/** The lines as the entity finder reads them: markup gone, whitespace collapsed. */
export const plainLines = (doc: SourceDocument): string[] => doc.lines.map((l) => squash(stripMarkup(l)));

/** The body that issues the document (see entity.ts). */
export const issuingBody = (doc: SourceDocument): string => findIssuingBody(plainLines(doc));

/** A plan from its document record and the record lists the layout reads; the others are empty. */
export function planOf(document: PlanDocument, parts: Partial<Omit<ExtractedPlan, 'document'>>): ExtractedPlan {
  return {
    document,
    structures: parts.structures ?? [],
    objectives: parts.objectives ?? [],
    projects: parts.projects ?? [],
    totals: parts.totals ?? [],
    tables: parts.tables ?? [],
    warnings: parts.warnings ?? [],
  };
}

/**
 * The records with their first code only: a code a document prints twice names one record, and the repeat is noted
 * (`onRepeat`) rather than kept as a second record with the same code.
 */
export function firstByCode<T extends { code: string }>(records: Iterable<T>, onRepeat: (repeat: T) => void): T[] {
  const kept = new Map<string, T>();
  for (const r of records) {
    if (kept.has(r.code)) onRepeat(r);
    else kept.set(r.code, r);
  }
  return [...kept.values()];
}
