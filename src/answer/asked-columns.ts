/**
 * Which column of a record's table the question asks for: the revenue or the expense side of a budget table, its
 * current or investment part, an indicator's intermediate or final level. The words are the language packs'
 * `columns`; the labels are the plan's own column headers, so a plan that writes "Uscite" picks the same way.
 */
import type { ColumnKind } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';

const COLUMNS = Object.values(PACKS).flatMap((p) => p.lexicon.columns ?? []);

/** true when `word` (a folded prefix, possibly of two words) starts a word of the folded text */
const startsWord = (text: string, word: string) => {
  let i = text.indexOf(word);
  while (i >= 0) {
    if (i === 0 || !/[a-z0-9]/.test(text[i - 1]!)) return true;
    i = text.indexOf(word, i + 1);
  }
  return false;
};

/** The column kinds the question names, in the order of the packs' lists. */
export function askedColumnKinds(question: string): ColumnKind[] {
  const q = fold(question).replace(/['’]/g, ' ');
  const kinds = new Set<ColumnKind>();
  for (const c of COLUMNS) if (c.asked.some((w) => startsWord(q, w))) kinds.add(c.kind);
  return [...kinds];
}

/** Kinds that name a column by its header (a budget table's); the rest pick a field of a record (levels). */
const labelled = (kind: ColumnKind) => COLUMNS.some((c) => c.kind === kind && c.labels.length > 0);

/**
 * The headers among `labels` that carry a label word of every labelled kind asked; [] when the question asks for
 * such a column and the table has none (the caller says it is absent), null when it asks for no labelled column.
 */
export function pickColumns(labels: string[], kinds: ColumnKind[]): string[] | null {
  const asked = kinds.filter(labelled);
  if (!asked.length) return null;
  return labels.filter((label) => {
    const l = fold(label);
    return asked.every((k) => COLUMNS.some((c) => c.kind === k && c.labels.some((w) => startsWord(l, w))));
  });
}

/** The kinds that pick an indicator's level rather than a budget column. */
export const isLevel = (kind: ColumnKind) => kind === 'intermediate' || kind === 'final';
