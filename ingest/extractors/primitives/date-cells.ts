/**
 * Dates as cells and running text write them, beyond what `parseDate` reads on its own: abbreviated months
 * (`30 ott 2019`, `15 set. 2024`), a date found inside a flattened row, and a deadline written as a rule ("entro la
 * fine di ogni anno di riferimento") that stands for the end of the year the sheet is about.
 */
import { MONTH_NAMES_IT, parseDate } from '../../../src/plan/figures.ts';
import type { DateValue } from '../../../src/plan/model.ts';
import { squash } from '../../../src/plan/text.ts';

const MONTHS = MONTH_NAMES_IT.join('|');
const MONTH_ABBR = MONTH_NAMES_IT.map((m) => m.slice(0, 3)).join('|');
const ABBR: Record<string, string> = Object.fromEntries(MONTH_NAMES_IT.map((m) => [m.slice(0, 3), m]));
/** `30 settembre 2019`, `30 ott 2019`, `31/12/2020`, and a day and month typed without their slash (`3112/2019`). */
const DATE_SRC = `\\b\\d{1,2}\\s+(?:${MONTHS}|(?:${MONTH_ABBR})\\.?)\\s+\\d{4}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}/\\d{4}\\b`;
const YEAR_END_SRC = `\\bentro\\s+la\\s+fine\\s+d(?:i|ell['’])\\s*(?:ogni\\s+)?anno(?:\\s+di\\s+riferimento)?`;
const YEAR_END = /\bentro\s+la\s+fine\b.*\banno\b/iu;

/** Every date written in a piece of text (global: use with `matchAll`). */
export const DATE_IN_TEXT = new RegExp(DATE_SRC, 'giu');
/** A date, or the year-end rule a deadline cell may hold instead (global: use with `matchAll`). */
export const WHEN_IN_TEXT = new RegExp(`${DATE_SRC}|${YEAR_END_SRC}`, 'giu');

/**
 * A deadline cell as a date: an abbreviated month is read as the full month, and the year-end rule as 31 December
 * of `year` when the caller knows it. The text stays as written; iso is null when the cell is no date.
 */
export function readDateCell(raw: string, year: number | undefined): DateValue {
  const text = squash(raw);
  const expanded = text.replace(
    new RegExp(`\\b(${MONTH_ABBR})\\.?(?=\\s+\\d{4})`, 'iu'),
    (a: string) => ABBR[a.slice(0, 3).toLowerCase()] ?? a,
  );
  const parsed = parseDate(expanded);
  if (parsed?.iso) return { text, iso: parsed.iso };
  if (year && YEAR_END.test(text)) return { text, iso: `${year}-12-31` };
  return { text, iso: null };
}
