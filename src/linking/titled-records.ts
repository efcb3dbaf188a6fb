/**
 * Records named by their titles rather than their codes: "le fasi di Catalogo digitale", "Apertura serale vs
 * Palestre scolastiche aperte". A title written out whole names its record even when it is short; otherwise each
 * part of a comparison (split at "e", "o", "vs", commas) names the record whose title shares most of its words.
 * Titles come from the loaded model; the joining words from the language packs.
 */
import { contentTokens, stem } from '../answer/text-match.ts';
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { phraseAt, wordsOf } from './phrases.ts';
import { StemPostings, stemsOf } from './stem-postings.ts';

export interface TitledRecord {
  code: string;
  title: string;
  doc: string;
}

const LEX = [it.lexicon, en.lexicon];
const ACCENTED: Record<string, string> = { a: 'àá', e: 'èé', i: 'ìí', o: 'òó', u: 'ùú' };
/** words that separate the records of a sum or a comparison ("e", "o", "vs", "rispetto a"), longest first */
const SEPARATORS = [
  ...new Set(
    LEX.flatMap((l) => [
      ...l.betweenJoin,
      ...l.alternatives,
      ...l.compare,
      ...l.between,
      ...(l.plus ?? []),
      ...(l.minus ?? []),
      ...(l.than ?? []),
      // "A è il doppio di B", "A twice B": a ratio word stands between the two records compared
      ...(l.ratio ?? []),
      // "il budget di A rispetto a quello di B": a pronoun stands for the second record
      ...(l.kindPronouns ?? []),
    ]).filter((w) => /^[a-z ]+$/.test(w.trim())),
  ),
]
  // the question is split as written: "più" matches the pack's folded "piu"
  .map((w) =>
    w
      .trim()
      .replace(/ +/g, '\\s+')
      .replace(/[aeiou]/g, (v) => `[${v}${ACCENTED[v]}]`),
  )
  .sort((a, b) => b.length - a.length);
// word edges that know accented letters ("più" ends in one)
const SPLIT = new RegExp(`,|;|:|\\?|(?<![\\p{L}\\d])(?:${SEPARATORS.join('|')})(?![\\p{L}\\d])`, 'iu');

/** no sum or comparison names more records than this: a question split further is not read further */
const MAX_PARTS = 12;

/** The parts of a question that may each name one record of a sum or a comparison. */
export function partsOf(question: string): string[] {
  return question
    .split(SPLIT)
    .filter((p): p is string => Boolean(p?.trim()))
    .slice(0, MAX_PARTS);
}

export interface TitleIndex {
  /** each record's folded title words, for titles of two words or more */
  phraseOf: (string | undefined)[];
  /** the name a title gives in quotes (PROGETTO "LE STORIE" PER …): what people call the record, folded */
  aliasOf: (string | undefined)[];
  /** how many distinct stems each record's quoted name has (0 without one) */
  aliasStemCount: Uint16Array;
  /** how many records carry each folded title */
  titleCount: Map<string, number>;
  /** the titles by stem */
  stems: StemPostings;
  records: TitledRecord[];
}
const indexes = new WeakMap<PlanStore, TitleIndex>();

/** The objectives' titles, indexed once per store (built ahead of the first question by `prepareStore`). */
export function objectiveTitles(store: PlanStore): TitleIndex {
  let index = indexes.get(store);
  if (!index) {
    const records = store.objectives.map((o) => ({ code: o.code, title: o.title, doc: o.doc }));
    const phraseOf = records.map((r) => {
      const words = wordsOf(r.title).trim();
      return words.split(' ').length >= 2 ? words : undefined;
    });
    const aliasOf = records.map((r) => quotedNameOf(r.title));
    const titleCount = new Map<string, number>();
    for (const w of [...phraseOf, ...aliasOf]) if (w) titleCount.set(w, (titleCount.get(w) ?? 0) + 1);
    const aliasStemCount = Uint16Array.from(aliasOf, (a) => (a ? stemsOf(a).size : 0));
    const stems = new StemPostings(records.map((r) => r.title));
    index = { phraseOf, aliasOf, aliasStemCount, titleCount, stems, records };
    indexes.set(store, index);
  }
  return index;
}

/** quotes a title may put around the name it gives ("…", “…”, «…») */
const QUOTED_NAME = /["“«]([^"”»]{4,60})["”»]/u;

/**
 * The name a title quotes, folded ("le storie" of `PROGETTO "LE STORIE" PER ADOLESCENTI`), when it is part of the title
 * (not the whole of it) and has a word of four letters or more; undefined otherwise.
 */
export function quotedNameOf(title: string): string | undefined {
  const m = QUOTED_NAME.exec(title);
  if (!m) return undefined;
  const name = wordsOf(m[1]!).trim();
  if (!name.split(' ').some((w) => w.length >= 4) || name === wordsOf(title).trim()) return undefined;
  return name;
}

const owners = new WeakMap<PlanStore, Map<string, string | null>>();

/**
 * Each word stem of the names the plans give their records (objective and project titles, phase titles, indicator
 * descriptions) → the one record that uses it (`doc|code`; an objective of a project is its project), or null when
 * several do. A stem with one owner ("sottopassi", "ludoteca") names that record on its own; a stem many records
 * use ("numero", "esecuzione") names none. Built once per store.
 */
export function distinctiveOwners(store: PlanStore): Map<string, string | null> {
  let map = owners.get(store);
  if (map) return map;
  const built = new Map<string, string | null>();
  const add = (text: string, owner: string) => {
    for (const t of contentTokens(text)) {
      const s = stem(t);
      const had = built.get(s);
      if (had === undefined) built.set(s, owner);
      else if (had !== owner) built.set(s, null);
    }
  };
  for (const p of store.projects) add(p.title, ownerKey(p.doc, p.code));
  for (const o of store.objectives) {
    const project = store.projectOf(o);
    const owner = project ? ownerKey(project.doc, project.code) : ownerKey(o.doc, o.code);
    add(o.title, owner);
    for (const ph of o.phases) add(ph.title, owner);
    for (const ind of o.indicators) add(ind.description, owner);
  }
  map = built;
  owners.set(store, map);
  return map;
}
export const ownerKey = (doc: string, code: string) => `${doc}|${code}`;

/** The records the question's stems are distinctive of (see distinctiveOwners). */
export function ownersNamedIn(stems: Iterable<string>, store: PlanStore): Set<string> {
  const map = distinctiveOwners(store);
  const out = new Set<string>();
  for (const s of stems) {
    const owner = map.get(s);
    if (owner) out.add(owner);
  }
  return out;
}

/**
 * Objectives whose whole title the question writes (two words or more), longest title first; one per title (a title
 * shared by several plans' objectives names none of them).
 */
export function objectivesTitledIn(
  question: string,
  store: PlanStore,
  files: string[],
  /** among objectives sharing the title written, the one this holds for ("Smart working di X": X's own) */
  prefer?: (record: TitledRecord) => boolean,
): TitledRecord[] {
  const words = wordsOf(question);
  const inFiles = files.length ? new Set(files) : null;
  const index = objectiveTitles(store);
  // only titles sharing a word with the question can be written in it: looked up through the stem index, so a
  // thousand plans' titles are not all scanned
  // a title (or the name it quotes) written whole has all its stems in the question: only those are looked for
  const hits: { words: string; record: TitledRecord }[] = [];
  for (const p of index.stems.covered(stemsOf(question), (p) => leastStemsWritten(index, p))) {
    const record = index.records[p]!;
    if (inFiles && !inFiles.has(record.doc)) continue;
    // the whole title, or the name it quotes ("il progetto Le storie")
    const phrase = [index.phraseOf[p], index.aliasOf[p]].find((w) => w !== undefined && phraseAt(words, `${w} `) >= 0);
    if (phrase !== undefined) hits.push({ words: phrase, record });
  }
  const unique = hits.filter((h) => {
    if ((index.titleCount.get(h.words) ?? 0) === 1) return true;
    const same = hits.filter((o) => o.words === h.words);
    if (same.length === 1) return true;
    const preferred = prefer ? same.filter((o) => prefer(o.record)) : [];
    return preferred.length === 1 && preferred[0] === h;
  });
  return unique.sort((a, b) => b.words.length - a.words.length).map((h) => h.record);
}

/** The fewest of a record's title stems a question writing its title or its quoted name has (no such name: never). */
function leastStemsWritten(index: TitleIndex, p: number): number {
  const title = index.phraseOf[p] !== undefined ? index.stems.stemCount[p]! : Number.POSITIVE_INFINITY;
  return index.aliasOf[p] !== undefined ? Math.min(title, index.aliasStemCount[p]!) : title;
}

/**
 * One objective per part of the question (split at "e", "o", "vs", commas), for a comparison or a sum of objectives
 * named by their titles: the whole title written in the part, else the one title holding the most of the part's
 * content words (at least two, and at least half of the title's).
 */
export function objectivesNamedByParts(question: string, store: PlanStore, files: string[]): TitledRecord[] {
  const index = objectiveTitles(store);
  const inFiles = files.length ? new Set(files) : null;
  const out: TitledRecord[] = [];
  for (const part of partsOf(question)) {
    const whole = objectivesTitledIn(part, store, files)[0];
    if (whole) {
      if (!out.some((o) => o.code === whole.code && o.doc === whole.doc)) out.push(whole);
      continue;
    }
    const asked = stemsOf(part);
    const hitsOf = index.stems.hits(asked);
    // a word no other record uses in any of its names ("il progetto caritas") names its objective alone, unless the
    // part holds words of their own for two records
    const own = ownWordHolders(asked, index, store);
    let best = null as { record: TitledRecord; hits: number } | null;
    let tie = false;
    for (const [pos, hits] of hitsOf) {
      const record = index.records[pos]!;
      if (inFiles && !inFiles.has(record.doc)) continue;
      if (own.has(pos)) {
        // counted above any title-word match: the word is this record's alone
        if (best?.hits === Number.POSITIVE_INFINITY) tie = true;
        else best = { record, hits: Number.POSITIVE_INFINITY };
        continue;
      }
      if (hits < 2) continue;
      if (hits * 2 < index.stems.stemCount[pos]!) continue;
      if (best && hits === best.hits) tie = true;
      if (!best || hits > best.hits) {
        best = { record, hits };
        tie = false;
      }
    }
    if (best && !tie && !out.some((o) => o.code === best.record.code && o.doc === best.record.doc))
      out.push(best.record);
  }
  return out;
}

/** The objectives (positions in the title index) a stem of their own names: the record's alone in every name. */
function ownWordHolders(asked: Set<string>, index: TitleIndex, store: PlanStore): Set<number> {
  const out = new Set<number>();
  if (ownersNamedIn(asked, store).size !== 1) return out;
  const owners = distinctiveOwners(store);
  for (const s of asked) {
    const holders = index.stems.byStem.get(s) ?? [];
    if (holders.length !== 1) continue;
    const r = index.records[holders[0]!]!;
    if (owners.get(s) === ownerKey(r.doc, r.code)) out.add(holders[0]!);
  }
  return out;
}

/**
 * The one objective named by at least two of its title's words, half its title or more, one of them a word no other
 * title has ("il Consiglio comunale dei ragazzi"); null when none or several.
 */
export function objectiveNamedByRareWords(
  question: string,
  store: PlanStore,
  files: string[],
  minHits = 2,
  /** with one hit allowed, also a word only one title writes exactly (for a count or ranking of its sub-records) */
  exactWords = false,
): TitledRecord | null {
  const index = objectiveTitles(store);
  const inFiles = files.length ? new Set(files) : null;
  const asked = stemsOf(question);
  // each title's count of the question's stems, read through the stem index (common stems are held by thousands)
  const hitsOf = new Map<number, { hits: number; rare: boolean; distinct: boolean }>();
  for (const [p, hits] of index.stems.hits(asked)) hitsOf.set(p, { hits, rare: false, distinct: false });
  for (const s of asked) {
    const holders = index.stems.byStem.get(s) ?? [];
    if (holders.length !== 1) continue;
    const p = holders[0]!;
    const h = hitsOf.get(p)!;
    h.rare = true;
    // a word no other record uses in any of its names (titles, phases, indicators) names this one alone
    const r = index.records[p]!;
    if (minHits < 2 && distinctiveOwners(store).get(s) === ownerKey(r.doc, r.code)) h.distinct = true;
  }
  // words of their own for two records ("gli orari e le palestre") name no one of them
  const owned = minHits < 2 ? ownersNamedIn(asked, store) : null;
  const found = [...hitsOf].filter(([pos, h]) => {
    const record = index.records[pos]!;
    if (inFiles && !inFiles.has(record.doc)) return false;
    if (h.hits === 1) return h.distinct && owned!.size === 1;
    if (!h.rare || h.hits < minHits) return false;
    return h.hits * 2 >= index.stems.stemCount[pos]!;
  });
  if (found.length === 1) return index.records[found[0]![0]]!;
  if (!exactWords || minHits >= 2 || found.length > 1) return null;
  // "quante fasi ha il progetto Le Storie": a word written as a name (with its capital, past the first word) that no
  // other title writes so names its record, though its stem is shared ("storie" / "storia")
  const exact = exactTitleWords(store);
  const asNames = question
    .trim()
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^\p{Lu}/u.test(w))
    .join(' ');
  const named = new Set(
    contentTokens(asNames).flatMap((t) => {
      const p = t.length >= 5 ? exact.get(t) : undefined;
      return p === undefined || p === null || (inFiles && !inFiles.has(index.records[p]!.doc)) ? [] : [p];
    }),
  );
  return named.size === 1 ? index.records[[...named][0]!]! : null;
}

const exactWordMaps = new WeakMap<PlanStore, Map<string, number | null>>();

/**
 * Each word as the titles write it (folded) → the one objective whose title writes it (its position), or null when
 * another objective's or a project's title writes it too. Built once per store.
 */
function exactTitleWords(store: PlanStore): Map<string, number | null> {
  const known = exactWordMaps.get(store);
  if (known) return known;
  const built = new Map<string, number | null>();
  for (const [pos, o] of store.objectives.entries())
    for (const w of new Set(contentTokens(o.title))) built.set(w, built.has(w) && built.get(w) !== pos ? null : pos);
  for (const p of store.projects) for (const w of contentTokens(p.title)) if (built.has(w)) built.set(w, null);
  exactWordMaps.set(store, built);
  return built;
}
