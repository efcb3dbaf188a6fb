/**
 * Turns text (a chunk or a question) into the terms both the keyword index and the local embedder see:
 * accent-folded, stemmed content words, whole codes as plans write them, and normalized dates.
 * Index and queries go through this one function, so they always agree.
 */
import { fold, stripMarkup } from '../plan/text.ts';
import { stemItalian } from './italian-stem.ts';
import { STOPWORDS } from './stopwords.ts';

export interface Analyzed {
  /** stemmed content words in reading order (stopwords and 1–2 digit numbers removed) */
  words: string[];
  /** the same words before stemming, for character n-grams */
  surface: string[];
  /** codes and dates as normalized whole tokens: `2021_pd_8735`, `04.03.01.02`, `vi-1`, `2020-pl09`, `31/12/2023` */
  codes: string[];
}

const DATE = /(?<![\d./])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d|[./]\d)/g;
const UNDERSCORE_CODE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g;
const DOTTED_CODE = /\b\d{2}(?:\.\d{2}){1,3}\b(?!\.\d)/g;
const ROMAN_CODE = /\b([ivxl]{1,5})\s*-\s*(\d{1,2})\b/g;
const YEAR_CODE = /\b(\d{4})-([a-z]{1,3}\d{1,3})\b/g;

/**
 * Markup removed without gluing words: `ordinario**2021_OB_8721_1**` reads `ordinario 2021_OB_8721_1`
 * (stripMarkup alone would join them into one word).
 */
export function plainText(s: string): string {
  return stripMarkup(s.replace(/(\S)\*\*(?=[^\s*])/g, '$1 **'));
}

/** A code as the index stores it: folded, spaces around hyphens removed (`VI - 1` → `vi-1`). */
export function normalizeCode(code: string): string {
  return fold(code)
    .trim()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
}

/** `31.12.2023`, `31/12/23` → `31/12/2023` (days and months zero-padded). */
function normalizeDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const year = y.length === 2 ? `20${y}` : y;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export function analyze(text: string): Analyzed {
  let t = fold(plainText(text));
  const codes: string[] = [];

  t = t.replace(DATE, (whole, d: string, m: string, y: string) => {
    const date = normalizeDate(d, m, y);
    if (!date) return whole;
    codes.push(date);
    return ` ${date.slice(6)} `;
  });
  for (const m of t.matchAll(UNDERSCORE_CODE)) codes.push(m[0]);
  for (const m of t.matchAll(DOTTED_CODE)) codes.push(m[0]);
  for (const m of t.matchAll(ROMAN_CODE)) codes.push(`${m[1]}-${m[2]}`);
  for (const m of t.matchAll(YEAR_CODE)) codes.push(`${m[1]}-${m[2]}`);

  const words: string[] = [];
  const surface: string[] = [];
  for (const raw of t.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    if (/^\d+$/.test(raw)) {
      if (raw.length < 3) continue;
      words.push(raw);
      surface.push(raw);
      continue;
    }
    words.push(/\d/.test(raw) ? raw : stemItalian(raw));
    surface.push(raw);
  }
  return { words, surface, codes };
}

/** Word pairs as order-free terms, so `Maura Meschi` and `Meschi Maura` meet. */
export function wordPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    pairs.push(a < b ? `${a}+${b}` : `${b}+${a}`);
  }
  return pairs;
}
