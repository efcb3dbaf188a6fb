/**
 * Matrices: people or structures as column headers, weights in the cells. An objective belongs to every column
 * where its weight is not zero (`40`, `60%`, `X`); `0`, `-` and blanks are no weight. Columns are people when the
 * text around the table says so (a role word: dirigente, responsabile…), and a surname alone is completed from a
 * legend that writes it in full (`Marchetti Giorgio (Area Contributi)`).
 */
import { parseFigure } from '../../../src/plan/figures.ts';
import { fold } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';
import type { Table } from './table-reader.ts';

export interface MatrixAssignment {
  /** index of the table row */
  row: number;
  /** the column headers with a non-zero weight, as written or completed from a legend */
  holders: string[];
  weights: string[];
}

export interface Matrix {
  holdersArePeople: boolean;
  assignments: MatrixAssignment[];
}

const WEIGHT_CELL = /^\s*(?:[-–—]|\d{1,3}(?:[.,]\d+)?\s*%?|[xX✓✔•●])?\s*$/;
const ROLE = /\b(?:dirigent|responsabil|direttor|referent|manager|funzionar|titolar|posizion[ei] organizzativ)/;

/** Whether a cell gives a weight: a non-zero figure, or a mark. */
export function hasWeight(cell: string): boolean {
  const t = cell.trim();
  if (/^[xX✓✔•●]$/.test(t)) return true;
  const f = parseFigure(t);
  return f.value !== null && f.value !== 0;
}

/** A surname completed from a legend line of the document ("Marchetti Giorgio", "Giorgio Marchetti"). */
function fullName(surname: string, text: string): string {
  const s = surname.trim();
  if (/\s/.test(s)) return s;
  const esc = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`\\b${esc}\\s+(\\p{Lu}\\p{Ll}+)(?=\\s*[(,;.]|\\s*$)`, 'mu');
  const m = text.match(after);
  if (m) return `${s} ${m[1]}`;
  const before = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}+)\\s+${esc}\\b`, 'u');
  const b = text.match(before);
  return b ? `${b[1]} ${s}` : s;
}

/** Reads a table as a matrix when it has two or more unnamed columns holding weights; null otherwise. */
export function readMatrix(
  table: Table,
  lines: readonly string[],
  pack: LabelPack = LEXICON,
  context = 4,
): Matrix | null {
  // a holder column is named (a word, not "N°") and holds nothing but weights, zeros, dashes or marks
  const holderColumns = table.columns
    .map((c, i) => (c.field === null && /\p{L}{3}/u.test(c.label) ? i : -1))
    .filter((i) => i >= 0 && table.rows.every((r) => WEIGHT_CELL.test(r.cells[i] ?? '')));
  if (holderColumns.length < 2 || table.rows.length === 0) return null;
  const around = [
    ...lines.slice(Math.max(0, table.headerLine - context), table.headerLine),
    ...lines.slice(table.lineEnd + 1, table.lineEnd + 1 + context),
  ].join('\n');
  const holdersArePeople = ROLE.test(fold(around)) && !/\bstruttur|\bserviz[io] coinvolt/.test(fold(around));
  const names = table.columns.map((c) => (holdersArePeople ? fullName(c.label, around) : c.label));
  void pack;
  return {
    holdersArePeople,
    assignments: table.rows.map((r, row) => {
      const cols = holderColumns.filter((c) => hasWeight(r.cells[c] ?? ''));
      return { row, holders: cols.map((c) => names[c]!), weights: cols.map((c) => r.cells[c]!.trim()) };
    }),
  };
}
