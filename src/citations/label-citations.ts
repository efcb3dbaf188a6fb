import type { Answer, Citation } from '../answer/answer.ts';
import { type DocumentLookup, documentName, type SourceLang, sourceLabel, whereLabel } from './source-label.ts';

export type { DocumentLookup };

const RANGES_SHOWN = 6;
const SOURCES_LINE = /^\s*(fonti|fonte|sources?)\s*:/i;
const MORE = { it: (n: number) => `… e altri ${n}`, en: (n: number) => `… and ${n} more` };
const HEAD = { it: 'Fonti', en: 'Sources' };

/**
 * Every citation gets its readable label (document title, entity, lines or page) beside the file name; in the answer
 * text, stored file names become the document's name and entity, and the closing "Fonti: …" paragraph lists each
 * document once with its line ranges.
 */
export function withReadableSources(answer: Answer, documents: DocumentLookup): Answer {
  if (!answer.citations.length) return answer;
  const lang: SourceLang = answer.lang;
  const citations = answer.citations.map((c) => ({ ...c, label: sourceLabel(c, documents, lang) }));
  const paragraphs = answer.answer.trimEnd().split(/\n\s*\n/);
  const hasSources = paragraphs.length > 1 && SOURCES_LINE.test(paragraphs.at(-1) ?? '');
  if (hasSources) paragraphs.pop();
  let text = paragraphs.join('\n\n');
  for (const file of new Set(citations.map((c) => c.doc))) {
    const doc = documents(file);
    // an answer may cite a thousand plans' copies: only the names the text writes are replaced
    if (doc && text.includes(file)) text = text.split(file).join(`${documentName(doc)} — ${doc.entity}`);
  }
  if (hasSources) text = `${text}\n\n${sourcesParagraph(citations, documents, lang)}`;
  return { ...answer, answer: text, citations };
}

/** "Fonti: PEG 2021 — Comune di Reggio Emilia, righe 12–14, 30–41; PIAO 2024–2026 — Provincia di Prato, riga 83" */
export function sourcesParagraph(citations: Citation[], documents: DocumentLookup, lang: SourceLang): string {
  const byDoc = new Map<string, string[]>();
  for (const c of citations) {
    const where = whereLabel(c, lang);
    const list = byDoc.get(c.doc) ?? [];
    if (where && !list.includes(where)) list.push(where);
    byDoc.set(c.doc, list);
  }
  let room = RANGES_SHOWN;
  let hidden = 0;
  const parts: string[] = [];
  for (const [file, wheres] of byDoc) {
    const doc = documents(file);
    const head = doc ? `${documentName(doc)} — ${doc.entity}` : file;
    const shown = wheres.slice(0, room);
    hidden += wheres.length - shown.length;
    room -= shown.length;
    if (shown.length) parts.push(`${head}, ${joinWheres(shown, lang)}`);
    else if (!wheres.length) parts.push(head);
  }
  return `${HEAD[lang]}: ${parts.join('; ')}${hidden ? ` ${MORE[lang](hidden)}` : ''}`;
}

/** "righe 12–14", "righe 30–41" → "righe 12–14, 30–41" (the word once when all are line ranges). */
function joinWheres(wheres: string[], lang: SourceLang): string {
  const word = lang === 'it' ? /^(righe|riga) / : /^(lines|line) /;
  if (wheres.length > 1 && wheres.every((w) => word.test(w))) {
    return `${lang === 'it' ? 'righe' : 'lines'} ${wheres.map((w) => w.replace(word, '')).join(', ')}`;
  }
  return wheres.join(', ');
}
