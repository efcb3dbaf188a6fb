/**
 * An office named by its kind word and a number, code or roman numeral that no structure of the plans in scope carries
 * ("il settore II", "il CdR 99"): not there, to be said plainly, rather than read as words ("3° settore" of a phase).
 */
import { PACKS } from '../lang/packs.ts';
import type { Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';

/** the packs' kind words of offices, as prefixes of a question word ("settor", "serviz", "cdr", "department") */
const KIND_PREFIXES = [
  ...new Set(
    Object.values(PACKS).flatMap((p) =>
      (p.lexicon.structureKinds ?? [])
        .filter((k) => k.kind !== '*' && k.kind !== 'area')
        .flatMap((k) =>
          [...k.nameStarts, ...k.words.filter((w) => !w.trim().includes(' '))].map((w) => fold(w).trim()),
        ),
    ),
  ),
].filter((w) => w.length >= 3);

const ROMAN = /^(?:x{0,2})(?:ix|iv|v?i{0,3})$/;
/** a number, a short code ("A2") or a roman numeral up to XXIX */
const NUMBERING = (t: string) => /^\d{1,3}$/.test(t) || /^[a-z]\d{1,2}$/.test(t) || (t.length > 0 && ROMAN.test(t));

/** 6 → "vi": a structure numbered by a roman numeral is named by its figure too */
function roman(n: number): string {
  if (n < 1 || n > 39) return '';
  const tens = 'x'.repeat(Math.floor(n / 10));
  const units = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'][n % 10]!;
  return tens + units;
}

export interface UnknownStructureNumber {
  /** the kind word and the number as the question wrote them ("settore ii") */
  said: string;
  /** the structures of the plans in scope that do carry a code or a numeral */
  numbered: Structure[];
}

/** The first office kind word followed by a numbering no structure in scope has, with those that have one. */
export function unknownStructureNumber(
  question: string,
  store: PlanStore,
  files: readonly string[] | null,
): UnknownStructureNumber | null {
  const tokens = fold(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  const at = tokens.findIndex(
    (t, i) => i + 1 < tokens.length && KIND_PREFIXES.some((k) => t.startsWith(k)) && NUMBERING(tokens[i + 1]!),
  );
  if (at < 0) return null;
  const numbering = tokens[at + 1]!;
  // "vi", "i" are words too: a roman numeral of one letter counts only written as one ("settore V")
  if (/^[ivx]$/.test(numbering) && !new RegExp(`\\b${numbering.toUpperCase()}\\b`).test(question)) return null;
  const forms = new Set([numbering, ...(/^\d+$/.test(numbering) ? [roman(Number(numbering))] : [])].filter(Boolean));
  const inFiles = files ? new Set(files) : null;
  const structures = store.structures.filter((s) => !inFiles || inFiles.has(s.doc));
  const numeralsOf = (s: Structure) =>
    fold(s.name)
      .split(/[^a-z0-9]+/)
      .filter(NUMBERING);
  if (structures.some((s) => forms.has(fold(s.code ?? '')) || numeralsOf(s).some((n) => forms.has(n)))) return null;
  const numbered = structures.filter((s) => s.code || numeralsOf(s).length);
  return { said: `${tokens[at]} ${numbering.toUpperCase()}`, numbered };
}
