/**
 * A target written at the end of an indicator's text once a row has lost its cell boundaries ("Pratiche evase
 * entro i termini 95%", "Approvazione del regolamento 30 giugno 2025"): a date or a figure closes the row.
 */
import { MONTH_NAMES_IT } from '../../../src/plan/figures.ts';
import { squash } from '../../../src/plan/text.ts';

const MONTH = `(?:${MONTH_NAMES_IT.join('|')})`;
const TRAILING_TARGET = new RegExp(
  `(?:^|\\s)(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{4}|\\d[\\d.,]*\\s*%?)$`,
  'iu',
);

/** Splits the trailing date or figure off a row's text; `head` is the rest, possibly empty. */
export function splitTrailingTarget(text: string): { head: string; target?: string } {
  const t = squash(text);
  const m = t.match(TRAILING_TARGET);
  if (!m || m.index === undefined) return { head: t };
  return { head: t.slice(0, m.index).trim(), target: squash(m[1]!) };
}
