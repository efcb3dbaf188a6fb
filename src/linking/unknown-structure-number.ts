/**
 * An office named by its kind word and a number, code or roman numeral that no structure of the plans in scope carries
 * ("il settore II", "il CdR 99"): not there, to be said plainly, rather than read as words ("3° settore" of a phase).
 */
import { PACKS } from '../lang/packs.ts';
import type { Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { nameStem, structureIndexOf } from './structure-index.ts';

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

/** the packs' record and level words, as prefixes: an office's name said after its kind word ends where one starts */
const NAME_STOPS = Object.values(PACKS)
  .flatMap((p) => [...Object.values(p.lexicon.targets).flat(), ...Object.values(p.lexicon.planLevels ?? {}).flat()])
  .map((w) => fold(w).trim().split(' ')[0]!)
  .filter((w) => w.length >= 4);

/** An office named by its kind word and a name no structure of the plans in scope has a word of. */
export interface UnknownStructureName {
  /** the kind word and the name as the question wrote them ("Servizio Cultura") */
  said: string;
  /** the structures of the plans in scope */
  known: Structure[];
}

/**
 * "obiettivi del Servizio Cultura della Provincia": an office kind word followed right away by a name written as one
 * (capitalised), none of whose words any office of the plans in scope, nor an entity, has. A name in lower case may be
 * a topic ("il servizio mensa"), so only a name written as a name is said not found.
 */
export function unknownStructureName(
  question: string,
  store: PlanStore,
  files: readonly string[] | null,
): UnknownStructureName | null {
  const raw = (question.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => fold(w).trim());
  const tokens = raw.map((w) => fold(w).trim());
  const inFiles = files ? new Set(files) : null;
  for (let at = 0; at + 1 < tokens.length; at++) {
    if (!KIND_PREFIXES.some((k) => tokens[at]!.startsWith(k)) || !/^\p{Lu}/u.test(raw[at + 1]!)) continue;
    const index = structureIndexOf(store);
    const entityWords = entityWordsOf(store);
    const run: number[] = [];
    for (let j = at + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (
        t.length <= 3 ||
        STOPWORDS.has(t) ||
        /\d/.test(t) ||
        entityWords.has(t) ||
        NAME_STOPS.some((w) => t.startsWith(w))
      )
        break;
      run.push(j);
    }
    if (!run.length) continue;
    const named = run.some((j) =>
      (index.byStem.get(nameStem(tokens[j]!)) ?? []).some((p) => !inFiles || inFiles.has(index.structures[p]!.doc)),
    );
    if (named) continue;
    const known = store.structures.filter((s) => !inFiles || inFiles.has(s.doc));
    return { said: [raw[at]!, ...run.map((j) => raw[j]!)].join(' '), known };
  }
  return null;
}

const entityWordSets = new WeakMap<PlanStore, Set<string>>();
/** the words of the entities' names, read once per store (a thousand plans' entities are not refolded per question) */
function entityWordsOf(store: PlanStore): Set<string> {
  let words = entityWordSets.get(store);
  if (!words) {
    words = new Set(store.model.documents.flatMap((d) => fold(d.entity).split(/[^a-z0-9]+/)));
    entityWordSets.set(store, words);
  }
  return words;
}
