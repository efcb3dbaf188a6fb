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
  const q = `${fold(question).replace(/[^a-z0-9]+/g, ' ')} `;
  const kinds = new Set<ColumnKind>();
  for (const c of COLUMNS) if (c.asked.some((w) => startsWord(q, w))) kinds.add(c.kind);
  return [...kinds];
}

/** Kinds that name a column by its header (a budget table's); the rest pick a field of a record (levels). */
const labelled = (kind: ColumnKind) => COLUMNS.some((c) => c.kind === kind && c.labels.length > 0);

/** The two sides of a budget table: a question naming both ("entrate contro spese") asks for both columns. */
const SIDES: readonly ColumnKind[] = ['revenue', 'expense'];

const carries = (label: string, kind: ColumnKind) =>
  COLUMNS.some((c) => c.kind === kind && c.labels.some((w) => startsWord(fold(label), w)));

/**
 * Whether `label` is a column the asked kinds name: one of the asked sides (revenue / expense), and one of the asked
 * parts (current / investment) — each group an alternative, so "entrate correnti e spese correnti" picks both
 * current columns and "spese per investimenti" only the investment spending.
 */
function fits(label: string, asked: ColumnKind[]): boolean {
  const sides = asked.filter((k) => SIDES.includes(k));
  const parts = asked.filter((k) => !SIDES.includes(k));
  return (
    (!sides.length || sides.some((k) => carries(label, k))) && (!parts.length || parts.some((k) => carries(label, k)))
  );
}

/**
 * The headers among `labels` the labelled kinds asked name; [] when the question asks for such a column and the
 * table has none (the caller says it is absent), null when it asks for no labelled column.
 */
export function pickColumns(labels: string[], kinds: ColumnKind[]): string[] | null {
  const asked = kinds.filter(labelled);
  if (!asked.length) return null;
  return labels.filter((label) => fits(label, asked));
}

/** The sides asked ("entrate" and "spese") that no header of the table carries: said to be absent beside the rest. */
export function missingSides(labels: string[], kinds: ColumnKind[]): ColumnKind[] {
  const asked = kinds.filter(labelled);
  const parts = asked.filter((k) => !SIDES.includes(k));
  return asked.filter((k) => SIDES.includes(k)).filter((side) => !labels.some((l) => fits(l, [side, ...parts])));
}

/** Which side of the table a header is on (null: neither word), for a difference between the two sides. */
export function sideOf(label: string): ColumnKind | null {
  return SIDES.find((k) => carries(label, k)) ?? null;
}

/** The kinds that pick an indicator's level rather than a budget column. */
export const isLevel = (kind: ColumnKind) => kind === 'intermediate' || kind === 'final';
