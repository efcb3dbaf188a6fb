/**
 * Finds a label of the lexicon at a position of a line. Matching is on the accent-folded text, which keeps the
 * line's length, so a match's offsets cut the original text.
 */
import { fold } from '../../../src/plan/text.ts';
import { type Field, ITALIAN, type LabelPack } from './label-lexicon.ts';

export interface LabelMatch {
  field: Field;
  /** the label as written in the line */
  label: string;
  start: number;
  /** offset just past the label */
  end: number;
}

/** Folds one UTF-16 unit at a time, so offsets in the folded text are offsets in the original. */
export function foldKeepingOffsets(s: string): string {
  let out = '';
  for (const c of s) {
    const f = fold(c);
    out += f.length === c.length ? f : c.length === 1 ? (f[0] ?? c) : c;
  }
  return out;
}

interface Entry {
  field: Field;
  folded: string;
}

const cache = new WeakMap<LabelPack, Entry[]>();

/** The pack's labels, longest first, so that "valore atteso" is tried before "valore". */
function entriesOf(pack: LabelPack): Entry[] {
  let entries = cache.get(pack);
  if (!entries) {
    entries = Object.entries(pack.labels)
      .flatMap(([field, labels]) => labels.map((folded) => ({ field: field as Field, folded })))
      .sort((a, b) => b.folded.length - a.folded.length);
    cache.set(pack, entries);
  }
  return entries;
}

const WORD = /[\p{L}\p{N}]/u;

/** Every label starting exactly at `start` and ending on a word boundary, longest first. */
export function labelsAt(line: string, start = 0, pack: LabelPack = ITALIAN): LabelMatch[] {
  const folded = foldKeepingOffsets(line).toLowerCase();
  // a label is a label only at a word start
  if (start > 0 && WORD.test(folded[start - 1]!)) return [];
  const out: LabelMatch[] = [];
  for (const e of entriesOf(pack)) {
    if (!folded.startsWith(e.folded, start)) continue;
    const end = start + e.folded.length;
    const next = folded[end];
    // "area" must not match "areale"; a label ending in a dot ("cod.") is its own boundary
    if (next !== undefined && WORD.test(next) && WORD.test(e.folded.at(-1)!)) continue;
    out.push({ field: e.field, label: line.slice(start, end), start, end });
  }
  return out;
}

/** The longest label starting exactly at `start`; null when none does. */
export function labelAt(line: string, start = 0, pack: LabelPack = ITALIAN): LabelMatch | null {
  return labelsAt(line, start, pack)[0] ?? null;
}

/** Whether a short text is nothing but a label (with an optional colon): a stacked label line or a header cell. */
export function wholeLabel(text: string, pack: LabelPack = ITALIAN): LabelMatch | null {
  const t = text.trim().replace(/\s*[:.]?\s*$/, '');
  const m = labelAt(t, 0, pack);
  if (m && m.end === t.length) return m;
  // "Peso %", "Obiettivo operativo": a label and qualifiers
  if (m) {
    const rest = foldKeepingOffsets(t.slice(m.end)).toLowerCase().trim().split(/\s+/);
    if (rest.every((w) => pack.headerQualifiers.includes(w) || /^(?:19|20)\d\d$/.test(w))) return m;
  }
  return null;
}
