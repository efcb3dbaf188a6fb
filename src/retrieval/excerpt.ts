import { analyze } from './analyze.ts';

const MAX_EXCERPT = 480;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The part of a passage worth quoting: the line that shares most terms with the question, widened with its
 * neighbours up to a few hundred characters. A table row keeps the header line above it when it fits.
 */
export function bestExcerpt(text: string, queryTerms: ReadonlySet<string>, max = MAX_EXCERPT): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return '';
  if (text.length <= max) return lines.join('\n');
  let best = 0;
  let bestScore = -1;
  termsOfLines(text, lines).forEach((terms, i) => {
    let score = 0;
    for (const t of terms) if (queryTerms.has(t)) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  let from = best;
  let to = best;
  let length = lines[best]!.length;
  const isTable = lines[0]!.includes('\t');
  if (isTable && best > 0 && length + lines[0]!.length + 1 <= max) {
    // the header row makes a table row readable
    return clip(best === 1 ? `${lines[0]}\n${lines[1]}` : `${lines[0]}\n…\n${lines[best]}`, max);
  }
  for (;;) {
    const before = from > 0 ? lines[from - 1]!.length + 1 : Number.POSITIVE_INFINITY;
    const after = to + 1 < lines.length ? lines[to + 1]!.length + 1 : Number.POSITIVE_INFINITY;
    if (after <= before && length + after <= max) {
      to++;
      length += after;
    } else if (before < after && length + before <= max) {
      from--;
      length += before;
    } else break;
  }
  return clip(lines.slice(from, to + 1).join('\n'), max);
}

/**
 * Each line's terms, kept for the passages of the last searches: the same passages come back for one question's
 * several searches and for the next questions on the subject, and analyzing every line of each was a tenth of what a
 * passage answer allocated.
 */
const LINE_TERMS = new Map<string, ReadonlySet<string>[]>();
const LINE_TERMS_SIZE = 256;

function termsOfLines(text: string, lines: readonly string[]): ReadonlySet<string>[] {
  let terms = LINE_TERMS.get(text);
  if (!terms) {
    terms = lines.map((line) => {
      const a = analyze(line);
      return new Set([...a.words, ...a.codes]);
    });
    // the oldest passage goes first: a Map keeps the order of insertion
    if (LINE_TERMS.size >= LINE_TERMS_SIZE) LINE_TERMS.delete(LINE_TERMS.keys().next().value!);
    LINE_TERMS.set(text, terms);
  }
  return terms;
}
