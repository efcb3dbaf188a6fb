/**
 * Reads a range of document lines as blocks: headings, paragraphs, tables (tab-separated or markdown rows,
 * continuing across the blank lines of a page break) and staff allocation tables. Works on PDF text too,
 * where tabs and blank lines are gone: there everything but headings and staff tables reads as paragraphs.
 */
import { fold, squash, stripMarkup } from '../../src/plan/text.ts';
import { plainText } from '../../src/retrieval/analyze.ts';

export interface Heading {
  level: number;
  text: string;
}

export type Block =
  | { type: 'heading'; start: number; end: number; heading: Heading }
  | { type: 'paragraph'; start: number; end: number }
  /** `headerEnd`: last line of the header (caption lines plus the column-header row), or null when there is none */
  | { type: 'table'; start: number; end: number; headerEnd: number | null; staff: boolean };

const STAFF_HEADER = /nome soggetto\s*(?:\t|\|)?\s*relazione personale\s*(?:\t|\|)?\s*impegno personale/;
const STAFF_ROW_CELL = /^\d{1,3}(?:,\d+)?\s*%$/;
const STAFF_ROW_TEXT = /\S\s+\d{1,3},\d{2}\s*%\s*$/;

export function isBlank(line: string): boolean {
  return stripMarkup(line).trim() === '' || /^[\s|:\-–—]+$/.test(line);
}

/** A line as a passage shows it: markup removed, spaces squashed, table cells still tab-separated. */
export function cleanLine(line: string): string {
  return line
    .split('\t')
    .map((cell) => squash(plainText(cell)))
    .join('\t')
    .replace(/\t+$/, '');
}

function cells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => squash(stripMarkup(c)));
  const t = line.trim();
  if (t.startsWith('|') && t.endsWith('|') && t.length > 1)
    return t
      .slice(1, -1)
      .split('|')
      .map((c) => squash(stripMarkup(c)));
  return [squash(stripMarkup(line))];
}

export function isTableRow(line: string): boolean {
  if (isBlank(line)) return false;
  if (line.includes('\t')) return true;
  const t = line.trim();
  return t.startsWith('|') && t.endsWith('|') && t.length > 2;
}

export function isStaffHeader(line: string): boolean {
  return STAFF_HEADER.test(fold(line));
}

function isStaffRow(line: string): boolean {
  if (isBlank(line)) return false;
  if (line.includes('\t')) {
    const filled = cells(line).filter((c) => c !== '');
    const last = filled.at(-1);
    return filled.length >= 2 && last !== undefined && STAFF_ROW_CELL.test(last);
  }
  return STAFF_ROW_TEXT.test(squash(stripMarkup(line)));
}

function sentenceCase(s: string): string {
  const letters = s.match(/\p{L}/gu) ?? [];
  const upper = s.match(/\p{Lu}/gu) ?? [];
  if (letters.length === 0 || upper.length / letters.length < 0.85) return s;
  const lower = s.toLocaleLowerCase('it');
  const i = lower.search(/\p{L}/u);
  return i < 0 ? lower : lower.slice(0, i) + lower.charAt(i).toLocaleUpperCase('it') + lower.slice(i + 1);
}

/** The heading a line is, if it is one: markdown `#`, an ALL-CAPS title, a bold-only line or a `➤` sub-title. */
export function headingOf(line: string): Heading | null {
  if (line.includes('\t')) return null;
  const raw = line.trim();
  const md = /^(#{1,6})\s+(.+)$/.exec(raw);
  if (md) {
    const text = squash(stripMarkup(md[2]!)).replace(/:$/, '');
    return text ? { level: md[1]!.length, text: sentenceCase(text) } : null;
  }
  const t = squash(stripMarkup(raw));
  if (t.length < 4 || t.length > 90 || /^[-•*·]\s/.test(t)) return null;
  const arrow = /^[➤►▶]\s*(.+)$/.exec(t);
  if (arrow) return { level: 3, text: arrow[1]! };
  if (/:\s*\S/.test(t) || /[.;,]$/.test(t)) return null;
  const letters = t.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return null;
  const bold = /^(\*\*|<b>)[^*<]+(\*\*|<\/b>):?$/.test(raw);
  const upper = t.match(/\p{Lu}/gu) ?? [];
  const caps = upper.length / letters.length >= 0.85;
  if (!caps && !bold) return null;
  if (t.split(' ').length > 12) return null;
  const text = sentenceCase(t.replace(/:$/, ''));
  if (caps && /^\d+(\.\d+)*\.?\s/.test(t)) return { level: 1, text };
  return { level: caps ? 2 : 3, text };
}

function nextNonBlank(lines: readonly string[], from: number, to: number): number {
  let k = from;
  while (k <= to && isBlank(lines[k] ?? '')) k++;
  return k;
}

/** Index of the last header line of a table block, or null when its first rows do not look like a header. */
function headerEndOf(lines: readonly string[], start: number, end: number): number | null {
  for (let i = start; i <= Math.min(end, start + 5); i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const filled = cells(line).filter((c) => c !== '');
    if (filled.length < 2) continue;
    const looksLikeHeader = filled.every((c) => c.length <= 80) && filled.join(' ').length <= 400;
    return looksLikeHeader ? i : null;
  }
  return null;
}

/** Blocks of lines `from..to` (0-based, inclusive). Blank lines between blocks belong to none. */
export function readBlocks(lines: readonly string[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let i = from;
  while (i <= to) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (isStaffHeader(line)) {
      let end = i;
      let k = i + 1;
      while (k <= to) {
        const n = nextNonBlank(lines, k, to);
        if (n > to || !isStaffRow(lines[n] ?? '')) break;
        end = n;
        k = n + 1;
      }
      blocks.push({ type: 'table', start: i, end, headerEnd: i, staff: true });
      i = end + 1;
      continue;
    }
    if (isTableRow(line)) {
      let end = i;
      let k = i + 1;
      while (k <= to) {
        const n = nextNonBlank(lines, k, to);
        const next = lines[n] ?? '';
        if (n > to || !isTableRow(next) || isStaffHeader(next)) break;
        end = n;
        k = n + 1;
      }
      blocks.push({ type: 'table', start: i, end, headerEnd: headerEndOf(lines, i, end), staff: false });
      i = end + 1;
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      blocks.push({ type: 'heading', start: i, end: i, heading });
      i++;
      continue;
    }
    let end = i;
    while (end + 1 <= to) {
      const next = lines[end + 1] ?? '';
      if (isBlank(next) || isTableRow(next) || isStaffHeader(next) || headingOf(next)) break;
      end++;
    }
    blocks.push({ type: 'paragraph', start: i, end });
    i = end + 1;
  }
  return blocks;
}
