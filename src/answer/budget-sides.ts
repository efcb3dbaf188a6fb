/**
 * "differenza tra spese ed entrate correnti di X": the two sides of a project's budget table set against each other,
 * from the totals the table states, the difference said to be computed and both figures quoted as written.
 */
import { PACKS, packFor } from '../lang/packs.ts';
import type { Figure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { formatAmount } from '../query/format-number.ts';
import { sideOf } from './asked-columns.ts';
import type { Lang } from './labels.ts';

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
const DIFFERENCE = LEXICONS.flatMap((l) => l.difference);
const SET_AGAINST = LEXICONS.flatMap((l) => [...l.compare, ...l.more, ...l.less, ...(l.than ?? [])]);

/** One side's total: the stated totals of its columns added (one column: its own figure). */
function sideTotal(columns: string[], totals: Record<string, Figure>): { value: number; text: string } | null {
  const figures = columns.map((c) => totals[c]).filter((f): f is Figure => !!f && f.value !== null);
  if (!figures.length || figures.length !== columns.length) return null;
  const value = figures.reduce((a, f) => a + f.value!, 0);
  return { value, text: figures.length === 1 ? figures[0]!.text : formatAmount(value) };
}

/** The difference line, or null when the question asks no difference or the picked columns are on one side only. */
export function sidesDifference(
  picked: string[],
  totals: Record<string, Figure>,
  question: string,
  lang: Lang,
): string | null {
  const pack = packFor(lang);
  const q = ` ${fold(question)} `;
  // "differenza", "di quanto", and a comparison of the two sides ("entrate contro spese", "spend more than it takes in"),
  // in any pack's words: a question mixing languages ("grave emarginazione, revenue versus expense") is read whole
  const words = ` ${q.replace(/[^a-z0-9]+/g, ' ')} `;
  if (!DIFFERENCE.some((w) => q.includes(w)) && !SET_AGAINST.some((w) => words.includes(` ${w.trim()} `))) return null;
  const revenue = sideTotal(
    picked.filter((c) => sideOf(c) === 'revenue'),
    totals,
  );
  const expense = sideTotal(
    picked.filter((c) => sideOf(c) === 'expense'),
    totals,
  );
  if (!revenue || !expense) return null;
  const revenueLabel = picked.filter((c) => sideOf(c) === 'revenue').join(' + ');
  const expenseLabel = picked.filter((c) => sideOf(c) === 'expense').join(' + ');
  return pack.messages.project.sidesDifference(
    expenseLabel,
    expense.text,
    revenueLabel,
    revenue.text,
    formatAmount(expense.value - revenue.value),
  );
}
