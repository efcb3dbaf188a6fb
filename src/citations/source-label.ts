import type { Citation } from '../answer/answer.ts';
import type { DocumentKind, PlanDocument } from '../plan/model.ts';

/** The short name people use for each kind of plan; the title as written when the kind is unknown. */
const KIND_NAMES: Record<DocumentKind, string | null> = {
  peg: 'PEG',
  piano_obiettivi: 'Piano degli obiettivi',
  piao_performance: 'PIAO',
  unknown: null,
};

const WORDS = {
  it: { lines: 'righe', line: 'riga', page: 'pag.' },
  en: { lines: 'lines', line: 'line', page: 'p.' },
} as const;
export type SourceLang = keyof typeof WORDS;
export type DocumentLookup = (file: string) => Pick<PlanDocument, 'kind' | 'title' | 'years' | 'entity'> | undefined;

/** "PEG 2021", "PIAO 2024–2026": what a reader calls the document, from its kind and years. */
export function documentName(doc: Pick<PlanDocument, 'kind' | 'title' | 'years'>): string {
  const name = KIND_NAMES[doc.kind] ?? doc.title;
  const years = [...doc.years].sort((a, b) => a - b);
  if (!years.length || name === doc.title) return name;
  const first = years[0]!;
  const last = years.at(-1)!;
  return first === last ? `${name} ${first}` : `${name} ${first}–${last}`;
}

/**
 * "PEG 2021 — Comune di Reggio Emilia, righe 1530–1533" (or "pag. 4" for a PDF): the document a reader can open,
 * never the stored file's hash name. `documents` looks a file name up; an unknown file falls back to its name.
 */
export function sourceLabel(
  citation: Pick<Citation, 'doc' | 'entity' | 'lines' | 'page'>,
  documents: DocumentLookup,
  lang: SourceLang = 'it',
): string {
  const doc = documents(citation.doc);
  const entity = citation.entity ?? doc?.entity;
  const head = doc ? documentName(doc) : citation.doc;
  const where = whereLabel(citation, lang);
  return `${head}${entity && entity !== head ? ` — ${entity}` : ''}${where ? `, ${where}` : ''}`;
}

/** "righe 1530–1533", "riga 12", "pag. 4, righe 80–82": where in the document. */
export function whereLabel(citation: Pick<Citation, 'lines' | 'page'>, lang: SourceLang = 'it'): string {
  const w = WORDS[lang];
  const where: string[] = [];
  if (citation.page !== undefined) where.push(`${w.page} ${citation.page}`);
  if (citation.lines) {
    const [a, b] = citation.lines.split('-');
    where.push(b && b !== a ? `${w.lines} ${a}–${b}` : `${w.line} ${a}`);
  }
  return where.join(', ');
}
