/**
 * The cell of a plan's data table a question names: "quante donne di categoria D?", "assunti nel 2022",
 * "uomini full time". The tables are the model's own (`DataTable`: a header, rows with a label and cells), read at
 * ingest from the tables a plan writes in its text (headcount by category, hires by year); a question names a cell
 * by the words of its row label and its column header, and the figure is quoted as the table writes it
 * ("28 di cui 1 a T.D"). A row or column left unnamed is the table's total one ("Tot.", "Totale complessivo").
 * Words are matched by their common start, as plans abbreviate headers ("Cat. D" for "categoria D") and questions
 * inflect them ("uomini" for "Uomo", "assunte" for "Assunti").
 */
import { PACKS } from '../lang/packs.ts';
import type { DataTable } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import { translateQuery } from './translate-query.ts';

const TOTAL_WORDS = [...new Set(Object.values(PACKS).flatMap((p) => p.lexicon.totalLabels ?? []))];

export const tokensOf = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const isNumber = (t: string) => /^\d+$/.test(t);

/** A label's words that must be named: stopwords dropped (single letters kept: "Cat. D" is told by its "D"). */
const labelWords = (label: string) => tokensOf(label).filter((t) => t.length === 1 || !STOPWORDS.has(t));

/** a total row or column: its first word is a total word ("Tot.", "Totale per anno", "Total") */
export const isTotalLabel = (label: string) => {
  const first = tokensOf(label)[0];
  return !!first && TOTAL_WORDS.some((w) => first.startsWith(w));
};

/** The shortest common start two words need to be the same word inflected or abbreviated. */
function sameWord(label: string, asked: string): boolean {
  if (isNumber(label) || label.length === 1) return label === asked;
  if (isNumber(asked)) return false;
  let n = 0;
  while (n < label.length && n < asked.length && label[n] === asked[n]) n++;
  // "cat" / "categoria": an abbreviation is the other word's whole start; "uomo" / "uomini": all but a short ending
  return n >= 3 && (n === label.length || n >= Math.min(label.length, asked.length) - 2);
}

export interface LabelMatch {
  /** every word of the label is named by the question */
  named: boolean;
  /** named words that are not numbers (a year alone names too little: many questions carry one) */
  strong: number;
  weak: number;
}

/**
 * The labels matched against the last question asked, each once: a thousand plans' copies of a table repeat its
 * labels, and every copy is read (the matches depend on the label and the question's words alone).
 */
let matchedFor: string[] | null = null;
let matched = new Map<string, LabelMatch>();
function matchLabel(label: string, asked: string[]): LabelMatch {
  if (asked !== matchedFor) {
    matchedFor = asked;
    matched = new Map();
  }
  let m = matched.get(label);
  if (!m) {
    m = matchLabelOnce(label, asked);
    matched.set(label, m);
  }
  return m;
}

export function matchLabelOnce(label: string, asked: string[]): LabelMatch {
  const words = labelWords(label);
  if (!words.length) return { named: false, strong: 0, weak: 0 };
  let strong = 0;
  let weak = 0;
  for (const w of words) {
    if (!asked.some((a) => sameWord(w, a))) return { named: false, strong: 0, weak: 0 };
    if (isNumber(w)) weak++;
    else strong++;
  }
  return { named: true, strong, weak };
}

/** The one label the question names best (ties: none), or the total one when it names none; null otherwise. */
function pick(labels: string[], asked: string[]): { index: number; match: LabelMatch | null } | null {
  const scored = labels.map((l, index) => ({ index, m: isTotalLabel(l) ? null : matchLabel(l, asked) }));
  const named = scored.filter((s) => s.m?.named);
  if (named.length) {
    const score = (m: LabelMatch) => m.strong * 2 + m.weak;
    const best = Math.max(...named.map((s) => score(s.m!)));
    const top = named.filter((s) => score(s.m!) === best);
    return top.length === 1 ? { index: top[0]!.index, match: top[0]!.m } : null;
  }
  const total = labels.findIndex(isTotalLabel);
  return total >= 0 ? { index: total, match: null } : null;
}

let lastQuestion: string | null = null;
let lastWords: string[] = [];
/** The question's words, each once (a label word is compared with every word asked), the same array for one question. */
function askedWords(question: string): string[] {
  if (question !== lastQuestion) {
    lastQuestion = question;
    lastWords = [...new Set(tokensOf(question))];
  }
  return lastWords;
}

export interface TableCell {
  table: DataTable;
  row: string;
  column: string;
  value: string;
  /** how much of the question the cell's labels and table name: the best table wins */
  score: number;
}

/**
 * The cell of `table` the question names, or null when it names no row nor column, or names them ambiguously.
 * `quantity`: the question asks how many; without it a column alone names too little ("il dirigente del progetto X"
 * is no headcount of "Dirigente"), a row or the table's own name must be named too.
 */
export function cellOf(table: DataTable, question: string, quantity = true): TableCell | null {
  const asked = askedWords(question);
  // the first header cell may name the table ("Cessati", "Assunti"); the others are the columns
  const columns = table.header.slice(1);
  const row = pick(
    table.rows.map((r) => r.label),
    asked,
  );
  const column = pick(columns, asked);
  if (!row || !column || (!row.match && !column.match)) return null;
  const named = (table.header[0] ?? '').trim() ? matchLabel(table.header[0]!, asked) : null;
  const titled = matchLabel(table.title, asked);
  const strong = (row.match?.strong ?? 0) + (column.match?.strong ?? 0) + (named?.named ? named.strong : 0);
  // a year or a number alone ("nel 2021") is in too many questions to name a table
  if (!strong) return null;
  if (!quantity && !row.match?.strong && !named?.named) return null;
  const r = table.rows[row.index]!;
  const value = (r.cells[column.index] ?? '').trim();
  if (!value) return null;
  const weak = (row.match?.weak ?? 0) + (column.match?.weak ?? 0);
  return {
    table,
    row: r.label,
    column: columns[column.index]!,
    value,
    score: strong * 2 + weak + (titled.named ? 1 : 0),
  };
}

/**
 * What a label word can be named by (see sameWord): a letter by itself, a longer word by its first three letters; a
 * number names nothing on its own, and a two-letter word is never the three-letter start it takes.
 */
const labelKey = (w: string): string[] =>
  isNumber(w) ? [] : w.length === 1 ? [`=${w}`] : w.length >= 3 ? [w.slice(0, 3)] : [];
export const askedKeys = (a: string): string[] =>
  a.length === 1 ? [`=${a}`] : a.length >= 3 && !isNumber(a) ? [a.slice(0, 3)] : [];

const labelKeys = new WeakMap<DataTable, Set<string>>();

/** The keys of every word of a table's row labels and header (see labelKey), once per table. */
export function labelKeysOf(table: DataTable): Set<string> {
  let keys = labelKeys.get(table);
  if (!keys) {
    // a total row or column is taken, never named (see pick): its words name no cell; the first header cell may
    const named = [...table.rows.map((r) => r.label), ...table.header.slice(1)].filter((l) => !isTotalLabel(l));
    keys = new Set([...named, table.header[0] ?? ''].flatMap((l) => labelWords(l).flatMap(labelKey)));
    labelKeys.set(table, keys);
  }
  return keys;
}

/** The cell the question names across `tables`: the best-named one; two tables named as well: none (ambiguous). */
export function namedTableCell(tables: DataTable[], question: string, quantity = true): TableCell | null {
  // an English question names the Italian labels by the glossary's words ("women" → "donne")
  const translated = translateQuery(question);
  const asked = translated === question ? question : `${question} ${translated}`;
  // a cell needs a word of the table's labels named (not a number): only tables sharing a word's opening with the
  // question are read (a thousand plans hold thousands of tables, and most questions name none)
  const keys = new Set(tokensOf(asked).flatMap((a) => askedKeys(a)));
  const cells = tables
    .filter((t) => {
      const own = labelKeysOf(t);
      for (const k of keys) if (own.has(k)) return true;
      return false;
    })
    .map((t) => cellOf(t, asked, quantity))
    .filter((c): c is TableCell => c !== null);
  if (!cells.length) return null;
  const best = Math.max(...cells.map((c) => c.score));
  const top = cells.filter((c) => c.score === best);
  return new Set(top.map((c) => c.value)).size === 1 ? top[0]! : null;
}

/** The row of the cell as the table writes it: each header beside its cell, empty cells left out. */
export function rowAsWritten(cell: TableCell): string {
  const row = cell.table.rows.find((r) => r.label === cell.row)!;
  const columns = cell.table.header.slice(1);
  const cells = row.cells.flatMap((c, i) => (c.trim() && columns[i] ? [`${columns[i]} ${c.trim()}`] : []));
  return `${row.label}: ${cells.join(' · ')}`;
}
