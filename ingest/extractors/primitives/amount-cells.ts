/**
 * Amount cells of budget tables written the Italian way (`1.920.000,00`, `20,72 %`): telling a money figure from the
 * text around it, splitting a row's trailing amounts and share off its label, and placing amounts in their columns
 * when the text no longer says which column a lone amount sat in (a PDF rendering drops blank cells), by the column
 * totals the table states.
 */
import { parseFigure } from '../../../src/plan/figures.ts';

const MONEY = /^-?\d{1,3}(?:\.\d{3})*,\d{2}$/;

export const isMoney = (token: string): boolean => MONEY.test(token);

/** A piece of text made only of figures and percent signs: a wrapped tail of a table row. */
export const isFiguresOnly = (text: string): boolean => /^[\d.,%\s]+$/.test(text) && /[\d%]/.test(text);

/** Splits the trailing money figures off a row's text: `CAP … 3 140.033,52` → head `CAP … 3`, amounts [140.033,52]. */
export function splitTrailingAmounts(text: string): { head: string; amounts: string[] } {
  const tokens = text.split(' ').filter(Boolean);
  const amounts: string[] = [];
  while (tokens.length > 0 && isMoney(tokens[tokens.length - 1]!)) amounts.unshift(tokens.pop()!);
  return { head: tokens.join(' '), amounts };
}

/** Splits a summary row's tail into budget and share: `… 1.920.000,00 20,72 %` → {1.920.000,00, 20,72 %}. */
export function splitBudgetAndShare(text: string): { head: string; budget: string | null; share: string | null } {
  const tokens = text.split(' ').filter(Boolean);
  let share: string | null = null;
  const last = tokens[tokens.length - 1];
  if (last === '%' && tokens.length >= 2 && isMoney(tokens[tokens.length - 2]!)) {
    share = `${tokens[tokens.length - 2]} %`;
    tokens.splice(-2, 2);
  } else if (last && /^\d{1,3}(?:\.\d{3})*,\d+%$/.test(last)) {
    share = last;
    tokens.pop();
  }
  let budget: string | null = null;
  if (tokens.length > 0 && isMoney(tokens[tokens.length - 1]!)) budget = tokens.pop()!;
  return { head: tokens.join(' '), budget, share };
}

const cents = (text: string): number => Math.round((parseFigure(text).value ?? 0) * 100);

export interface AmountRow {
  /** amounts by column when the source tells the column (tab cells), else null */
  placed: (string | null)[] | null;
  /** amounts in reading order */
  amounts: string[];
}

export interface Placement {
  columns: (string | null)[][];
  /** false when no placement reproduces the Totale row: the columns of lone amounts are a best guess */
  exact: boolean;
}

/**
 * Places every row's amounts in the table's columns. Tab cells tell the column directly; a row with as many amounts
 * as columns fills them in order. A row with a single amount is placed by the order of the table — capitoli run
 * sorted, entrate before spese, correnti before investimenti — choosing the split that makes each column add up to
 * its Totale.
 */
export function placeAmounts(rows: AmountRow[], columnCount: number, totals: (string | null)[]): Placement {
  const fixed = rows.map((r): (string | null)[] | null => {
    if (r.placed && r.placed.length === columnCount) return r.placed;
    if (r.amounts.length === columnCount) return [...r.amounts];
    if (r.amounts.length === 0) return Array<string | null>(columnCount).fill(null);
    if (columnCount === 1) return [r.amounts[0] ?? null];
    return null;
  });
  const loose = rows.map((_, i) => i).filter((i) => fixed[i] === null);
  const target = Array.from({ length: columnCount }, (_, c) => (totals[c] ? cents(totals[c]!) : null));
  const base = Array<number>(columnCount).fill(0);
  for (const cols of fixed) {
    cols?.forEach((a, c) => {
      base[c]! += a ? cents(a) : 0;
    });
  }

  let best: number[] = loose.map(() => 0);
  let bestError = Number.POSITIVE_INFINITY;
  let budget = 50_000;
  const choice: number[] = [];
  const explore = (k: number, minColumn: number, sums: number[]): void => {
    if (bestError === 0 || budget-- <= 0) return;
    if (k === loose.length) {
      const error = sums.reduce((e, s, c) => e + (target[c] === null ? 0 : Math.abs(s - target[c]!)), 0);
      if (error < bestError) {
        bestError = error;
        best = [...choice];
      }
      return;
    }
    const row = rows[loose[k]!]!;
    for (let c = minColumn; c + row.amounts.length <= columnCount; c++) {
      const next = [...sums];
      row.amounts.forEach((a, j) => {
        next[c + j]! += cents(a);
      });
      choice.push(c);
      explore(k + 1, c, next);
      choice.pop();
    }
  };
  explore(0, 0, base);

  const columns = rows.map((r, i) => {
    const f = fixed[i];
    if (f) return f;
    const start = best[loose.indexOf(i)] ?? 0;
    const cols = Array<string | null>(columnCount).fill(null);
    r.amounts.forEach((a, j) => {
      if (start + j < columnCount) cols[start + j] = a;
    });
    return cols;
  });
  return { columns, exact: loose.length === 0 || bestError === 0 };
}
