/**
 * Layout `schede-obiettivo`: one "scheda" per objective per year (`ANNI 2019-2020` … `Codice obiettivo: VI - 1`),
 * with labelled fields, a "Risultato atteso", an Indicatori table and a Piano operativo table.
 *
 * The same objective has one sheet per year; the model keeps ONE objective per code, listing the sheet years in
 * `years`, and tags every indicator and phase with the year of the sheet it came from. A sheet's year is its own
 * `ANNO 2019` header, else the `- ANNO 2019 -` mark that closes its Risultato atteso, else the year its indicators
 * are due.
 */

import { parseFigure, parseTarget } from '../../src/plan/figures.ts';
import type { DocumentKind, ExtractedPlan, Indicator, Objective, Phase, Structure } from '../../src/plan/model.ts';
import { fold, squash } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { readDateCell } from './primitives/date-cells.ts';
import { type LayoutMarker, markerScore, markerText } from './primitives/layout-markers.ts';
import { readOwners } from './primitives/people.ts';
import { issuingBody, planOf, type WarningLog, warningLog } from './primitives/plan-parts.ts';
import { present } from './primitives/present.ts';
import { structuresOf } from './primitives/structures-of-objectives.ts';
import { weightTotal } from './primitives/weights.ts';
import { type Sheet, splitSheets } from './schede-obiettivo/sheets.ts';
import { flat, readIndicatorRow, readPhaseRow, type TableRow } from './schede-obiettivo/table-rows.ts';

const LAYOUT = 'schede-obiettivo';

/** Phrases of the sheet template, with how much each one says about the layout (searched in the folded text). */
const MARKERS: LayoutMarker[] = [
  { re: /codice obiettivo\s*:?\s*(?:\*\*)?\s*[a-z]+\s*-\s*\d+/, weight: 0.3 },
  { re: /sub-obiettivo \/ attivita/, weight: 0.2 },
  { re: /livello intermedio livello finale/, weight: 0.15 },
  { re: /graduazione conseguimento/, weight: 0.1 },
  { re: /ambiti della performance organizzativa/, weight: 0.1 },
  { re: /unita organizzativa responsabile/, weight: 0.1 },
  { re: /riferimento dup/, weight: 0.05 },
];

export const schedeObiettivoExtractor: PlanExtractor = {
  layout: LAYOUT,
  detect: (doc) => markerScore(markerText(doc), MARKERS),
  extract(doc) {
    return extractSchede(doc);
  },
};

const YEAR_MARK = /\s*-?\s*\bANNO\s+(\d{4})\s*-?\s*$/u;

function extractSchede(doc: SourceDocument): ExtractedPlan {
  const flatLines = doc.lines.map(flat);
  const sheets = splitSheets(doc.lines, flatLines);
  const { warnings, warnAt: warn } = warningLog(doc);

  const byCode = new Map<string, { sheet: Sheet; year: number | undefined }[]>();
  for (const sheet of sheets) {
    const code = sheet.fields.code?.value;
    if (!code) {
      warn('scheda senza codice obiettivo: ignorata', spanOf(doc, sheet.from, sheet.to));
      continue;
    }
    const year = sheetYear(sheet, flatLines);
    if (year === undefined)
      warn(`scheda ${code}: anno della scheda non determinabile`, spanOf(doc, sheet.from, sheet.to));
    const key = fold(code).replace(/\s+/g, '');
    const group = byCode.get(key) ?? [];
    group.push({ sheet, year });
    byCode.set(key, group);
  }

  const objectives = [...byCode.values()].map((group) => buildObjective(doc, group, warn));
  const years = [...new Set(sheets.flatMap((s) => headerYears(s.header)))].sort();

  const document = planDocument(doc, LAYOUT, {
    entity: issuingBody(doc),
    kind: findKind(doc),
    title: sheets[0]?.header ? `Schede obiettivo ${sheets[0].header}` : 'Schede obiettivo',
    years: years.length ? years : [...new Set(objectives.flatMap((o) => o.years ?? []))].sort(),
  });
  // a unit is where a sheet's "Unità organizzativa responsabile" first names it
  const units = sheets.flatMap(({ fields: { unit } }) =>
    unit?.value ? [{ name: unit.value, span: spanOf(doc, unit.line, unit.to) }] : [],
  );
  const structures = structuresOf(doc.file, units, objectives, { kind: unitKind, headRole: 'Responsabile' });
  return planOf(document, { structures, objectives, warnings });
}

const unitKind = (name: string): Structure['kind'] => (/^settore\b/.test(fold(name)) ? 'settore' : 'servizio');

type Warn = WarningLog['warnAt'];

function buildObjective(
  doc: SourceDocument,
  group: { sheet: Sheet; year: number | undefined }[],
  warn: Warn,
): Objective {
  const first = group[0]!.sheet;
  const code = squash(first.fields.code!.value);
  const span = spanOf(doc, first.from, group.at(-1)!.sheet.to);
  const title = first.fields.title?.value ?? '';
  const ownersText = group.map((g) => g.sheet.fields.owner?.value).find((v) => v) ?? '';
  const people = readOwners(ownersText).people;

  const objective: Objective = {
    doc: doc.file,
    code,
    title,
    owners: people.map((p) => p.name),
    phases: [],
    indicators: [],
    span,
  };
  if (people.some((p) => p.title)) objective.ownerTitles = people.map((p) => p.title ?? '');
  if (!people.length) warn(`obiettivo ${code} senza responsabile`, span);
  for (const g of group.slice(1)) {
    const other = g.sheet.fields.title?.value;
    if (other && fold(other) !== fold(title))
      warn(
        `obiettivo ${code}: denominazione diversa nella scheda ${g.year ?? ''}`,
        spanOf(doc, g.sheet.from, g.sheet.to),
      );
  }

  const unit = first.fields.unit?.value;
  if (unit) objective.structure = unit;
  const involved = first.fields.involved?.value;
  if (involved) objective.otherServices = involved;
  const dup = first.fields.dup?.value;
  if (dup) objective.strategic = { riferimentoDup: dup };
  const multiYear = readMultiYear(first.fields.kind?.value);
  if (multiYear !== undefined) objective.multiYear = multiYear;

  const years = [...new Set(group.map((g) => g.year).filter((y): y is number => y !== undefined))].sort();
  if (years.length) objective.years = years;
  if (group.length === 1 && years.length === 1) objective.year = years[0]!;

  const result = expectedResult(group);
  if (result) objective.expectedResult = result;

  const finance = group.map((g) => g.sheet.finance).find((f) => f);
  if (finance) {
    objective.financialResources = `TOTALE ${finance.total}`;
    objective.financialAmount = parseFigure(finance.total);
  }

  for (const { sheet, year } of group) {
    const label = `obiettivo ${code}${year ? ` (${year})` : ''}`;
    const indicators = sheet.indicatorRows.flatMap((row) => toIndicator(doc, row, year) ?? []);
    const phases = sheet.phaseRows.flatMap((row) => toPhase(doc, row, year) ?? []);
    objective.indicators.push(...indicators);
    objective.phases.push(...phases);
    checkWeights(indicators, `${label}: pesi degli indicatori`, sheet.indicatorTotal, doc, sheet, warn);
    checkWeights(phases, `${label}: pesi del piano operativo`, sheet.phaseTotal, doc, sheet, warn);
    for (const p of phases) {
      if (p.end && !p.end.iso) warn(`${label}: data "${p.end.text}" della fase ${p.n} non leggibile`, p.span);
    }
    for (const ind of indicators) {
      if (ind.targetDate && !ind.targetDate.iso)
        warn(`${label}: data "${ind.targetDate.text}" dell'indicatore ${ind.n} non leggibile`, ind.span);
    }
  }
  return objective;
}

function toIndicator(doc: SourceDocument, row: TableRow, year: number | undefined): Indicator | null {
  const c = readIndicatorRow(row);
  if (!c) return null;
  return {
    n: c.n,
    description: c.description,
    weight: parseFigure(c.weight),
    span: spanOf(doc, row.from, row.to),
    ...present({
      year,
      formula: c.formula,
      intermediateTarget: c.intermediateTarget ? parseTarget(c.intermediateTarget) : undefined,
      intermediateDate: c.intermediateDate ? readDateCell(c.intermediateDate, year) : undefined,
      target: c.target ? parseTarget(c.target) : undefined,
      targetDate: c.targetDate ? readDateCell(c.targetDate, year) : undefined,
      grading: c.grading,
    }),
  };
}

function toPhase(doc: SourceDocument, row: TableRow, year: number | undefined): Phase | null {
  const c = readPhaseRow(row);
  if (!c) return null;
  return {
    n: c.n,
    title: c.title,
    weight: parseFigure(c.weight),
    span: spanOf(doc, row.from, row.to),
    ...present({
      year,
      // TEMPI (I/F) holds a single date in this document: the deadline.
      end: c.when ? readDateCell(c.when, year) : undefined,
      indicator: c.indicator,
      target: c.target,
      grading: c.grading,
    }),
  };
}

function checkWeights(
  records: { weight?: { value: number | null } }[],
  what: string,
  printedTotal: string | undefined,
  doc: SourceDocument,
  sheet: Sheet,
  warn: Warn,
): void {
  if (!records.length) return;
  const sum = weightTotal(records) ?? 0;
  if (sum !== 100) warn(`${what} sommano a ${sum}% invece di 100%`, spanOf(doc, sheet.from, sheet.to));
  else if (printedTotal && parseFigure(printedTotal).value !== 100)
    warn(`${what}: totale stampato ${printedTotal}`, spanOf(doc, sheet.from, sheet.to));
}

/** `ANNO 2019` header, else the `- ANNO 2019 -` mark of the Risultato atteso, else the year most indicators are due. */
function sheetYear(sheet: Sheet, flatLines: readonly string[]): number | undefined {
  if (sheet.headerYear) return sheet.headerYear;
  const mark = sheet.result?.text.match(YEAR_MARK);
  if (mark) return Number(mark[1]);
  const counts = new Map<number, number>();
  const rows = [...sheet.indicatorRows, ...sheet.phaseRows];
  for (const row of rows) {
    const text = flatLines.slice(row.from, row.to + 1).join(' ');
    for (const m of text.matchAll(/\b(20\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of counts)
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && y > best)) best = y;
  return best;
}

function headerYears(header: string | undefined): number[] {
  return header ? [...header.matchAll(/\d{4}/g)].map((m) => Number(m[0])) : [];
}

/** The text of the Risultato atteso: once when every sheet says the same (year marks aside), else year by year. */
function expectedResult(group: { sheet: Sheet; year: number | undefined }[]): string | undefined {
  const texts = group
    .filter((g) => g.sheet.result)
    .map((g) => ({ year: g.year, text: g.sheet.result!.text.replace(YEAR_MARK, '').trim() }));
  if (!texts.length) return undefined;
  if (texts.every((t) => fold(t.text) === fold(texts[0]!.text))) return texts[0]!.text;
  return texts.map((t) => (t.year ? `ANNO ${t.year}: ${t.text}` : t.text)).join('\n');
}

/**
 * "Obiettivo: ANNUALE PLURIENNALE" is a choice of two on the form; the text only tells which one applies when
 * the other word is missing. Bold marks do not tell: some sheets set both words in bold.
 */
function readMultiYear(value: string | undefined): boolean | undefined {
  if (!value) return undefined;
  const v = fold(value);
  const annual = /\bannuale\b/.test(v);
  const multi = /\bpluriennale\b/.test(v);
  if (annual === multi) return undefined;
  return multi;
}

function findKind(doc: SourceDocument): DocumentKind {
  const text = fold(doc.lines.join(' '));
  if (/\bpeg\b|piano esecutivo di gestione|piano della performance/.test(text)) return 'peg';
  return 'piano_obiettivi';
}
