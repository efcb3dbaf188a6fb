/**
 * The generic reading of a plan: the shared primitives composed over one document. Tables, labelled values,
 * numbered lists and heading scopes are read first, each over the lines the others leave; then one pass in line
 * order turns them into objective records — a table row, a run of labelled values opened by a code or an
 * objective label, a list item — with the scope above supplying the owner and structure a record does not write.
 */
import { parseDate, parseFigure, parseTarget } from '../../../src/plan/figures.ts';
import type { Indicator, Objective, Phase, PlanWarning, Structure } from '../../../src/plan/model.ts';
import { type SourceDocument, spanOf } from '../../loaders/source-document.ts';
import { type CascadeRecord, readCodeCascade } from '../primitives/code-cascade.ts';
import {
  type CodeShapes,
  isStrongCode,
  learnCodeShapes,
  lineLeadTokens,
  readCodeLine,
} from '../primitives/code-shapes.ts';
import { readScopes, type Scope, scopeAt } from '../primitives/heading-scopes.ts';
import { documentWords, healHyphens } from '../primitives/hyphenation.ts';
import { type LabelPack, LEXICON } from '../primitives/label-lexicon.ts';
import { wholeLabel } from '../primitives/label-match.ts';
import {
  type FieldValue,
  looksLikeCode,
  readInline,
  readLabelValues,
  stackedLabel,
} from '../primitives/label-values.ts';
import { readMatrix } from '../primitives/matrix-reader.ts';
import { type ListItem, readNumberedLists } from '../primitives/numbered-list.ts';
import { pageNoiseLines } from '../primitives/page-noise.ts';
import { type OwnerValue, readOwners } from '../primitives/people.ts';
import { datedPhase, readPhaseList } from '../primitives/phase-list.ts';
import { structureKind } from '../primitives/structure-cell.ts';
import { isOrdinalColumn, readTables, splitFlatRow, type Table } from '../primitives/table-reader.ts';

/** An objective being read: its fields, the lines it spans, and the last indicator or phase it opened. */
interface Draft {
  code?: string;
  title?: string;
  description?: string;
  owners: OwnerValue['people'];
  structure?: string;
  cdr?: string;
  weight?: string;
  start?: string;
  end?: string;
  budget?: string;
  strategic?: string;
  indicators: Indicator[];
  phases: Phase[];
  first: number;
  last: number;
  titleLine?: number;
  lastItem?: Indicator | Phase;
}

export interface GenericReading {
  objectives: Objective[];
  structures: Structure[];
  warnings: PlanWarning[];
}

const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s|:;–—-]+|[\s|;,]+$/g, '')
    .trim();
/** "350." at the end of a sentence is the figure 350 */
const cleanFigure = (s: string) => clean(s).replace(/(?<=[\d%])\.$/, '');

/** A code written before a title in one value: `LP.20.1 Messa in sicurezza …`, `1 – Subentro …`, `OP-2023-11`. */
function splitCode(value: string, shapes: CodeShapes): { code?: string; title?: string } {
  const v = clean(value);
  const first = v.split(/\s+/)[0] ?? '';
  const token = first.replace(/[.:,;)]+$/, '');
  if (token && (shapes.isCode(token) || looksLikeCode(token) || /^\d{1,3}$/.test(token))) {
    const title = clean(v.slice(first.length));
    return title ? { code: token, title } : { code: token };
  }
  return v ? { title: v } : {};
}

/**
 * The value of a code label: the code alone (`FIN-01 – …` keeps `FIN-01`), or a code and the title after it
 * (`Cod. ob. DS-23-01 Potenziamento …`).
 */
function codeValue(value: string, shapes: CodeShapes): { code?: string; title?: string } {
  const head = value.split(/\s+[–—|]\s+/)[0]!;
  if (!/\s/.test(head)) return { code: head };
  const split = splitCode(head, shapes);
  return split.code && split.title ? split : { code: head };
}

/**
 * The head row of a sheet laid out as a one-row flattened table (`obiettivo  Centro di Responsabilità  Responsabile`
 * / `CODE  Unit name  Surname Name`), with the objective's title on its own line below. The row holds a code and
 * a few words only — too few for a title and a unit both — so those words are the unit, and the free line under
 * the row (short, no label, no code; PDF text keeps no blank line above it, so the table reader may have taken it
 * as a wrapped cell) is the title.
 */
function sheetHeadRow(
  t: Table,
  row: Table['rows'][number],
  titleCol: number,
  lines: readonly string[],
  shapes: CodeShapes,
  pack: LabelPack,
): { structure: string; owner: string; title: string; line: number; code: string } | null {
  const st = t.columns.findIndex((c) => c.field === 'structure');
  if (t.mode !== 'flat' || st < 0 || titleCol < 0) return null;
  // the head row alone, without the lines the table reader joined to it
  const cells = splitFlatRow(lines[row.line]!, t.columns, pack);
  const split = splitCode(cells[titleCol] ?? '', shapes);
  if (!split.code) return null;
  const unit = clean(`${split.title ?? ''} ${cells[st] ?? ''}`);
  if (!unit || unit.split(' ').length > MAX_UNIT_WORDS || /\d/.test(unit)) return null;
  const ownerCol = t.columns.findIndex((c) => c.field === 'owner');
  const owner = ownerCol >= 0 ? clean(cells[ownerCol] ?? '') : '';
  let j = row.line + 1;
  let text: string;
  // the table reader joined the lines under the row to it (no blank line kept them apart): the first is the title
  const joined = row.lineEnd > row.line;
  if (joined) text = clean(lines[j] ?? '');
  else {
    while (j < lines.length && lines[j]!.trim() === '' && j - row.line <= 3) j++;
    text = clean(lines[j] ?? '');
  }
  const after = lines[j + 1] ?? '';
  const free =
    text.length > 0 &&
    text.length <= MAX_TITLE_LINE &&
    !/\t/.test(lines[j] ?? '') &&
    !/:/.test(text) &&
    !/\.$/.test(text) &&
    text.split(' ').length >= 2 &&
    stackedLabel(text, pack) === null &&
    readInline(text, pack).values.length === 0 &&
    (joined || after.trim() === '' || readInline(after, pack).values.length > 0 || stackedLabel(after, pack) !== null);
  return free ? { structure: unit, owner, title: text, line: j, code: split.code } : null;
}

const MAX_UNIT_WORDS = 6;
const MAX_TITLE_LINE = 160;

/** A start value that goes on with an end label and a second date: `01/02/2031 al 31/03/2031`. */
function splitRange(value: string, pack: LabelPack): { start: string; end: string } | null {
  const folded = value.toLowerCase();
  for (const label of pack.labels.end) {
    const at = folded.indexOf(` ${label} `);
    if (at <= 0) continue;
    const start = value.slice(0, at).trim();
    const end = value.slice(at + label.length + 2).trim();
    if (parseDate(start) && parseDate(end)) return { start, end };
  }
  return null;
}

/** `DT02 Direzione Tecnica` → cdr DT02, structure Direzione Tecnica. */
function splitStructure(value: string): { structure: string; cdr?: string } {
  const v = clean(value);
  const m = v.match(/^(\S+)\s+(.+)$/);
  if (m && looksLikeCode(m[1]!) && /\p{L}{3}/u.test(m[2]!)) return { structure: m[2]!, cdr: m[1]! };
  return { structure: v };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function newDraft(line: number): Draft {
  return { owners: [], indicators: [], phases: [], first: line, last: line };
}

class RecordReader {
  readonly drafts: Draft[] = [];
  current: Draft | null = null;
  /** whether this document gives its objectives codes */
  private coded = false;
  /** an owner written alone, with no record open: the owner of the records below, until the next heading */
  private pendingOwner: OwnerValue['people'] = [];
  /** a strategic objective written above the records it leads to */
  private pendingStrategic: string | undefined;
  /** the last record opened with a code: where a codeless table of items below it belongs */
  private lastCoded: Draft | null = null;

  constructor(
    private readonly doc: SourceDocument,
    private readonly shapes: CodeShapes,
    private readonly pack: LabelPack,
  ) {}

  close(): void {
    this.current = null;
  }

  /** A heading: the records below belong to its scope. */
  heading(ownsRecords: boolean): void {
    this.current = null;
    // a heading with its own head replaces an owner written above; a bare title (maybe no heading at all) does not
    if (ownsRecords) this.pendingOwner = [];
  }

  /** A line opening with a code of the document's shapes and a title. */
  codeLine(line: number, code: string, title: string): void {
    const d = this.open(line);
    d.code = code;
    d.title = title;
    d.titleLine = line;
    this.coded = true;
    this.lastCoded = d;
  }

  private open(line: number): Draft {
    const d = newDraft(line);
    if (this.pendingOwner.length) d.owners = [...this.pendingOwner];
    if (this.pendingStrategic) d.strategic = this.pendingStrategic;
    this.drafts.push(d);
    this.current = d;
    return d;
  }

  private indicatorOf(d: Draft, line: number): Indicator {
    const last = d.lastItem;
    if (last && 'description' in last && !('title' in last)) return last as Indicator;
    const ind: Indicator = { description: d.title ?? '', span: spanOf(this.doc, line) };
    d.indicators.push(ind);
    d.lastItem = ind;
    return ind;
  }

  value(v: FieldValue): void {
    const value = clean(v.value);
    let d = this.current;
    if (v.field === 'objective' || v.field === 'code') {
      // "Obiettivo 3: Sportello unico": the number between label and colon is the objective's code
      const parts =
        v.field === 'code'
          ? codeValue(value, this.shapes)
          : v.ordinal
            ? { code: v.ordinal, ...(value ? { title: value } : {}) }
            : splitCode(value, this.shapes);
      if (!parts.code && !parts.title) return;
      // where objectives carry codes, an objective label without one is a field of the open record
      // ("Obiettivo: ANNUALE PLURIENNALE"), not a new objective
      if (!parts.code && this.coded) {
        if (d && !d.title && parts.title) {
          d.title = parts.title;
          d.titleLine = v.line;
        }
        return;
      }
      if (!d || (parts.code && d.code) || (!parts.code && parts.title && d.title)) d = this.open(v.line);
      if (parts.code) this.coded = true;
      if (parts.code) {
        d.code = parts.code;
        this.lastCoded = d;
      }
      if (parts.title && !d.title) {
        d.title = parts.title;
        d.titleLine = v.line;
      }
      d.last = Math.max(d.last, v.lineEnd);
      return;
    }
    if (v.field === 'title') {
      if (!d || d.title) d = this.open(v.line);
      d.title = value;
      d.titleLine = v.line;
      d.last = Math.max(d.last, v.lineEnd);
      return;
    }
    // a strategic objective above its operational ones is their link, not an objective
    if (v.field === 'strategic') {
      if (!d) this.pendingStrategic = value;
      else d.strategic ??= value;
      if (!d) return;
    }
    if (!d && v.field === 'owner' && value) {
      const o = readOwners(value, this.pack);
      if (o.people.length) this.pendingOwner = o.people;
      return;
    }
    if (!d || !value) return;
    d.last = Math.max(d.last, v.lineEnd);
    const span = spanOf(this.doc, v.line, v.lineEnd);
    switch (v.field) {
      case 'description':
        d.description = value;
        break;
      case 'owner': {
        const o = readOwners(value, this.pack);
        if (o.people.length && d.owners.length === 0) d.owners = o.people;
        if (o.structure && !d.structure) d.structure = o.structure;
        break;
      }
      case 'structure': {
        if (d.structure) break;
        const s = splitStructure(value);
        d.structure = s.structure;
        if (s.cdr) d.cdr = s.cdr;
        break;
      }
      case 'indicator': {
        const ind: Indicator = { description: value, span };
        if (v.ordinal) ind.n = Number.parseInt(v.ordinal, 10);
        d.indicators.push(ind);
        d.lastItem = ind;
        break;
      }
      case 'target':
      case 'result': {
        let ind = this.indicatorOf(d, v.line);
        // "target 2024: 5.000 - target 2025: 5.500": one indicator per year, as a table with year columns gives
        if (v.year !== undefined && ind.year !== v.year) {
          if (ind.year !== undefined || ind.target || ind.result) {
            const { target: _t, result: _r, weight: _w, ...rest } = ind;
            ind = { ...rest, year: v.year };
            d.indicators.push(ind);
            d.lastItem = ind;
          } else ind.year = v.year;
        }
        ind[v.field] = parseTarget(cleanFigure(value));
        ind.span = spanOf(this.doc, ind.span.lineStart - 1, v.lineEnd);
        break;
      }
      case 'weight': {
        const item = d.lastItem;
        if (item && !item.weight) item.weight = parseFigure(cleanFigure(value));
        else if (!d.weight) d.weight = cleanFigure(value);
        break;
      }
      case 'phase': {
        const phase: Phase = { title: value, span };
        if (v.ordinal) phase.n = Number.parseInt(v.ordinal, 10);
        d.phases.push(phase);
        d.lastItem = phase;
        break;
      }
      case 'phases':
        for (const p of readPhaseList(value)) d.phases.push({ ...p, span });
        break;
      case 'start':
      case 'end': {
        // "dal 01/02/2031 al 31/03/2031": a start with its end in one value
        const range = v.field === 'start' ? splitRange(value, this.pack) : null;
        if (range) {
          this.value({ ...v, value: range.start });
          this.value({ ...v, field: 'end', value: range.end });
          break;
        }
        const date = parseDate(value);
        const item = d.lastItem;
        if (item && 'title' in item && date) {
          item[v.field] = date;
          item.span = spanOf(this.doc, item.span.lineStart - 1, v.lineEnd);
        } else if (!d[v.field]) d[v.field] = value;
        break;
      }
      case 'budget':
        if (!d.budget) d.budget = value;
        break;
      case 'strategic':
        d.strategic ??= value;
        break;
    }
  }

  /** A table: its rows are objectives when it has a key column, else phases or indicators of the record above. */
  table(t: Table, lines: readonly string[]): void {
    const col = (field: string) => t.columns.findIndex((c) => c.field === field);
    const codeCol = col('code');
    // tables go from the general to the specific: of several objective columns, the last is the objective's own
    const labelledTitleCol = t.columns.findLastIndex((c) => c.field === 'objective' || c.field === 'title');
    // a column whose header is no label of the lexicon ("PIANO 2024-2026") but whose cells are a code and a title,
    // after the labelled objective columns, holds the most specific objectives of the table
    const codedCells = (i: number) => {
      const filled = t.rows.map((r) => clean(r.cells[i] ?? '')).filter(Boolean);
      const coded = filled.filter((c) => {
        const s = splitCode(c, this.shapes);
        return s.code && s.title && isStrongCode(s.code, this.shapes);
      });
      return filled.length > 0 && coded.length * 2 >= filled.length;
    };
    const codedCol =
      codeCol < 0 ? t.columns.findLastIndex((c, i) => i > labelledTitleCol && c.field === null && codedCells(i)) : -1;
    const titleCol = codedCol >= 0 ? codedCol : labelledTitleCol;
    // a table of phases (a phase column), or one without codes inside a coded record, lists that record's items
    // a code column of the items ("Codice indicatore") numbers the open record's indicators, not objectives
    const itemLabel = codeCol >= 0 ? t.columns[codeCol]!.label.split(/\s+/).slice(1).join(' ') : '';
    const itemField = itemLabel ? wholeLabel(itemLabel, this.pack)?.field : undefined;
    const numbered =
      codeCol < 0 || isOrdinalColumn(t.columns[codeCol]!) || itemField === 'indicator' || itemField === 'phase';
    const inRecord = numbered && (this.current?.code !== undefined || (this.coded && this.lastCoded !== null));
    if (inRecord && !this.current) this.current = this.lastCoded;
    if ((codeCol < 0 && titleCol < 0) || col('phase') >= 0 || inRecord) {
      this.attachItems(t);
      return;
    }
    this.close();
    const matrix = readMatrix(t, lines, this.pack);
    t.rows.forEach((row, r) => {
      const cell = (i: number) => (i >= 0 ? clean(row.cells[i] ?? '') : '');
      const d = newDraft(row.line);
      d.last = row.lineEnd;
      let split = splitCode(cell(titleCol), this.shapes);
      const code = cell(codeCol);
      const head =
        codeCol < 0 && t.rows.length === 1 ? sheetHeadRow(t, row, titleCol, lines, this.shapes, this.pack) : null;
      if (head) {
        split = { code: head.code, title: head.title };
        row.cells[col('structure')] = head.structure;
        if (col('owner') >= 0) row.cells[col('owner')] = head.owner;
        d.titleLine = head.line;
        d.last = Math.max(d.last, head.line);
      }
      if (code) {
        d.code = code;
        d.title = cell(titleCol) || undefined;
      } else if (split.code && (this.shapes.isCode(split.code) || /[\p{L}._/-]/u.test(split.code))) {
        d.code = split.code;
        d.title = split.title;
      } else d.title = cell(titleCol) || undefined;
      if (!d.title && !d.code) return;
      if (d.title && d.titleLine === undefined) d.titleLine = row.line;
      const owner = cell(col('owner'));
      if (owner) {
        const o = readOwners(owner, this.pack);
        d.owners = o.people;
        if (o.structure) d.structure = o.structure;
      } else if (this.pendingOwner.length) d.owners = [...this.pendingOwner];
      const structure = cell(col('structure'));
      if (structure) Object.assign(d, splitStructure(structure));
      const strategic = cell(col('strategic'));
      if (strategic) d.strategic = strategic;
      const description = cell(col('description'));
      if (description) d.description = description;
      const span = spanOf(this.doc, row.line, row.lineEnd);
      const indicatorText = cell(col('indicator'));
      const targets = t.columns.map((c, i) => (c.field === 'target' ? i : -1)).filter((i) => i >= 0);
      const weight = cell(col('weight'));
      // the result beside each target: of the same year where results have years ("Risultato 2022")
      const resultFor = (i: number) => {
        const year = t.columns[i]?.year;
        const same = year === undefined ? -1 : t.columns.findIndex((c) => c.field === 'result' && c.year === year);
        return cell(same >= 0 ? same : col('result'));
      };
      if (indicatorText || targets.some((i) => cell(i))) {
        const years = targets.length > 1;
        for (const i of targets.length ? targets : [-1]) {
          const ind: Indicator = { description: indicatorText || d.title || '', span };
          if (i >= 0 && cell(i)) ind.target = parseTarget(cleanFigure(cell(i)));
          if (years && t.columns[i]?.year) ind.year = t.columns[i]!.year!;
          if (weight) ind.weight = parseFigure(cleanFigure(weight));
          const result = resultFor(i);
          if (result) ind.result = parseTarget(cleanFigure(result));
          if (i >= 0 && !cell(i) && years) continue;
          d.indicators.push(ind);
        }
      } else if (weight) d.weight = cleanFigure(weight);
      const end = cell(col('end'));
      if (end) d.end = end;
      const start = cell(col('start'));
      if (start) d.start = start;
      const budget = cell(col('budget'));
      if (budget) d.budget = budget;
      const m = matrix?.assignments[r];
      if (matrix && m?.holders.length) {
        if (matrix.holdersArePeople) d.owners = m.holders.map((name) => ({ name }));
        else if (!d.structure) d.structure = m.holders.join('; ');
      }
      this.drafts.push(d);
    });
  }

  /** A table with no objective column inside a record: its phases (Fase | Inizio | Fine | Peso) or indicators. */
  private attachItems(t: Table): void {
    const d = this.current;
    if (!d) return;
    const col = (field: string) => t.columns.findIndex((c) => c.field === field);
    const cell = (row: string[], i: number) => (i >= 0 ? clean(row[i] ?? '') : '');
    const phaseCol =
      [col('phase'), t.columns.findLastIndex((c) => c.field === 'objective' || c.field === 'title')].find(
        (i) => i >= 0,
      ) ?? -1;
    const indicatorCol = col('indicator');
    for (const row of t.rows) {
      const span = spanOf(this.doc, row.line, row.lineEnd);
      const weight = cell(row.cells, col('weight'));
      if (phaseCol >= 0) {
        const phase = datedPhase(
          { title: cell(row.cells, phaseCol), span },
          { start: cell(row.cells, col('start')), end: cell(row.cells, col('end')), weight },
        );
        if (phase.title) d.phases.push(phase);
      } else if (indicatorCol >= 0) {
        // one indicator per target column; with several ("Valore atteso 2022 | Valore atteso 2023"), one per year
        const targets = t.columns.map((c, i) => (c.field === 'target' ? i : -1)).filter((i) => i >= 0);
        const years = targets.length > 1;
        for (const i of targets.length ? targets : [-1]) {
          const ind: Indicator = { description: cell(row.cells, indicatorCol), span };
          const target = cell(row.cells, i);
          if (years && !target) continue;
          if (target) ind.target = parseTarget(cleanFigure(target));
          if (years && t.columns[i]?.year) ind.year = t.columns[i]!.year!;
          const result = cell(row.cells, col('result'));
          if (result) ind.result = parseTarget(cleanFigure(result));
          if (weight) ind.weight = parseFigure(weight);
          if (ind.description) d.indicators.push(ind);
        }
      }
      d.last = Math.max(d.last, row.lineEnd);
    }
  }

  /** A record of a code cascade: its code, title and structure column. */
  cascadeRecord(r: CascadeRecord): void {
    this.close();
    const d = newDraft(r.line);
    d.last = r.lineEnd;
    d.code = r.code;
    d.title = r.title;
    d.titleLine = r.line;
    if (r.structure) d.structure = r.structure;
    this.coded = true;
    this.drafts.push(d);
  }

  listItem(item: ListItem, coded: boolean): void {
    this.close();
    const d = newDraft(item.line);
    d.last = item.lineEnd;
    if (coded) d.code = item.n;
    d.title = item.title;
    d.titleLine = item.line;
    d.weight = item.weight;
    this.drafts.push(d);
  }
}

/**
 * A code alone on its line and the title on the next non-blank one (`2021_OB_8906_1` / `Progettazioni con …`): a
 * free line of three words or more, no label, no code, no tab.
 */
function readLoneCode(
  lines: readonly string[],
  i: number,
  shapes: CodeShapes,
  pack: LabelPack,
  taken: (i: number) => boolean,
): { code: string; title: string } | null {
  const code = lines[i]!.trim().replace(/[.:]+$/, '');
  if (!code || /\s/.test(code) || !isStrongCode(code, shapes)) return null;
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === '' && j - i <= 2) j++;
  const title = clean(lines[j] ?? '');
  const free =
    !taken(j) &&
    !/\t/.test(lines[j] ?? '') &&
    title.split(' ').length >= 3 &&
    !isStrongCode(title.split(' ')[0]!, shapes) &&
    stackedLabel(title, pack) === null &&
    readInline(title, pack).values.length === 0;
  return free ? { code, title } : null;
}

/** Reads every objective the primitives can find in a document. */
export function readGenericRecords(doc: SourceDocument, pack: LabelPack = LEXICON): GenericReading {
  const lines = doc.lines.map((l) =>
    l
      .replace(/<br\s*\/?>/gi, ' ')
      // an HTML cell's markup (`<b>Nr.</b>`, `<p>…</p>`) is no part of its text; tabs between cells stay
      .replace(/<[^<>\t]+>/g, '')
      .replace(/\*\*|__/g, '')
      .replace(/^#+\s+/, ''),
  );
  const noise = pageNoiseLines(lines, doc.pageOfLine);
  const shapes = learnCodeShapes(lineLeadTokens(lines.filter((_, i) => !noise.has(i))));
  const tables = readTables(lines, pack, noise, shapes);
  const tableLines = new Set<number>(noise);
  for (const t of tables) for (let i = t.headerLine; i <= t.lineEnd; i++) tableLines.add(i);
  const cascade = readCodeCascade(lines, tableLines);
  if (cascade) for (let i = cascade.from; i <= cascade.to; i++) tableLines.add(i);

  const words = documentWords(lines);
  const values = readLabelValues(lines, pack, tableLines).map((v) => ({
    ...v,
    value: healHyphens(v.value, words, pack),
  }));
  for (const t of tables) for (const row of t.rows) row.cells = row.cells.map((c) => healHyphens(c, words, pack));
  // lines a label opens are fields, not headings; a heading may still carry an owner after its name
  const fieldLines = new Set<number>(tableLines);
  const ownerLines = new Map<number, FieldValue>();
  const perLine = new Map<number, number>();
  for (const v of values) perLine.set(v.line, (perLine.get(v.line) ?? 0) + 1);
  const leads = new Map<number, string>();
  for (const v of values) {
    let lead = leads.get(v.line);
    if (lead === undefined) {
      lead = v.wholeLine || stackedLabel(lines[v.line]!, pack) !== null ? '' : readInline(lines[v.line]!, pack).lead;
      leads.set(v.line, lead);
    }
    if (lead === '') for (let i = v.line; i <= v.lineEnd; i++) fieldLines.add(i);
    if (v.field === 'owner' && lead === '' && perLine.get(v.line) === 1) ownerLines.set(v.line, v);
  }
  // the line under a code written alone is that code's title, never a heading, however much it reads like a unit
  // name ("Area …", "Servizi per …")
  const notHeadings = new Set(fieldLines);
  let lastLoneCode = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (lastLoneCode >= 0) notHeadings.add(i);
    lastLoneCode = !/\s/.test(t) && isStrongCode(t, shapes) ? i : -1;
  }
  const scopes = readScopes(lines, notHeadings, ownerLines, pack);
  const scopeLines = new Set<number>();
  for (const s of scopes) for (let i = s.line; i <= s.lineEnd; i++) scopeLines.add(i);
  const lists = readNumberedLists(lines, fieldLines, pack);
  const listLines = new Set(lists.flat().flatMap((item) => range(item.line, item.lineEnd)));
  // numbering that starts again in each list counts items; it is no code of the document's
  const numbers = lists.flat().map((item) => item.n);
  const listCodes = new Set(numbers).size === numbers.length;
  const taken = (i: number) => fieldLines.has(i) || scopeLines.has(i) || listLines.has(i);
  const codeLines = lines.flatMap((line, i) => {
    if (taken(i)) return [];
    const c = readCodeLine(line, shapes) ?? readLoneCode(lines, i, shapes, pack, taken);
    return c ? [{ line: i, ...c }] : [];
  });

  type Event = { line: number; order: number; run: () => void };
  const reader = new RecordReader(doc, shapes, pack);
  const events: Event[] = [
    ...scopes.map((s) => ({ line: s.line, order: 0, run: () => reader.heading(s.owner !== undefined) })),
    ...codeLines.map((c) => ({ line: c.line, order: 1, run: () => reader.codeLine(c.line, c.code, c.title) })),
    ...tables.map((t) => ({ line: t.headerLine, order: 1, run: () => reader.table(t, lines) })),
    ...(cascade?.records ?? []).map((r) => ({ line: r.line, order: 1, run: () => reader.cascadeRecord(r) })),
    ...lists.flatMap((list) =>
      list.map((item) => ({ line: item.line, order: 1, run: () => reader.listItem(item, listCodes) })),
    ),
    ...values
      .filter((v) => !scopeLines.has(v.line))
      .map((v, k) => ({ line: v.line, order: 2 + k / 1e6, run: () => reader.value(v) })),
  ];
  events.sort((a, b) => a.line - b.line || a.order - b.order);
  for (const e of events) e.run();

  return finish(doc, reader.drafts, scopes, pack);
}

function finish(doc: SourceDocument, drafts: Draft[], scopes: Scope[], pack: LabelPack): GenericReading {
  const stem = doc.file.replace(/\.[^.]+$/, '');
  const objectives: Objective[] = [];
  const warnings: PlanWarning[] = [];
  const seen = new Map<string, number>();
  const repeats = new Map<string, number>();
  const structures = new Map<string, Structure>();
  for (const s of scopes) {
    const key = s.structure.toLowerCase();
    if (structures.has(key)) continue;
    const head = s.owner?.people[0];
    structures.set(key, {
      doc: doc.file,
      name: s.structure,
      kind: structureKind(s.structure, pack),
      ...(head ? { head: head.name } : {}),
      ...(head?.title ? { headRole: head.title } : {}),
      span: spanOf(doc, s.line, s.lineEnd),
    });
  }
  for (const d of drafts) {
    if (!d.title && !d.code) continue;
    const scope = scopeAt(scopes, d.first);
    const owners = d.owners.length ? d.owners : (scope?.owner?.people ?? []);
    const structure = d.structure ?? scope?.owner?.structure ?? scope?.structure;
    const ordinal = objectives.length + 1;
    const code = d.code ?? `${stem}#${ordinal}`;
    if (seen.has(code)) {
      repeats.set(code, (repeats.get(code) ?? 1) + 1);
      continue;
    }
    seen.set(code, d.first);
    const spanStart = d.code ? d.first : (d.titleLine ?? d.first);
    const o: Objective = {
      doc: doc.file,
      code,
      title: d.title ?? d.description ?? code,
      owners: owners.map((p) => p.name),
      phases: d.phases,
      indicators: d.indicators.map((i) => (i.description ? i : { ...i, description: d.title ?? code })),
      span: spanOf(doc, Math.min(spanStart, d.last), Math.max(d.last, spanStart)),
    };
    if (!d.code) o.codeAssigned = true;
    if (owners.some((p) => p.title)) o.ownerTitles = owners.map((p) => p.title ?? '');
    if (structure) o.structure = structure;
    if (d.cdr) o.cdr = d.cdr;
    else if (!d.structure && scope?.code && structure === scope.structure) o.cdr = scope.code;
    if (d.description) o.description = d.description;
    if (d.strategic) o.strategic = { obiettivoStrategico: d.strategic };
    if (d.weight) o.weight = parseFigure(d.weight);
    // a record measured by one indicator weighs what that indicator weighs: "Peso" under its only indicator is
    // the record's weight as much as the indicator's
    else if (o.indicators.length === 1 && o.indicators[0]!.weight && o.phases.length === 0)
      o.weight = o.indicators[0]!.weight;
    if (d.start) {
      const s = parseDate(d.start);
      if (s) o.start = s;
    }
    if (d.end) {
      const e = parseDate(d.end);
      if (e) o.end = e;
    }
    if (d.budget) {
      o.financialResources = d.budget;
      o.financialAmount = parseFigure(d.budget);
    }
    const years = [...new Set(o.indicators.map((i) => i.year).filter((y): y is number => y !== undefined))];
    if (years.length > 1) {
      o.years = years.sort((a, b) => a - b);
      o.multiYear = true;
    }
    if (structure && !structures.has(structure.toLowerCase()) && !structure.includes(';')) {
      structures.set(structure.toLowerCase(), {
        doc: doc.file,
        name: structure,
        kind: structureKind(structure, pack),
        ...(d.cdr ? { code: d.cdr } : {}),
        span: o.span,
      });
    }
    objectives.push(o);
  }
  for (const [code, n] of repeats) {
    warnings.push({
      doc: doc.file,
      message: `objective ${code} is written ${n} times; kept the first`,
      span: spanOf(doc, seen.get(code)!),
    });
  }
  return { objectives, structures: [...structures.values()], warnings };
}
