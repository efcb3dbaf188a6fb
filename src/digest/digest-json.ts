import { sourceLabel } from '../citations/source-label.ts';
import type { Digest } from './build-digest.ts';
import { type DocumentLookup, linesOf } from './format-digest.ts';

/** The digest as the `--json` output and the web API give it: file names stay, beside a readable source label. */
export function digestJson(digest: Digest, documents: DocumentLookup) {
  return {
    from: digest.from,
    to: digest.to,
    days: digest.days,
    status: 'due' as const,
    people: digest.people.map((p) => ({
      person: p.person,
      items: p.items,
      objectives: p.objectives.map((o) => ({
        code: o.code,
        title: o.title,
        entity: o.entity,
        doc: o.doc,
        items: o.items.map((i) => {
          const source = {
            doc: i.span.doc,
            lines: linesOf(i),
            ...(i.span.page !== undefined ? { page: i.span.page } : {}),
          };
          return {
            kind: i.kind,
            title: i.title,
            date: i.date.text,
            dateIso: i.date.iso,
            status: 'due' as const,
            source: { ...source, label: sourceLabel(source, documents) },
          };
        }),
      })),
    })),
  };
}
