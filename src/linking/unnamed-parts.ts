/**
 * Parts of a sum or a comparison that name nothing the plans hold: "Home Care Premium e il progetto sulle piste
 * ciclabili, quanto fanno?". Without this the records of the other parts are too few to sum, and the question falls
 * back to the whole scope — a total of thirty records offered for two named ones. A part names nothing when, after a
 * record word ("il progetto sulle …") or written as a name (capitals, quotes), it has words the plans never write: not
 * in any record, title, name or label of the loaded model, and no word of the question language either.
 */

import { detectLanguage } from '../answer/language.ts';
import { stem } from '../answer/text-match.ts';
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { wordsOf } from './phrases.ts';
import { distinctiveOwners, partsOf } from './titled-records.ts';
import { isLanguageWord, typoVocabularyOf } from './typo-vocabulary.ts';

/** record words of both packs ("progetto", "obiettivo", "project"), folded prefixes */
const RECORD_WORDS = [
  ...new Set([it, en].flatMap((p) => Object.values(p.lexicon.targets).flat()).map((w) => w.trim())),
].filter((w) => /^[a-z]{4,}$/.test(w));
/** the words of the packs' operators and joins ("insieme", "totale", "somma", "quanto"): never a name */
const OPERATOR_WORDS = new Set(
  [it, en].flatMap((p) => {
    const l = p.lexicon;
    return [
      ...l.sum,
      ...l.count,
      ...l.avg,
      ...l.compare,
      ...l.difference,
      ...(l.plus ?? []),
      ...(l.minus ?? []),
      ...(l.ratio ?? []),
      ...l.more,
      ...l.less,
      ...l.max,
      ...l.min,
      ...l.alternatives,
      ...Object.values(l.fields).flat(),
    ].flatMap((w) => w.trim().split(' '));
  }),
);
/** a word shorter than this is no name ("la", "di"; "Ice" of "Ice Rink" is one) */
const MIN_NAME = 3;

/**
 * The words of each part that names nothing the plans hold, as the question writes them ("piste ciclabili"), in the
 * order written; empty when every part names something or says only question words.
 */
export function partsNamingNothing(
  question: string,
  store: PlanStore,
  /** every word may be a name: the parts name sub-records of one record, which no record word introduces */
  anywhere = false,
): string[] {
  const known = typoVocabularyOf(store).known;
  const acronyms = acronymsOf(store);
  const openings = openingsOf(store, known);
  // an English word sharing a long opening with a word the plans write is its cognate ("prostitution"); an Italian one
  // is another ending of it ("aperture"), which names what that word names, so the parts' own readers judge it
  const cognates = detectLanguage(question) === 'en';
  const out: string[] = [];
  for (const part of partsOf(question)) {
    const raw = part.trim().split(/\s+/);
    const folded = raw.map((w) => wordsOf(w).trim());
    // from the first record word on, every word may be a name; before it only a word written as one
    const recordAt = folded.findIndex((w) => RECORD_WORDS.some((r) => w.startsWith(r)));
    const unknown = raw.map((w, i) => {
      const f = folded[i]!;
      if (
        f.length < MIN_NAME ||
        !/^[a-z]+$/.test(f) ||
        known.has(f) ||
        acronyms.has(f) ||
        isLanguageWord(f) ||
        (cognates && openings.has(openingOf(f)))
      )
        return false;
      // the question's first word has its capital from the sentence, not from a name
      const opening = i === 0 && question.trimStart().startsWith(part.trimStart());
      const asName = /^["“«']?\p{Lu}/u.test(w) && !opening;
      return anywhere || (recordAt >= 0 && i > recordAt) || asName;
    });
    const first = unknown.indexOf(true);
    if (first < 0) continue;
    const last = unknown.lastIndexOf(true);
    out.push(
      raw
        .slice(first, last + 1)
        .join(' ')
        .replace(/[^\p{L}\p{N}' -]/gu, ''),
    );
  }
  return out;
}

/**
 * The words of each part that names no one record though the records' names use its words ("Home Care Premium e il
 * progetto per gli anziani": several records are for the elderly), as written: the part is unclear, never read as the
 * whole scope. `namesOne` says whether a part alone names a record; a part of question words only is no such part.
 */
export function partsNamingNoOne(question: string, store: PlanStore, namesOne: (part: string) => boolean): string[] {
  const names = distinctiveOwners(store);
  const out: string[] = [];
  for (const part of partsOf(question)) {
    const raw = part.trim().split(/\s+/);
    // a word the records' names use ("anziani"), not one of the question's own operators, record or field words
    const content = raw.map((w) => {
      const f = wordsOf(w).trim();
      return (
        f.length > MIN_NAME &&
        /^[a-z]+$/.test(f) &&
        names.has(stem(f)) &&
        !STOPWORDS.has(f) &&
        !OPERATOR_WORDS.has(f) &&
        !RECORD_WORDS.some((r) => f.startsWith(r))
      );
    });
    const first = content.indexOf(true);
    if (first < 0 || namesOne(part)) continue;
    out.push(
      raw
        .slice(first, content.lastIndexOf(true) + 1)
        .join(' ')
        .replace(/[^\p{L}\p{N}' -]/gu, ''),
    );
  }
  return out;
}

/** a long word's opening that its cognate shares: "prostitution" and "prostituzione" */
const OPENING = 7;
const openingOf = (w: string) => (w.length > OPENING ? w.slice(0, OPENING) : `=${w}`);
const openingSets = new WeakMap<PlanStore, Set<string>>();

/**
 * The openings of the long words the plans write: a word of the question sharing one is another form of a word they
 * write (an English cognate, another ending), not a name they lack. Built once per store.
 */
function openingsOf(store: PlanStore, known: ReadonlySet<string>): Set<string> {
  let set = openingSets.get(store);
  if (!set) {
    set = new Set([...known].filter((w) => w.length > OPENING).map(openingOf));
    openingSets.set(store, set);
  }
  return set;
}

const acronymSets = new WeakMap<PlanStore, Set<string>>();
/** a run of single letters each followed by a dot: "L.A.I.V.", "S.P.A.C.E." */
const DOTTED = /(?<![\p{L}])(?:\p{L}\.){2,}\p{L}?/gu;

/**
 * The acronyms the records' names write with dots ("L.A.I.V."), folded without them ("laiv"): a question writes them
 * bare, and a bare one names what the dotted one does. Built once per store.
 */
function acronymsOf(store: PlanStore): Set<string> {
  let set = acronymSets.get(store);
  if (set) return set;
  set = new Set<string>();
  const names = [
    ...store.projects.map((p) => p.title),
    ...store.objectives.flatMap((o) => [
      o.title,
      ...o.phases.map((p) => p.title),
      ...o.indicators.map((i) => i.description),
    ]),
  ];
  for (const name of names) for (const m of name.matchAll(DOTTED)) set.add(wordsOf(m[0].replace(/\./g, '')).trim());
  acronymSets.set(store, set);
  return set;
}
