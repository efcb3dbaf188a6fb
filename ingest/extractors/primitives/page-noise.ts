/**
 * Page furniture PDF text leaves between the records: page numbers (`Pag. 2 di 3`, `- 7 -`, `pagina 14`, `3/12`)
 * and the running header or footer they sit on. Readers skip these lines so that a table or a stacked value does
 * not run across a page break into them.
 */

const DASHED_PAGE = /^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/;
const BARE_NUMBER = /^\s*\d{1,4}\s*$|^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/;

import { labelAt } from './label-match.ts';
import { stackedLabel } from './label-values.ts';

const PAGE_MARK = /(?:^|\s)(?:pag\.?|pagina|page|p\.)\s*\d{1,4}(?:\s*(?:di|of|\/)\s*\d{1,4})?\s*$/i;
const TRAILING_FRACTION = /\s{2,}\d{1,4}\s*\/\s*\d{1,4}\s*$/;

/** Whether a line is a page number, or a running header/footer ending in one. */
export function isPageNoise(line: string): boolean {
  const t = line.replace(/\t/g, '   ');
  if (t.trim() === '') return false;
  return DASHED_PAGE.test(t) || PAGE_MARK.test(t) || TRAILING_FRACTION.test(t);
}

/**
 * 0-based indexes of the noise lines of a document. A bare number is a page number only when it does not follow a
 * stacked label (`Peso:` / `40`), whose value it is.
 */
export function pageNoiseLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  let previous = '';
  lines.forEach((l, i) => {
    if (isPageNoise(l) || (BARE_NUMBER.test(l) && !stackedLabel(previous))) out.add(i);
    if (l.trim() !== '') previous = l;
  });
  for (const i of runningLines(lines, out)) out.add(i);
  return out;
}

const key = (l: string) => l.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A running header or footer with no page number ("Comune di X   Piano della Performance 2024"): a line of four
 * words or more, written again elsewhere, that sits next to a page number at least once. Its every copy is noise.
 * Labels are never running lines, however often a plan repeats them.
 */
function runningLines(lines: readonly string[], pages: ReadonlySet<number>): number[] {
  const copies = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const k = key(l);
    if (k.split(' ').length >= 4 && /\p{L}{3}/u.test(k)) copies.set(k, [...(copies.get(k) ?? []), i]);
  });
  const neighbour = (from: number, step: number) => {
    for (let j = from + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim() !== '') return j;
    return -1;
  };
  const out: number[] = [];
  for (const p of pages) {
    for (const n of [neighbour(p, -1), neighbour(p, 1)]) {
      if (n < 0 || pages.has(n)) continue;
      const same = copies.get(key(lines[n]!)) ?? [];
      if (same.length < 2 || stackedLabel(lines[n]!) || labelAt(lines[n]!.trim(), 0)) continue;
      out.push(...same);
    }
  }
  return out;
}
