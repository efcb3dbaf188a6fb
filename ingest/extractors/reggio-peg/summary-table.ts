/**
 * The summary table that opens each centro di responsabilità:
 * Indirizzo | Obiettivo | Azione | Codice Progetto | Progetto | Budget | % di assorbimento risorse finanziarie,
 * with "Totale Azione / Obiettivo / Indirizzo / CDR" rows.
 *
 * The .txt shifts its tab columns from row to row and the PDF has no columns at all, so a row is read by its anchor
 * (the project code or the "Totale …" label): what stands before the anchor names the Indirizzo / Obiettivo / Azione
 * that the row opens, what follows is the project title and, at the end, the budget and share of that same row.
 * A blank budget stays null; `0,00` stays a figure.
 */
import { fold } from '../../../src/plan/text.ts';
import { isFiguresOnly, splitBudgetAndShare } from '../primitives/amount-cells.ts';
import { joinWrapped } from '../primitives/wrapped-text.ts';
import type { Segment } from './segments.ts';

export interface StrategicPath {
  indirizzo?: string;
  obiettivo?: string;
  azione?: string;
}

export type TotalLevel = 'azione' | 'obiettivo' | 'indirizzo' | 'cdr';

export interface SummaryRow {
  kind: 'project' | 'total';
  /** project code, for project rows */
  code?: string;
  /** level of a Totale row */
  level?: TotalLevel;
  title: string;
  budget: string | null;
  share: string | null;
  path: StrategicPath;
  /** 0-based first and last source line of the row */
  from: number;
  to: number;
}

/** Names of obiettivi strategici and azioni known from the projects, used to split a PDF row's run-together prefix. */
export interface Vocabulary {
  obiettivi: string[];
  azioni: string[];
}

export const SUMMARY_HEADER = /^Indirizzo Obiettivo Azione Codice Progetto Progetto Budget\b/;
const ANCHOR = /(?:^|\s)(\d{4}_P[DG]_[0-9A-Z]+|Z_\d+|Totale (?:Azione|Obiettivo|Indirizzo|CDR))(?=\s|$)/;
const TOTAL_LEVEL: Record<string, TotalLevel> = {
  'Totale Azione': 'azione',
  'Totale Obiettivo': 'obiettivo',
  'Totale Indirizzo': 'indirizzo',
  'Totale CDR': 'cdr',
};

interface Draft {
  anchor: string;
  prefix: string[];
  rest: string[];
  from: number;
  to: number;
}

/**
 * Reads the rows of one summary table. `titles` holds the project titles read from the Prodotto sections: they tell
 * a wrapped title line from the opening of the next row in the PDF rendering.
 */
export function readSummaryTable(segs: Segment[], vocabulary: Vocabulary, titles: Map<string, string>): SummaryRow[] {
  const drafts: Draft[] = [];
  let carry: { pieces: string[]; from: number } | null = null;
  for (const seg of segs) {
    if (SUMMARY_HEADER.test(seg.text)) continue;
    const m = ANCHOR.exec(seg.text);
    if (!m) {
      const last = drafts[drafts.length - 1];
      if (last && !carry && (isFiguresOnly(seg.text) || continuesTitle(last, seg.text, titles))) {
        last.rest.push(seg.text);
        last.to = seg.line;
      } else {
        carry ??= { pieces: [], from: seg.line };
        if (seg.cells) carry.pieces.push(...seg.cells.filter(Boolean));
        else carry.pieces = [joinWrapped([...carry.pieces, seg.text])];
      }
      continue;
    }
    const anchor = m[1]!;
    const { prefix, rest } = splitAtAnchor(seg, anchor, m.index + m[0].length - anchor.length);
    let pieces = prefix;
    if (carry) pieces = seg.cells ? [...carry.pieces, ...prefix] : [joinWrapped([...carry.pieces, ...prefix])];
    drafts.push({ anchor, prefix: pieces, rest: rest ? [rest] : [], from: carry?.from ?? seg.line, to: seg.line });
    carry = null;
  }

  const rows: SummaryRow[] = [];
  let path: StrategicPath = {};
  for (const d of drafts) {
    const opened = splitPrefix(d.prefix, vocabulary);
    if (opened.indirizzo) path = { ...opened };
    else if (opened.obiettivo) path = { ...path, obiettivo: opened.obiettivo, azione: opened.azione };
    else if (opened.azione) path = { ...path, azione: opened.azione };
    const { head, budget, share } = splitBudgetAndShare(joinWrapped(d.rest));
    const level = TOTAL_LEVEL[d.anchor];
    const row: SummaryRow = level
      ? { kind: 'total', level, title: head, budget, share, path: { ...path }, from: d.from, to: d.to }
      : { kind: 'project', code: d.anchor, title: head, budget, share, path: { ...path }, from: d.from, to: d.to };
    rows.push(row);
  }
  return rows;
}

function splitAtAnchor(seg: Segment, anchor: string, at: number): { prefix: string[]; rest: string } {
  if (seg.cells) {
    const idx = seg.cells.findIndex((c) => c === anchor || c.startsWith(`${anchor} `));
    if (idx >= 0) {
      const after = seg.cells.slice(idx).filter(Boolean).join(' ');
      return { prefix: seg.cells.slice(0, idx).filter(Boolean), rest: after.slice(anchor.length).trim() };
    }
  }
  const before = seg.text.slice(0, at).trim();
  return { prefix: before ? [before] : [], rest: seg.text.slice(at + anchor.length).trim() };
}

/** A line without anchor after a project row that has no figures yet may be the wrapped rest of its title. */
function continuesTitle(last: Draft, text: string, titles: Map<string, string>): boolean {
  if (TOTAL_LEVEL[last.anchor]) return false;
  const sofar = splitBudgetAndShare(joinWrapped(last.rest));
  if (sofar.budget || sofar.share) return false;
  const known = titles.get(last.anchor);
  if (known) {
    const candidate = splitBudgetAndShare(joinWrapped([...last.rest, text])).head;
    return fold(known).startsWith(fold(candidate));
  }
  return !capsRun(text);
}

/** The leading run of words in capitals: an Indirizzo (`CITTA' DEL CAPITALE SOCIALE`). */
function capsRun(text: string): string | null {
  const tokens = text.split(' ');
  let n = 0;
  while (n < tokens.length && /\p{L}/u.test(tokens[n]!) && tokens[n] === tokens[n]!.toUpperCase()) n++;
  if (n < 2) return null;
  return tokens.slice(0, n).join(' ');
}

/** Names the Indirizzo / Obiettivo / Azione a row opens from what stands before its anchor. */
export function splitPrefix(pieces: string[], vocabulary: Vocabulary): StrategicPath {
  if (pieces.length === 0) return {};
  if (pieces.length >= 3) {
    return { indirizzo: pieces[0]!, obiettivo: pieces[1]!, azione: pieces.slice(2).join(' ') };
  }
  let indirizzo: string | undefined;
  let rest: string;
  if (pieces.length === 2) {
    if (!capsRun(pieces[0]!) || capsRun(pieces[0]!) !== pieces[0]) return { obiettivo: pieces[0]!, azione: pieces[1]! };
    indirizzo = pieces[0]!;
    rest = pieces[1]!;
  } else {
    const text = pieces[0]!;
    const caps = capsRun(text);
    if (caps) indirizzo = caps;
    rest = caps ? text.slice(caps.length).trim() : text;
  }
  const split = splitObiettivoAzione(rest, Boolean(indirizzo), vocabulary);
  return indirizzo ? { indirizzo, ...split } : split;
}

function splitObiettivoAzione(
  text: string,
  needsObiettivo: boolean,
  vocabulary: Vocabulary,
): { obiettivo?: string; azione?: string } {
  if (!text) return {};
  const f = fold(text);
  if (!needsObiettivo && vocabulary.azioni.some((a) => fold(a) === f)) return { azione: text };
  for (const o of vocabulary.obiettivi) {
    if (f.startsWith(`${fold(o)} `)) return { obiettivo: text.slice(0, o.length), azione: text.slice(o.length).trim() };
  }
  for (const a of vocabulary.azioni) {
    if (f.endsWith(` ${fold(a)}`)) return { obiettivo: text.slice(0, text.length - a.length).trim(), azione: a };
  }
  if (!needsObiettivo) return { azione: text };
  // Unknown names: the Azione starts at the next capitalised word.
  const tokens = text.split(' ');
  const at = tokens.findIndex((t, i) => i > 0 && /^\p{Lu}/u.test(t));
  if (at < 0) return { obiettivo: text };
  return { obiettivo: tokens.slice(0, at).join(' '), azione: tokens.slice(at).join(' ') };
}
