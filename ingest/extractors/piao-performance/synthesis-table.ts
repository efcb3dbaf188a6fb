/**
 * Reads the "TAVOLA DI SINTESI SEZIONE STRATEGICA-OPERATIVA-PERFORMANCE" of a PIAO: area labels, valore pubblico
 * and linea di mandato headings, then rows of OBIETTIVO STRATEGICO / OBIETTIVO OPERATIVO / PIAO-PERFORMANCE /
 * STRUTTURA where empty (merged) cells mean "same as above".
 *
 * The table is read as a stream of cells keyed by their cascade codes (01.01, 01.01.01, 01.01.01.01) rather than by
 * tab stops, so the same reading works on the .txt (one row a line, tabs) and on a PDF rendering (tabs lost, rows
 * wrapped over several lines, a row broken by a page break).
 */
import { squash } from '../../../src/plan/text.ts';
import { endsWithKnownStructure, knownStructures, trailingUnit } from '../primitives/structure-cell.ts';
import { joinWrapped } from '../primitives/wrapped-text.ts';

export interface CodedText {
  code: string;
  text: string;
}

export interface SynthesisRow {
  /** The PIAO-PERFORMANCE code without a trailing dot. */
  code: string;
  /** Title and STRUTTURA as read, not yet separated. */
  text: string;
  area?: string;
  valorePubblico?: string;
  lineaMandato?: string;
  strategic?: CodedText;
  operational?: CodedText;
  /** 0-based line indexes of the row's first and last lines. */
  from: number;
  to: number;
}

export interface SynthesisNote {
  message: string;
  from: number;
  to: number;
}

export interface SynthesisTable {
  from: number;
  to: number;
  /** The triennio of the PIAO-PERFORMANCE column header, e.g. "2024-2026". */
  years?: string;
  rows: SynthesisRow[];
  notes: SynthesisNote[];
}

type PieceKind = 'area' | 'valore' | 'linea' | 'header' | 'strategic' | 'operational' | 'piao';

interface Piece {
  kind: PieceKind;
  code?: string;
  parts: string[];
  from: number;
  to: number;
  lineCount: number;
}

interface Token {
  index: number;
  textStart: number;
  kind: PieceKind;
  code?: string;
}

const TITLE = /TAVOLA DI SINTESI/i;
const HEADER = /^OBIETTIVO STRATEGICO\b/;
/** The lines that set the level above the coded rows (each one a whole line), and the column header. */
const HEADINGS: readonly [RegExp, PieceKind][] = [
  [/^AREA [A-ZÀ-Ý']+$/, 'area'],
  [/^\d{1,2}\.\s*VALORE PUBBLICO\b/, 'valore'],
  [/^\d{2}\.\s*LINEA DI MANDATO\b/, 'linea'],
  [HEADER, 'header'],
];
/** A code's level by its number of groups. */
const CODE_LEVEL: Readonly<Record<number, PieceKind>> = { 2: 'strategic', 3: 'operational', 4: 'piao' };
/** Cascade codes: 2 levels (strategico) only before an upper-case title, 3 (operativo) and 4 (PIAO) anywhere. */
const CODE = /(?<=^|\s)(\d{2}\.\d{2}(?:\.\d{2}){1,2}|\d{2}\.\d{2}(?=\.?(?:\s+[A-ZÀ-Ý]{2}|\s*$)))\.?(?=\s|$)/g;
const YEARS = /PIAO-PERFORMANCE\s+(\d{4}\s*-\s*\d{4})/;

/** A wrapped row never runs longer than this many non-blank lines; past it the table has ended. */
const MAX_ROW_LINES = 6;
/** A narrative paragraph after the table: starts upper-case and is a long sentence. */
const PARAGRAPH_WORDS = 8;

/** Every synthesis table in the document, in order. */
export function readSynthesisTables(lines: readonly string[]): SynthesisTable[] {
  const tables: SynthesisTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = findStart(lines, i);
    if (start < 0) break;
    const table = readTable(lines, start);
    tables.push(table);
    i = Math.max(table.to, start) + 1;
  }
  return tables;
}

function findStart(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const norm = squash(lines[i]!);
    if (TITLE.test(norm) || (HEADER.test(norm) && /PIAO-PERFORMANCE/.test(norm))) return i;
  }
  return -1;
}

function lineTokens(norm: string): Token[] {
  const heading = HEADINGS.find(([re]) => re.test(norm));
  if (heading) return [{ index: 0, textStart: 0, kind: heading[1] }];
  return [...norm.matchAll(CODE)].map((m) => ({
    index: m.index,
    textStart: m.index + m[0].length,
    kind: CODE_LEVEL[m[1]!.split('.').length]!,
    code: m[1]!,
  }));
}

function readTable(lines: readonly string[], start: number): SynthesisTable {
  const pieces: Piece[] = [];
  let end = start;
  const first = TITLE.test(lines[start]!) ? start + 1 : start;
  for (let i = first; i < lines.length; i++) {
    const norm = squash(lines[i]!);
    if (!norm) continue;
    const tokens = lineTokens(norm);
    const open = pieces.at(-1);
    if (tokens.length === 0) {
      if (!open) {
        if (i - start > MAX_ROW_LINES) break;
        continue;
      }
      if (endsPieces(open, norm, pieces)) break;
      open.parts.push(norm);
      open.to = i;
      open.lineCount++;
      end = i;
      continue;
    }
    const prefix = norm.slice(0, tokens[0]!.index).trim();
    if (prefix && open) {
      open.parts.push(prefix);
      open.to = i;
      open.lineCount++;
    }
    tokens.forEach((t, k) => {
      const next = tokens[k + 1];
      const text = norm.slice(t.textStart, next ? next.index : norm.length).trim();
      const piece: Piece = { kind: t.kind, parts: [text], from: i, to: i, lineCount: 1 };
      if (t.code) piece.code = t.code;
      pieces.push(piece);
    });
    end = i;
  }
  return assemble(pieces, start, end);
}

/** Whether a line without codes or headings lies beyond the table rather than continuing the open cell. */
function endsPieces(open: Piece, norm: string, pieces: readonly Piece[]): boolean {
  switch (open.kind) {
    case 'area':
      return true;
    case 'valore':
    case 'linea':
      return norm !== norm.toUpperCase();
    case 'header':
    case 'strategic':
    case 'operational':
      return open.lineCount >= MAX_ROW_LINES;
    case 'piao': {
      const text = joinWrapped(open.parts);
      const closed = pieces.filter((p) => p.kind === 'piao' && p !== open).map((p) => joinWrapped(p.parts));
      if (endsWithKnownStructure(text, knownStructures(closed))) return true;
      if (trailingUnit(text) && /^\p{Lu}/u.test(norm) && norm.split(' ').length >= PARAGRAPH_WORDS) return true;
      return open.lineCount >= MAX_ROW_LINES;
    }
  }
}

function assemble(pieces: readonly Piece[], from: number, to: number): SynthesisTable {
  const table: SynthesisTable = { from, to, rows: [], notes: [] };
  let area: string | undefined;
  let valore: string | undefined;
  let linea: string | undefined;
  let strategic: CodedText | undefined;
  let operational: CodedText | undefined;
  for (const p of pieces) {
    const text = joinWrapped(p.parts);
    const code = p.code ?? '';
    switch (p.kind) {
      case 'area':
        area = text;
        break;
      case 'valore':
        valore = text;
        break;
      case 'linea':
        linea = text;
        strategic = undefined;
        operational = undefined;
        break;
      case 'header': {
        const years = text.match(YEARS)?.[1];
        if (years && !table.years) table.years = years.replace(/\s+/g, '');
        break;
      }
      case 'strategic':
        strategic = { code, text };
        operational = undefined;
        break;
      case 'operational':
        if (strategic && !code.startsWith(`${strategic.code}.`)) {
          table.notes.push({
            message: `obiettivo operativo ${code} sits under obiettivo strategico ${strategic.code}`,
            from: p.from,
            to: p.to,
          });
        }
        operational = { code, text };
        break;
      case 'piao': {
        if (operational && !code.startsWith(`${operational.code}.`)) {
          table.notes.push({
            message: `PIAO objective ${code} sits under obiettivo operativo ${operational.code}: its code does not descend from it`,
            from: p.from,
            to: p.to,
          });
        }
        const row: SynthesisRow = { code, text, from: p.from, to: p.to };
        if (area) row.area = area;
        if (valore) row.valorePubblico = valore;
        if (linea) row.lineaMandato = linea;
        if (strategic) row.strategic = strategic;
        if (operational) row.operational = operational;
        table.rows.push(row);
        break;
      }
    }
  }
  return table;
}
