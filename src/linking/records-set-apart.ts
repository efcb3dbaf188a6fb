/**
 * Records set apart by their title words: "tutti gli obiettivi di X tranne quello sulla trasparenza", "escluso il
 * progetto Home Care", "except the Urban Jungle one". The words after an exclusion word, up to the end of their
 * clause (or the first word of a condition: a field, an amount), name the one record in scope whose title holds most
 * of them: two words at least, or one word no other record in scope has (after a plural pronoun, "tranne quelli sui
 * ponti", every record holding them). Titles come from the loaded model, the
 * exclusion words from the language packs; what the caller already reads as a condition it passes as `stopWords`.
 */
import { contentTokens, stem } from '../answer/text-match.ts';
import { PACKS } from '../lang/packs.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { phraseAt, wordsOf } from './phrases.ts';
import { EXCLUSION_WORDS } from './set-apart.ts';

/** "tranne quelli sui X": a tail opening with one of these sets apart every record its words name */
const PLURAL = Object.values(PACKS).flatMap((p) => p.lexicon.pluralPronouns ?? []);

export interface RecordApart {
  code: string;
  kind: 'objective' | 'project';
  doc: string;
  title: string;
}

export interface SetApartOptions {
  /** the plans in scope (all when null) */
  files: string[] | null;
  /** projects are looked up first ("progetti … escluso X"); otherwise objectives first */
  projectsFirst: boolean;
  /** words that open a condition rather than a title ("budget", "sopra"): the tail ends before them */
  stopWords: readonly string[];
  /** words that name a kind of record ("progetto", "obiettivo"): no title word */
  recordWords: readonly string[];
  /** the records the question is about (the named people's, offices'): the others cannot be set apart */
  within?: (record: RecordApart) => boolean;
  /** an English tail meets Italian titles through the glossary */
  translate?: (text: string) => string;
}

// a clause ends at punctuation, but not inside a figure ("1.455.648,22")
const CLAUSE = /[;:?!]|[,.](?!\d)/;

/** The words after the first exclusion word of each clause, as folded words ("quello sulla trasparenza"). */
export function exclusionTails(
  question: string,
  stopWords: readonly string[],
  recordWords: readonly string[] = [],
): string[] {
  // "escluso il progetto X": a record's kind word names what is set apart, it opens no condition
  const kinds = recordWords.map((w) => w.trim());
  // read only for a clause with an exclusion word (most questions have none)
  let stops: readonly string[] | null = null;
  const out: string[] = [];
  for (const clause of question.split(CLAUSE)) {
    const words = wordsOf(clause);
    let first: { at: number; end: number } | null = null;
    for (const x of EXCLUSION_WORDS) {
      const at = phraseAt(words, `${x} `);
      if (at < 0) continue;
      const end = at + x.length;
      if (!first || at < first.at || (at === first.at && end > first.end)) first = { at, end };
    }
    if (!first) continue;
    let tail = ` ${words.slice(first.end).trim()} `;
    // "tranne quello delle partecipate con budget sopra 500.000": the condition is no part of the title
    stops ??= stopWords.filter((w) => !kinds.some((k) => w.trim().startsWith(k) || k.startsWith(w.trim())));
    for (const w of stops) {
      const at = phraseAt(tail, `${w.trim()} `);
      if (at >= 0) tail = tail.slice(0, at);
    }
    const digit = tail.search(/\d/);
    if (digit >= 0) tail = tail.slice(0, digit);
    if (tail.trim()) out.push(tail.trim());
  }
  return out;
}

/** The records the question sets apart by their title words: one per exclusion, or all its words name after "quelli". */
export function recordsSetApart(question: string, store: PlanStore, options: SetApartOptions): RecordApart[] {
  const tails = exclusionTails(question, options.stopWords, options.recordWords);
  if (!tails.length) return [];
  const inFiles = options.files ? new Set(options.files) : null;
  const titled = titledOf(store);
  const objectives = titled.objectives.filter((t) => !inFiles || inFiles.has(t.record.doc));
  const projects = titled.projects.filter((t) => !inFiles || inFiles.has(t.record.doc));
  const within = options.within;
  const narrowed = (records: Titled[]) => {
    if (!within) return records;
    const kept = records.filter((t) => within(t.record));
    return kept.length ? kept : records;
  };
  const order = options.projectsFirst ? [projects, objectives] : [objectives, projects];
  const recordStems = new Set(options.recordWords.flatMap((w) => contentTokens(w).map((t) => stem(t))));
  const out: RecordApart[] = [];
  for (const tail of tails) {
    const text = options.translate ? `${tail} ${options.translate(tail)}` : tail;
    const asked = new Set(
      contentTokens(text)
        .map((t) => stem(t))
        .filter((s) => !recordStems.has(s)),
    );
    if (!asked.size) continue;
    const written = new Set(contentTokens(text));
    const plural = PLURAL.some((p) => phraseAt(` ${tail} `, `${p} `) === 1);
    for (const records of order) {
      const named = plural ? allTitled(asked, narrowed(records)) : bestTitled(asked, written, narrowed(records));
      if (named === undefined) continue;
      // the kind looked up first holds the words: an ambiguity there is not settled by the other kind
      for (const r of Array.isArray(named) ? named : named ? [named] : [])
        if (!out.some((o) => o.code === r.code && o.doc === r.doc)) out.push(r);
      break;
    }
  }
  return out;
}

/**
 * The one record whose title holds most of the asked stems (a tie goes to the title they cover most): two stems at
 * least, or one when no other record of the list holds any — or, stems being short, when it alone writes the word
 * as asked ("partecipate", not "partecipazione"). Undefined when no title holds any, null when none is the one.
 */
function bestTitled(asked: Set<string>, written: Set<string>, records: Titled[]): RecordApart | null | undefined {
  const scored = records
    .map((t) => ({
      r: t.record,
      hits: [...asked].filter((s) => t.stems.has(s)),
      size: t.stems.size,
      exact: t.tokens.some((w) => written.has(w)),
    }))
    .filter((x) => x.hits.length > 0);
  if (!scored.length) return undefined;
  scored.sort((a, b) => b.hits.length - a.hits.length || a.size - b.size);
  const [best, next] = scored;
  if (next && next.hits.length === best!.hits.length && next.size === best!.size) return null;
  if (best!.hits.length >= 2) return best!.r;
  if (scored.length === 1) return best!.r;
  const exact = scored.filter((x) => x.exact);
  return exact.length === 1 ? exact[0]!.r : null;
}

/**
 * Every record whose title holds the most asked stems ("tranne quelli sui ponti": each title with "ponti"); undefined
 * when no title holds any. (An English tail brings its own words and their Italian ones: not all can be in a title.)
 */
function allTitled(asked: Set<string>, records: Titled[]): RecordApart[] | undefined {
  const scored = records.map((t) => ({ r: t.record, hits: [...asked].filter((s) => t.stems.has(s)).length }));
  const most = Math.max(0, ...scored.map((x) => x.hits));
  return most ? scored.filter((x) => x.hits === most).map((x) => x.r) : undefined;
}

/** a record with its title's words and their stems */
interface Titled {
  record: RecordApart;
  tokens: string[];
  stems: Set<string>;
}
const TITLED = new WeakMap<PlanStore, { objectives: Titled[]; projects: Titled[] }>();

/** The objectives' and projects' titles as words and stems, read once per store (not once per question). */
function titledOf(store: PlanStore): { objectives: Titled[]; projects: Titled[] } {
  let known = TITLED.get(store);
  if (!known) {
    const of = (record: RecordApart): Titled => {
      const tokens = contentTokens(record.title);
      return { record, tokens, stems: new Set(tokens.map((t) => stem(t))) };
    };
    known = {
      objectives: store.objectives.map((o) => of({ code: o.code, kind: 'objective', doc: o.doc, title: o.title })),
      projects: store.projects.map((p) => of({ code: p.code, kind: 'project', doc: p.doc, title: p.title })),
    };
    TITLED.set(store, known);
  }
  return known;
}
