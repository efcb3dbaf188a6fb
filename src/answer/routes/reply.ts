/** What a route builds (lines, citations, focus) and how it becomes the Answer: sources listed last. */
import type { Answer, Citation } from '../answer.ts';
import { LABELS, type Lang } from '../labels.ts';

export interface Reply {
  lines: string[];
  citations: Citation[];
  found: boolean;
  /**
   * the record asked about was found but not the field asked: its own text may still say it (a detail sentence
   * quoted first may answer where the field is blank)
   */
  fieldMissing?: boolean;
  intent: string;
  focus: string[];
}

export function emptyReply(intent: string): Reply {
  return { lines: [], citations: [], found: true, intent, focus: [] };
}

export function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function finish(reply: Reply, lang: Lang): Answer {
  const L = LABELS[lang];
  const citations = uniqueBy(reply.citations, (c) => `${c.doc}|${c.lines}|${c.section ?? ''}`);
  const lines = [...reply.lines];
  if (citations.length) {
    const shown = citations
      .slice(0, 6)
      .map((c) => `${c.doc}${c.lines ? ` ${L.lines} ${c.lines}` : ''}${c.page ? ` ${L.page} ${c.page}` : ''}`);
    lines.push(
      '',
      `${L.sources}: ${shown.join('; ')}${citations.length > 6 ? ` ${L.andMore(citations.length - 6)}` : ''}`,
    );
  }
  return {
    answer: lines.join('\n').trim(),
    citations,
    lang,
    found: reply.found,
    intent: reply.intent,
    focus: [...new Set(reply.focus)],
  };
}
