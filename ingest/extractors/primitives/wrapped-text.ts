/**
 * Text a PDF or a narrow table column wrapped over several lines, put back together. Readers collect the pieces of
 * one cell or paragraph and join them here, so that every layout heals a line break the same way.
 */
import { squash, stripMarkup } from '../../../src/plan/text.ts';

/**
 * Whether `next` continues the last word of `sofar` with no space between: a line that opens with punctuation
 * ("5" + ". Apertura"), a break after a slash (`interesse/` + `soddisfazione`), or a word hyphenated at the line
 * end (`socio-` + `assistenziale`; before a capital, as in `Toscana-` + `Mantenere`, the hyphen is a dash).
 */
function glues(sofar: string, next: string): boolean {
  return /^[.,;:]/.test(next) || sofar.endsWith('/') || (/\p{L}-$/u.test(sofar) && /^\p{Ll}/u.test(next));
}

/** Joins the pieces of one wrapped cell or paragraph; blank pieces are skipped and spaces squashed. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    const p = squash(part);
    if (!p) continue;
    out = !out ? p : glues(out, p) ? out + p : `${out} ${p}`;
  }
  return out;
}

/** The cells of a tab-separated line, markup removed and blanks kept (a blank cell still holds its column). */
export function tabCells(line: string): string[] {
  return line.split('\t').map((c) => squash(stripMarkup(c)));
}
