/**
 * Cuts a "schede obiettivo" document into its sheets. A sheet opens with its period header (`ANNI 2019-2020`,
 * `ANNI 2019-2020-2021`, `ANNO 2019`) and "Codice obiettivo"; then come labelled fields (label and value on one line,
 * with or without a colon, or the value on the next lines), "Risultato atteso", the boilerplate "Ambiti della
 * performance organizzativa", the Indicatori table, the Piano operativo table and sometimes "Risorse finanziarie".
 */
import { type FormLabel, formText, readForm } from '../primitives/labelled-form.ts';
import { groupRows, type TableRow } from './table-rows.ts';

export type FieldName = 'code' | 'dup' | 'title' | 'unit' | 'involved' | 'owner' | 'kind';

/** A labelled field: its value and the 0-based lines from the label to the value's last line. */
export interface SheetField {
  value: string;
  line: number;
  to: number;
}

export interface Sheet {
  /** 0-based first and last line of the sheet. */
  from: number;
  to: number;
  header?: string;
  headerYear?: number;
  fields: Partial<Record<FieldName, SheetField>>;
  result?: { text: string; from: number; to: number };
  indicatorRows: TableRow[];
  phaseRows: TableRow[];
  /** The table totals as printed (`100,00%`), for checking against the row weights. */
  indicatorTotal?: string;
  phaseTotal?: string;
  finance?: { total: string; line: number };
}

const PERIOD_HEADER = /^ANN[IO]\s+(\d{4})((?:\s*-\s*\d{4})*)$/iu;
const CODE_LABEL = /^Codice\s+obiettivo\b/iu;

/** The field labels, each at the start of a line (the value follows on the line, or on the next ones). */
const LABELS: FormLabel<FieldName>[] = [
  { field: 'code', re: /^Codice[ \t]+obiettivo[ \t]*:?[ \t]*/gimu },
  { field: 'dup', re: /^Riferimento[ \t]+DUP\b[ \t]*:?[ \t]*/gimu },
  { field: 'title', re: /^Denominazione\b[ \t]*:?[ \t]*/gimu },
  { field: 'unit', re: /^Unit\S*[ \t]+organizzativa[ \t]+responsabile\b[ \t]*:?[ \t]*/gimu },
  { field: 'involved', re: /^Unit\S*[ \t]+organizzative[ \t]+coinvolte\b[ \t]*:?[ \t]*/gimu },
  { field: 'owner', re: /^Responsabile\b[ \t]*:?[ \t]*/gimu },
  { field: 'kind', re: /^Obiettivo\b[ \t]*:?[ \t]*/gimu },
];
const RESULT_LABEL = /^Risultato\s+atteso\b\s*:?\s*/iu;
const AMBITI = /^Ambiti\s+della\s+performance\b/iu;
const INDICATOR_HEADER = /^N\S{0,2}\s+PESO\s+DENOMINAZIONE\b/iu;
const PHASE_HEADER = /^N\S{0,2}\s+PESO\s+SUB-?\s?OBIETTIVO\b/iu;
const TABLE_END =
  /^(?:\d{1,3},\d{2}\s?%(?:\s|$)|OK\b|Note\s*:|Piano\s+operativo\b|Risorse\s+finanziarie\b|N\S{0,2}\s+PESO\b)/iu;
const TOTAL = /^(\d{1,3},\d{2}\s?%)/u;
const FINANCE = /^Risorse\s+finanziarie\b/iu;
const FINANCE_TOTAL = /\bTOTALE\s+(€?\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?)/iu;

/** The sheets of the document, in order. `flatLines` are the document lines as `flat` compares them. */
export function splitSheets(lines: readonly string[], flatLines: readonly string[]): Sheet[] {
  const codeLines: number[] = [];
  flatLines.forEach((l, i) => {
    if (CODE_LABEL.test(l)) codeLines.push(i);
  });
  const starts = codeLines.map((c, k) => {
    const floor = k === 0 ? -1 : codeLines[k - 1]!;
    for (let i = c - 1; i > floor; i--) if (PERIOD_HEADER.test(flatLines[i]!)) return i;
    return c;
  });
  return starts.map((from, k) => {
    let to = (starts[k + 1] ?? flatLines.length) - 1;
    while (to > from && !flatLines[to]) to--;
    return readSheet(lines, flatLines, from, to, codeLines[k]!);
  });
}

function readSheet(
  lines: readonly string[],
  flatLines: readonly string[],
  from: number,
  to: number,
  codeLine: number,
): Sheet {
  const sheet: Sheet = { from, to, fields: {}, indicatorRows: [], phaseRows: [] };
  if (from < codeLine) {
    const header = flatLines[from]!;
    sheet.header = header;
    const m = header.match(PERIOD_HEADER);
    if (m && !m[2]) sheet.headerYear = Number(m[1]);
  }

  // Labelled fields up to "Risultato atteso"; a line without a label continues the field before it; a field
  // labelled twice keeps its first value.
  let i = codeLine;
  while (
    i <= to &&
    !(RESULT_LABEL.test(flatLines[i]!) || AMBITI.test(flatLines[i]!) || INDICATOR_HEADER.test(flatLines[i]!))
  )
    i++;
  for (const v of readForm(flatLines, codeLine, i, LABELS)) {
    sheet.fields[v.field] ??= { value: formText(v), line: v.labelLine, to: v.pieces.at(-1)?.line ?? v.labelLine };
  }

  // Risultato atteso: everything up to the boilerplate or the first table.
  if (i <= to && RESULT_LABEL.test(flatLines[i]!)) {
    const parts: string[] = [];
    let first = -1;
    let last = -1;
    const take = (text: string, j: number) => {
      if (!text) return;
      parts.push(text);
      if (first < 0) first = j;
      last = j;
    };
    take(flatLines[i]!.replace(RESULT_LABEL, ''), i);
    for (i++; i <= to; i++) {
      const l = flatLines[i]!;
      if (AMBITI.test(l) || INDICATOR_HEADER.test(l) || PHASE_HEADER.test(l)) break;
      take(l, i);
    }
    if (parts.length) sheet.result = { text: parts.join(' '), from: first, to: last };
  }

  for (; i <= to; i++) {
    const l = flatLines[i]!;
    const isIndicators = INDICATOR_HEADER.test(l);
    if (isIndicators || PHASE_HEADER.test(l)) {
      let end = i + 1;
      while (end <= to && !TABLE_END.test(flatLines[end]!)) end++;
      const rows = groupRows(lines, i + 1, end - 1);
      const total = end <= to ? flatLines[end]!.match(TOTAL)?.[1] : undefined;
      if (isIndicators) {
        sheet.indicatorRows = rows;
        if (total) sheet.indicatorTotal = total;
      } else {
        sheet.phaseRows = rows;
        if (total) sheet.phaseTotal = total;
      }
      i = end - 1;
    } else if (FINANCE.test(l)) {
      for (let j = i + 1; j <= to; j++) {
        const m = flatLines[j]!.match(FINANCE_TOTAL);
        if (m) {
          sheet.finance = { total: m[1]!, line: j };
          break;
        }
      }
    }
  }
  return sheet;
}
