/**
 * The words a typo may be corrected to, learned from the loaded model: the record words the lexicon knows (the plans'
 * own "obiettivi", "indicatori", "responsabile"…), the record names of English questions, people's name parts, and
 * the words of entity names and record titles. A word the model itself uses is never a typo. Nothing here is written for a particular plan.
 */
import { editDistance, withDeletions } from '../answer/text-match.ts';
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import type { Lexicon } from '../lang/language-pack.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';

export interface TypoVocabulary {
  /** every folded word of the model's text: those are spelt as the plans spell them */
  known: ReadonlySet<string>;
  /** a correction target's one-deletion forms → the targets; a typo shares one with its target (see correct) */
  byDeletion: ReadonlyMap<string, string[]>;
}

/** Words shorter than this are never corrected: "fase"/"fasi", "peso"/"pesi" are one letter apart and both right. */
export const MIN_TYPO_LENGTH = 6;
/** No record word or name is longer: a longer run of letters is no word to correct (and costs a deletion per letter). */
const MAX_TYPO_LENGTH = 24;
/** Two edits only in long words, where two edits still leave most letters in place. */
const TWO_EDITS_FROM = 9;

const PACKS: Lexicon[] = [it.lexicon, en.lexicon];
const WORD = /[a-z]+/g;

const LEXICON = PACKS.flatMap((l) => [...Object.values(l.targets).flat(), ...Object.values(l.fields).flat()]).filter(
  (w) => /^[a-z]+ ?$/.test(w) && w.trim().length >= 5,
);
/** Lexicon words are prefixes ("obiettiv"): the model's words that begin with one are the words to correct to. */
const LEXICON_PREFIXES = [...new Set(LEXICON.map((w) => w.trim()))];
/**
 * Words the question lexicon itself knows by their stem ("lung" → "lunghi", "pesant" → "pesanti"): another ending of a
 * lexicon word is the lexicon's word, never a typo of a model word ("lunghi" is not "luoghi").
 */
const LEXICON_STEMS = [
  ...new Set(
    PACKS.flatMap((l) => [
      ...Object.values(l.targets).flat(),
      ...Object.values(l.fields).flat(),
      ...Object.values(l.gradedFields).flat(),
    ])
      .map((w) => w.trim())
      .filter((w) => /^[a-z]{4,}$/.test(w)),
  ),
];
/** …and a lexicon entry marked whole (a trailing space) is a word itself. */
const LEXICON_WHOLE = LEXICON.filter((w) => w.endsWith(' ')).map((w) => w.trim());
/** The catalogues' names of records and fields ("objectives", "scadenza"): questions of both languages use them. */
const NAMES = [it, en]
  .flatMap((p) => [...Object.values(p.messages.targetNames).flat(), ...Object.values(p.messages.fieldNames)])
  .flatMap((n) => fold(n).match(WORD) ?? []);

/**
 * Every whole word the language packs' lexicons write ("chiama" of "come si chiama", "comanda"): a word of the
 * question language itself, never a typo of a model word, however near a name it is ("chiama" / "Chiara").
 */
const LANGUAGE_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const w of fold(v).match(WORD) ?? []) words.add(w);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const l of PACKS) walk(l);
  return words;
})();

/** A word the language packs write, or a stopword: a word of the question language, never a name or a typo. */
export function isLanguageWord(word: string): boolean {
  return LANGUAGE_WORDS.has(word) || STOPWORDS.has(word);
}

const cache = new WeakMap<PlanStore, TypoVocabulary>();

export function typoVocabularyOf(store: PlanStore): TypoVocabulary {
  const cached = cache.get(store);
  if (cached) return cached;
  const known = new Set<string>();
  collectWords(store.model, known, 0);
  const targets = new Set<string>();
  for (const w of known) if (LEXICON_PREFIXES.some((p) => w.startsWith(p))) targets.add(w);
  for (const w of [...LEXICON_WHOLE, ...NAMES]) targets.add(w);
  for (const p of store.people) for (const part of p.key.split(' ')) targets.add(part);
  // the words records are named by: a user names an objective, a project or an office by its title
  const titles = [
    ...store.model.documents.map((d) => d.entity),
    ...store.objectives.map((o) => o.title),
    ...store.projects.map((p) => p.title),
    ...store.structures.map((st) => st.name),
  ];
  for (const title of titles) for (const w of fold(title).match(WORD) ?? []) targets.add(w);
  const byDeletion = new Map<string, string[]>();
  for (const t of targets) {
    if (t.length < MIN_TYPO_LENGTH - 1 || STOPWORDS.has(t)) continue;
    known.add(t);
    for (const d of withDeletions(t)) {
      const list = byDeletion.get(d);
      if (!list) byDeletion.set(d, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }
  const vocabulary = { known, byDeletion };
  cache.set(store, vocabulary);
  return vocabulary;
}

/**
 * Every string in the model (titles, descriptions, names, labels), walked without knowing its fields. Each distinct
 * string is split into words once: labels, units, names and boilerplate recur across records and plans (at a
 * thousand plans 2.2 million strings are 103,000 distinct ones, and folding them all was 1.9 s of CPU; now 0.9 s).
 */
function collectWords(value: unknown, into: Set<string>, depth: number, seen = new Set<string>()): void {
  if (depth > 12) return;
  if (typeof value === 'string') {
    if (seen.has(value)) return;
    seen.add(value);
    for (const w of fold(value).match(WORD) ?? []) into.add(w);
  } else if (Array.isArray(value)) {
    for (const v of value) collectWords(v, into, depth + 1, seen);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectWords(v, into, depth + 1, seen);
  }
}

/**
 * The target a folded word is a typo of, or null: only a word the model never uses, long enough, one edit away (two
 * in a long word, a swap of two letters counts as two), and with one best target.
 */
export function correct(word: string, vocabulary: TypoVocabulary): string | null {
  if (word.length < MIN_TYPO_LENGTH || word.length > MAX_TYPO_LENGTH) return null;
  if (vocabulary.known.has(word) || STOPWORDS.has(word) || LANGUAGE_WORDS.has(word)) return null;
  if (LEXICON_STEMS.some((stem) => word.startsWith(stem))) return null;
  // an English plural of a known word ("budgets", "offices") is that word, spelt right
  if (word.endsWith('s') && vocabulary.known.has(word.slice(0, -1))) return null;
  const cap = word.length >= TWO_EDITS_FROM ? 2 : 1;
  const candidates = new Set<string>();
  // a typo and its target share a one-deletion form: an edit, a missing or extra letter, or two letters swapped
  for (const d of withDeletions(word)) for (const t of vocabulary.byDeletion.get(d) ?? []) candidates.add(t);
  let best: string | null = null;
  let bestDistance = cap + 1;
  let tie = false;
  for (const t of candidates) {
    // people rarely mistype a word's first letter; a different first letter is a different word ("rispettive")
    if (t[0] !== word[0]) continue;
    const distance = editDistance(word, t, cap);
    if (distance > cap) continue;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && t !== best && !sameStem(t, best)) tie = true;
  }
  // another ending of the same word ("lavora" / "lavoro", "minore" / "minori") is a word, not a typo: every reader
  // stems it anyway, and changing it would change what the question says
  if (tie || !best || sameStem(word, best)) return null;
  return best;
}

/** "responsabile" and "responsabili": two endings of one word, either is a right correction. */
function sameStem(a: string, b: string | null): boolean {
  if (b === null) return false;
  if (a.length === b.length)
    // "entrare" / "entrate", "parlare" / "parlate": in a long word a letter changed in its last three is another
    // form of a word (a verb beside a noun), not a slip of the hand
    return a.slice(0, -1) === b.slice(0, -1) || (a.length >= 7 && a.slice(0, -3) === b.slice(0, -3));
  // "uffici" / "ufficio", "servizi" / "servizio": a plural that drops the singular's last letter
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.length === short.length + 1 && short.length >= 5 && long.startsWith(short);
}

/**
 * Some word of the name occurs nowhere in the loaded plans' text (the model's own words, learned at load), or is one
 * the caller counts as unwritten (words only people's names hold, for a reply that must not tell who is in the plans).
 */
export function nameNeverWritten(
  store: PlanStore,
  name: string,
  unwritten: (word: string) => boolean = () => false,
): boolean {
  const known = typoVocabularyOf(store).known;
  return fold(name)
    .split(/[^a-z]+/)
    .filter(Boolean)
    .some((w) => !known.has(w) || unwritten(w));
}
