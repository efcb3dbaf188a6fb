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
  lines.forEach((line, i) => {
    const a = analyze(line);
    const terms = new Set([...a.words, ...a.codes]);
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
