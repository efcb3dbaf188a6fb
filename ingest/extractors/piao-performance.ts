/**
 * PIAO "SOTTOSEZIONE PERFORMANCE" (e.g. Provincia di Prato, PIAO 2024-2026): a narrative whose core is the
 * "TAVOLA DI SINTESI SEZIONE STRATEGICA-OPERATIVA-PERFORMANCE", cascading valore pubblico → linea di mandato →
 * obiettivo strategico (DUP) → obiettivo operativo (DUP) → PIAO-PERFORMANCE objective with its STRUTTURA;
 * the narrative also carries small tables of figures (staff, hirings, smart working).
 */

import type { DataTable, ExtractedPlan, Objective, PlanDocument } from '../../src/plan/model.ts';
import { fold, squash } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { readSynthesisTables, type SynthesisRow, type SynthesisTable } from './piao-performance/synthesis-table.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { readFigureTables } from './primitives/figure-tables.ts';
import { type LayoutMarker, markerScore, markerText } from './primitives/layout-markers.ts';
import { issuingBody, planOf, type WarningLog, warningLog } from './primitives/plan-parts.ts';
import { present } from './primitives/present.ts';
import { knownStructures, splitTitleAndStructure, structureKind } from './primitives/structure-cell.ts';
import { mentionsOf, structuresOf } from './primitives/structures-of-objectives.ts';

export const PIAO_PERFORMANCE_LAYOUT = 'piao-performance';

/** The section and table titles of the template, and its four-level objective codes (`01.01.02.03`). */
const MARKERS: LayoutMarker[] = [
  { re: /sottosezione performance/, weight: 0.25 },
  { re: /tavola di sintesi/, weight: 0.25 },
  { re: /piao-performance \d{4}/, weight: 0.2 },
  { re: [/linea di mandato/, /valore pubblico/], weight: 0.1 },
  { re: /(?<=^|\s)\d{2}\.\d{2}\.\d{2}\.\d{2}(?=\s|$)/g, weight: 0.2, min: 5 },
];

export const piaoPerformanceExtractor: PlanExtractor = {
  layout: PIAO_PERFORMANCE_LAYOUT,
  detect: (doc) => markerScore(markerText(doc), MARKERS),
  extract,
};

function extract(doc: SourceDocument): ExtractedPlan {
  const { warnings, warn } = warningLog(doc);

  const synthesis = readSynthesisTables(doc.lines);
  if (synthesis.length === 0) warn('no "TAVOLA DI SINTESI" with PIAO-PERFORMANCE objectives found');
  for (const t of synthesis) for (const n of t.notes) warn(n.message, n.from, n.to);

  const years = planYears(doc, synthesis);
  const objectives = readObjectives(doc, synthesis, years, warn);
  // no head: the owners are the STRUTTURA names themselves
  const structures = structuresOf(doc.file, mentionsOf(objectives), objectives, { kind: structureKind });
  const tables = readTables(doc, synthesis, warn);

  if (objectives.length > 0) {
    const first = synthesis[0]!;
    warn(
      'no person is named as responsible for the PIAO objectives: each owner is the STRUTTURA as written; ' +
        '"Dirigente" stands for the dirigente of the objective\'s area',
      first.from,
      first.to,
    );
    const annex = doc.lines.findIndex((l) => /ALLEGATO\s+[A-Z]\b/.test(l));
    if (annex >= 0)
      warn('indicators and targets of the objectives are not in this document: it refers to an annex', annex);
  }

  return planOf(piaoDocument(doc, years), { structures, objectives, tables, warnings });
}

function piaoDocument(doc: SourceDocument, years: number[]): PlanDocument {
  const heading = doc.lines.map((l) => squash(l)).find((l) => /SOTTOSEZIONE\s+PERFORMANCE/i.test(l) && l.length <= 80);
  const range = years.length ? `${years[0]}-${years.at(-1)}` : '';
  const title = [range ? `PIAO ${range}` : 'PIAO', heading].filter(Boolean).join(' – ');
  return planDocument(doc, PIAO_PERFORMANCE_LAYOUT, {
    entity: issuingBody(doc),
    kind: 'piao_performance',
    title,
    years,
  });
}

/** The triennio of the PIAO-PERFORMANCE column; otherwise the triennio the text cites most. */
function planYears(doc: SourceDocument, synthesis: readonly SynthesisTable[]): number[] {
  let range = synthesis.find((t) => t.years)?.years;
  if (!range) {
    const counts = new Map<string, number>();
    for (const m of doc.text.matchAll(/\b(20\d{2})\s*-\s*(20\d{2})\b/g)) {
      if (Number(m[2]) - Number(m[1]) === 2) counts.set(`${m[1]}-${m[2]}`, (counts.get(`${m[1]}-${m[2]}`) ?? 0) + 1);
    }
    range = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  if (!range) return [];
  const [a, b] = range.split('-').map(Number) as [number, number];
  return Array.from({ length: b - a + 1 }, (_, n) => a + n);
}

function readObjectives(
  doc: SourceDocument,
  synthesis: readonly SynthesisTable[],
  years: number[],
  warn: WarningLog['warn'],
): Objective[] {
  const rows = synthesis.flatMap((t) => t.rows);
  const known = knownStructures(rows.map((r) => r.text));
  const byCode = new Map<string, Objective>();
  for (const row of rows) {
    const { title, structure, how } = splitTitleAndStructure(row.text, known);
    const existing = byCode.get(row.code);
    if (existing) {
      if (fold(existing.title) !== fold(title))
        warn(`objective ${row.code} appears twice with different titles`, row.from, row.to);
      continue;
    }
    if (!structure) warn(`objective ${row.code}: no STRUTTURA recognised`, row.from, row.to);
    if (how === 'unit-word' && !known.includes(structure ?? ''))
      warn(`objective ${row.code}: STRUTTURA read from the unit name alone`, row.from, row.to);
    byCode.set(row.code, objectiveOf(doc, row, title, structure, years));
  }
  return [...byCode.values()];
}

function objectiveOf(
  doc: SourceDocument,
  row: SynthesisRow,
  title: string,
  structure: string | undefined,
  years: number[],
): Objective {
  const objective: Objective = {
    doc: doc.file,
    code: row.code,
    title,
    // the table gives evidence to the strategic PIAO objectives tied to the dirigenza by assigning them to "Dirigente"
    ...(structure && /^dirigente\b/.test(fold(structure)) ? { type: 'strategico' } : {}),
    owners: structure ? [structure] : [],
    phases: [],
    indicators: [],
    span: spanOf(doc, row.from, row.to),
  };
  if (structure) objective.structure = structure;
  if (years.length) objective.years = years;
  const coded = (c: { code: string; text: string } | undefined) => (c ? `${c.code} ${c.text}`.trim() : undefined);
  const strategic = present({
    valorePubblico: row.valorePubblico,
    lineaMandato: row.lineaMandato,
    obiettivoStrategico: coded(row.strategic),
    obiettivoOperativo: coded(row.operational),
    area: row.area,
  });
  if (Object.keys(strategic).length) objective.strategic = strategic;
  return objective;
}

function readTables(doc: SourceDocument, synthesis: readonly SynthesisTable[], warn: WarningLog['warn']): DataTable[] {
  const exclude = synthesis.map((t) => [t.from, t.to] as const);
  return readFigureTables(doc.lines, exclude).map((t) => {
    if (t.uncertain) warn(`table "${t.title}": ${t.uncertain}`, t.from, t.to);
    const table: DataTable = {
      doc: doc.file,
      title: t.title,
      header: t.header,
      rows: t.rows,
      span: spanOf(doc, t.from, t.to),
    };
    if (t.section) table.section = t.section;
    return table;
  });
}
