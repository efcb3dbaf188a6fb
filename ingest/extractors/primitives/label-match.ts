/**
 * Finds a label of the lexicon at a position of a line. Matching is on the accent-folded text, which keeps the
 * line's length, so a match's offsets cut the original text.
 */
import { fold } from '../../../src/plan/text.ts';
import { type Field, type LabelPack, LEXICON } from './label-lexicon.ts';

export interface LabelMatch {
  field: Field;
  /** the label as written in the line */
  label: string;
  start: number;
  /** offset just past the label */
  end: number;
}

const foldedChars = new Map<string, string>();

/** Folds one character at a time, so offsets in the folded text are offsets in the original. */
export function foldKeepingOffsets(s: string): string {
  // plain ASCII needs no folding beyond lower case
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of s) {
    let f = foldedChars.get(c);
    if (f === undefined) {
      const folded = fold(c);
      f = folded.length === c.length ? folded : c.length === 1 ? (folded[0] ?? c) : c;
      foldedChars.set(c, f);
    }
    out += f;
  }
  return out;
}

interface Entry {
  field: Field;
  folded: string;
}

const cache = new WeakMap<LabelPack, Map<string, Entry[]>>();

/** The pack's labels by first letter, longest first, so that "valore atteso" is tried before "valore". */
function entriesOf(pack: LabelPack, first: string): Entry[] {
  let byFirst = cache.get(pack);
  if (!byFirst) {
    byFirst = new Map();
    const all = Object.entries(pack.labels)
      .flatMap(([field, labels]) => labels.map((folded) => ({ field: field as Field, folded })))
      .sort((a, b) => b.folded.length - a.folded.length);
    for (const e of all) byFirst.set(e.folded[0]!, [...(byFirst.get(e.folded[0]!) ?? []), e]);
    cache.set(pack, byFirst);
  }
  return byFirst.get(first) ?? [];
}

/** The last line folded, kept: readers ask for labels at many positions of one line in a row. */
let lastLine = '';
let lastFolded = '';
function foldedOf(line: string): string {
  if (line !== lastLine) {
    lastLine = line;
    lastFolded = foldKeepingOffsets(line).toLowerCase();
  }
  return lastFolded;
}

const WORD = /[\p{L}\p{N}]/u;

/** Every label starting exactly at `start` and ending on a word boundary, longest first. */
export function labelsAt(line: string, start = 0, pack: LabelPack = LEXICON): LabelMatch[] {
  const folded = foldedOf(line);
  // a label is a label only at a word start
  if (start > 0 && WORD.test(folded[start - 1]!)) return [];
  const out: LabelMatch[] = [];
  const first = folded[start];
  if (first === undefined) return out;
  for (const e of entriesOf(pack, first)) {
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
export function labelAt(line: string, start = 0, pack: LabelPack = LEXICON): LabelMatch | null {
  return labelsAt(line, start, pack)[0] ?? null;
}

/** Whether a short text is nothing but a label (with an optional colon): a stacked label line or a header cell. */
export function wholeLabel(text: string, pack: LabelPack = LEXICON): LabelMatch | null {
  const t = text.trim().replace(/\s*[:.]?\s*$/, '');
  const m = labelAt(t, 0, pack);
  if (m && m.end === t.length) return m;
  // "Peso %", "Obiettivo operativo": a label and qualifiers
  if (m) {
    const rest = foldKeepingOffsets(t.slice(m.end)).toLowerCase().trim().split(/\s+/);
    // and the number of a repeated field ("Indicatore 1")
    if (
      rest.every(
        (w, i) =>
          pack.headerQualifiers.includes(w) ||
          /^(?:19|20)\d\d$/.test(w) ||
          (i === rest.length - 1 && /^\d{1,2}$/.test(w)),
      )
    )
      return m;
  }
  return null;
}
