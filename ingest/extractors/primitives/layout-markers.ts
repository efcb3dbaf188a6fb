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

/** per document: every extractor's `detect` asks for the same text, and it is the whole document folded */
const markerTexts = new WeakMap<SourceDocument, string>();

/** The text markers are matched on: bold marks and tags gone, accents folded, lower case, single spaces. */
export function markerText(doc: SourceDocument): string {
  let text = markerTexts.get(doc);
  if (text === undefined) {
    text = squash(fold(stripMarkup(doc.text.replace(/\*\*/g, ' '))));
    markerTexts.set(doc, text);
  }
  return text;
}

/** each marker's pattern without its `g` flag (a global pattern's `test` would carry its position over) */
const firstMatchers = new WeakMap<RegExp, RegExp>();

function firstMatcher(re: RegExp): RegExp {
  let first = firstMatchers.get(re);
  if (!first) {
    first = new RegExp(re.source, re.flags.replace('g', ''));
    firstMatchers.set(re, first);
  }
  return first;
}

const found = (text: string, re: RegExp, min: number): boolean =>
  min <= 1 ? firstMatcher(re).test(text) : (text.match(re)?.length ?? 0) >= min;

/** The sum of the weights of the markers found, at most 1, rounded to hundredths. */
export function markerScore(text: string, markers: readonly LayoutMarker[]): number {
  let score = 0;
  for (const m of markers) {
    const all = Array.isArray(m.re) ? m.re : [m.re as RegExp];
    if (all.every((re) => found(text, re, m.min ?? 1))) score += m.weight ?? 1 / markers.length;
  }
  return Math.min(1, Math.round(score * 100) / 100);
}
