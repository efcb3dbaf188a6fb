/**
 * The two tables of a "scheda obiettivo": Indicatori and Piano operativo. Rows are numbered 1..n, with a weight
 * (`30,00%`) when they hold data; the template prints empty numbered rows after the real ones and a `100,00%` / `OK`
 * total after the table. In the .txt every row is one line of tab-separated cells; in the PDF rendering the tabs are
 * gone and long rows wrap, so a row is rebuilt from its lines and its cells are recovered from what they look like
 * (dates, targets, formulas).
 */
import { squash, stripMarkup } from '../../../src/plan/text.ts';
import { DATE_IN_TEXT, WHEN_IN_TEXT } from '../primitives/date-cells.ts';
import { splitTrailingTarget } from '../primitives/target-cells.ts';
import { tabCells } from '../primitives/wrapped-text.ts';

/** One table row as found in the text: its number, 0-based line range, the flattened text and (txt only) its cells. */
export interface TableRow {
  n: number;
  from: number;
  to: number;
  text: string;
  cells: string[] | null;
}

/** The cells of an Indicatori row: N° PESO DENOMINAZIONE FORMULA (ATTESO, ALLA DATA) ×2 GRADUAZIONE. */
export interface IndicatorCells {
  n: number;
  weight: string;
  description: string;
  formula?: string;
  intermediateTarget?: string;
  intermediateDate?: string;
  target?: string;
  targetDate?: string;
  grading?: string;
}

/** The cells of a Piano operativo row: N° PESO SUB-OBIETTIVO/ATTIVITÀ TEMPI (I/F) INDICATORI LIVELLO GRADUAZIONE. */
export interface PhaseCells {
  n: number;
  weight: string;
  title: string;
  when?: string;
  indicator?: string;
  target?: string;
  grading?: string;
}

/** A line of the text as the parsers compare it: markup dropped, tabs and runs of spaces as single spaces. */
export const flat = (line: string): string => squash(stripMarkup(line.replace(/\t/g, ' ')));

const DATA_ROW = /^(\d{1,2})\s+(\d{1,3}(?:,\d{1,2})?\s?%)(?:\s+(.*))?$/;
const EMPTY_ROW = /^(\d{1,2})$/;
/** How many empty numbers may be skipped (the template sometimes omits one); guards against a wrapped bare number. */
const MAX_GAP = 3;

/**
 * Groups the body lines of a table (0-based indexes `from..to`) into rows. A row starts with its number followed by
 * its weight; lines that start no row continue the current one (PDF wrapping). Empty numbered rows close the data.
 */
export function groupRows(lines: readonly string[], from: number, to: number): TableRow[] {
  const rows: TableRow[] = [];
  let current: { n: number; from: number; to: number; raw: string[] } | null = null;
  let lastN = 0;
  const close = () => {
    if (!current) return;
    const single = current.raw.length === 1 ? current.raw[0]! : null;
    const cells = single?.includes('\t') ? tabCells(single) : null;
    rows.push({ n: current.n, from: current.from, to: current.to, text: flat(current.raw.join(' ')), cells });
    current = null;
  };
  for (let i = from; i <= to; i++) {
    const raw = lines[i] ?? '';
    const text = flat(raw);
    if (!text) continue;
    const data = text.match(DATA_ROW);
    const n = Number((data ?? text.match(EMPTY_ROW))?.[1] ?? Number.NaN);
    if (n > lastN && n <= lastN + MAX_GAP) {
      close();
      lastN = n;
      if (data) current = { n, from: i, to: i, raw: [raw] };
      continue;
    }
    if (current) {
      current.raw.push(raw);
      current.to = i;
    }
  }
  close();
  return rows;
}

/** A target cell: a bare figure, possibly a percentage (`0`, `18`, `60%`, `100%`). */
const TARGET_TOKEN = /(?<=^|\s)(\d+(?:[.,]\d+)?\s?%?)(?=\s|$)/u;
const LONE_TARGET = /^\d+(?:[.,]\d+)?\s?%?$/u;

const present = (s: string | null | undefined): string | undefined => s?.trim() || undefined;

/** Reads an Indicatori row, from its cells when the text kept them, else from the flattened text. */
export function readIndicatorRow(row: TableRow): IndicatorCells | null {
  if (row.cells && row.cells.length >= 8) {
    const [n, weight, description, formula, iTarget, iDate, target, targetDate, grading] = row.cells;
    if (!weight || !description) return null;
    return {
      n: Number(n),
      weight,
      description,
      formula: present(formula),
      intermediateTarget: present(iTarget),
      intermediateDate: present(iDate),
      target: present(target),
      targetDate: present(targetDate),
      grading: present(grading),
    };
  }
  const m = row.text.match(DATA_ROW);
  if (!m?.[3]) return null;
  const rest = m[3];
  const dates = [...rest.matchAll(DATE_IN_TEXT)];
  const first = dates[0];
  if (!first) return { n: row.n, weight: squash(m[2]!), ...splitFormula(rest) };
  const before = splitTrailingTarget(rest.slice(0, first.index));
  const second = dates[1];
  const between = second ? rest.slice(first.index + first[0].length, second.index).trim() : null;
  // Two dates with only a target between them: the intermediate level, then the final one.
  const twoLevels = between !== null && LONE_TARGET.test(between);
  const last = twoLevels ? second! : first;
  const cells: IndicatorCells = {
    n: row.n,
    weight: squash(m[2]!),
    ...splitFormula(before.head),
    grading: present(rest.slice(last.index + last[0].length)),
  };
  if (twoLevels) {
    cells.intermediateTarget = before.target;
    cells.intermediateDate = first[0];
    cells.target = present(between);
    cells.targetDate = second![0];
  } else {
    cells.target = before.target;
    cells.targetDate = first[0];
  }
  return cells;
}

/** Reads a Piano operativo row, from its cells when the text kept them, else from the flattened text. */
export function readPhaseRow(row: TableRow): PhaseCells | null {
  if (row.cells && row.cells.length >= 6) {
    const [n, weight, title, when, indicator, target, grading] = row.cells;
    if (!weight || !title) return null;
    return {
      n: Number(n),
      weight,
      title,
      when: present(when),
      indicator: present(indicator),
      target: present(target),
      grading: present(grading),
    };
  }
  const m = row.text.match(DATA_ROW);
  if (!m?.[3]) return null;
  const rest = m[3];
  const when = [...rest.matchAll(WHEN_IN_TEXT)][0];
  const afterWhen = when ? rest.slice(when.index + when[0].length).trim() : rest;
  const t = afterWhen.match(TARGET_TOKEN);
  const upToTarget = t ? afterWhen.slice(0, t.index).trim() : afterWhen;
  const cells: PhaseCells = { n: row.n, weight: squash(m[2]!), title: '' };
  if (when) {
    cells.title = rest.slice(0, when.index).trim();
    cells.when = when[0];
    cells.indicator = present(upToTarget);
  } else {
    // No TEMPI: the indicator is told from the activity by what formulas look like.
    const split = splitFormula(upToTarget);
    cells.title = split.description;
    cells.indicator = split.formula;
  }
  if (t) {
    cells.target = squash(t[1]!);
    cells.grading = present(afterWhen.slice(t.index! + t[0].length));
  }
  return cells.title ? cells : null;
}

const DELAY = /\s(giorni di ritardo)$/iu;
const COUNT_START = /(?<=^|\s)(?:numer[oi]|n\.|percentuale)(?=\s)/giu;
const THING_START = /(?<=^|\s)(?:incontri|questionari)(?=[\s/])/giu;

/**
 * Splits "DENOMINAZIONE FORMULA" once the cell boundary is lost: a formula is either "giorni di ritardo" or a
 * ratio (`Numero incontri effettuati / incontri programmati`), whose numerator starts with a counting word.
 */
export function splitFormula(s: string): { description: string; formula?: string } {
  const text = s.trim();
  const delay = text.match(DELAY);
  if (delay) return { description: text.slice(0, delay.index).trim(), formula: delay[1]! };
  const slash = text.lastIndexOf('/');
  if (slash > 0) {
    const head = text.slice(0, slash);
    const starts = [...head.matchAll(COUNT_START)];
    const start = starts.at(-1) ?? [...head.matchAll(THING_START)].at(-1);
    if (start?.index)
      return { description: text.slice(0, start.index).trim(), formula: text.slice(start.index).trim() };
  }
  return { description: text };
}
