/**
 * Two or more cells of one data table named part by part and added up or set against each other: "Cat. D e Cat. C in
 * totale", "uomini contro donne in Cat. D", "how many more Cat. C than Cat. B". The question is split into its parts
 * (the separators of a sum or a comparison, as for records named by their words); each part names a row, a column or
 * both by their labels' words (see table-cell.ts). A dimension one part leaves unnamed is the one the other parts
 * agree on, else the table's total row or column: "Cat. D e Cat. C" are both of the "Tot." row. A part that uses the
 * labels' words but names no label ("Cat. E" beside "Cat. D") is a part not found, never dropped.
 */

import { partsOf } from '../linking/titled-records.ts';
import { parseFigure } from '../plan/figures.ts';
import type { DataTable } from '../plan/model.ts';
import { formatAmount } from '../query/format-number.ts';
import { askedKeys, isTotalLabel, type LabelMatch, labelKeysOf, matchLabelOnce, tokensOf } from './table-cell.ts';
import { translateQuery } from './translate-query.ts';

export interface NamedCell {
  row: string;
  column: string;
  /** as the table writes it: "28 di cui 1 a T.D" */
  text: string;
  /** the figure it opens with: 28 */
  value: number;
}

export interface NamedCells {
  table: DataTable;
  cells: NamedCell[];
  /** the parts that use the table's label words but name none of its labels, as written ("Cat. E") */
  missing: string[];
}

/**
 * The question's parts, split as a sum's or comparison's ("A e B", "A vs B"), with a letter after an abbreviation kept
 * as a label's ("Cat. E e Cat. D": the "E" is no "e" joining two parts).
 */
function labelParts(question: string): string[] {
  const letters: string[] = [];
  const masked = question.replace(/(\p{L}{2,}\.\s*)(\p{L})(?![\p{L}\d])/gu, (_, abbr: string, letter: string) => {
    letters.push(letter);
    return `${abbr}§${letters.length - 1}§`;
  });
  return partsOf(masked).map((p) => p.replace(/§(\d+)§/g, (_, i: string) => letters[Number(i)]!));
}

/** the figure a cell opens with ("28 di cui 1 a T.D" → 28, "2 (di cui 1 TD)" → 2); null for text or an empty cell */
function cellValue(text: string): number | null {
  const m = /^\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d%])/.exec(text);
  return m ? parseFigure(m[1]!).value : null;
}

/** the one non-total label the words name best (ties: none) */
function named(labels: readonly string[], words: string[]): { index: number; match: LabelMatch } | null {
  let best: { index: number; match: LabelMatch } | null = null;
  let tie = false;
  const score = (m: LabelMatch) => m.strong * 2 + m.weak;
  for (const [index, label] of labels.entries()) {
    if (isTotalLabel(label)) continue;
    const match = matchLabelOnce(label, words);
    if (!match.named || !match.strong) continue;
    if (best && score(match) === score(best.match)) tie = true;
    else if (!best || score(match) > score(best.match)) {
      best = { index, match };
      tie = false;
    }
  }
  return tie ? null : best;
}

interface Part {
  row: number | null;
  column: number | null;
  strong: number;
}

/** The cells of one table the parts name, its score, and the parts naming nothing of it; null when fewer than two. */
function cellsOf(
  table: DataTable,
  parts: { words: string[]; written: string }[],
  allWords: string[],
): (NamedCells & { score: number }) | null {
  const columns = table.header.slice(1);
  const rows = table.rows.map((r) => r.label);
  const keys = labelKeysOf(table);
  const items: Part[] = [];
  const missing: string[] = [];
  for (const part of parts) {
    const row = named(rows, part.words);
    const column = named(columns, part.words);
    if (row || column) {
      items.push({
        row: row?.index ?? null,
        column: column?.index ?? null,
        strong: (row?.match.strong ?? 0) + (column?.match.strong ?? 0),
      });
      continue;
    }
    // a part writing a label's opening word ("Cat.") and a short name of its own names a label the table lacks
    const raw = part.written.trim().split(/\s+/);
    const at = raw.findIndex((w) => tokensOf(w).some((t) => t.length >= 3 && askedKeys(t).some((k) => keys.has(k))));
    if (at < 0) continue;
    const own = tokensOf(raw[at]!).filter((t) => !askedKeys(t).some((k) => keys.has(k)));
    const next = raw[at + 1];
    const letter = next && /^\p{L}$|^\d+$/u.test(next) ? next : null;
    if (own.length || letter)
      missing.push(
        [raw[at], letter]
          .filter(Boolean)
          .join(' ')
          .replace(/[?!,;:]+$/, ''),
      );
  }
  if (items.length + missing.length < 2 || !items.length) return null;
  // a dimension a part leaves unnamed: the one label the other parts agree on, else the total one
  const shared = (dim: 'row' | 'column', labels: readonly string[]) => {
    const namedAll = new Set(items.flatMap((i) => (i[dim] === null ? [] : [i[dim]!])));
    if (namedAll.size === 1) return [...namedAll][0]!;
    const total = labels.findIndex(isTotalLabel);
    return total >= 0 ? total : null;
  };
  const sharedRow = shared('row', rows);
  const sharedColumn = shared('column', columns);
  const cells: NamedCell[] = [];
  for (const item of items) {
    const r = item.row ?? sharedRow;
    const c = item.column ?? sharedColumn;
    if (r === null || c === null) return null;
    const text = (table.rows[r]!.cells[c] ?? '').trim();
    const value = cellValue(text);
    if (value === null) return null;
    if (cells.some((x) => x.row === rows[r] && x.column === columns[c])) continue;
    cells.push({ row: rows[r]!, column: columns[c]!, text, value });
  }
  if (cells.length + missing.length < 2) return null;
  // the table's own words written ("smart working", "organico") tell two tables with the same labels apart
  const titleWords = tokensOf(`${table.title} ${table.header[0] ?? ''}`).filter(
    (t) => t.length >= 4 && !/^\d+$/.test(t),
  );
  const titled = titleWords.filter((t) => allWords.some((a) => a.length >= 4 && (a.startsWith(t) || t.startsWith(a))));
  const score = items.reduce((s, i) => s + i.strong, 0) * 2 + titled.length;
  return { table, cells, missing, score };
}

/**
 * The cells of one table that the question's parts name (two or more, or one beside a part naming nothing of the
 * table), across `tables`; the best-named table wins, two as well named with different figures: none.
 */
export function namedTableCells(tables: DataTable[], question: string): NamedCells | null {
  const split = labelParts(question);
  if (split.length < 2) return null;
  // an English part names the Italian labels by the glossary's words ("women" → "donne")
  const parts = split.map((written) => {
    const translated = translateQuery(written);
    return { written, words: [...new Set(tokensOf(translated === written ? written : `${written} ${translated}`))] };
  });
  const allWords = [...new Set(parts.flatMap((p) => p.words))];
  const keys = new Set(allWords.flatMap(askedKeys));
  const found = tables
    .filter((t) => {
      const own = labelKeysOf(t);
      for (const k of keys) if (own.has(k)) return true;
      return false;
    })
    .map((t) => cellsOf(t, parts, allWords))
    .filter((c): c is NamedCells & { score: number } => c !== null);
  if (!found.length) return null;
  const best = Math.max(...found.map((c) => c.score));
  const top = found.filter((c) => c.score === best);
  const figures = (c: NamedCells) => c.cells.map((x) => x.text).join('|');
  return new Set(top.map(figures)).size === 1 ? top[0]! : null;
}

/** The computed figure: the cells added, or the larger less the smaller of two. */
export function combineCells(cells: readonly NamedCell[], difference: boolean): { value: string; higher?: NamedCell } {
  const decimals = cells.some((c) => /^\s*[\d.]+,\d/.test(c.text)) ? 2 : 0;
  if (difference && cells.length === 2) {
    const [a, b] = cells as [NamedCell, NamedCell];
    const higher = a.value >= b.value ? a : b;
    return { value: formatAmount(Math.abs(a.value - b.value), decimals), higher };
  }
  return {
    value: formatAmount(
      cells.reduce((s, c) => s + c.value, 0),
      decimals,
    ),
  };
}

/** A cell's name as the answer writes it: its row and column, the total ones left out when the other is named. */
export function cellName(cell: NamedCell): string {
  const parts = [cell.row, cell.column].filter((l) => !isTotalLabel(l));
  return parts.length ? parts.join(' · ') : cell.row;
}
