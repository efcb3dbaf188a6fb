/**
 * How sure a layout-specific extractor is that a document is its own, as data: the phrases (and codes) its template
 * prints, each with the confidence it adds. Matching is on the document's text with markup removed, accents folded,
 * lower-cased and whitespace collapsed, so the .txt and the PDF rendering of one document score alike.
 */
import { fold, squash, stripMarkup } from '../../../src/plan/text.ts';
import type { SourceDocument } from '../../loaders/source-document.ts';

export interface LayoutMarker {
  /** a phrase of the template, on folded text; several: all must be found */
  re: RegExp | readonly RegExp[];
  /** the confidence it adds (default: an equal share of 1 among the profile's markers) */
  weight?: number;
  /** how many times it must occur (default 1; counting needs a global `re`) */
  min?: number;
}

/** The text markers are matched on: bold marks and tags gone, accents folded, lower case, single spaces. */
export function markerText(doc: SourceDocument): string {
  return squash(fold(stripMarkup(doc.text.replace(/\*\*/g, ' '))));
}

const found = (text: string, re: RegExp, min: number): boolean =>
  min <= 1 ? new RegExp(re.source, re.flags.replace('g', '')).test(text) : (text.match(re)?.length ?? 0) >= min;

/** The sum of the weights of the markers found, at most 1, rounded to hundredths. */
export function markerScore(text: string, markers: readonly LayoutMarker[]): number {
  let score = 0;
  for (const m of markers) {
    const all = Array.isArray(m.re) ? m.re : [m.re as RegExp];
    if (all.every((re) => found(text, re, m.min ?? 1))) score += m.weight ?? 1 / markers.length;
  }
  return Math.min(1, Math.round(score * 100) / 100);
}
