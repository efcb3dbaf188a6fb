/**
 * Structures (settori, servizi, centri di responsabilità) indexed once per store by what a question can name them
 * by: their code, the words and stems of their name, the initials of a dotted acronym. A question then looks up
 * the few structures its words point at instead of folding and matching every structure of a thousand plans.
 * Every lookup returns positions in `store.structures`, ascending, so results keep the model's order.
 */
import { PACKS } from '../lang/packs.ts';
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
  /**
   * a long name word less one letter → the stems of the name words it comes from: a name misspelt in the plan
   * ("Risorese Umane") is still found by the word as people write it ("risorse umane")
   */
  byMisspelling: ReadonlyMap<string, readonly string[]>;
  /** lower-case letters of a dotted acronym ("Corpo P.M" → "pm") → positions */
  byAcronym: ReadonlyMap<string, readonly number[]>;
  acronymLengths: readonly number[];
  /** first word of a name of two words or more, as `wordsOf` writes it → positions */
  byFirstNameWord: ReadonlyMap<string, readonly number[]>;
  /** per position: the name as `wordsOf` writes it, trimmed */
  phrase: readonly string[];
}

/** name words this long or longer are also found written with one letter less (a misspelling in the plan) */
const MISSPELT_LENGTH = 7;

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

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/**
 * The roman numeral that closes a structure's name right after its kind word ("SETTORE VI", "Area III"): the number
 * a question may write in figures or as an ordinal instead. Null for any other name (a lone "I" or "L" is no number
 * of a name of one word).
 */
export function romanNumeralOf(name: string): { text: string; value: number } | null {
  const m = /^\p{L}+\s+([ivxl]{1,6})$/iu.exec(name.trim());
  if (!m) return null;
  const text = m[1]!.toLowerCase();
  let value = 0;
  for (let k = 0; k < text.length; k++) {
    const v = ROMAN[text[k]!]!;
    const next = ROMAN[text[k + 1] ?? ''] ?? 0;
    value += v < next ? -v : v;
  }
  // "IIII", "VV": letters that make no numeral
  return value > 0 && value < 90 && toRoman(value) === text ? { text, value } : null;
}

function toRoman(n: number): string {
  const parts: [number, string][] = [
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let left = n;
  for (const [v, r] of parts)
    while (left >= v) {
      out += r;
      left -= v;
    }
  return out;
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
  const byMisspelling = new Map<string, string[]>();
  const nameWords: string[][] = [];
  const nameLength: number[] = [];
  const phrase: string[] = [];
  let longestStem = 0;
  structures.forEach((s, i) => {
    if (s.code) add(byCode, fold(s.code), i);
    // "SETTORE VI" is numbered by its roman numeral: "settore VI", "settore 6" and "settore sesto" name it
    else {
      const roman = romanNumeralOf(s.name);
      if (roman) for (const key of [roman.text, String(roman.value)]) add(byCode, key, i);
    }
    const words = distinctiveNameWords(s.name);
    nameWords.push(words);
    nameLength.push(fold(s.name).split(/\s+/).length);
    for (const stem of new Set(words.map(nameStem))) {
      add(byStem, stem, i);
      longestStem = Math.max(longestStem, stem.length);
    }
    for (const w of words) {
      if (w.length < MISSPELT_LENGTH) continue;
      for (let k = 1; k < w.length - 1; k++) {
        const variant = w.slice(0, k) + w.slice(k + 1);
        const stems = byMisspelling.get(variant);
        if (!stems) byMisspelling.set(variant, [nameStem(w)]);
        else if (!stems.includes(nameStem(w))) stems.push(nameStem(w));
      }
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
    byMisspelling,
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
    // a name word the plan misspelt by one letter too many, written right in the question
    if (token.length >= MISSPELT_LENGTH - 1)
      for (const stem of index.byMisspelling.get(token) ?? []) if (!token.startsWith(stem)) found.add(stem);
    const upTo = Math.min(token.length, index.longestStem);
    for (let n = 1; n <= upTo; n++) {
      const prefix = token.slice(0, n);
      if (index.byStem.has(prefix)) found.add(prefix);
    }
  }
  return found;
}

/**
 * The packs' own words for fields, records and bounds ("peso", "maggiore", "progetti"), one word each: they ask
 * something of a structure, they never spell its acronym ("peso maggiore" is no "P.M").
 */
const QUESTION_WORDS: readonly string[] = [
  ...new Set(
    Object.values(PACKS).flatMap((p) => {
      const l = p.lexicon;
      return [
        ...Object.values(l.fields).flatMap((v) => v ?? []),
        ...Object.values(l.targets).flatMap((v) => v ?? []),
        ...(l.gt ?? []),
        ...(l.gte ?? []),
        ...(l.lt ?? []),
        ...(l.lte ?? []),
        ...(l.eq ?? []),
      ].flatMap((phrase) => phrase.trim().split(' '));
    }),
  ),
].filter((w) => w.length >= 4);
const isQuestionWord = (w: string) => QUESTION_WORDS.some((q) => w.startsWith(q));

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
        if (w.length <= 3 || isQuestionWord(w)) break;
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

/** every pack's office names ("local police" → "polizia municipale") as padded words, filed by their first word */
const OFFICE_NAMES: ReadonlyMap<string, readonly (readonly [string, string])[]> = (() => {
  const byFirst = new Map<string, [string, string][]>();
  for (const [said, named] of Object.values(PACKS).flatMap((p) => Object.entries(p.lexicon.officeNames ?? {}))) {
    const words = wordsOf(said).trim();
    const first = words.split(' ')[0]!;
    const list = byFirst.get(first) ?? [];
    list.push([`${words} `, wordsOf(named).trim()]);
    byFirst.set(first, list);
  }
  return byFirst;
})();

/** the last question read: the lookups of one question ask for its office names several times */
let lastOffice: { text: string; words: string } | null = null;

/**
 * The question's words (as `wordsOf` writes them) with the plans' words for each office it names in other words
 * ("who runs the local police" + "polizia municipale"): what the structure lookups read, so a structure named in
 * English, or by a common Italian synonym, is found by the words its name uses.
 */
export function withOfficeNames(text: string): string {
  if (lastOffice?.text === text) return lastOffice.words;
  const words = wordsOf(text);
  let out = words;
  for (const w of new Set(words.trim().split(' ')))
    for (const [said, named] of OFFICE_NAMES.get(w) ?? []) if (phraseAt(words, said) >= 0) out += `${named} `;
  lastOffice = { text, words: out };
  return out;
}

/**
 * The question names the structure in full: every distinctive word of its name, in the plan's words or in other
 * words for the office ("finance office" for "Servizi Finanziari"), misspellings of the plan forgiven.
 */
export function namesInFull(question: string, structure: Structure, index: StructureIndex): boolean {
  return holdsWholeName(stemsIn(withOfficeNames(question), index), structure);
}

/** The question names most of a long name: two of its words or more, and at least 60 % ("Segreteria Generale"). */
export function namesMostOf(question: string, structure: Structure, index: StructureIndex): boolean {
  const stems = stemsIn(withOfficeNames(question), index);
  const words = distinctiveNameWords(structure.name);
  const hit = words.filter((w) => stems.has(nameStem(w))).length;
  return hit >= 2 && hit / words.length >= 0.6;
}

function holdsWholeName(stems: ReadonlySet<string>, structure: Structure): boolean {
  const words = distinctiveNameWords(structure.name);
  return words.length > 0 && words.every((w) => stems.has(nameStem(w)));
}

/** The structures the question names in full (see `namesInFull`), found through the stems it holds. */
export function structuresNamedInFull(question: string, index: StructureIndex): Structure[] {
  const stems = stemsIn(withOfficeNames(question), index);
  const positions = inModelOrder([...stems].flatMap((stem) => index.byStem.get(stem) ?? []));
  return positions.map((p) => index.structures[p]!).filter((s) => holdsWholeName(stems, s));
}

/** Ascending positions without repeats. */
export function inModelOrder(positions: Iterable<number>): number[] {
  // a typed array sorts numbers natively: a common stem leads to thousands of positions at a thousand plans
  return Array.from(Int32Array.from(new Set(positions)).sort());
}

function add(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}
