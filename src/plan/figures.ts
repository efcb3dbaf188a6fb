import type { DateValue, Figure, Target } from './model.ts';
import { fold, squash } from './text.ts';

const NUMBER = /-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?|-?\d+(?:\.\d+)?/;

/** Parses an Italian-formatted figure (`1.920.000,00`, `20,72 %`, `€ 5.000,00`, `150`) keeping the text as written. */
export function parseFigure(raw: string): Figure {
  const text = squash(raw);
  const m = text.match(NUMBER);
  if (!m) return { text, value: null };
  const n = m[0];
  let normalized: string;
  if (/^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(n)) normalized = n.replace(/\./g, '').replace(',', '.');
  else if (n.includes(',')) normalized = n.replace(',', '.');
  else normalized = n;
  const value = Number(normalized);
  return { text, value: Number.isFinite(value) ? value : null };
}

/** True when the cell holds a figure and nothing else (ignoring %, € and spaces). */
export function isFigure(raw: string): boolean {
  return /^(?:€\s*)?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%?$|^-?\d+(?:,\d+)?\s*%?$/.test(squash(raw));
}

const MONTHS: Record<string, number> = {
  gennaio: 1,
  febbraio: 2,
  marzo: 3,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  agosto: 8,
  settembre: 9,
  ottobre: 10,
  novembre: 11,
  dicembre: 12,
};
export const MONTH_NAMES_IT = Object.keys(MONTHS);

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

/**
 * Reads a date as Italian plans write it: `31/12/2020`, `17/03/18`, `31.12.2023`, `30 settembre 2019`,
 * `Giugno 2021` / `Settembre 2018` (end of that month). Returns null when the text holds no date.
 */
export function parseDate(raw: string): DateValue | null {
  const text = squash(raw);
  const f = fold(text);
  let m = f.match(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = fullYear(Number(m[3]));
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo)) return { text, iso: `${y}-${pad(mo)}-${pad(d)}` };
  }
  m = f.match(
    /\b(\d{1,2})\s+(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+(\d{4})\b/,
  );
  if (m) {
    const mo = MONTHS[m[2]!]!;
    return { text, iso: `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}` };
  }
  m = f.match(
    /\b(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+(\d{4})\b/,
  );
  if (m) {
    const mo = MONTHS[m[1]!]!;
    const y = Number(m[2]);
    return { text, iso: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  }
  return null;
}

/** A target value: a date when it reads as one, otherwise a figure; the text always as written. */
export function parseTarget(raw: string): Target {
  const text = squash(raw);
  const date = parseDate(text);
  if (date?.iso) return { text, value: null, date: date.iso };
  return { text, value: parseFigure(text).value, date: null };
}
