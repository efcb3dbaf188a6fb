import { sourceLabel } from '../citations/source-label.ts';
import type { PlanDocument } from '../plan/model.ts';
import type { Digest, DigestItem, PersonDigest } from './build-digest.ts';
import { DIGEST_LABELS, type DigestLang, italianDay } from './digest-labels.ts';

export type DocumentLookup = (file: string) => PlanDocument | undefined;

/** One line per item: "30/06/2020 — fase: Title (in scadenza) · fonte: PEG 2021 — Comune di …, riga 12". */
export function digestItemLine(item: DigestItem, documents: DocumentLookup, lang: DigestLang = 'it'): string {
  const l = DIGEST_LABELS[lang];
  const source = sourceLabel({ doc: item.span.doc, lines: linesOf(item), ...pageOf(item) }, documents, lang);
  return `${item.date.text} — ${l.kinds[item.kind]}: ${item.title} (${l.due}) · ${l.source}: ${source}`;
}

/** A person's digest as plain text, grouped by objective. */
export function formatPersonDigest(person: PersonDigest, documents: DocumentLookup, lang: DigestLang = 'it'): string {
  const l = DIGEST_LABELS[lang];
  const lines = [l.personHeader(person.person, person.items)];
  for (const o of person.objectives) {
    lines.push(`  ${o.code} — ${o.title} (${o.entity})`);
    for (const item of o.items) lines.push(`    • ${digestItemLine(item, documents, lang)}`);
  }
  return lines.join('\n');
}

/** The whole digest for the command line. */
export function formatDigest(digest: Digest, documents: DocumentLookup, lang: DigestLang = 'it'): string {
  const l = DIGEST_LABELS[lang];
  const head = l.title(italianDay(digest.from), italianDay(digest.to));
  if (!digest.people.length) return `${head}\n${l.nothing}`;
  return [head, ...digest.people.map((p) => formatPersonDigest(p, documents, lang))].join('\n\n');
}

export function linesOf(item: Pick<DigestItem, 'span'>): string {
  const { lineStart, lineEnd } = item.span;
  return lineStart === lineEnd ? String(lineStart) : `${lineStart}-${lineEnd}`;
}

function pageOf(item: DigestItem): { page?: number } {
  return item.span.page !== undefined ? { page: item.span.page } : {};
}
