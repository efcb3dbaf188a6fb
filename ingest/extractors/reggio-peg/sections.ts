/**
 * Walks the segments of a Reggio Emilia PEG and groups them into drafts: centri di responsabilità (heading,
 * Dirigente, summary-table segments) and their Prodotto sections (code, title, Descrizione, Indirizzo Strategico di
 * riferimento, objectives with indicator tables and notes, Fasi/Attività, Budget previsto, staff).
 *
 * Records are opened by the labels of the template only; any other segment continues the record being read, which is
 * how titles, notes and budget rows wrapped by the PDF rendering are rejoined.
 */
import { isFiguresOnly } from '../primitives/amount-cells.ts';
import type { Segment } from './segments.ts';
import { SUMMARY_HEADER } from './summary-table.ts';

export interface RowDraft {
  parts: string[];
  /** cells of the row's first line, when the source has tabs */
  cells: string[] | null;
  note: string[] | null;
  from: number;
  to: number;
}

export interface ObjectiveDraft {
  code: string;
  type?: string;
  title: string[];
  from: number;
  to: number;
  indicators: RowDraft[];
}

export interface BudgetDraft {
  columns: string[];
  rows: RowDraft[];
  total: RowDraft | null;
  from: number;
  to: number;
}

export interface StaffDraft {
  text: string;
  cells: string[] | null;
  line: number;
}

export type StrategicKey = 'indirizzo' | 'obiettivoStrategico' | 'azione';

export interface ProjectDraft {
  code: string;
  head: string[];
  description: string[];
  strategic: Partial<Record<StrategicKey, string[]>>;
  from: number;
  to: number;
  objectives: ObjectiveDraft[];
  phases: RowDraft[];
  budget: BudgetDraft | null;
  staff: StaffDraft[];
  /** opened by indicators whose Prodotto header is missing from the document */
  implicit: boolean;
}

export interface CdrDraft {
  code: string;
  name: string;
  head?: string;
  /** the Dirigente printed under "Prodotto" */
  productHead?: string;
  from: number;
  to: number;
  summary: Segment[];
  projects: ProjectDraft[];
}

/** Indicator rows printed outside any objective (after a staff table, with no Prodotto or objective header). */
export interface OrphanIndicators {
  projectCode: string;
  /** the project whose section the rows were found in */
  foundIn: string;
  /** the value column's heading, e.g. "Valore previsto 2021" */
  header: string;
  rows: RowDraft[];
}

export interface Sections {
  cdrs: CdrDraft[];
  orphans: OrphanIndicators[];
  /** segments inside a project that no rule of the template explains */
  stray: Segment[];
}

const CDR_HEADING = /^([0-9A-Z]{1,4}) - (\S.*)$/;
const DIRIGENTE = /^Dirigente\s*:\s*(.+)$/;
const PRODOTTO = /^Prodotto$/;
const PROJECT_CODE = /^(\d{4}_P[DG]_[0-9A-Z]+|Z_\d+)(?:\s+(.*))?$/;
const STRATEGIC_TITLE = /^Indirizzo Strategico di riferimento$/;
const STRATEGIC_LABEL = /^(Indirizzo|Obiettivo Strategico|Azione)(?:\s+(.+))?$/;
const DESCRIPTION = /^Descrizione(?:\s+(.+))?$/;
/** The objective type, alone or followed by the code when no bold markers separate them. */
const OBJECTIVE_TYPE =
  /^Obiettivo\s+((?:di\s+)?(?:miglioramento|sviluppo|mantenimento)|gestionale\s+ordinario|prioritario|operativo|trasversale|individuale)(?:\s+(\d{4}_OB_.*))?$/i;
const OBJECTIVE_CODE = /^(\d{4}_OB_[0-9A-Z]+_[0-9A-Z]+)(?:\s+(.*))?$/;
const INDICATOR_HEADER = /^Codice indicatore Indicatore (Valore previsto(?: \d{4})?)/;
const INDICATOR_ROW = /^([A-Z]_[0-9A-Z]+_[0-9A-Z]+_[0-9A-Z]+)(?:\s|$)/;
const NOTE = /^Nota\s*:\s*(.*)$/;
const PHASES = /^Fasi\s*\/\s*Attivit\S*$/;
const PHASE_HEADER = /^Ordine Fase Cod\. Obiettivo Descrizione Fase\b/;
const PHASE_ROW = /^\d{1,3}\s+\d{4}_OB_[0-9A-Z]+_[0-9A-Z]+(?:\s|$)/;
const BUDGET_TITLE = /^Budget previsto$/;
const CAPITOLO = /^Cap\.\s*\d+\s+Art\.\s*\d+/;
const TOTAL = /^Totale\b/;
const DASHES = /^-{3,}(?:\s+-{3,})*$/;
const STAFF_HEADER = /^Nome Soggetto Relazione Personale Impegno Personale$/;
const STAFF_ROW = /^\S.*\s\d{1,3}(?:,\d+)?\s*%$/;

/** Column labels of a "Budget previsto" table (`Entrate Correnti Spese Correnti Spese Investimenti`), or null. */
export function budgetColumns(text: string): string[] | null {
  if (!/^(?:Entrate|Spese)\s/.test(text)) return null;
  const labels = text.split(/\s+(?=(?:Entrate|Spese)\s)/);
  return labels.every((l) => /^(?:Entrate|Spese)(?:\s+[\p{L}/.']+){1,4}$/u.test(l)) ? labels : null;
}

const isCdrHeading = (t: string): boolean => {
  const m = CDR_HEADING.exec(t);
  return Boolean(m && /\p{L}/u.test(m[2]!) && m[2] === m[2]!.toUpperCase());
};

/** Labels that always open a new record, whatever is being read. */
const RECORD_OPENERS = [STRATEGIC_TITLE, OBJECTIVE_TYPE, OBJECTIVE_CODE, INDICATOR_HEADER, PHASES, BUDGET_TITLE];
const opensRecord = (t: string): boolean =>
  RECORD_OPENERS.some((re) => re.test(t)) || budgetColumns(t) !== null || STAFF_HEADER.test(t);

type Mode =
  | 'none'
  | 'cdr'
  | 'summary'
  | 'header'
  | 'description'
  | 'strategic'
  | 'objective'
  | 'indicators'
  | 'phases'
  | 'budget'
  | 'staff';

export function readSections(segs: Segment[]): Sections {
  const cdrs: CdrDraft[] = [];
  const orphans: OrphanIndicators[] = [];
  const stray: Segment[] = [];
  let cdr: CdrDraft | null = null;
  let project: ProjectDraft | null = null;
  let objective: ObjectiveDraft | null = null;
  let mode: Mode = 'none';
  let summaryClosing = false;
  let afterProdotto = false;
  let pendingType: { text: string; line: number } | null = null;
  let strategicKey: StrategicKey | null = null;
  let lastIndicator: RowDraft | null = null;
  let lastPhase: RowDraft | null = null;
  let target: { row: RowDraft; note: boolean } | null = null;
  let orphanGroup: OrphanIndicators | null = null;
  let indicatorHeader: { line: number; label: string; projectTo: number } | null = null;

  const closeProject = () => {
    project = null;
    objective = null;
    pendingType = null;
    lastIndicator = null;
    lastPhase = null;
    target = null;
    orphanGroup = null;
  };
  const openProject = (code: string, line: number, implicit: boolean): ProjectDraft => {
    const p: ProjectDraft = {
      code,
      head: [],
      description: [],
      strategic: {},
      from: line,
      to: line,
      objectives: [],
      phases: [],
      budget: null,
      staff: [],
      implicit,
    };
    cdr!.projects.push(p);
    return p;
  };
  const row = (s: Segment): RowDraft => ({ parts: [s.text], cells: s.cells, note: null, from: s.line, to: s.line });

  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    const t = s.text;

    if (s.first && isCdrHeading(t) && DIRIGENTE.test(segs[k + 1]?.text ?? '')) {
      closeProject();
      const m = CDR_HEADING.exec(t)!;
      cdr = { code: m[1]!, name: m[2]!, from: s.line, to: s.line, summary: [], projects: [] };
      cdrs.push(cdr);
      mode = 'cdr';
      afterProdotto = false;
      continue;
    }
    if (mode === 'summary' && cdr) {
      const ends = PRODOTTO.test(t) || (summaryClosing && !isFiguresOnly(t));
      if (!ends) {
        cdr.summary.push(s);
        if (/(?:^|\s)Totale CDR(?:\s|$)/.test(t)) summaryClosing = true;
        continue;
      }
      mode = 'none';
    }
    const dir = DIRIGENTE.exec(t);
    if (dir && cdr && (mode === 'cdr' || afterProdotto)) {
      if (mode === 'cdr') {
        cdr.head = dir[1]!.trim();
        cdr.to = s.line;
      } else cdr.productHead ??= dir[1]!.trim();
      afterProdotto = false;
      mode = 'none';
      continue;
    }
    if (cdr && SUMMARY_HEADER.test(t)) {
      mode = 'summary';
      summaryClosing = false;
      cdr.summary.push(s);
      continue;
    }
    if (PRODOTTO.test(t)) {
      closeProject();
      afterProdotto = true;
      mode = 'none';
      continue;
    }
    const pc = s.first ? PROJECT_CODE.exec(t) : null;
    if (pc && cdr) {
      closeProject();
      project = openProject(pc[1]!, s.line, false);
      if (pc[2]) project.head.push(pc[2]);
      mode = 'header';
      continue;
    }
    if (!project) continue;
    const p: ProjectDraft = project;
    const reachedBefore = p.to;
    p.to = Math.max(p.to, s.line);

    if (STRATEGIC_TITLE.test(t)) {
      mode = 'strategic';
      strategicKey = null;
      continue;
    }
    if (mode === 'strategic') {
      const m = STRATEGIC_LABEL.exec(t);
      if (m) {
        const key: StrategicKey =
          m[1] === 'Indirizzo' ? 'indirizzo' : m[1] === 'Azione' ? 'azione' : 'obiettivoStrategico';
        p.strategic[key] = m[2] ? [m[2]] : [];
        strategicKey = key;
        continue;
      }
      // The value of a label printed on its own line, or the wrapped rest of a value.
      if (!opensRecord(t) && strategicKey) {
        p.strategic[strategicKey]!.push(t);
        continue;
      }
    }
    if (mode === 'header') {
      const d = DESCRIPTION.exec(t);
      if (d) {
        mode = 'description';
        if (d[1]) p.description.push(d[1]);
        continue;
      }
      if (!opensRecord(t)) {
        p.head.push(t);
        continue;
      }
    }
    if (mode === 'description' && !opensRecord(t)) {
      p.description.push(t);
      continue;
    }

    const ty = OBJECTIVE_TYPE.exec(t);
    if (ty) {
      pendingType = { text: ty[1]!, line: s.line };
      mode = 'objective';
      objective = null;
    }
    // The code follows its type on the next piece, or on the same one when no bold markers separate them.
    const oc = OBJECTIVE_CODE.exec(ty ? (ty[2] ?? '') : t);
    if (ty && !oc) continue;
    if (oc) {
      objective = startObjective(p, oc[1]!, oc[2], s.line);
      mode = 'objective';
      lastIndicator = null;
      target = null;
      orphanGroup = null;
      continue;
    }
    const ih = INDICATOR_HEADER.exec(t);
    if (ih) {
      mode = 'indicators';
      indicatorHeader = { line: s.line, label: ih[1]!, projectTo: reachedBefore };
      continue;
    }
    if (DASHES.test(t)) continue;
    const ir = INDICATOR_ROW.exec(t);
    if (ir && (mode === 'indicators' || mode === 'objective')) {
      const r = row(s);
      lastIndicator = r;
      target = { row: r, note: false };
      if (objective) {
        objective.indicators.push(r);
        objective.to = Math.max(objective.to, s.line);
        mode = 'indicators';
        continue;
      }
      // Indicators outside any objective: their code names the project whose header is missing.
      const owner = projectOfIndicator(ir[1]!, cdr!) ?? p.code;
      if (!orphanGroup || orphanGroup.projectCode !== owner) {
        const from = indicatorHeader?.line ?? s.line;
        orphanGroup = {
          projectCode: owner,
          foundIn: p.code,
          header: indicatorHeader?.label ?? 'Valore previsto',
          rows: [],
        };
        orphans.push(orphanGroup);
        if (owner !== p.code) {
          p.to = indicatorHeader?.projectTo ?? reachedBefore;
          project = openProject(owner, from, true);
          project.to = s.line;
        }
      }
      orphanGroup.rows.push(r);
      mode = 'indicators';
      continue;
    }
    const nt = NOTE.exec(t);
    if (nt && (mode === 'indicators' || mode === 'phases')) {
      const r = mode === 'phases' ? lastPhase : lastIndicator;
      if (r) {
        r.note = nt[1] ? [nt[1]] : [];
        r.to = Math.max(r.to, s.line);
        target = { row: r, note: true };
        continue;
      }
    }
    if (PHASES.test(t)) {
      mode = 'phases';
      objective = null;
      target = null;
      continue;
    }
    if (mode === 'phases' && PHASE_HEADER.test(t)) continue;
    if (mode === 'phases' && PHASE_ROW.test(t)) {
      const r = row(s);
      p.phases.push(r);
      lastPhase = r;
      target = { row: r, note: false };
      continue;
    }
    if (BUDGET_TITLE.test(t)) {
      mode = 'budget';
      objective = null;
      p.budget ??= { columns: [], rows: [], total: null, from: s.line, to: s.line };
      target = null;
      continue;
    }
    const cols = budgetColumns(t);
    if (cols) {
      mode = 'budget';
      objective = null;
      p.budget ??= { columns: [], rows: [], total: null, from: s.line, to: s.line };
      p.budget.columns = cols;
      p.budget.to = s.line;
      target = null;
      continue;
    }
    if (mode === 'budget' && p.budget && (CAPITOLO.test(t) || TOTAL.test(t))) {
      const r = row(s);
      if (CAPITOLO.test(t)) p.budget.rows.push(r);
      else p.budget.total = r;
      p.budget.to = s.line;
      target = { row: r, note: false };
      continue;
    }
    if (STAFF_HEADER.test(t)) {
      mode = 'staff';
      objective = null;
      target = null;
      continue;
    }
    if (mode === 'staff' && STAFF_ROW.test(t)) {
      p.staff.push({ text: t, cells: s.cells, line: s.line });
      continue;
    }

    if (mode === 'objective' && objective && objective.indicators.length === 0) {
      objective.title.push(t);
      objective.to = s.line;
      continue;
    }
    if (target && (mode === 'indicators' || mode === 'phases' || mode === 'budget')) {
      const tr: { row: RowDraft; note: boolean } = target;
      if (tr.note) tr.row.note!.push(t);
      else tr.row.parts.push(t);
      tr.row.to = s.line;
      if (mode === 'budget' && p.budget) p.budget.to = s.line;
      continue;
    }
    stray.push(s);
  }
  return { cdrs, orphans, stray };

  function startObjective(p: ProjectDraft, code: string, rest: string | undefined, line: number): ObjectiveDraft {
    const o: ObjectiveDraft = {
      code,
      title: rest ? [rest] : [],
      from: pendingType?.line ?? line,
      to: line,
      indicators: [],
    };
    if (pendingType) o.type = pendingType.text;
    pendingType = null;
    p.objectives.push(o);
    return o;
  }
}

/** `M_A204_6_1` belongs to the project whose code ends in `_A204`, when the CDR's summary table lists one. */
function projectOfIndicator(indicator: string, cdr: CdrDraft): string | null {
  const key = indicator.split('_')[1];
  if (!key) return null;
  const re = new RegExp(`(?:^|\\s)(\\d{4}_P[DG]_${key}|Z_${key})(?=\\s|$)`);
  for (const s of cdr.summary) {
    const m = re.exec(s.text);
    if (m) return m[1]!;
  }
  return null;
}
