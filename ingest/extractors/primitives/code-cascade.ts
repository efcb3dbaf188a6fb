/**
 * Code cascades: tables that nest their codes — `01.01` obiettivo strategico, `01.01.01` operativo, `01.01.01.01`
 * the objective itself, then its structure — read where PDF text has run the rows together: codes in the middle of
 * lines, cells wrapped over several lines, no tab left. The stream is cut at the codes; the deepest codes are the
 * records, each with the text up to the next code (its title and, after it, the structure column).
 * A tabbed table keeps its cells and is left to the table reader.
 */
import { squash } from '../../../src/plan/text.ts';
import { knownStructures, splitTitleAndStructure } from './structure-cell.ts';
import { joinWrapped } from './wrapped-text.ts';

export interface CascadeRecord {
  code: string;
  title: string;
  structure?: string;
  /** 0-based first and last line of the record's text */
  line: number;
  lineEnd: number;
}

export interface CodeCascade {
  records: CascadeRecord[];
  /** 0-based first and last line the cascade takes */
  from: number;
  to: number;
}

/** Dotted codes of two to four groups (`01.01`, `1.2.3`, `01.01.01.01`); a trailing dot is no part of the code. */
const CODE = /(?<=^|\s)(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|$)/g;
/** the fewest records, and codes found inside a line after a space, that make a flattened cascade */
const MIN_RECORDS = 3;
/** a record's wrapped text never runs longer than this many lines */
const MAX_RECORD_LINES = 6;

interface Token {
  line: number;
  index: number;
  end: number;
  code: string;
  depth: number;
  /** inside the line, after a space and some text: a cell boundary the PDF text lost */
  inside: boolean;
}

const isPrefix = (parent: string, child: string) => child.startsWith(`${parent}.`);
const capitals = (s: string) => /\p{L}{3}/u.test(s) && s === s.toUpperCase();

/** The flattened code cascade of a document, or null when it has none. `skip` lines are read by others. */
export function readCodeCascade(lines: readonly string[], skip: ReadonlySet<number>): CodeCascade | null {
  const plain = lines.map((l) => squash(l));
  const tokens: Token[] = [];
  plain.forEach((l, i) => {
    if (skip.has(i) || lines[i]!.includes('\t')) return;
    for (const m of l.matchAll(CODE)) {
      const code = m[1]!;
      tokens.push({
        line: i,
        index: m.index,
        end: m.index + m[0].length,
        code,
        depth: code.split('.').length,
        inside: m.index > 0 && /\p{L}/u.test(l.slice(0, m.index)),
      });
    }
  });
  const codes = tokens.map((t) => t.code);
  const members = tokens.filter((t) => codes.some((c) => isPrefix(c, t.code)));
  if (members.length === 0) return null;
  const depth = Math.max(...members.map((t) => t.depth));
  const leaves = members.filter((t) => t.depth === depth);
  if (depth < 3 || leaves.length < MIN_RECORDS || tokens.filter((t) => t.inside).length < MIN_RECORDS) return null;

  const texts = leaves.map((leaf) => recordText(plain, tokens, leaf, skip));
  const known = knownStructures(texts.map((t) => t.text));
  const records = leaves.map((leaf, k) => {
    const { title, structure } = splitTitleAndStructure(texts[k]!.text, known);
    return { code: leaf.code, title, ...(structure ? { structure } : {}), line: leaf.line, lineEnd: texts[k]!.end };
  });
  const from = Math.min(...members.map((t) => t.line));
  const to = Math.max(...records.map((r) => r.lineEnd));
  return { records, from, to };
}

/** A record's text: from its code to the next code, over the lines it wraps, up to a heading in capitals. */
function recordText(
  plain: readonly string[],
  tokens: readonly Token[],
  leaf: Token,
  skip: ReadonlySet<number>,
): { text: string; end: number } {
  const next = tokens.find((t) => t.line > leaf.line || (t.line === leaf.line && t.index > leaf.index));
  const parts = [plain[leaf.line]!.slice(leaf.end, next?.line === leaf.line ? next.index : undefined)];
  let end = leaf.line;
  for (let i = leaf.line + 1; i < plain.length && i - leaf.line <= MAX_RECORD_LINES; i++) {
    if (skip.has(i) || plain[i] === '') continue;
    if (next && i > next.line) break;
    const line = next?.line === i ? plain[i]!.slice(0, next.index) : plain[i]!;
    if (capitals(line.trim())) break;
    if (line.trim()) {
      parts.push(line);
      end = i;
    }
    if (next?.line === i) break;
  }
  return { text: joinWrapped(parts), end };
}
