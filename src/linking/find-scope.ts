/**
 * Which plans a question is about: entities named by their place name (with the kind word — comune, provincia — when
 * a name is shared), kinds of plan (PEG, PIAO), and years on their own ("nel 2020", not "entro il 2020"). Entity
 * names come from the loaded documents.
 */
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import type { Lexicon } from '../lang/language-pack.ts';
import type { PlanDocument } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { type EntityName, vocabularyOf } from './model-vocabulary.ts';
import { hasAny, lastBefore, phraseAt, wordsOf } from './phrases.ts';
import { exclusionFillers, followsExclusion } from './set-apart.ts';
import { isLanguageWord, typoVocabularyOf } from './typo-vocabulary.ts';

export type DateOp = 'gt' | 'lt' | 'lte';

const ALL: Lexicon[] = [it.lexicon, en.lexicon];
const merged = (pick: (l: Lexicon) => Record<string, string[]>): [string, string[]][] =>
  Object.entries(
    ALL.reduce<Record<string, string[]>>((acc, l) => {
      for (const [k, ws] of Object.entries(pick(l))) acc[k] = [...(acc[k] ?? []), ...ws];
      return acc;
    }, {}),
  );
export const ENTITY_KINDS = merged((l) => l.entityKinds);
const DOCUMENT_KINDS = merged((l) => l.documentKinds);
const KIND_ADJECTIVES = merged((l) => l.entityKindAdjectives ?? {});
const BY = ALL.flatMap((l) => l.by);
const AFTER = ALL.flatMap((l) => l.after);
const BEFORE = ALL.flatMap((l) => l.before);

export const YEAR = /(?<![\d./_-])\b(?:19|20)\d{2}\b(?![\d./_-])/g;

export interface QuestionScope {
  entities: EntityName[];
  /** entities the question sets apart ("escluso il Comune di X") */
  excludedEntities: EntityName[];
  documents: PlanDocument[];
  /** true when nothing narrowed the documents */
  all: boolean;
  unknownEntity: string | null;
  /** years named on their own */
  years: number[];
  /** years under a comparison ("dopo il 2021") */
  boundedYears: { year: number; op: DateOp }[];
  uncoveredYear: number | null;
  /** entities of the same place set aside for the default kind ("a Borgoverde": the comune's, not the provincia's) */
  setAside: EntityName[];
}

/** the kind words as whole words (with their trailing space), built once */
const ENTITY_KIND_WORDS = ENTITY_KINDS.map(([k, ws]) => [k, ws.map((w) => `${w} `)] as const);
const DOCUMENT_KIND_WORDS = DOCUMENT_KINDS.map(([k, ws]) => [k, ws.map((w) => `${w} `)] as const);

export function findQuestionScope(question: string, store: PlanStore, defaultKind: string): QuestionScope {
  const vocab = vocabularyOf(store);
  const words = wordsOf(question);
  const kindsAsked = ENTITY_KIND_WORDS.filter(([, ws]) => hasAny(words, ws)).map(([k]) => k);
  let named = vocab.entities.filter((e) => {
    const first = e.name.split(' ')[0] ?? '';
    return phraseAt(words, `${e.name} `) >= 0 || (first.length >= 5 && phraseAt(words, `${first} `) >= 0);
  });
  let setAside: EntityName[] = [];
  if (named.length > 1) {
    // "la polizia provinciale di X": the kind's adjective tells which X, when no kind word does
    const kindsDescribed = KIND_ADJECTIVES.filter(([, ws]) =>
      hasAny(
        words,
        ws.map((w) => `${w} `),
      ),
    ).map(([k]) => k);
    const kinds = kindsAsked.length ? kindsAsked : kindsDescribed.length === 1 ? kindsDescribed : [defaultKind];
    const ofKind = named.filter((e) => kinds.includes(e.kind));
    if (ofKind.length) {
      // "gli obiettivi di X e della Provincia di X": the place written bare beside the kind-qualified one is the
      // place's other entity, so both are read
      const beside = kindsAsked.length ? namedBeside(words, named, ofKind, defaultKind) : [];
      if (!kindsAsked.length) setAside = named.filter((e) => !ofKind.includes(e));
      named = [...ofKind, ...beside];
    }
  }
  // "la Provincia di X" where X is no entity loaded: another provincia, not the only one the plans have
  const unknownNamed = named.length
    ? null
    : unknownEntityIn(
        question,
        words,
        vocab.entities.map((e) => e.name),
        (w) => typoVocabularyOf(store).known.has(w),
      );
  if (!named.length && kindsAsked.length && unknownNamed === null) {
    const ofKind = vocab.entities.filter((e) => kindsAsked.includes(e.kind));
    if (new Set(ofKind.map((e) => e.entity)).size === 1) named = ofKind;
  }
  // "escluso il Comune di X", "except Y": an entity set apart leaves every other plan in scope
  const excluded = named.filter((e) => setApart(words, e));
  if (excluded.length) named = named.filter((e) => !excluded.includes(e));
  const unknownEntity = named.length || excluded.length ? null : unknownNamed;
  // the named (or set apart) entities' files as a set: a thousand plans' documents are each tested once
  const namedFiles = new Set(named.flatMap((e) => e.files));
  const excludedFiles = new Set(excluded.flatMap((e) => e.files));
  let docs = named.length
    ? store.model.documents.filter((d) => namedFiles.has(d.file))
    : excludedFiles.size
      ? store.model.documents.filter((d) => !excludedFiles.has(d.file))
      : store.model.documents;
  for (const [kind, ws] of DOCUMENT_KIND_WORDS)
    if (hasAny(words, ws)) {
      const ofKind = docs.filter((d) => d.kind === kind);
      if (ofKind.length) docs = ofKind;
    }
  const folded = fold(question);
  const years: number[] = [];
  const boundedYears: QuestionScope['boundedYears'] = [];
  for (const m of folded.matchAll(YEAR)) {
    const y = Number(m[0]);
    const op = dateOpBefore(folded.slice(Math.max(0, (m.index ?? 0) - 24), m.index));
    if (op) boundedYears.push({ year: y, op });
    else years.push(y);
  }
  let uncoveredYear: number | null = null;
  if (years.length) {
    const covering = docs.filter((d) => years.some((y) => d.years.includes(y)));
    if (covering.length) docs = covering;
    else uncoveredYear = years[0]!;
  }
  return {
    entities: named,
    excludedEntities: excluded,
    documents: docs,
    all: docs.length === store.model.documents.length,
    unknownEntity,
    years,
    boundedYears,
    uncoveredYear,
    setAside,
  };
}

/** words that make two mentions items of one list or comparison ("X e la Provincia di X", "X vs …") */
const JOINERS = ALL.flatMap((l) => [...l.betweenJoin, ...l.alternatives, ...l.compare]).map((w) => ` ${w} `);
/** words that make the whole question a comparison ("confronta X con la provincia") */
const COMPARES = ALL.flatMap((l) => [...l.compare, ...l.difference]).map((w) => `${w} `);

/**
 * The entities a place written bare names beside a kind word of the same place ("differenza tra X e la Provincia
 * di X", "confronta X con la provincia"): the kind word names its own entity, the bare place the place's entity of
 * the default kind (or its only other one). Only when the two mentions are items of one list or comparison: "a X,
 * obiettivi della provincia" is the provincia's alone.
 */
function namedBeside(words: string, named: EntityName[], qualified: EntityName[], defaultKind: string): EntityName[] {
  const out: EntityName[] = [];
  for (const place of new Set(qualified.map((e) => e.name))) {
    const others = named.filter((e) => e.name === place && !qualified.includes(e));
    const other = others.find((e) => e.kind === defaultKind) ?? (others.length === 1 ? others[0] : undefined);
    if (!other) continue;
    const kindAt = qualified
      .filter((e) => e.name === place)
      .flatMap((e) => ENTITY_KINDS.find(([k]) => k === e.kind)?.[1] ?? [])
      .flatMap((kw) => allAt(words, `${kw} `));
    const bareAt = allAt(words, `${place} `).filter((at) => !afterKindWord(words, at));
    const joined = (a: number, b: number) => {
      const between = ` ${words.slice(Math.min(a, b), Math.max(a, b)).trim()} `;
      return JOINERS.some((j) => between.includes(j));
    };
    const comparison = hasAny(words, COMPARES);
    if (bareAt.some((b) => kindAt.some((k) => comparison || joined(b, k)))) out.push(other);
  }
  return out;
}

/** Every position a whole-word phrase starts at. */
function allAt(words: string, phrase: string): number[] {
  const out: number[] = [];
  for (let at = phraseAt(words, phrase); at >= 0; at = phraseAt(words, phrase, at + 1)) out.push(at);
  return out;
}

/** The place at `at` is written after a kind word and its joiner ("provincia di X", "province of X"). */
function afterKindWord(words: string, at: number): boolean {
  const before = words.slice(0, at);
  for (const phrases of KIND_PHRASES.values())
    for (const [, phrase] of phrases) if (before.endsWith(` ${phrase}`)) return true;
  return false;
}

/** an entity set apart may be named by its kind alone ("a parte quelli della Provincia") */
const ENTITY_FILLERS = exclusionFillers(ENTITY_KINDS.flatMap(([, ws]) => ws));

/** The entity's mention follows an exclusion word with nothing but articles and kind words between. */
function setApart(words: string, e: EntityName): boolean {
  // named by its place ("Lago Verde"), its first word, or only by its kind ("la Provincia")
  const kindWords = ENTITY_KINDS.find(([k]) => k === e.kind)?.[1] ?? [];
  const start = [e.name, e.name.split(' ')[0] ?? '', ...kindWords]
    .map((w) => phraseAt(words, `${w} `))
    .find((at) => at >= 0);
  return start !== undefined && followsExclusion(words, start, ENTITY_FILLERS);
}

/** The comparison a date or year is under, from the words just before it ("entro il", "dopo il"). */
export function dateOpBefore(before: string): DateOp | null {
  const w = wordsOf(before);
  const found = [
    { op: 'lte' as const, hit: lastBefore(w, BY, w.length) },
    { op: 'gt' as const, hit: lastBefore(w, AFTER, w.length) },
    { op: 'lt' as const, hit: lastBefore(w, BEFORE, w.length) },
  ].filter((x) => x.hit);
  if (!found.length) return null;
  found.sort((a, b) => b.hit!.at - a.hit!.at);
  return found[0]!.op;
}

/** each kind word with the joiners a place name follows it by, and the phrase they make: built once */
const KIND_PHRASES = new Map(
  ENTITY_KINDS.flatMap(([, ws]) => ws).map((kw) => [kw, [' di ', ' of ', ' '].map((j) => [j, `${kw}${j}`] as const)]),
);

/** "Comune di X" / "city of X" where X is no entity of the plans: the question asks about a plan we do not have. */
function unknownEntityIn(
  question: string,
  words: string,
  known: string[],
  /** a word the loaded plans write: "comune di residenza" names no place */
  inPlans: (word: string) => boolean,
): string | null {
  for (const [, kindWords] of ENTITY_KINDS)
    for (const kw of kindWords) {
      // "Comune di Pisa", "city of Florence", and a name right after the kind word written as one ("Regione Toscana")
      for (const [joiner, phrase] of KIND_PHRASES.get(kw)!) {
        const at = phraseAt(words, phrase);
        if (at < 0) continue;
        const next = words.slice(at + kw.length + joiner.length).split(' ')[0] ?? '';
        if (next.length < 3 || known.some((k) => k.startsWith(next))) continue;
        const tokens = question.split(/[^\p{L}]+/u);
        // …both written as a name, not in capitals throughout ("CITTA' DEL CAPITALE SOCIALE" is a title)
        const asName = (w: string) => /^\p{Lu}\p{Ll}/u.test(w);
        if (
          joiner === ' ' &&
          !tokens.some(
            (w, i) => fold(w) === kw && asName(w) && asName(tokens[i + 1] ?? '') && fold(tokens[i + 1]!) === next,
          )
        )
          continue;
        // the place must be written as a name in the question, or, typed in lower case after "comune di" / "city
        // of", be a word neither the plans nor the question language use ("comune di firenze")
        const original = tokens.find((w) => fold(w) === next);
        if (original && /^\p{Lu}/u.test(original)) return original;
        if (original && joiner !== ' ' && next.length >= 4 && !inPlans(next) && !isLanguageWord(next))
          return original[0]!.toUpperCase() + original.slice(1);
      }
    }
  return null;
}
