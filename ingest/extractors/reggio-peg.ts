/**
 * Layout `reggio-peg`: the PEG "ALLEGATO B" of the Comune di Reggio Emilia, one part per centro di responsabilità
 * (`85 - SERVIZIO POLITICHE DI WELFARE E INTERCULTURA`, `Dirigente: …`): a summary table of projects with their budget
 * and "% di assorbimento" and Totale Azione / Obiettivo / Indirizzo / CDR rows, then one "Prodotto" section per project
 * (2021_PD_8735, 2021_PG_8737, Z_23101): title, Descrizione, Indirizzo Strategico di riferimento, objectives
 * (2021_OB_8735_1) with indicator tables (O_8735_1_1 … Valore previsto 2021, Nota), Fasi/Attività, "Budget previsto"
 * by capitolo and the staff table (Nome Soggetto / Relazione Personale / Impegno Personale).
 *
 * Everything is read from segments of text (see reggio-peg/segments.ts), never from tab positions alone, so the PDF
 * rendering — cells joined by spaces, long rows wrapped, blank lines gone — gives the same records.
 */

import { parseFigure } from '../../src/plan/figures.ts';
import type {
  ExtractedPlan,
  Objective,
  Phase,
  Project,
  SourceSpan,
  StrategicLink,
  Structure,
  Total,
} from '../../src/plan/model.ts';
import { splitTitle } from '../../src/plan/names.ts';
import { fold } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { type LayoutMarker, markerScore, markerText } from './primitives/layout-markers.ts';
import { firstByCode, issuingBody, type WarningLog, warningLog } from './primitives/plan-parts.ts';
import { present } from './primitives/present.ts';
import { joinWrapped } from './primitives/wrapped-text.ts';
import { toBudget, toIndicator, toPhase, toStaff } from './reggio-peg/records.ts';
import { type CdrDraft, type ProjectDraft, readSections, type Sections } from './reggio-peg/sections.ts';
import { type Segment, toSegments } from './reggio-peg/segments.ts';
import { readSummaryTable, type SummaryRow, type Vocabulary } from './reggio-peg/summary-table.ts';

const LAYOUT = 'reggio-peg';

type Warn = WarningLog['warn'];

/** Phrases and codes of this template that the other layouts never print; each one found adds to the confidence. */
const MARKERS: LayoutMarker[] = [
  { re: /\b\d{4}_ob_[0-9a-z]+_[0-9a-z]+\b/ },
  { re: /\b\d{4}_p[dg]_[0-9a-z]+\b/ },
  { re: /codice progetto progetto budget % di assorbimento/ },
  { re: /indirizzo strategico di riferimento/ },
  { re: /codice indicatore indicatore valore previsto/ },
  { re: /nome soggetto relazione personale impegno personale/ },
  { re: /\btotale cdr\b/ },
  { re: /budget previsto/ },
];

export const reggioPegExtractor: PlanExtractor = {
  layout: LAYOUT,

  detect: (doc) => markerScore(markerText(doc), MARKERS),

  extract(doc: SourceDocument): ExtractedPlan {
    const { warnings, warn } = warningLog(doc);

    const segs = toSegments(doc);
    const sections = readSections(segs);
    const header = readHeader(doc, segs);

    const titles = new Map<string, string>();
    for (const c of sections.cdrs) for (const p of c.projects) if (!p.implicit) titles.set(p.code, projectTitle(p));
    const vocabulary = vocabularyOf(sections);

    const structures: Structure[] = [];
    const projects: Project[] = [];
    const objectives: Objective[] = [];
    const totals: Total[] = [];

    for (const cdr of sections.cdrs) {
      const summary = readSummaryTable(cdr.summary, vocabulary, titles);
      const structure: Structure = {
        doc: doc.file,
        name: cdr.name,
        code: cdr.code,
        kind: 'cdr',
        span: spanOf(doc, cdr.from, cdr.to),
      };
      if (header.area && fold(header.area) !== fold(cdr.name)) structure.area = header.area;
      if (cdr.head) {
        structure.head = splitTitle(cdr.head).name;
        structure.headRole = 'Dirigente';
      } else warn(`CDR ${cdr.code} has no Dirigente`, cdr.from);
      structures.push(structure);
      const dirigente = cdr.productHead ?? cdr.head;
      if (cdr.productHead && cdr.head && cdr.productHead !== cdr.head) {
        warn(
          `CDR ${cdr.code}: the Dirigente of the projects (${cdr.productHead}) differs from the CDR's (${cdr.head})`,
        );
      }

      totals.push(...totalsOf(doc, cdr, summary));
      checkTotals(cdr, summary, warn);

      const rowsByCode = new Map<string, SummaryRow>();
      for (const r of summary) if (r.kind === 'project' && r.code && !rowsByCode.has(r.code)) rowsByCode.set(r.code, r);
      const detailed = new Set<string>();

      for (const draft of cdr.projects) {
        const row = rowsByCode.get(draft.code);
        if (detailed.has(draft.code)) {
          warn(`project ${draft.code} has a second section; only the first is kept`, draft.from, draft.to);
          continue;
        }
        detailed.add(draft.code);
        const project = buildProject(doc, cdr, draft, row, dirigente, warn);
        projects.push(project);
        objectives.push(...buildObjectives(doc, cdr, draft, project, dirigente, warn));
        if (!row) warn(`project ${draft.code} is not listed in the summary table of CDR ${cdr.code}`, draft.from);
      }
      for (const [code, row] of rowsByCode) {
        if (detailed.has(code)) continue;
        warn(
          `project ${code} is listed in the summary table of CDR ${cdr.code} but has no Prodotto section`,
          row.from,
          row.to,
        );
        const span = spanOf(doc, row.from, row.to);
        projects.push(baseProject(doc, cdr, code, row.title || code, row, dirigente, pathLink(row), span));
      }
    }

    const tables = sections.orphans.map((o) => {
      const first = o.rows[0]!;
      const last = o.rows[o.rows.length - 1]!;
      const indicators = o.rows.map((r) => toIndicator(doc, r));
      warn(
        `indicator${indicators.length > 1 ? 's' : ''} ${indicators.map((i) => i.code).join(', ')} printed after the staff table of ${o.foundIn} without a Prodotto or objective header; attributed to project ${o.projectCode}, objective code not written`,
        first.from,
        last.to,
      );
      return {
        doc: doc.file,
        title: `Indicatori senza obiettivo — ${o.projectCode}`,
        section: o.projectCode,
        header: ['Codice indicatore', 'Indicatore', o.header, 'Nota'],
        rows: indicators.map((i) => ({
          label: i.code ?? '',
          cells: [i.description, i.target?.text ?? '', i.note ?? ''],
        })),
        span: spanOf(doc, first.from, last.to),
      };
    });
    for (const s of sections.stray) warn(`unrecognised text in a project section: "${s.text.slice(0, 80)}"`, s.line);

    const document = planDocument(doc, LAYOUT, {
      entity: header.entity,
      kind: 'peg',
      title: header.title,
      years: header.years,
    });
    const unique = firstByCode(objectives, (o) =>
      warn(`objective ${o.code} appears twice; only the first is kept`, o.span.lineStart - 1, o.span.lineEnd - 1),
    );
    return { document, structures, objectives: unique, projects, totals, tables, warnings };
  },
};

interface Header {
  entity: string;
  title: string;
  years: number[];
  area?: string;
}

/** The cover: ALLEGATO B / Piano Esecutivo di Gestione 2021 / PEG_2021 / AREA SERVIZI ALLA PERSONA. */
function readHeader(doc: SourceDocument, segs: Segment[]): Header {
  const cover = segs.slice(0, 12).map((s) => s.text);
  const plan = cover.find((t) => /^Piano Esecutivo di Gestione\b/i.test(t));
  const allegato = cover.find((t) => /^ALLEGATO\s+\S+$/i.test(t));
  const area = cover.find((t) => /^AREA\s+\S/.test(t) && t === t.toUpperCase());
  const years = [...new Set((plan ?? cover.join(' ')).match(/\b20\d\d\b/g)?.map(Number) ?? [])];
  const parts = [plan ?? 'Piano Esecutivo di Gestione', area].filter(Boolean).join(' – ');
  const header: Header = {
    entity: issuingBody(doc),
    title: allegato ? `${parts} (${allegato})` : parts,
    years: years.length > 0 ? years.slice(0, 1) : [],
  };
  if (area) header.area = area;
  return header;
}

function projectTitle(p: ProjectDraft): string {
  return joinWrapped(p.head).replace(/\s*Indirizzo Strategico di riferimento$/, '');
}

function vocabularyOf(sections: Sections): Vocabulary {
  const obiettivi = new Set<string>();
  const azioni = new Set<string>();
  for (const c of sections.cdrs) {
    for (const p of c.projects) {
      const s = strategicOf(p);
      if (s.obiettivoStrategico) obiettivi.add(s.obiettivoStrategico);
      if (s.azione) azioni.add(s.azione);
    }
    for (const seg of c.summary) {
      const cells = seg.cells?.filter(Boolean) ?? [];
      const at = cells.findIndex((x) => /^(?:\d{4}_P[DG]_|Z_\d)/.test(x));
      if (at >= 2) {
        obiettivi.add(cells[at - 2]!);
        azioni.add(cells[at - 1]!);
      }
    }
  }
  const longestFirst = (a: string, b: string) => b.length - a.length;
  return { obiettivi: [...obiettivi].sort(longestFirst), azioni: [...azioni].sort(longestFirst) };
}

function strategicOf(p: ProjectDraft): StrategicLink {
  const value = (parts?: string[]) => (parts && parts.length > 0 ? joinWrapped(parts) : undefined);
  const { indirizzo, obiettivoStrategico, azione } = p.strategic;
  return present({
    indirizzo: value(indirizzo),
    obiettivoStrategico: value(obiettivoStrategico),
    azione: value(azione),
  });
}

const pathLink = ({ path }: SummaryRow): StrategicLink =>
  present({ indirizzo: path.indirizzo, obiettivoStrategico: path.obiettivo, azione: path.azione });

const figureOrNull = (text: string | null) => (text === null ? null : parseFigure(text));

function buildProject(
  doc: SourceDocument,
  cdr: CdrDraft,
  draft: ProjectDraft,
  row: SummaryRow | undefined,
  dirigente: string | undefined,
  warn: Warn,
): Project {
  const title = projectTitle(draft) || row?.title || draft.code;
  const detail = strategicOf(draft);
  const strategic = Object.keys(detail).length > 0 ? detail : row ? pathLink(row) : {};
  if (row && Object.keys(detail).length > 0) {
    const summary = pathLink(row);
    const differs = (['indirizzo', 'obiettivoStrategico', 'azione'] as const).filter(
      (k) => summary[k] && detail[k] && fold(summary[k]!) !== fold(detail[k]!),
    );
    if (differs.length > 0) {
      warn(
        `${draft.code}: the summary table places it under ${differs.map((k) => `${k} "${summary[k]}"`).join(', ')} but its section says ${differs.map((k) => `"${detail[k]}"`).join(', ')}`,
        row.from,
        row.to,
      );
    }
  }
  // A section without its Prodotto header does not name the project: cite the summary row that does.
  const span = draft.implicit && row ? spanOf(doc, row.from, row.to) : spanOf(doc, draft.from, draft.to);
  const project = baseProject(doc, cdr, draft.code, title, row, dirigente, strategic, span, {
    objectives: draft.objectives.map((o) => o.code),
    staff: draft.staff.map((s) => toStaff(doc, s)),
    description: joinWrapped(draft.description),
  });

  if (draft.budget) {
    if (draft.budget.columns.length === 0)
      warn(`${draft.code}: "Budget previsto" without column headings`, draft.budget.from);
    else {
      const table = toBudget(doc, draft.budget, draft.code, warn);
      project.budgetRows = table.rows;
      project.budgetTotals = table.totals;
    }
  }
  checkBudget(draft, project, row, warn);
  if (draft.staff.length === 0 && !draft.implicit) warn(`${draft.code}: no staff listed`, draft.from, draft.to);
  return project;
}

/** The summary's Budget is the project's spending: it should equal the Spese totals of its "Budget previsto". */
function checkBudget(
  draft: ProjectDraft,
  project: Project,
  row: SummaryRow | undefined,
  warn: (message: string, from: number, to?: number) => void,
): void {
  if (!row) return;
  const spese = Object.entries(project.budgetTotals).filter(([label]) => /^spese\b/i.test(label));
  const detail = spese.length > 0 ? spese.reduce((sum, [, f]) => sum + (f.value ?? 0), 0) : null;
  const summary = project.budget?.value ?? null;
  const cents = (n: number) => Math.round(n * 100);
  const shown = spese.map(([l, f]) => `${l} ${f.text}`).join(' + ');
  if (summary !== null && detail !== null && cents(summary) !== cents(detail)) {
    warn(
      `${draft.code}: summary budget ${project.budget!.text} differs from its Budget previsto (${shown})`,
      row.from,
      row.to,
    );
  } else if (summary === null && detail !== null && detail !== 0) {
    warn(`${draft.code}: no budget in the summary table, but its Budget previsto shows ${shown}`, row.from, row.to);
  } else if (summary !== null && summary !== 0 && detail === null) {
    warn(`${draft.code}: summary budget ${project.budget!.text} but no spese in its Budget previsto`, row.from, row.to);
  }
}

/** A project as the summary table gives it (code, title, budget, place in the strategy) under its CDR's Dirigente. */
function baseProject(
  doc: SourceDocument,
  cdr: CdrDraft,
  code: string,
  title: string,
  row: SummaryRow | undefined,
  dirigente: string | undefined,
  strategic: StrategicLink,
  span: SourceSpan,
  detail: Pick<Project, 'objectives' | 'staff' | 'description'> = { objectives: [], staff: [] },
): Project {
  const project: Project = {
    doc: doc.file,
    code,
    title,
    cdr: cdr.code,
    cdrName: cdr.name,
    budget: row ? figureOrNull(row.budget) : null,
    budgetShare: row ? figureOrNull(row.share) : null,
    budgetRows: [],
    budgetTotals: {},
    objectives: detail.objectives,
    staff: detail.staff,
    span,
  };
  if (detail.description) project.description = detail.description;
  if (dirigente) project.dirigente = splitTitle(dirigente).name;
  if (Object.keys(strategic).length > 0) project.strategic = strategic;
  return project;
}

const TYPE_WORDS = /^(?:di\s+)?/i;

function buildObjectives(
  doc: SourceDocument,
  cdr: CdrDraft,
  draft: ProjectDraft,
  project: Project,
  dirigente: string | undefined,
  warn: Warn,
): Objective[] {
  const phases = new Map<string, Phase[]>();
  for (const r of draft.phases) {
    const { objective, phase } = toPhase(doc, r);
    if (!draft.objectives.some((o) => o.code === objective)) {
      warn(
        `${draft.code}: phase ${phase.n} refers to ${objective}, which is not an objective of this project`,
        r.from,
        r.to,
      );
    }
    phases.set(objective, [...(phases.get(objective) ?? []), phase]);
  }
  const owner = dirigente ? splitTitle(dirigente) : null;
  return draft.objectives.map((o) => {
    const indicators = o.indicators.map((r) => toIndicator(doc, r));
    const key = o.code.split('_').slice(2).join('_');
    for (const i of indicators) {
      if (i.code && i.code.split('_').slice(1).slice(0, 2).join('_') !== key) {
        warn(`indicator ${i.code} is listed under objective ${o.code}`, i.span.lineStart - 1, i.span.lineEnd - 1);
      }
    }
    if (indicators.length === 0) warn(`objective ${o.code} has no indicators`, o.from, o.to);
    const to = Math.max(o.to, ...o.indicators.map((r) => r.to));
    const objective: Objective = {
      doc: doc.file,
      code: o.code,
      title: joinWrapped(o.title),
      owners: owner ? [owner.name] : [],
      structure: cdr.name,
      cdr: cdr.code,
      projectCode: draft.code,
      phases: phases.get(o.code) ?? [],
      indicators,
      span: spanOf(doc, o.from, to),
    };
    if (o.type) objective.type = fold(o.type).replace(TYPE_WORDS, '').replace(/\s+/g, ' ');
    if (owner?.title) objective.ownerTitles = [owner.title];
    if (project.strategic) objective.strategic = project.strategic;
    if (!owner) warn(`objective ${o.code} has no owner: its CDR prints no Dirigente`, o.from, to);
    return objective;
  });
}

function totalsOf(doc: SourceDocument, cdr: CdrDraft, summary: SummaryRow[]): Total[] {
  return summary
    .filter((r) => r.kind === 'total')
    .map((r) => {
      const label =
        r.level === 'cdr'
          ? cdr.name
          : ((r.level === 'azione' ? r.path.azione : r.level === 'obiettivo' ? r.path.obiettivo : r.path.indirizzo) ??
            '');
      return {
        doc: doc.file,
        level: r.level!,
        label,
        cdr: cdr.code,
        amount: figureOrNull(r.budget),
        share: figureOrNull(r.share),
        span: spanOf(doc, r.from, r.to),
      };
    });
}

/** Each Totale should be the sum of the project budgets under the same Indirizzo / Obiettivo / Azione. */
function checkTotals(
  cdr: CdrDraft,
  summary: SummaryRow[],
  warn: (m: string, from?: number, to?: number) => void,
): void {
  const cents = (t: string | null) => Math.round((t ? (parseFigure(t).value ?? 0) : 0) * 100);
  const depth = { indirizzo: 1, obiettivo: 2, azione: 3, cdr: 0 } as const;
  const keys = ['indirizzo', 'obiettivo', 'azione'] as const;
  summary.forEach((r, i) => {
    if (r.kind !== 'total' || r.budget === null) return;
    const d = depth[r.level!];
    const sum = summary
      .slice(0, i)
      .filter((p) => p.kind === 'project' && keys.slice(0, d).every((k) => p.path[k] === r.path[k]))
      .reduce((s, p) => s + cents(p.budget), 0);
    if (sum !== cents(r.budget)) {
      warn(
        `CDR ${cdr.code}: Totale ${r.level} ${r.budget} differs from the sum of its projects' budgets (${(sum / 100).toFixed(2)})`,
        r.from,
        r.to,
      );
    }
  });
}
