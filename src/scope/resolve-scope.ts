import { documentName } from '../citations/source-label.ts';
import type { PlanDocument } from '../plan/model.ts';
import { fold, squash } from '../plan/text.ts';

/** Words that name a kind of plan; the rest of a scope request names the entity (or a file). */
const KIND_WORDS: Record<PlanDocument['kind'], string[]> = {
  peg: ['peg', 'piano esecutivo di gestione'],
  piano_obiettivi: ['piano degli obiettivi', 'piano obiettivi', 'obiettivi', 'piano della performance', 'performance'],
  piao_performance: ['piao', 'piano integrato di attivita e organizzazione'],
  unknown: [],
};

const FILLER = new Set(['di', 'del', 'della', 'dei', 'il', 'la', 'lo', 'e', 'piano', 'anno', 'ente']);

export type ScopeResolution =
  | { ok: true; docs: string[]; label: string }
  | { ok: false; reason: 'empty' | 'no_match' | 'no_year'; candidates: string[] };

/** "PEG 2021 — Comune di Reggio Emilia": how a scope is shown in footers and replies. */
export function scopeLabel(documents: PlanDocument[]): string {
  return documents.map((d) => `${documentName(d)} — ${d.entity}`).join('; ');
}

/**
 * Which loaded plans `<ente o piano> [anno]` designates: a file name, or the words of an entity ("Reggio Emilia",
 * "Provincia di Prato") and/or a kind of plan ("PEG", "PIAO"), narrowed to the plans covering `anno` when given.
 * Data, not guesses: every word left must appear in the entity, the title or the kind of a plan.
 */
export function resolveScope(documents: PlanDocument[], request: string): ScopeResolution {
  const candidates = documents.map((d) => `${documentName(d)} — ${d.entity}`);
  let text = fold(squash(request));
  const yearMatch = text.match(/(?:^|\s)((?:19|20)\d{2})\s*$/);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  if (yearMatch) text = text.slice(0, yearMatch.index).trim();
  if (!text && year === undefined) return { ok: false, reason: 'empty', candidates };

  const byFile = documents.filter((d) => fold(d.file) === text);
  let matched = byFile.length ? byFile : documents.filter((d) => matches(d, text));
  if (!matched.length) return { ok: false, reason: 'no_match', candidates };
  if (year !== undefined) {
    matched = matched.filter((d) => d.years.includes(year));
    if (!matched.length) return { ok: false, reason: 'no_year', candidates };
  }
  return { ok: true, docs: matched.map((d) => d.file), label: scopeLabel(matched) };
}

function matches(d: PlanDocument, text: string): boolean {
  if (!text) return true;
  let rest = ` ${text} `;
  for (const [kind, words] of Object.entries(KIND_WORDS) as [PlanDocument['kind'], string[]][]) {
    for (const w of words) {
      if (!rest.includes(` ${w} `)) continue;
      if (kind !== d.kind) return false;
      rest = rest.replace(` ${w} `, ' ');
    }
  }
  const haystack = ` ${fold(`${d.entity} ${d.title}`).replace(/[^a-z0-9' ]/g, ' ')} `;
  const words = rest
    .replace(/[^a-z0-9' ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w));
  return words.every((w) => haystack.includes(` ${w} `));
}
