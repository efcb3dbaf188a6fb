/**
 * Phases written as a list in one value — `progetto definitivo entro il 31/03/2020; aggiudicazione entro il
 * 30/06/2020` or `rilievo dal 01/03/2022 al 30/09/2022 (peso 60%)` — split on `;` and read item by item.
 */
import { parseDate, parseFigure } from '../../../src/plan/figures.ts';
import type { DateValue, Figure, Phase } from '../../../src/plan/model.ts';

export interface PhaseItem {
  title: string;
  start?: DateValue;
  end?: DateValue;
  weight?: Figure;
}

const DATE = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{4}`;
const RANGE = new RegExp(String.raw`\s*(?:dal|da|inizio:?)\s+(${DATE})\s+(?:al|a|fine:?)\s+(${DATE})`, 'iu');
const BY = new RegExp(String.raw`\s*(?:entro(?:\s+il)?|scadenza:?|fine:?|al)\s+(${DATE})`, 'iu');
const WEIGHT = /\s*\(?\s*peso\s*:?\s*(\d{1,3}(?:,\d+)?\s*%?)\s*\)?/i;

export function readPhaseList(value: string): PhaseItem[] {
  const out: PhaseItem[] = [];
  for (const raw of value.split(/\s*;\s*|\s*\n\s*/)) {
    let text = raw.trim().replace(/\.$/, '');
    if (!text) continue;
    const item: Partial<PhaseItem> = {};
    const w = text.match(WEIGHT);
    if (w) {
      item.weight = parseFigure(w[1]!);
      text = text.replace(w[0], '');
    }
    const r = text.match(RANGE);
    const b = r ? null : text.match(BY);
    if (r) {
      const s = parseDate(r[1]!);
      const e = parseDate(r[2]!);
      if (s) item.start = s;
      if (e) item.end = e;
      text = text.replace(r[0], '');
    } else if (b) {
      const e = parseDate(b[1]!);
      if (e) item.end = e;
      text = text.replace(b[0], '');
    }
    if (!item.end && !item.start) continue;
    out.push({ title: text.trim().replace(/[\s,:–-]+$/, ''), ...item });
  }
  return out;
}

/**
 * A phase from the cells a layout found for it (`01/01/2020 | 31/12/2020 | 10,00`): the start and end only where
 * they read as dates, the weight where it is written; the other fields as given, first.
 */
export function datedPhase(
  phase: Omit<Phase, 'start' | 'end' | 'weight'>,
  cells: { start?: string | undefined; end?: string | undefined; weight?: string | undefined },
): Phase {
  const out: Phase = { ...phase };
  const start = cells.start ? parseDate(cells.start) : null;
  const end = cells.end ? parseDate(cells.end) : null;
  if (start) out.start = start;
  if (end) out.end = end;
  if (cells.weight) out.weight = parseFigure(cells.weight);
  return out;
}
