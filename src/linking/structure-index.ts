/**
 * Structures (settori, servizi, centri di responsabilità) indexed once per store by what a question can name them
 * by: their code, the words and stems of their name, the initials of a dotted acronym. A question then looks up
 * the few structures its words point at instead of folding and matching every structure of a thousand plans.
 * Every lookup returns positions in `store.structures`, ascending, so results keep the model's order.
 */
import type { Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { phraseAt, wordsOf } from './phrases.ts';

/** Name words that say what kind of office it is, not which one: they never identify a structure. */
const GENERIC_NAME_WORDS = new Set([
  'servizio',
  'servizi',
  'del',
  'della',
  'dei',
  'delle',
  'area',
  'ufficio',
  'settore',
  'dirigente',
  'staff',
  // "Unità di Staff Statistica" is named by its last word: "chi si occupa di statistica?"
  'unita',
]);

export interface StructureIndex {
  readonly structures: readonly Structure[];
  /** folded code → positions */
  byCode: ReadonlyMap<string, readonly number[]>;
  /** per position: the distinctive words of the name (repeats kept, they count in the share of words matched) */
  nameWords: readonly (readonly string[])[];
  /** per position: how many words the folded name has */
  nameLength: readonly number[];
  /** stem of a distinctive name word → positions whose name has it */
  byStem: ReadonlyMap<string, readonly number[]>;
  /** the longest stem, so a question word is only cut that far */
  longestStem: number;
  /** lower-case letters of a dotted acronym ("Corpo P.M" → "pm") → positions */
  byAcronym: ReadonlyMap<string, readonly number[]>;
  acronymLengths: readonly number[];
  /** first word of a name of two words or more, as `wordsOf` writes it → positions */
  byFirstNameWord: ReadonlyMap<string, readonly number[]>;
  /** per position: the name as `wordsOf` writes it, trimmed */
  phrase: readonly string[];
}

/** How a name word is matched in a question: at a word start, its last letter free from five letters on. */
export const nameStem = (w: string) => w.slice(0, Math.max(4, w.length - 1));

/** The distinctive words of a structure's name, without a leading number ("12 - Servizio …"). */
export function distinctiveNameWords(name: string): string[] {
  return (
    fold(name)
      .replace(/^\s*[a-z]?\d+\s*-\s*/, '')
      .split(/[^a-z0-9]+/)
      // "alla", "per", "and": function words tell no office from another
      .filter((w) => w.length > 2 && !GENERIC_NAME_WORDS.has(w) && !STOPWORDS.has(w))
  );
}

const cache = new WeakMap<PlanStore, StructureIndex>();

export function structureIndexOf(store: PlanStore): StructureIndex {
  const known = cache.get(store);
  if (known) return known;
  const structures = store.structures;
  const byCode = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const byAcronym = new Map<string, number[]>();
  const byFirstNameWord = new Map<string, number[]>();
  const nameWords: string[][] = [];
  const nameLength: number[] = [];
  const phrase: string[] = [];
  let longestStem = 0;
  structures.forEach((s, i) => {
    if (s.code) add(byCode, fold(s.code), i);
    const words = distinctiveNameWords(s.name);
    nameWords.push(words);
    nameLength.push(fold(s.name).split(/\s+/).length);
    for (const stem of new Set(words.map(nameStem))) {
      add(byStem, stem, i);
      longestStem = Math.max(longestStem, stem.length);
    }
    const acronym = s.name
      .match(/\b\p{Lu}(?:\.\p{Lu})+\.?/u)?.[0]
      ?.replace(/\./g, '')
      .toLowerCase();
    if (acronym) add(byAcronym, acronym, i);
    const name = wordsOf(s.name).trim();
    phrase.push(name);
    const parts = name.split(' ');
    if (parts.length >= 2) add(byFirstNameWord, parts[0]!, i);
  });
  const acronymLengths = [...new Set([...byAcronym.keys()].map((a) => a.length))];
  const index = {
    structures,
    byCode,
    nameWords,
    nameLength,
    byStem,
    longestStem,
    byAcronym,
    acronymLengths,
    byFirstNameWord,
    phrase,
  };
  cache.set(store, index);
  return index;
}

/**
 * The name stems a folded question holds: each must start a run of word characters (what `\b` + stem finds), so a
 * question word is cut at most to the longest stem of the index, whatever its length.
 */
export function stemsIn(folded: string, index: StructureIndex): Set<string> {
  const found = new Set<string>();
  for (const token of folded.split(/[^A-Za-z0-9_]+/)) {
    const upTo = Math.min(token.length, index.longestStem);
    for (let n = 1; n <= upTo; n++) {
      const prefix = token.slice(0, n);
      if (index.byStem.has(prefix)) found.add(prefix);
    }
  }
  return found;
}

/** Positions of the structures whose dotted acronym the initials of consecutive long question words spell. */
export function acronymsIn(words: string, index: StructureIndex): number[] {
  if (index.byAcronym.size === 0) return [];
  const initials = words.trim().split(' ');
  const out: number[] = [];
  for (const length of index.acronymLengths) {
    for (let i = 0; i + length <= initials.length; i++) {
      let key = '';
      for (let j = i; j < i + length; j++) {
        const w = initials[j]!;
        if (w.length <= 3) break;
        key += w[0];
      }
      if (key.length !== length) continue;
      for (const p of index.byAcronym.get(key) ?? []) out.push(p);
    }
  }
  return out;
}

/** Positions of the structures whose whole name (two words or more) the padded question words contain. */
export function namesIn(words: string, index: StructureIndex): number[] {
  const out: number[] = [];
  for (const w of new Set(words.trim().split(' '))) {
    for (const p of index.byFirstNameWord.get(w) ?? []) if (phraseAt(words, `${index.phrase[p]} `) >= 0) out.push(p);
  }
  return out;
}

/** Ascending positions without repeats. */
export function inModelOrder(positions: Iterable<number>): number[] {
  return [...new Set(positions)].sort((a, b) => a - b);
}

function add(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}
