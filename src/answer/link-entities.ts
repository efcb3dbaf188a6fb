import { PACKS, packFor } from '../lang/packs.ts';
import { type CodeHit, findCodeMentions } from '../linking/find-codes.ts';
import { findQuestionScope } from '../linking/find-scope.ts';
import { vocabularyOf } from '../linking/model-vocabulary.ts';
import { inModelOrder, nameStem, stemsIn, structureIndexOf, withOfficeNames } from '../linking/structure-index.ts';
import type { Person, Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { detectLanguage } from './language.ts';
import { editDistance, withDeletions } from './text-match.ts';

export type { CodeHit } from '../linking/find-codes.ts';

/** A code the user wrote, with the records it names (none: the answer says that code is not in the plans). */
export interface CodeMention {
  text: string;
  hits: CodeHit[];
}

/** Codes in the question, each resolved to the records it names (full code or a distinctive ending). */
export function findCodes(question: string, store: PlanStore, scope: Scope): CodeMention[] {
  return findCodeMentions(question, store, (doc) => inScope(doc, scope), packFor(detectLanguage(question)).lexicon);
}

// ---------------------------------------------------------------- people

export interface PersonMatch {
  person: Person;
  /** question words that matched the name */
  matched: string[];
  exact: boolean;
}

const NOT_NAME = new Set(
  'il lo la le gli i di del della dei degli delle a al alla e ed che chi quali quale qual quanti quante cosa ha hanno sono obiettivi obiettivo progetti progetto indicatori fasi scadenze responsabile dirigente dott dottssa dott.ssa ing arch avv sig sigra prof budget which who what objectives projects owned owns does the of is are and with on in to for by dr dssa'.split(
    ' ',
  ),
);

/**
 * People named in the question: surname only, first-name-first, with titles, with a typo. A person matches when
 * each name word in the question belongs to the same person; "Mario Rossi" does not match "Rossi Anna".
 */
export function findPeople(
  question: string,
  store: PlanStore,
  /** the people the asker may know of; the others are not candidates, as if they were in no plan */
  canSee: (person: Person) => boolean = () => true,
): { matches: PersonMatch[]; unknownName: string | null } {
  const words = question
    .replace(/[’']/g, ' ')
    .split(/[^\p{L}.]+/u)
    .map((w) => w.replace(/\.+$/, ''))
    .filter(Boolean);
  const folded = words.map((w) => fold(w));
  const index = nameIndexOf(store);
  placeWords = index.placeWords;
  const byPerson = new Map<Person, PersonMatch>();
  for (const [i, w] of folded.entries()) {
    if (w.length < 3 || NOT_NAME.has(w)) continue;
    const accented = words[i]!.toLowerCase() !== w;
    const direct = index.byPart.get(w) ?? [];
    // a lower-case word one edit from a name is an ordinary word ("più ricco" is not Ricci); a capital makes it a name
    const capitalised = /^\p{Lu}/u.test(words[i]!);
    // a typo: one edit from a name part of five letters or more (only a capitalised word is looked up)
    const typo = capitalised && w.length >= 5 ? oneEditFrom(w, index).flatMap((p) => index.byPart.get(p) ?? []) : [];
    const typoOnly = capitalised ? [...new Set(typo)].filter((p) => !direct.includes(p)) : [];
    for (const [person, isTypo] of [
      ...direct.map((p) => [p, false] as const),
      ...typoOnly.map((p) => [p, true] as const),
    ]) {
      if (!canSee(person)) continue;
      // "sarà" is a verb, not "Sara": an accent the name does not have rules the word out
      if (accented && !index.accented.has(person)) continue;
      const m = byPerson.get(person) ?? { person, matched: [], exact: true };
      m.matched.push(words[i]!);
      if (isTypo) m.exact = false;
      byPerson.set(person, m);
    }
  }
  // in the model's order, as before
  const scored = [...byPerson.values()].sort((a, b) => index.order.get(a.person)! - index.order.get(b.person)!);
  if (!scored.length) return { matches: [], unknownName: capitalizedName(words, index) };
  const best = Math.max(...scored.map((s) => s.matched.length));
  // a name written whole counts beside a longer one ("Sardi Valentina rispetto a Carosella Maria Teresa")
  const whole = (s: PersonMatch) =>
    s.exact && s.matched.length >= 2 && s.matched.length >= s.person.name.split(/\s+/).length;
  let top = scored.filter((s) => s.matched.length === best || whole(s));
  if (top.some((t) => t.exact)) top = top.filter((t) => t.exact);
  // "Mario Rossi": a capitalised word right beside the matched surname that is not part of the person's name
  // "Benedetti, Corradini e Guerra": a neighbour that is another matched person's name is a list, not a first name
  const matchedWords = new Set(top.flatMap((m) => m.matched));
  const filtered = top.filter((m) => !hasForeignNeighbour(words, m, matchedWords));
  if (!filtered.length) return { matches: [], unknownName: capitalizedName(words, index) };
  return { matches: filtered, unknownName: null };
}

interface NameIndex {
  byPart: Map<string, Person[]>;
  /** distinct name parts of five letters or more, the ones a typo is checked against */
  longParts: string[];
  /** each long part's position in `longParts`, under itself and each of its one-letter deletions */
  byDeletion: Map<string, number[]>;
  /** people with a spelling that has accents */
  accented: Set<Person>;
  /** each person's position in the model's list */
  order: Map<Person, number>;
  /** the words of the loaded plans' place names */
  placeWords: ReadonlySet<string>;
  /** two words the plans write one after the other in a record's title or an office's name ("prossimo welfare") */
  titlePairs: ReadonlySet<string>;
}
const nameIndexes = new WeakMap<PlanStore, NameIndex>();

/** Name parts → people, built once per model, so a question is matched part by part and not person by person. */
function nameIndexOf(store: PlanStore): NameIndex {
  const known = nameIndexes.get(store);
  if (known) return known;
  const byPart = new Map<string, Person[]>();
  const accented = new Set<Person>();
  const order = new Map<Person, number>();
  for (const person of store.people) {
    order.set(person, order.size);
    for (const part of new Set(person.key.split(' '))) {
      const list = byPart.get(part);
      if (list) list.push(person);
      else byPart.set(part, [person]);
    }
    if (person.spellings.some((s) => fold(s) !== s.toLowerCase())) accented.add(person);
  }
  const longParts = [...byPart.keys()].filter((p) => p.length >= 5);
  const byDeletion = new Map<string, number[]>();
  for (const [i, part] of longParts.entries()) {
    for (const key of withDeletions(part)) {
      const list = byDeletion.get(key);
      if (list) list.push(i);
      else byDeletion.set(key, [i]);
    }
  }
  const placeWords = new Set(vocabularyOf(store).entities.flatMap((e) => e.name.split(' ')));
  const titlePairs = new Set<string>();
  for (const title of [
    ...store.projects.map((p) => p.title),
    ...store.objectives.map((o) => o.title),
    ...store.structures.map((x) => x.name),
  ]) {
    const parts = fold(title)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    for (let i = 1; i < parts.length; i++) titlePairs.add(`${parts[i - 1]} ${parts[i]}`);
  }
  const index = { byPart, longParts, byDeletion, accented, order, placeWords, titlePairs };
  nameIndexes.set(store, index);
  return index;
}

/**
 * The long name parts one edit from `w` (not `w` itself), in `longParts` order. Two words one edit apart share a
 * one-letter deletion, so the parts filed under `w`'s deletions are the only ones to compare: not every name part of
 * a thousand plans for each word of the question.
 */
function oneEditFrom(w: string, index: NameIndex): string[] {
  const candidates = new Set<number>();
  for (const key of withDeletions(w)) for (const i of index.byDeletion.get(key) ?? []) candidates.add(i);
  return [...candidates]
    .sort((a, b) => a - b)
    .map((i) => index.longParts[i]!)
    .filter((p) => p !== w && editDistance(p, w, 1) <= 1);
}

function hasForeignNeighbour(words: string[], match: PersonMatch, others: ReadonlySet<string> = new Set()): boolean {
  const parts = new Set(match.person.key.split(' '));
  return words.some((w, i) => {
    if (!match.matched.includes(w)) return false;
    return [words[i - 1], words[i + 1]].some(
      (n) =>
        n &&
        /^\p{Lu}\p{Ll}{2,}$/u.test(n) &&
        !match.matched.includes(n) &&
        !others.has(n) &&
        !parts.has(fold(n)) &&
        !NOT_NAME.has(fold(n)) &&
        // "Tra Neri Carla e …": a function word capitalised at the start of a sentence is no first name
        !STOPWORDS.has(fold(n)) &&
        !COMPARING_WORDS.has(fold(n)) &&
        !isKnownWord(n),
    );
  });
}

/** "Between Rossi Anna and …": the packs' comparing words are no first names either */
const COMPARING_WORDS: ReadonlySet<string> = new Set(
  Object.values(PACKS)
    .flatMap((p) => [...p.lexicon.between, ...p.lexicon.compare, ...p.lexicon.difference])
    .filter((w) => !w.includes(' ')),
);

const KNOWN_CAPITALISED =
  /^(Quali|Quale|Qual|Chi|Che|Cosa|Su|Which|Who|What|How|Budget|Indicatori|Progetto|Progetti|Obiettivi|Obiettivo|Comune|Provincia|Servizio|Servizi|Sociali|Dott|Ing|Dottssa|PEG|PIAO|Totale|Entrate|Valore|Responsabile|Dirigente|Date|Scadenze|Fasi|Peso)$/;
/** Question words, and the place names of the loaded plans (a two-word place name is no person). */
let placeWords: ReadonlySet<string> = new Set();
function isKnownWord(w: string): boolean {
  return KNOWN_CAPITALISED.test(w) || placeWords.has(fold(w));
}

/** the packs' other words for offices ("legal office", "human resources"): two capitalised words of one are no name */
const OFFICE_PAIRS = new Set(
  Object.values(PACKS).flatMap((p) =>
    Object.keys(p.lexicon.officeNames ?? {}).flatMap((said) => {
      const w = fold(said).split(/\s+/);
      return w.slice(1).map((b, i) => `${w[i]} ${b}`);
    }),
  ),
);

/** Two capitalised words no plan writes together in a title or office name ("Prossimo Welfare" is a project's). */
function capitalizedName(words: string[], index: NameIndex): string | null {
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (
      /^\p{Lu}\p{Ll}+$/u.test(a) &&
      /^\p{Lu}\p{Ll}+$/u.test(b) &&
      !isKnownWord(a) &&
      !isKnownWord(b) &&
      i - 1 > 0 &&
      !index.titlePairs.has(`${fold(a)} ${fold(b)}`) &&
      !OFFICE_PAIRS.has(`${fold(a)} ${fold(b)}`)
    )
      return `${a} ${b}`;
  }
  return null;
}

// ---------------------------------------------------------------- scope: entity, year, kind

export interface Scope {
  docs: string[] | null;
  entity: string | null;
  year: number | null;
  /** a year the question names that no plan of the scope covers */
  uncoveredYear?: number;
}

/** Which documents the question is about: an entity, a year, a kind of plan (PEG, PIAO). */
export function findScope(question: string, store: PlanStore): Scope {
  const found = findQuestionScope(question, store, packFor(detectLanguage(question)).lexicon.defaultEntityKind);
  return {
    docs: found.all ? null : found.documents.map((d) => d.file),
    entity: found.entities[0]?.entity ?? null,
    year: found.years[0] ?? null,
    ...(found.uncoveredYear !== null ? { uncoveredYear: found.uncoveredYear } : {}),
  };
}

export function inScope(doc: string, scope: Scope, _store?: PlanStore): boolean {
  return !scope.docs || scope.docs.includes(doc);
}

// ---------------------------------------------------------------- structures

/** the packs' words for kinds of record and their fields ("persona", "progetti", "budget"): a question's own words */
const RECORD_WORDS = Object.values(PACKS).flatMap((p) => [
  ...Object.values(p.lexicon.targets).flat(),
  ...Object.values(p.lexicon.fields).flat(),
]);
const isRecordWord = (w: string) =>
  RECORD_WORDS.some((r) => w.startsWith(r.trim()) || r.trim().startsWith(nameStem(w)));
/** Whether the question has a word of the name besides its distinctive ones ("servizi alla persona"). */
function restOfNameIn(phrase: string, distinctive: readonly string[], qWords: string): boolean {
  return phrase
    .split(' ')
    .filter((w) => w.length > 2 && !distinctive.includes(w) && !STOPWORDS.has(w))
    .some((w) => qWords.includes(` ${w} `));
}

export function findStructures(question: string, store: PlanStore, scope: Scope): Structure[] {
  const q = withOfficeNames(question);
  const codeMatch = q.match(
    /\b(?:cdr|centro di responsabilita|servizio|service|settore|cdr n\.?)\s*(?:n\.?\s*)?([a-z]?\d{1,3})\b/,
  );
  const index = structureIndexOf(store);
  const docs = scope.docs ? new Set(scope.docs) : null;
  const inDocs = (p: number) => !docs || docs.has(index.structures[p]!.doc);
  if (codeMatch) {
    const byCode = (index.byCode.get(codeMatch[1]!) ?? []).filter(inDocs);
    if (byCode.length) return byCode.map((p) => index.structures[p]!);
  }
  // only structures with a name word in the question can score: the stems it holds lead to them
  const stems = stemsIn(q, index);
  const candidates = inModelOrder([...stems].flatMap((stem) => index.byStem.get(stem) ?? [])).filter(inDocs);
  const qWords = ` ${q.replace(/[^a-z0-9]+/g, ' ')} `;
  const hitsOf = nameHits(stems, qWords, index);
  const scored = candidates
    .map((p) => ({ p, ...hitsOf(p) }))
    // the whole name, half of a long one and two words of it ("Servizio Edilizia Scolastica, Patrimonio e
    // Urbanistica" as "edilizia scolastica"), or a short name said in full
    .filter(
      (x) => x.score >= 0.99 || (x.score >= 0.5 && x.hit >= 2) || (x.score >= 0.5 && index.nameLength[x.p]! <= 3),
    );
  const best = scored.reduce((m, x) => Math.max(m, x.score), 0);
  if (best > 0) {
    // "Polizia X-Protezione Civile" names the longer office whose name holds "Polizia X" and more of the question's
    // words, not the short one it opens with
    // (a thousand plans' copies of one office all score alike: none has more words than the most any has)
    const mostHits = scored.reduce((m, y) => Math.max(m, y.hit), 0);
    const longer = (x: (typeof scored)[number]) =>
      x.hit < mostHits &&
      scored.find(
        (y) =>
          y.hit > x.hit &&
          index.structures[y.p]!.doc === index.structures[x.p]!.doc &&
          x.hits.every((w) => y.hits.includes(w)),
      );
    const top = scored.filter((x) => x.score === best).map((x) => longer(x) || x);
    return [...new Set(top.map((x) => index.structures[x.p]!))];
  }
  return namedByOpening(qWords, candidates, index);
}

/**
 * How much of a structure's name the question's stems hold: the share of its distinctive words (0 when the words
 * matched are all the question's own record words — "le persone che …" and "Area servizi alla persona" — and the rest
 * of the name is not beside them) and how many. Worked out once per name: a thousand plans repeat each office's.
 */
function nameHits(
  stems: ReadonlySet<string>,
  qWords: string,
  index: ReturnType<typeof structureIndexOf>,
): (p: number) => { score: number; hit: number; hits: string[] } {
  const byName = new Map<string, { score: number; hit: number; hits: string[] }>();
  return (p) => {
    const name = index.structures[p]!.name;
    let known = byName.get(name);
    if (!known) {
      const words = index.nameWords[p]!;
      const hits = words.filter((w) => stems.has(nameStem(w)));
      const ownWordsOnly =
        hits.length > 0 && hits.every(isRecordWord) && !restOfNameIn(index.phrase[p]!, words, qWords);
      known = { score: ownWordsOnly ? 0 : hits.length / words.length, hit: hits.length, hits };
      byName.set(name, known);
    }
    return known;
  };
}

/**
 * "l'ufficio protocollo" for "Ufficio Protocollo e Front office": a long name said by its opening — its kind word and
 * the distinctive word right after it, written together — is named too.
 */
function namedByOpening(
  qWords: string,
  candidates: readonly number[],
  index: ReturnType<typeof structureIndexOf>,
): Structure[] {
  return candidates
    .filter((p) => {
      const [kind, first] = index.phrase[p]!.split(' ');
      const distinctive = index.nameWords[p]!;
      return (
        !!kind &&
        !!first &&
        !distinctive.includes(kind) &&
        distinctive.includes(first) &&
        qWords.includes(` ${kind} ${first} `)
      );
    })
    .map((p) => index.structures[p]!);
}

/**
 * Two structures of one plan named for a comparison, each by enough of its name ("tra il Servizio Istruzione e il
 * Servizio Edilizia Scolastica"): findStructures keeps only the best-named one, so here every name the question
 * holds enough of counts, and the two best of the one plan that has two are taken, when a third is clearly behind.
 */
export function structurePairNamed(question: string, store: PlanStore, scope: Scope): Structure[] {
  const q = withOfficeNames(question);
  const index = structureIndexOf(store);
  const docs = scope.docs ? new Set(scope.docs) : null;
  const stems = stemsIn(q, index);
  const qWords = ` ${q.replace(/[^a-z0-9]+/g, ' ')} `;
  const candidates = inModelOrder([...stems].flatMap((stem) => index.byStem.get(stem) ?? [])).filter(
    (p) => !docs || docs.has(index.structures[p]!.doc),
  );
  const byDoc = new Map<string, { p: number; score: number }[]>();
  const hitsOf = nameHits(stems, qWords, index);
  for (const p of new Set(candidates)) {
    const { score, hit } = hitsOf(p);
    if (!hit || score === 0) continue;
    if (!(score >= 0.99 || (score >= 0.5 && hit >= 2))) continue;
    const doc = index.structures[p]!.doc;
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), { p, score }]);
  }
  const pairs = [...byDoc.values()].filter((list) => list.length >= 2);
  if (pairs.length !== 1) return [];
  const ranked = pairs[0]!.sort((a, b) => b.score - a.score);
  if (ranked.length > 2 && ranked[2]!.score >= ranked[1]!.score) return [];
  // "Polizia X-Protezione Civile" names one office whose name holds another's ("Polizia X"): the words of the shorter
  // are all words of the longer, so the two are one office said once, not a pair
  const [a, b] = ranked.map((x) => hitsOf(x.p).hits) as [string[], string[]];
  if (a.every((w) => b.includes(w)) || b.every((w) => a.includes(w))) return [];
  return ranked.slice(0, 2).map((x) => index.structures[x.p]!);
}
