/**
 * Finds the small tables of figures inside a plan's narrative (staff at 31.12, hirings and leavings, smart working):
 * a header line, then rows made of a short label and cells that are figures ("10", "28 di cui 1 a T.D",
 * "5 (+ 3 TD)"). With tab stops (.txt) the cells keep their columns, blanks included; in a PDF rendering the tab
 * stops are gone, so cells are read in order and the reader is told their columns are uncertain.
 */
import { squash, stripMarkup } from '../../../src/plan/text.ts';
import { tabCells } from './wrapped-text.ts';

export interface FigureTableRow {
  label: string;
  cells: string[];
}

export interface FigureTable {
  title: string;
  section?: string;
  /** The label column's header first, then one per cell column; one entry (the whole line) when columns are lost. */
  header: string[];
  rows: FigureTableRow[];
  /** 0-based indexes of the header line and the last row. */
  from: number;
  to: number;
  /** Set when the columns could not be recovered (no tab stops). */
  uncertain?: string;
}

const FIGURE = /^\d+(?:[.,]\d+)*%?$/;
const PHRASE_WORD = /^[a-zà-ù]{1,4}$/;
const ABBREVIATION = /^[A-Z](?:\.?[A-Z])+\.?$/;
const YEAR = /^(?:19|20)\d{2}$/;
const MAX_LABEL_WORDS = 4;
const MAX_LABEL_CHARS = 30;
const MAX_CELL_WORDS = 8;
const MAX_HEADER_CHARS = 160;
const MAX_CAPTION_CHARS = 120;

/** Reads the figure tables among `lines`, skipping the line ranges in `exclude` (other tables already read). */
export function readFigureTables(
  lines: readonly string[],
  exclude: ReadonlyArray<readonly [number, number]> = [],
): FigureTable[] {
  const skipped = (i: number) => exclude.some(([a, b]) => i >= a && i <= b);
  const kept: number[] = [];
  const norm: string[] = lines.map((l) => squash(stripMarkup(l)));
  for (let i = 0; i < lines.length; i++) if (norm[i] && !skipped(i)) kept.push(i);

  const rowAt = new Map<number, FigureTableRow>();
  for (const i of kept) {
    const row = readDataRow(norm[i]!);
    if (row) rowAt.set(i, row);
  }

  const tables: FigureTable[] = [];
  let section: string | undefined;
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    if (!rowAt.has(i)) {
      if (isHeading(norm[i]!)) section = norm[i]!;
      continue;
    }
    const next = kept[k + 1];
    if (next === undefined || !rowAt.has(next)) continue;

    // a run of two or more data rows: its header is a year row opening it, or the line just above
    let headerAt: number | undefined;
    let first = k;
    if (isYearRow(rowAt.get(i)!)) {
      headerAt = i;
      first = k + 1;
    } else if (k > 0 && isHeaderLine(norm[kept[k - 1]!]!)) {
      headerAt = kept[k - 1]!;
    }
    let last = first;
    while (last + 1 < kept.length && rowAt.has(kept[last + 1]!)) last++;

    const captionAt = headerAt !== undefined ? kept[kept.indexOf(headerAt) - 1] : kept[k - 1];
    const caption = captionAt !== undefined ? cleanCaption(norm[captionAt]!) : '';
    let title = caption && caption.length <= MAX_CAPTION_CHARS ? caption : (section ?? 'Tabella');
    const previous = tables.at(-1);
    if (/:$/.test(caption) && caption.split(' ').length <= 3 && previous && previous.section === section) {
      title = `${previous.title} — ${caption.replace(/:$/, '')}`;
    }

    let header = headerAt !== undefined ? headerCells(lines[headerAt]!, norm[headerAt]!) : [];
    let table = startTable(title, section, header, headerAt ?? kept[first]!);
    for (let r = first; r <= last; r++) {
      const at = kept[r]!;
      const read = rowAt.get(at)!;
      if (isYearRow(read) && table.rows.length > 0) {
        // a sub-header restarting the columns (Cessati … / Assunti …): a new table under the same caption
        tables.push(finish(table));
        header = subHeader(lines[at]!, norm[at]!, header);
        table = startTable(title, section, header, at);
        continue;
      }
      table.rows.push(lines[at]!.includes('\t') ? tabbedRow(lines[at]!, header.length) : read);
      table.to = at;
    }
    tables.push(finish(table));
    k = last;
  }
  return tables;
}

function startTable(title: string, section: string | undefined, header: string[], from: number): FigureTable {
  const table: FigureTable = { title, header, rows: [], from, to: from };
  if (section) table.section = section;
  return table;
}

/** Flags tables whose columns are lost: no tab stops in the header, or rows of different widths. */
function finish(table: FigureTable): FigureTable {
  const widths = new Set(table.rows.map((r) => r.cells.length));
  const tabbed = table.header.length > 1;
  if (!tabbed) {
    const width = Math.max(0, ...widths);
    const short = table.rows.filter((r) => r.cells.length < width).map((r) => r.label);
    table.uncertain =
      'column boundaries lost (no tab stops): header kept as one line, cells in reading order' +
      (short.length ? `; rows with blank cells whose column is unknown: ${short.join(', ')}` : '');
  }
  return table;
}

/** A label of a few words, then figure cells; null when the line is anything else. */
export function readDataRow(norm: string): FigureTableRow | null {
  const tokens = norm.split(' ');
  const firstFigure = tokens.findIndex((t) => FIGURE.test(t));
  if (firstFigure < 1 || firstFigure > MAX_LABEL_WORDS) return null;
  const label = tokens.slice(0, firstFigure).join(' ');
  if (!/^\p{L}/u.test(label) || label.length > MAX_LABEL_CHARS) return null;
  const cells = readCells(tokens.slice(firstFigure));
  if (!cells || cells.length < 2) return null;
  return { label, cells };
}

/** Groups tokens into cells: a figure opens a cell, a parenthesis or a short phrase ("di cui 1 a T.D") qualifies it. */
function readCells(tokens: readonly string[]): string[] | null {
  const cells: string[][] = [];
  let depth = 0;
  let prev = '';
  for (const t of tokens) {
    const balance = (t.match(/\(/g)?.length ?? 0) - (t.match(/\)/g)?.length ?? 0);
    const current = cells.at(-1);
    if (depth > 0 && current) {
      current.push(t);
      depth += balance;
    } else if (FIGURE.test(t) && !PHRASE_WORD.test(prev)) {
      cells.push([t]);
    } else if (current && (t.startsWith('(') || PHRASE_WORD.test(t) || FIGURE.test(t) || ABBREVIATION.test(t))) {
      current.push(t);
      depth += balance;
    } else {
      return null;
    }
    if (cells.at(-1)!.length > MAX_CELL_WORDS) return null;
    prev = t;
  }
  return cells.map((c) => c.join(' '));
}

/** Short, and not the end of a sentence (a closing abbreviation such as "Tot." is fine). */
function isHeaderLine(norm: string): boolean {
  if (norm.length > MAX_HEADER_CHARS || /[;:]$/.test(norm)) return false;
  return !/\.$/.test(norm) || /(?:^|\s)\S{1,4}$/.test(norm);
}

function isYearRow(row: FigureTableRow): boolean {
  return row.cells.every((c) => YEAR.test(c));
}

function isHeading(norm: string): boolean {
  const letters = norm.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && norm.length <= 80 && norm === norm.toUpperCase() && !norm.includes('\t');
}

function cleanCaption(norm: string): string {
  return norm.replace(/^[^\p{L}\p{N}]+/u, '').trim();
}

function headerCells(raw: string, norm: string): string[] {
  if (!raw.includes('\t')) return [norm];
  return trimTrailingBlanks(tabCells(raw));
}

/** A sub-header's blank cells are merged with the header cell above them. */
function subHeader(raw: string, norm: string, above: readonly string[]): string[] {
  if (!raw.includes('\t')) return [norm];
  const cells = tabCells(raw);
  return cells.map((c, n) => c || above[n] || '');
}

function tabbedRow(raw: string, width: number): FigureTableRow {
  const [label = '', ...cells] = trimTrailingBlanks(tabCells(raw));
  while (cells.length < width - 1) cells.push('');
  return { label, cells };
}

function trimTrailingBlanks(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 1 && out.at(-1) === '') out.pop();
  return out;
}
