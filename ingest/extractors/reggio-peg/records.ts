/**
 * Turns the row drafts of a Reggio Emilia PEG into model records: indicators (code, description, "Valore previsto"
 * as written, Nota), phases of "Fasi/Attività", "Budget previsto" rows and totals by column, staff allocations.
 * Rows are read from their joined text, so the same code serves the .txt and the PDF rendering.
 */
import { parseFigure, parseTarget } from '../../../src/plan/figures.ts';
import type { BudgetRow, Figure, Indicator, Phase, StaffAllocation } from '../../../src/plan/model.ts';
import { squash } from '../../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../../loaders/source-document.ts';
import { isMoney, placeAmounts, splitTrailingAmounts } from '../primitives/amount-cells.ts';
import { datedPhase } from '../primitives/phase-list.ts';
import type { WarningLog } from '../primitives/plan-parts.ts';
import { joinWrapped } from '../primitives/wrapped-text.ts';
import type { BudgetDraft, RowDraft, StaffDraft } from './sections.ts';

const VALUE = /^(?:\d{1,2}\/\d{1,2}\/\d{2,4}|[<>≥≤]?\d[\d.,]*\s*%?)$/;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/** `M_8501_1_1 Approvazione del Programma Attuativo 2021 30/09/2021` + `Nota: …` → indicator. */
export function toIndicator(doc: SourceDocument, r: RowDraft): Indicator {
  const text = joinWrapped(r.parts);
  const code = text.split(' ')[0]!;
  const tokens = text.slice(code.length).trim().split(' ').filter(Boolean);
  const last = tokens[tokens.length - 1];
  const target = last && tokens.length > 1 && VALUE.test(last) ? tokens.pop()! : null;
  const indicator: Indicator = { code, description: tokens.join(' '), span: spanOf(doc, r.from, r.to) };
  if (target !== null) indicator.target = parseTarget(target);
  const note = r.note ? joinWrapped(r.note) : '';
  if (note) indicator.note = note;
  return indicator;
}

/** `1 2021_OB_8504_6 Individuazione … Previsto 01/01/2021 31/03/2021` → {code, phase}. */
export function toPhase(doc: SourceDocument, r: RowDraft): { objective: string; phase: Phase } {
  const tokens = joinWrapped(r.parts).split(' ');
  const n = Number(tokens.shift());
  const objective = tokens.shift()!;
  const dates: string[] = [];
  while (tokens.length > 0 && dates.length < 2 && DATE.test(tokens[tokens.length - 1]!)) dates.unshift(tokens.pop()!);
  if (tokens.length > 1 && /^(?:Previsto|Effettivo|Consuntivo)$/.test(tokens[tokens.length - 1]!)) tokens.pop();
  const [start, end] = dates.length === 2 ? dates : [undefined, dates[0]];
  const phase = datedPhase({ n, title: tokens.join(' '), span: spanOf(doc, r.from, r.to) }, { start, end });
  const note = r.note ? joinWrapped(r.note) : '';
  if (note) phase.note = note;
  return { objective, phase };
}

/** `Benedetti Lorenza ¦ Dirigente ¦ 2,00 %`; without tabs the relation is found by its first word. */
const RELATION =
  /\s((?:Dirigente|Posizione Organizzativa|Alta Professionalit\S*|Dipendente|Incarico|Collaborat\S*|Responsabile|Funzionari\S*|Segretari\S*|Tirocin\S*|Volontari\S*|Consulent\S*|Lavorat\S*|Personale)\b.*)$/;

export function toStaff(doc: SourceDocument, s: StaffDraft): StaffAllocation {
  const m = /^(.*?)\s*(\d{1,3}(?:,\d+)?\s*%)$/.exec(s.text)!;
  const pct = m[2]!;
  let name: string;
  let relation: string;
  const cells = s.cells?.filter(Boolean);
  if (cells && cells.length === 3) {
    [name, relation] = [cells[0]!, cells[1]!];
  } else {
    const before = m[1]!;
    const rel = RELATION.exec(` ${before}`);
    if (rel) {
      relation = rel[1]!;
      name = ` ${before}`.slice(0, rel.index).trim();
    } else {
      const words = before.split(' ');
      name = words.slice(0, 2).join(' ');
      relation = words.slice(2).join(' ');
    }
  }
  return { name, relation, commitment: parseFigure(pct), span: spanOf(doc, s.line) };
}

export interface BudgetTable {
  rows: BudgetRow[];
  totals: Record<string, Figure>;
}

/** The "Budget previsto" table: capitolo rows with their amounts by column, and the Totale row. */
export function toBudget(
  doc: SourceDocument,
  b: BudgetDraft,
  projectCode: string,
  warn: WarningLog['warn'],
): BudgetTable {
  const ncols = b.columns.length;
  const parsed = b.rows.map((r) => {
    const text = joinWrapped(r.parts);
    const cap = /^Cap\.\s*\d+\s+Art\.\s*\d+/.exec(text)![0];
    const { head, amounts } = splitTrailingAmounts(text.slice(cap.length).trim());
    return { r, capitolo: squash(cap), description: head, amounts, placed: placedFromCells(r, ncols, 2) };
  });
  const totalText = b.total
    ? joinWrapped(b.total.parts)
        .replace(/^Totale\b/, '')
        .trim()
    : '';
  const totalAmounts = splitTrailingAmounts(totalText).amounts;
  const totalPlaced = b.total ? placedFromCells(b.total, ncols, 2) : null;
  const totalCols: (string | null)[] =
    totalPlaced ??
    (totalAmounts.length === ncols ? totalAmounts : Array.from({ length: ncols }, (_, i) => totalAmounts[i] ?? null));
  if (b.total && !totalPlaced && totalAmounts.length !== ncols) {
    warn(
      `${projectCode}: the Totale row of "Budget previsto" has ${totalAmounts.length} amounts for ${ncols} columns`,
      b.total.from,
      b.total.to,
    );
  }
  const placement = placeAmounts(parsed, ncols, totalCols);
  if (!placement.exact) {
    warn(
      `${projectCode}: the columns of "Budget previsto" do not add up to the Totale row; some amounts may sit in the wrong column`,
      b.from,
      b.to,
    );
  }
  const rows: BudgetRow[] = parsed.map((p, i) => {
    const amounts: Record<string, Figure> = {};
    placement.columns[i]!.forEach((a, c) => {
      if (a) amounts[b.columns[c]!] = parseFigure(a);
    });
    return { capitolo: p.capitolo, description: p.description, amounts, span: spanOf(doc, p.r.from, p.r.to) };
  });
  const totals: Record<string, Figure> = {};
  totalCols.forEach((a, c) => {
    if (a) totals[b.columns[c]!] = parseFigure(a);
  });
  return { rows, totals };
}

/** Amounts by column from the tab cells of a one-line row (`Cap ¦ descrizione ¦ entrate ¦ spese`). */
function placedFromCells(r: RowDraft, ncols: number, lead: number): (string | null)[] | null {
  if (!r.cells || r.parts.length !== 1 || r.cells.length !== lead + ncols) return null;
  const cells = r.cells.slice(lead);
  if (!cells.every((c) => c === '' || isMoney(c))) return null;
  return cells.map((c) => c || null);
}
