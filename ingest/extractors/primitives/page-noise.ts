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
 * stacked label (`Peso:` / `40`), whose value it is, and — where the PDF tells the page of each line — when it sits
 * at the top or the bottom of its page: in the middle of one it is a cell (a weight an office PDF wrote on its own
 * line after the title).
 */
export function pageNoiseLines(lines: readonly string[], pageOfLine?: readonly number[] | null): Set<number> {
  const out = new Set<number>();
  let previous = '';
  const edge = pageOfLine ? pageEdges(lines, pageOfLine) : null;
  const marks = new Set<number>();
  lines.forEach((l, i) => {
    if (isPageNoise(l)) marks.add(i);
    if (isPageNoise(l) || (BARE_NUMBER.test(l) && !stackedLabel(previous) && (!edge || edge.has(i)))) out.add(i);
    if (l.trim() !== '') previous = l;
  });
  for (const i of runningLines(lines, out, marks)) out.add(i);
  return out;
}

/** the lines a page number can take: the first two and the last two non-blank lines of every page */
const EDGE_LINES = 2;

function pageEdges(lines: readonly string[], pageOfLine: readonly number[]): Set<number> {
  const byPage = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    const page = pageOfLine[i] ?? 0;
    byPage.set(page, [...(byPage.get(page) ?? []), i]);
  });
  const out = new Set<number>();
  for (const at of byPage.values()) for (const i of [...at.slice(0, EDGE_LINES), ...at.slice(-EDGE_LINES)]) out.add(i);
  return out;
}

const key = (l: string) => l.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A running header or footer with no page number ("Comune di X   Piano della Performance 2024"): a line written
 * again elsewhere that sits next to a page number (or up to two lines further, a footer PDF split over lines). A line
 * of four words or more needs one such copy; a shorter one ("PEG 2024", "Comune di X –") two. Its every copy is
 * noise. Labels are never running lines, however often a plan repeats them.
 */
function runningLines(lines: readonly string[], pages: ReadonlySet<number>, marks: ReadonlySet<number>): number[] {
  const copies = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const k = key(l);
    if (k.split(' ').length >= 2 && /\p{L}{3}/u.test(k)) copies.set(k, [...(copies.get(k) ?? []), i]);
  });
  const neighbours = (from: number, step: number) => {
    const out: number[] = [];
    for (let j = from + step; j >= 0 && j < lines.length && out.length < 3; j += step) {
      if (pages.has(j)) break;
      if (lines[j]!.trim() !== '') out.push(j);
    }
    return out;
  };
  const beside = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const n of [...neighbours(p, -1), ...neighbours(p, 1)]) {
      const k = key(lines[n]!);
      const same = copies.get(k) ?? [];
      if (same.length < 2 || stackedLabel(lines[n]!) || labelAt(lines[n]!.trim(), 0)) continue;
      beside.set(k, (beside.get(k) ?? new Set()).add(n));
    }
  }
  const out: number[] = [];
  for (const [k, at] of beside) {
    const words = k.split(' ').length;
    const near = [...at].filter((n) => isNextTo(lines, n, pages)).length;
    // a short line only beside a page mark in words ("Pagina 3 di 11"): a bare number may be a table's cell
    const marked = [...at].filter((n) => [-1, 1].some((step) => neighbours(n, step).some((j) => marks.has(j))));
    if ((words >= 4 && near >= 1) || new Set(marked).size >= 2) out.push(...copies.get(k)!);
  }
  return out;
}

/** Whether line `n` is the first non-blank line before or after a page number. */
function isNextTo(lines: readonly string[], n: number, pages: ReadonlySet<number>): boolean {
  for (const step of [-1, 1]) {
    for (let j = n + step; j >= 0 && j < lines.length; j += step) {
      if (lines[j]!.trim() === '') continue;
      if (pages.has(j)) return true;
      break;
    }
  }
  return false;
}
