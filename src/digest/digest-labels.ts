import type { DigestItemKind } from './build-digest.ts';

/** The fixed words of a digest. The plans hold no progress data: items are only ever "due", never late or done. */
export const DIGEST_LABELS = {
  it: {
    title: (from: string, to: string) => `Scadenze dal ${from} al ${to}`,
    personHeader: (person: string, n: number) =>
      `${person} — ${n} ${n === 1 ? 'voce in scadenza' : 'voci in scadenza'}`,
    due: 'in scadenza',
    kinds: {
      phase: 'fase',
      indicator: 'indicatore',
      indicator_intermediate: 'indicatore, valore intermedio',
      objective: 'obiettivo',
    } satisfies Record<DigestItemKind, string>,
    nothing: 'Nessuna voce con data in scadenza in questo periodo.',
    nobody: (name: string) => `Nessuna persona dei piani corrisponde a «${name}».`,
    source: 'fonte',
  },
  en: {
    title: (from: string, to: string) => `Due from ${from} to ${to}`,
    personHeader: (person: string, n: number) => `${person} — ${n} ${n === 1 ? 'item due' : 'items due'}`,
    due: 'due',
    kinds: {
      phase: 'phase',
      indicator: 'indicator',
      indicator_intermediate: 'indicator, intermediate value',
      objective: 'objective',
    } satisfies Record<DigestItemKind, string>,
    nothing: 'Nothing with a date falls due in this period.',
    nobody: (name: string) => `No person in the plans matches “${name}”.`,
    source: 'source',
  },
} as const;
export type DigestLang = keyof typeof DIGEST_LABELS;

/** YYYY-MM-DD → DD/MM/YYYY, the way the plans write dates. */
export function italianDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
