/**
 * Code detector that learns the document's own code shapes. Every plan numbers its objectives its own way
 * (`TRB-2023-01`, `22.VIA.04`, `PL/24/1`, `01.02.03`, `OO.1`); a shape is a token's signature — letters as `A`,
 * digits as `9`, punctuation kept — and the shapes that recur in code positions (first token of a line, a
 * `Codice:` value, a table's first cell) are the document's. A token of a learned shape is a code there.
 */
import { looksLikeCode } from './label-values.ts';

/** `TRB-2023-01` → `A-9-9`, `OS.R.1` → `A.A.9`, `sp1` → `a9`. */
export function codeSignature(token: string): string {
  return token
    .replace(/\p{Lu}+/gu, 'A')
    .replace(/\p{Ll}+/gu, 'a')
    .replace(/\d+/g, '9')
    .replace(/\s+/g, ' ');
}

export interface CodeShapes {
  /** the learned signatures, most frequent first */
  readonly shapes: readonly string[];
  /** whether a token has one of the document's code shapes */
  isCode(token: string): boolean;
}

/** Plain numbers recur everywhere (page numbers, figures): a bare `9` is never a learned shape. */
const TOO_WEAK = new Set(['9', '9.', 'A', 'a', 'Aa']);

/** Learns the shapes that at least `minCount` code-looking candidates share. */
export function learnCodeShapes(candidates: Iterable<string>, minCount = 2): CodeShapes {
  const counts = new Map<string, number>();
  for (const raw of candidates) {
    const token = raw.replace(/[.,:;)]+$/, '');
    if (!looksLikeCode(token)) continue;
    const sig = codeSignature(token);
    if (TOO_WEAK.has(sig)) continue;
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  const shapes = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1])
    .map(([s]) => s);
  const set = new Set(shapes);
  const families = new Set(shapes.map(family).filter((f) => f !== null));
  return {
    shapes,
    isCode: (token: string) => {
      const t = token.replace(/[.,:;)]+$/, '');
      if (!looksLikeCode(t)) return false;
      const sig = codeSignature(t);
      return set.has(sig) || families.has(family(sig) ?? '');
    },
  };
}

/**
 * A shape's family: its first group and its separators, the other groups any mix of letters and digits. A document
 * that numbers `2021_OB_8504_1` writes `2021_OB_8504_C` and `2021_OB_85PR_3` too, each once. Only shapes of four
 * groups or more have one: shorter shapes say too little to stretch.
 */
function family(sig: string): string | null {
  const groups = sig.split(/[._/-]/);
  if (groups.length < 4) return null;
  return `${groups[0]}|${sig.replace(/[Aa9]+/g, 'x')}`;
}

/** The first token of every non-blank line: where a plan most often writes its codes. */
export function lineLeadTokens(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const t = l.trim().split(/\s+/)[0];
    if (t) out.push(t);
  }
  return out;
}

/** A token of one of the document's code shapes that no section number could be: a letter, `_` or `-`, or three numeric groups. */
export function isStrongCode(token: string, shapes: CodeShapes): boolean {
  const code = token.replace(/[.:]+$/, '');
  if (!shapes.isCode(code)) return false;
  const sig = codeSignature(code);
  return /[Aa_-]/.test(sig) || (sig.match(/9/g) ?? []).length >= 3;
}

/**
 * A line that opens with one of the document's code shapes and goes on with a title: `2021_OB_8501_1 Supportare
 * le funzioni …`, `OS.R.1 Aggiornamento …`. Shapes too weak to tell a code from a section number (`1.2`) do not
 * count: a strong shape has a letter, an underscore or dash, or three numeric groups.
 */
export function readCodeLine(line: string, shapes: CodeShapes): { code: string; title: string } | null {
  const m = line.trim().match(/^(\S+)\s+(?:[-–—:]\s+)?(\S.*)$/);
  if (!m) return null;
  const code = m[1]!.replace(/[.:]+$/, '');
  const title = m[2]!.trim();
  if (!isStrongCode(code, shapes) || title.split(/\s+/).length < 3 || /\t/.test(line)) return null;
  return { code, title };
}
