/**
 * Question → QuestionFrame: the entities, documents, years, dates, codes, people, structures, amounts, field words,
 * superlatives and conditions a question names, linked to the loaded model. Words come from the language packs,
 * names and code shapes from the model; nothing here knows a particular plan.
 */

import { askedColumnKinds } from '../answer/asked-columns.ts';
import { detectLanguage } from '../answer/language.ts';
import { findPeople, findStructures, structurePairNamed } from '../answer/link-entities.ts';
import { contentTokens, stem } from '../answer/text-match.ts';
import { translateQuery } from '../answer/translate-query.ts';
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import type { AnswerType, Lexicon } from '../lang/language-pack.ts';
import { packFor } from '../lang/packs.ts';
import type { Objective, Person, Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import type { QueryTarget } from '../query/plan-query.ts';
import { phasesReachYear } from '../query/record-years.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { answerTypeOf } from './answer-type.ts';
import { findCodeMentions, hasKnownCodeShape, hitDoc } from './find-codes.ts';
import { findDates } from './find-dates.ts';
import { gradationAt } from './find-gradation.ts';
import { blankLevelWords, levelsNamedIn, levelTitledWhole } from './find-levels.ts';
import { metaKindOf, wordMatches } from './find-meta.ts';
import { askedRoleOf } from './find-role.ts';
import { ENTITY_KINDS, findQuestionScope, type QuestionScope, YEAR } from './find-scope.ts';
import { staffRelationsIn } from './find-staff-relations.ts';
import { type EntityName, type ModelVocabulary, vocabularyOf } from './model-vocabulary.ts';
import { subRecordsNamedByParts } from './named-sub-records.ts';
import { firstAt, hasAny, lastBefore, phraseAt, wordsOf } from './phrases.ts';
import { type FieldWord, type QuestionFrame, QuestionFrameSchema } from './question-frame.ts';
import { exclusionTails, type RecordApart, recordsSetApart } from './records-set-apart.ts';
import { exclusionFillers, followsExclusion } from './set-apart.ts';
import { StemPostings, stemsOf } from './stem-postings.ts';
import {
  acronymsIn,
  distinctiveNameWords,
  inModelOrder,
  nameStem,
  namesIn,
  stemsIn,
  structureIndexOf,
  structuresNamedInFull,
  withOfficeNames,
} from './structure-index.ts';
import {
  distinctiveOwners,
  objectiveNamedByRareWords,
  objectivesNamedByParts,
  objectivesTitledIn,
  objectiveTitles,
  ownerKey,
  ownersNamedIn,
  partsOf,
} from './titled-records.ts';
import { nameNeverWritten } from './typo-vocabulary.ts';
import { partsNamingNoOne, partsNamingNothing } from './unnamed-parts.ts';

type Op = QuestionFrame['amounts'][number]['op'];

/** Both languages' question words: a question in one language often borrows the other's terms. */
const ALL: Lexicon[] = [it.lexicon, en.lexicon];
const union = (pick: (l: Lexicon) => readonly string[]) => ALL.flatMap(pick);
const TARGET_WORDS = Object.fromEntries(
  (Object.keys(it.lexicon.targets) as QueryTarget[]).map((t) => [t, union((l) => l.targets[t])]),
) as Record<QueryTarget, string[]>;
const FIELD_WORDS = Object.fromEntries(
  (Object.keys(it.lexicon.fields) as FieldWord[]).map((f) => [f, union((l) => l.fields[f])]),
) as Record<FieldWord, string[]>;
const W = {
  max: union((l) => l.max),
  min: union((l) => l.min),
  more: union((l) => l.more),
  alternatives: union((l) => l.alternatives),
  less: union((l) => l.less),
  gt: union((l) => l.gt),
  gte: union((l) => l.gte ?? []),
  lte: union((l) => l.lte ?? []),
  orMore: union((l) => l.orMore ?? []),
  half: union((l) => l.half ?? []),
  since: union((l) => l.since ?? []),
  orLess: union((l) => l.orLess ?? []),
  lt: union((l) => l.lt),
  eq: union((l) => l.eq),
  between: union((l) => l.between),
  join: union((l) => l.betweenJoin),
  after: union((l) => l.after),
  before: union((l) => l.before),
  by: union((l) => l.by),
  without: union((l) => l.without),
  multiYear: union((l) => l.multiYear),
  negations: union((l) => l.negations ?? []),
  lackingAfter: union((l) => l.lackingAfter ?? []),
  having: union((l) => l.having ?? []),
  noneOfIt: union((l) => l.noneOfIt ?? []),
  singleYear: union((l) => l.singleYear ?? []),
  rankBy: union((l) => l.rankBy ?? []),
  orderMin: union((l) => l.orderAdverbs?.min ?? []),
  orderMax: union((l) => l.orderAdverbs?.max ?? []),
  lastPlace: union((l) => l.lastPlace ?? []),
  about: union((l) => l.about),
  plannedFor: union((l) => l.plannedFor ?? []),
  purpose: union((l) => l.kindPurpose ?? []),
  sum: union((l) => l.sum),
  count: union((l) => l.count),
  avg: union((l) => l.avg),
  compare: union((l) => [...l.compare, ...l.difference]),
  ratio: union((l) => l.ratio ?? []),
  topK: union((l) => l.topK),
  rank: union((l) => l.rank),
  each: union((l) => l.each),
  groupBy: union((l) => l.groupBy ?? []),
  plus: union((l) => l.plus ?? []),
  minus: union((l) => l.minus ?? []),
  than: union((l) => l.than ?? []),
  nonZero: union((l) => l.nonZero),
  exclude: union((l) => l.exclude),
  listAll: union((l) => l.listAll),
  whole: union((l) => l.whole ?? []),
  greetings: union((l) => l.greetings),
  help: union((l) => l.help),
  helpAlone: union((l) => l.helpAlone),
  singular: union((l) => l.singular),
  progress: union((l) => l.progress),
  currency: union((l) => l.currency),
};
const MONTHS = new Set(ALL.flatMap((l) => l.months));
const IDIOMS = union((l) => l.idioms ?? []).map((p) => p.trim());

/** The question's words with every idiom blanked out (same length, so positions stay those of `words`). */
function withoutIdioms(words: string): string {
  let out = words;
  for (const idiom of IDIOMS)
    for (let at = phraseAt(out, `${idiom} `); at >= 0; at = phraseAt(out, `${idiom} `))
      out = out.slice(0, at) + ' '.repeat(idiom.length) + out.slice(at + idiom.length);
  return out;
}
const DURATION_UNITS = Object.entries(
  Object.assign({}, ...ALL.map((l) => l.durationUnits ?? {})) as Record<string, number>,
);
/** a unit of time's length in days, when the word is one ("mesi", "weeks") */
const unitDays = (word: string) => DURATION_UNITS.find(([u]) => word.startsWith(u))?.[1];
const MAGNITUDES: Record<string, number> = Object.assign({}, ...ALL.map((l) => l.magnitudes));
/** number words of both languages above one (one is the default k, and "a"/"un" are articles) */
const NUMBER_WORDS = Object.entries(Object.assign({}, ...ALL.map((l) => l.numbers)) as Record<string, number>).filter(
  ([, n]) => n > 1,
);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** every number word of both languages, longest first */
const ALL_NUMBER_WORDS = Object.entries(Object.assign({}, ...ALL.map((l) => l.numbers)) as Record<string, number>).sort(
  ([a], [b]) => b.length - a.length,
);
/** the words that open a range of amounts ("tra", "da", "between", "from") and join its two ends ("e", "a", "to") */
const RANGE_OPEN = [...new Set([...W.between, ...W.since].map((w) => w.trim()))];
const RANGE_JOIN = [...new Set([...W.join, ...union((l) => l.spanJoin ?? [])].map((w) => w.trim()))];
const AMOUNT_ARTICLES = new Set(union((l) => l.amountArticles ?? []));
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
const ARTICLE_OPT = `(?:(?:${alternation(AMOUNT_ARTICLES)}) )?`;
/** "centomila", "duecentomila": a number word glued to its magnitude, set apart */
const GLUED_MAGNITUDE = new RegExp(
  `\\b(${alternation(
    ALL_NUMBER_WORDS.filter(([, n]) => n >= 1)
      .map(([w]) => w)
      .filter((w) => !w.includes(' ')),
  )})(${alternation(Object.keys(MAGNITUDES).filter((m) => m.length > 2))})\\b`,
  'g',
);
/** "tra uno e due milioni", "between one and two million": the first bound written as a word */
const RANGE_NUMBER_WORD = new RegExp(
  `\\b(${alternation(RANGE_OPEN)}) ${ARTICLE_OPT}(${alternation(ALL_NUMBER_WORDS.map(([w]) => w))}) (${alternation(RANGE_JOIN)}) `,
  'g',
);
const NUMBER_OF_WORD: Record<string, number> = Object.fromEntries(ALL_NUMBER_WORDS);
/** "tra 200 e 300 mila", "da 500 a 600 mila", "tra i 100 e i 150 mila": the second bound's magnitude is the first's */
const RANGE_SHARED_MAGNITUDE = new RegExp(
  `\\b(${alternation(RANGE_OPEN)}) ${ARTICLE_OPT}(\\d+(?:,\\d+)?) (${alternation(RANGE_JOIN)}) ${ARTICLE_OPT}(\\d+(?:,\\d+)?) (${alternation(Object.keys(MAGNITUDES))})\\b`,
  'g',
);
/** a number word before a record word or a superlative, one regex per word, built once */
const NUMBER_WORD_PATTERNS = NUMBER_WORDS.map(
  ([word, n]) => [new RegExp(`\\b${escapeRegExp(word)}(?= +[a-z]|[\\s?!.]*$)`, 'g'), n] as const,
);
/** per lexicon, its number parts longest first: what a number written as one word is split into */
const NUMBER_PARTS = new Map(
  ALL.map((l) => {
    // the whole number words are parts too ("due", "cento", "duecento"); "mezzo" is no part of a whole number
    const whole = Object.entries(l.numbers).filter(([, n]) => Number.isInteger(n) && n >= 1);
    const parts = l.numberParts ? [...whole, ...Object.entries(l.numberParts)] : [];
    return [l, parts.sort(([a], [b]) => b.length - a.length)] as const;
  }),
);

/**
 * A number written as one word ("trecentomila", "duecentocinquanta", "ventiduemila") read from the pack's number
 * parts: hundreds multiply what comes before them, thousands all that came before. Null unless the whole word splits
 * into parts and names more than one part or a number above ten (a lone "sei" or "tre" is left to the number words).
 */
export function compoundNumber(word: string, lex: Lexicon): number | null {
  const parts = NUMBER_PARTS.get(lex) ?? [];
  if (!parts.length || word.length < 4) return null;
  let at = 0;
  let total = 0;
  let current = 0;
  let count = 0;
  while (at < word.length) {
    const hit = parts.find(([p]) => word.startsWith(p, at));
    if (!hit) return null;
    const [p, v] = hit;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += v;
    at += p.length;
    count++;
  }
  const value = total + current;
  // "mila", "mille" alone are magnitudes, read as such
  return count > 1 || (value > 10 && value < 1000) ? value : null;
}

// thousands with dots ("1.920.000,00"), a decimal with one or two digits ("1.5 million", "1,5 milioni"), a plain number
// a number glued to a word by a hyphen ("SARS-2", "Agenda-30") is part of a name, never an amount
const NUMBER = /(?<!\d|[a-zA-Z]-)(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+[.,]\d{1,2}(?!\d)|\d+(?:,\d+)?)/g;
// quotes around a title; an apostrophe inside a word ("dell'obiettivo") opens none
const QUOTED = /(?<=^|[\s(:])["“«‘']([^"”»’]{4,160}?)["”»’'](?=[\s?.,;:!)]|$)/g;

/** What linking found besides the frame, for the record routes that work on the records themselves. */
export interface Linked {
  frame: QuestionFrame;
  people: ReturnType<typeof findPeople>;
  structures: Structure[];
  scope: { docs: string[] | null; entity: string | null; year: number | null; uncoveredYear?: number };
}

/**
 * The frame as linking builds it, typed by the schema but not parsed by it on every question: right after a start,
 * before the engine's code is optimized, the parse was a sixth of an answer's time. `linkQuestion` (what the frame
 * tests read) still parses it, so the schema keeps checking what linking builds.
 */
const asFrame = (frame: QuestionFrame): QuestionFrame => frame;

/** The frame, checked against its schema (the router takes `link`'s frame as built; tests read this one). */
export function linkQuestion(question: string, store: PlanStore): QuestionFrame {
  return QuestionFrameSchema.parse(link(question, store).frame);
}

/** `canSee`: the people the asker may know of (the public does not know people named only in staff tables). */
export function link(question: string, store: PlanStore, canSee: (person: Person) => boolean = () => true): Linked {
  const lang = detectLanguage(question);
  const lex = packFor(lang).lexicon;
  const vocab = vocabularyOf(store);
  // quoted wording is a record's title, not the question's own words: "… con minori" is no superlative
  const unquoted = question.replace(QUOTED, (m) => ' '.repeat(m.length));
  const folded = fold(unquoted);
  const words = wordsOf(unquoted);

  // ---------------------------------------------------------------- entities, documents, years
  const found = entityOfNamedStructure(
    question,
    store,
    findQuestionScope(question, store, lex.defaultEntityKind),
    withOfficeNames(unquoted),
  );
  const named = found.entities;
  const unknownEntity = found.unknownEntity;
  let docs = found.documents;
  // "la linea di mandato 05", "i progetti dell'azione Housing sociale": levels of the plans' hierarchy as the scope;
  // their title words then name no record of their own
  // a level's title may be written in quotes ("l'azione 'Tutela dei dati'"): read with its quoted words
  const levels = levelsNamedIn(question, store, found.all ? null : docs.map((d) => d.file));
  // "l'obiettivo strategico X", "l'azione Y": the kind words of a level named are no record kind or field asked
  const levelFreeWords = levels.reduce(
    (w, l) => w.split(` ${l.phrase} `).join(` ${' '.repeat(l.phrase.length)} `),
    words,
  );

  // ---------------------------------------------------------------- codes
  // "le fasi di X che iniziano nel 2021": a year that bounds a date does not narrow where codes are looked up
  const dateFields = fieldsIn(levelFreeWords);
  // so does a year beside phases, which have dates of their own ("le fasi di X da fare nel 2021")
  // (phases and indicators named in any word: "le attività di X previste nel 2021")
  const yearBoundsDate =
    found.years.length > 0 &&
    (dateFields.includes('end') ||
      dateFields.includes('start') ||
      dateFields.includes('phases') ||
      firstAt(levelFreeWords, TARGET_WORDS.phase) >= 0);
  const codeDocs = yearBoundsDate
    ? store.model.documents.filter((d) => !named.length || named.some((e) => e.entity === d.entity))
    : docs;
  const inScopeDoc = (doc: string) => codeDocs.some((d) => d.file === doc);
  let mentions = findCodeMentions(question, store, inScopeDoc, lex);
  // "2020-X: cosa si fa nel 2021?": no plan of the year has the code, but its record's phases run into that year;
  // the year is of the record's dates, as with a phase word
  let yearInRecord = false;
  if (!yearBoundsDate && found.years.length && !mentions.some((m) => m.hits.length)) {
    const entityFiles = new Set(
      store.model.documents.filter((d) => !named.length || named.some((e) => e.entity === d.entity)).map((d) => d.file),
    );
    const wider = findCodeMentions(question, store, (doc) => entityFiles.has(doc), lex);
    yearInRecord = wider.some((m) =>
      m.hits.some((h) => h.kind !== 'indicator' && phasesReachYear(store, h.record, found.years)),
    );
    if (yearInRecord) mentions = wider;
  }
  // "escluso il 2021_X, qual è il progetto più costoso?": a code set apart names no record asked, it leaves one out
  const apart = mentions.filter((m) => {
    const lead = wordsOf(folded.slice(0, m.start));
    return m.hits.length > 0 && followsExclusion(lead, lead.length, CODE_FILLERS);
  });
  const excludedCodes = apart.flatMap((m) => m.hits.map((h) => h.code));
  const codes = mentions
    .filter((m) => !apart.includes(m))
    .flatMap((m) => m.hits.map((h) => ({ text: m.text, code: h.code, kind: h.kind, doc: hitDoc(h) })));
  const unknownCodes = mentions.filter((m) => !m.hits.length && hasKnownCodeShape(m.text, store)).map((m) => m.text);
  // a year beside the code of a record of a plan of other years bounds that record's dates, not the plans read: "le
  // fasi di 2020-X da fare nel 2021" are read in 2020-X's plan
  if ((yearBoundsDate || yearInRecord) && codes.length && !codes.some((c) => docs.some((d) => d.file === c.doc)))
    docs = store.model.documents.filter((d) => codes.some((c) => c.doc === d.file));
  // blank out codes so their digits are not read as amounts or years
  let scan = folded;
  for (const m of mentions) scan = scan.slice(0, m.start) + ' '.repeat(m.end - m.start) + scan.slice(m.end);

  // ---------------------------------------------------------------- dates and years
  // a month named without a year ("dopo maggio") is of the year of the plans asked about, when they have one
  const codeFiles = new Set(codes.map((c) => c.doc));
  const datedDocs = codeFiles.size ? store.model.documents.filter((d) => codeFiles.has(d.file)) : docs;
  const planYears = [...new Set(datedDocs.flatMap((d) => d.years))];
  const undated = scan;
  const read = findDates(scan, {
    isCode: (text) => isCodePrefix(text, store),
    defaultYear: planYears.length === 1 ? planYears[0]! : null,
  });
  scan = read.masked;
  // a month of any year bounds nothing here: the deadline routes read it against the plan's year
  const dates: QuestionFrame['dates'] = read.dates
    .filter((d) => d.iso)
    .map((d) => ({
      iso: d.iso,
      op: negatedBound(scan, d.start, d.op),
      ...(d.iso2 ? { iso2: d.iso2 } : {}),
      ...dateFieldBefore(scan, d.start),
    }));
  // years a month or a part of a year named ("giugno 2020", "secondo semestre 2020") bound nothing more
  const monthYears = new Set(read.dates.flatMap((d) => (d.year ? [d.year] : [])));
  // the same words as the date fields' above
  const fieldsForAmounts = dateFields;
  const fields = [...fieldsForAmounts];
  for (const { year: y, op } of found.boundedYears.filter((b) => !monthYears.has(b.year))) {
    if (op === 'gt') dates.push({ iso: `${y}-12-31`, op: 'gt' });
    else if (op === 'lt') dates.push({ iso: `${y}-01-01`, op: 'lt' });
    else dates.push({ iso: `${y}-12-31`, op: 'lte' });
  }
  const years = found.years;
  if (fields.includes('end') || fields.includes('start'))
    for (const y of years.filter((y) => !monthYears.has(y)))
      dates.push({ iso: `${y}-01-01`, op: 'between', iso2: `${y}-12-31` });
  scan = scan.replace(YEAR, (y) => ' '.repeat(y.length));
  const uncoveredYear = found.uncoveredYear;
  const all = found.all;

  // ---------------------------------------------------------------- amounts and k
  // "escluso zero" / "non-zero" qualifies a ranking; its zero is no amount to match
  // "escluso zero", "zeros excluded": an exclusion word with zero beside it
  const nonZero =
    hasAny(words, W.nonZero) ||
    (hasAny(words, W.exclude) && /\bzer(?:o|i|os)\b/.test(words)) ||
    // "sopra lo zero", "above zero": a lower bound of zero on a ranking leaves the zeros out
    ABOVE_ZERO.test(words) ||
    // "che non sia zero", "not zero": a negation within the three words before the zero
    negatedZero(words);
  if (nonZero) scan = scan.replace(/\bzero\b/g, '    ');
  const read_ = amountsIn(scan, lex, fieldsForAmounts);
  const { k } = read_;
  // "l'obiettivo strategico 05.01": a level's number is no amount
  const levelNumber = (a: QuestionFrame['amounts'][number]) =>
    a.op === 'eq' && levels.some((l) => l.number !== undefined && Number.parseFloat(l.number) === a.value);
  const amounts = read_.amounts.filter((a) => !levelNumber(a));
  const amountFields = read_.amountFields.filter((_, i) => !levelNumber(read_.amounts[i]!));
  const amountPercent = read_.amountPercent.filter((_, i) => !levelNumber(read_.amounts[i]!));

  // ---------------------------------------------------------------- people and structures
  // month names read as dates are no names: "between February and March" names no Marco
  const monthsRead = new Set(
    read.dates.flatMap((d) => wordsOf(d.label).trim().split(' ')).filter((w) => MONTHS.has(w)),
  );
  const forPeople = monthsRead.size
    ? question.replace(/\p{L}+/gu, (w) => (monthsRead.has(fold(w)) ? ' '.repeat(w.length) : w))
    : question;
  // a level's title words ("…IL PRESIDENTE DELLA PROVINCIA…") name no person
  const people = findPeople(blankLevelWords(forPeople, levels), store, canSee);
  // "fasi di X che finiscono prima di luglio": a month without a year is of the year of the named person's plans
  const monthsAlone = read.dates.filter((d) => d.month !== undefined && !d.iso);
  // (or, with no person named, of the named office's plan: "fasi dell'unità statistica che finiscono dopo luglio")
  // (a plan of several years takes the one year the question names: "le fasi 2020 di X che finiscono prima di maggio")
  const monthsOfPlans = (files: ReadonlySet<string>) => {
    const planned = [...new Set(store.model.documents.filter((d) => files.has(d.file)).flatMap((d) => d.years))];
    const years =
      planned.length > 1 && found.years.length === 1 && planned.includes(found.years[0]!) ? found.years : planned;
    if (years.length === 1)
      for (const d of findDates(undated, { isCode: (text) => isCodePrefix(text, store), defaultYear: years[0]! }).dates)
        if (d.iso && monthsAlone.some((m) => m.start >= d.start && m.end <= d.end))
          dates.push({
            iso: d.iso,
            op: d.op,
            ...(d.iso2 ? { iso2: d.iso2 } : {}),
            ...dateFieldBefore(undated, d.start),
          });
  };
  if (monthsAlone.length && people.matches.length)
    monthsOfPlans(new Set(people.matches.flatMap((m) => m.person.roles.map((r) => r.doc))));
  const scope = {
    docs: all ? null : docs.map((d) => d.file),
    entity: named[0]?.entity ?? null,
    year: years[0] ?? null,
    ...(uncoveredYear !== null ? { uncoveredYear } : {}),
  };
  // a level's title words ("l'azione Integrazione sociale…") name no office
  const withoutLevels = (text: string) => blankLevelWords(text, levels);
  // "obiettivi dei Servizi Demografici che scadono nel 2021": a year that bounds a date narrows no plan an office is
  // looked up in (a 2020 plan holds phases ending in 2021), as it narrows none a code is looked up in
  const namedStructures = findStructures(
    withoutLevels(question),
    store,
    yearBoundsDate ? { ...scope, docs: all && !named.length ? null : codeDocs.map((d) => d.file), year: null } : scope,
  );
  // an office named in other words ("local police", "ufficio personale") is looked up by the plans' words for it
  const officeWords = withOfficeNames(withoutLevels(unquoted));
  const allStructures = [
    ...structuresByCodes(
      officeWords,
      store,
      docs.map((d) => d.file),
      // "rispetto all'85": only where no amount is read ("più di 87 mila" bounds a figure)
      amounts.length === 0 && hasAny(words, COMPARING_WORDS),
    ),
    ...namedStructures,
  ].filter((s, i, list) => list.findIndex((x) => x.doc === s.doc && x.name === s.name) === i);
  // "Polizia X-Protezione Civile": a name written only as the opening of a longer office's name is that office's
  dropOpenings(allStructures, words);
  // "housing sociale del cdr 87: che progetti?": with an office named and its records asked, a level of its plan
  // named by its whole title, without its kind word, scopes the list
  if (!levels.length && allStructures.length && !codes.length && hasAny(words, RECORD_LIST_WORDS)) {
    const bare = levelTitledWhole(words, store, new Set(allStructures.map((s) => s.doc)));
    const inName = (t: string) => allStructures.some((s) => wordsOf(s.name).includes(` ${t} `));
    if (bare && !bare.titleWords.every(inName)) levels.push(bare);
  }
  // "chi ha più obiettivi tra il Servizio A e il Servizio B?": two offices of one plan compared, each named in part
  const pairInOnePlan = allStructures.some((s, i) => allStructures.some((o, j) => j !== i && o.doc === s.doc));
  if (!pairInOnePlan && amounts.length === 0 && hasAny(words, COMPARING_WORDS)) {
    const pair = structurePairNamed(withoutLevels(question), store, scope);
    if (pair.length === 2) allStructures.splice(0, allStructures.length, ...pair);
  }
  // "chi si occupa della cultura a X?": who, in one entity's plans, of the one office a word of the question names
  const asksWho =
    firstAt(words, TARGET_WORDS.person) >= 0 && firstAt(words, TARGET_WORDS.person) === leadTargetAt(words);
  if (!allStructures.length && !all && asksWho && !people.matches.length && !codes.length) {
    // the question's own record words ("le persone che lavorano a …") name no office ("Area servizi alla persona")
    const one = structureNamedByOneWord(
      withoutPhrases(officeWords, RECORD_WORDS),
      store,
      docs.map((d) => d.file),
      named,
    );
    if (one) allStructures.push(one);
  }
  // the people named work in some plans: a structure of another plan, linked from a word they share ("risorse
  // finanziarie" → "Servizi Finanziari"), narrows nothing of theirs
  const peopleDocs = new Set(people.matches.flatMap((m) => m.person.roles.map((r) => r.doc)));
  if (peopleDocs.size) {
    const kept = allStructures.filter((s) => peopleDocs.has(s.doc));
    allStructures.splice(0, allStructures.length, ...kept);
  }
  // "a chi fa capo il progetto Spazio Giovani?": a record's title written out whole names that record, and the office
  // whose name only its words recall ("Servizi sociali") is not named
  // only looked for when it can change the answer: an office was named, or a field or a person is asked
  const mayNameRecord =
    allStructures.length > 0 ||
    fieldsForAmounts.some((f) => RECORD_FIELDS.has(f)) ||
    hasAny(words, TARGET_WORDS.person);
  const wholeTitle =
    codes.length || !mayNameRecord
      ? null
      : recordTitledIn(
          unquoted,
          store,
          docs.map((d) => d.file),
        );
  if (wholeTitle) {
    const titleWords = wordsOf(wholeTitle.title);
    for (let i = allStructures.length - 1; i >= 0; i--) {
      const named = distinctiveNameWords(allStructures[i]!.name);
      if (named.length && named.every((w) => titleWords.includes(` ${nameStem(w)}`))) allStructures.splice(i, 1);
    }
  }
  // "genitorialità sociale: a chi…": words of a record's title written out name that record, not an office
  const titledIn = allStructures.length
    ? objectivesTitledIn(
        unquoted,
        store,
        docs.map((d) => d.file),
      )
    : [];
  if (titledIn.length) {
    const titleStems = new Set(titledIn.flatMap((t) => distinctiveNameWords(t.title).map(nameStem)));
    const outside = allStructures.filter((s) => distinctiveNameWords(s.name).some((w) => !titleStems.has(nameStem(w))));
    allStructures.splice(0, allStructures.length, ...outside);
  }
  // "il dirigente della programmazione sociale e socio-sanitaria del distretto": a record's title written in three
  // words or more names that record; an office only those words recall ("sociale" → "Servizi sociali") is not named,
  // unless the question says it names an office ("il servizio sociale")
  if (allStructures.length && !codes.length && !hasAny(words, TARGET_WORDS.structure)) {
    const record = recordOfMostTitleWords(
      unquoted,
      store,
      docs.map((d) => d.file),
    );
    if (record) {
      const titleStems = stemsOf(record.title);
      const outside = allStructures.filter((s) =>
        distinctiveNameWords(s.name).some((w) => !titleStems.has(stem(w)) && !titleStems.has(nameStem(w))),
      );
      allStructures.splice(0, allStructures.length, ...outside);
    }
  }
  // "tutti gli obiettivi di X tranne quello sulla trasparenza": records set apart by their title words (unless a
  // code or an entity was what the exclusion named)
  const recordsApart =
    apart.length || found.excludedEntities.length
      ? []
      : recordsSetApart(unquoted, store, {
          files: all ? null : docs.map((d) => d.file),
          projectsFirst: firstAt(words, TARGET_WORDS.project) >= 0,
          stopWords: SET_APART_STOPS,
          recordWords: [...RECORD_KIND_WORDS, ...vocab.entities.map((e) => e.name)],
          ...(people.matches.length ? { within: ownedByPeople(store, people.matches) } : {}),
          ...(lang === 'en' ? { translate: translateQuery } : {}),
        });
  // …and the office only their words recall ("il questionario sulle società sportive" → "Sport") is not named
  // (an office also named before the exclusion stays: "del servizio Sport tranne il questionario sportivo")
  if (recordsApart.length) {
    const apartStems = new Set(recordsApart.flatMap((r) => distinctiveNameWords(r.title).map(nameStem)));
    const head = exclusionTails(unquoted, SET_APART_STOPS, RECORD_KIND_WORDS).reduce(
      (w, t) => w.replace(` ${t} `, ' '),
      words,
    );
    const headStems = new Set(head.trim().split(' ').map(nameStem));
    const outside = allStructures.filter((s) =>
      distinctiveNameWords(s.name).some((w) => !apartStems.has(nameStem(w)) || headStems.has(nameStem(w))),
    );
    allStructures.splice(0, allStructures.length, ...outside);
  }
  // a thousand plans' copies of one office share its code and name: each is read once
  const officesApart = new Map<string, boolean>();
  const setApart = (s: Structure) => {
    const key = `${s.code ?? ''}|${s.name}`;
    let known = officesApart.get(key);
    if (known === undefined) {
      known = structureSetApart(words, s);
      officesApart.set(key, known);
    }
    return known;
  };
  const structures = allStructures.map((s) => ({
    name: s.name,
    code: s.code ?? null,
    doc: s.doc,
    ...(setApart(s) ? { excluded: true } : {}),
  }));
  if (monthsAlone.length && !people.matches.length && structures.length)
    monthsOfPlans(new Set(structures.map((s) => s.doc)));
  // (or, with neither named, of the plan of the record named by code)
  else if (monthsAlone.length && !people.matches.length && codeFiles.size) monthsOfPlans(codeFiles);

  // ---------------------------------------------------------------- what is asked
  const targets = (Object.keys(TARGET_WORDS) as QueryTarget[])
    .map((t) => ({ t, at: firstAt(levelFreeWords, TARGET_WORDS[t]) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.t);
  // "il peso del progetto X": a project weighs nothing of its own; its weight is its share of the centre's resources
  const subRecordNamed = targets.some((t) => t === 'phase' || t === 'indicator' || t === 'objective');
  if (fields.includes('weight') && targets.includes('project') && !subRecordNamed && !fields.includes('share'))
    fields.splice(fields.indexOf('weight'), 1, 'share');
  const usedOperators = amounts.length > 0;
  // "nell'ultimo trimestre", "in the last quarter": an order word read as part of a date is no superlative
  const dateless = wordsOf(read.masked);
  const maxAt = usedOperators || firstAt(dateless, W.max) < 0 ? -1 : firstAt(words, W.max);
  const minAt = usedOperators || firstAt(dateless, W.min) < 0 ? -1 : firstAt(words, W.min);
  // "quale obiettivo finisce prima?", "which phase ends first?": an order word with nothing after it to compare with
  const earlyAt = usedOperators ? -1 : orderAdverbAt(words, W.orderMin);
  const lateAt = usedOperators ? -1 : orderAdverbAt(words, W.orderMax);
  const wantsTop = firstAt(words, W.topK) >= 0 && k !== null;
  // "classifica dei progetti per budget", "rank the people by objectives": every record in order
  const rankAt = firstAt(words, W.rank);
  // "l'obiettivo con più fasi", "the two projects with fewer staff": more / less right before a field word ranks by it
  // ("più di 5 fasi" is an operator: "più" right before a field word never is)
  // "il progetto più oneroso", "la fase meno impegnativa": more / less between a record word and any adjective
  const moreAt = firstOf(fieldAfter(words, W.more), usedOperators ? -1 : adjectiveAfterRecord(words, W.more));
  const lessAt = firstOf(fieldAfter(words, W.less), usedOperators ? -1 : adjectiveAfterRecord(words, W.less));
  // "il secondo progetto per budget", "the three projects by weight": a place or a k with "per" + a field word
  // only a k, a place or a last place makes "per" + a field a ranking: looked for only then
  const byAt = k !== null || hasAny(words, W.lastPlace) || hasAny(words, ORDINAL_WORDS) ? rankByAt(words) : -1;
  const rankedBy = byAt >= 0 && (k !== null || ordinalIn(words) !== null) ? byAt : -1;
  // "l'ultimo progetto per budget": the last place of a ranking by a figure is its lowest
  // "il penultimo per budget": a place counted from the bottom is a place in the lowest-first ranking
  const lastPlace = byAt >= 0 ? firstOf(firstAt(words, W.lastPlace), firstAt(words, FROM_END_WORDS)) : -1;
  const hiAt =
    lastPlace >= 0 ? -1 : maxAt >= 0 ? maxAt : moreAt >= 0 ? moreAt : lessAt < 0 && rankedBy >= 0 ? rankedBy : lateAt;
  const loAt = lastPlace >= 0 ? lastPlace : minAt >= 0 ? minAt : lessAt >= 0 ? lessAt : hiAt < 0 ? earlyAt : -1;
  const superAt = Math.min(...[hiAt, loAt, rankAt].filter((at) => at >= 0), words.length);
  // "8501 meno 8504", "A minus B": a difference of the two records, not a ranking towards the lowest
  const minusJoined = joinedBy(question, mentions, W.minus);
  // "i progetti più costosi" with no number: a few of the top, or the records tied at the top
  const pluralAsk =
    !hasAny(words, W.singular) && !singularArticleBefore(words, superAt) && pluralTarget(words, targets[0]);
  // "in ordine", "dal più caro al meno caro", "from the highest to the lowest": the whole order is asked
  const wholeOrder =
    (rankAt >= 0 && hiAt < 0 && loAt < 0) ||
    (maxAt >= 0 && minAt >= 0 && k === null && opensSpan(words, Math.min(maxAt, minAt)));
  const superlative =
    !minusJoined && (hiAt >= 0 || loAt >= 0 || wantsTop || rankAt >= 0)
      ? {
          // at the same word an explicit "più breve" outranks the "più" + field word reading of "più lunga"
          dir: (loAt >= 0 && (hiAt < 0 || loAt < hiAt || (loAt === hiAt && maxAt < 0)) ? 'min' : 'max') as
            | 'max'
            | 'min',
          k: k ?? (wholeOrder ? RANK_ALL : pluralAsk ? 5 : 1),
          ...(k === null && pluralAsk && !wholeOrder ? { plural: true } : {}),
        }
      : null;
  // "il secondo progetto più costoso": the record at that place, when the ordinal leads a ranking
  const ordinal = superlative ? ordinalIn(words) : null;
  const rankedRecords = superlative
    ? (Object.keys(TARGET_WORDS) as QueryTarget[]).filter(
        (t) => firstAt(words.slice(Math.max(0, superAt - 1)), TARGET_WORDS[t]) >= 0,
      )
    : [];
  // what the superlative (or, without one, the comparative) ranks by and which record it qualifies
  const gradeAt = superlative
    ? superAt
    : firstAt(
        words,
        [...W.more, ...W.less].map((w) => `${w} `),
      );
  const gradation = gradeAt >= 0 && gradeAt < words.length ? gradationAt(words, gradeAt) : null;
  const { without, present } = withoutIn(words, gradation?.field ?? fields[0] ?? null);
  // "quanti soldi", "how many euros": a count word before an amount's own word asks for a sum
  const countsAmount = W.count.some((c) => {
    const at = phraseAt(words, c);
    return at >= 0 && FIELD_WORDS.budget.some((b) => phraseAt(words.slice(at + c.trim().length), b) === 1);
  });
  // "somma urgenza", "sul totale": operator words inside a fixed phrase ask for no operation
  const opWords = withoutIdioms(words);
  // "numero medio di fasi", "how many phases on average": an average of a count, so the average word decides
  const aggregate = hasAny(opWords, W.avg)
    ? 'avg'
    : hasAny(opWords, W.count) && !superlative && !countsAmount
      ? 'count'
      : // "quanti soldi ha l'azione X": a count of money over a level of the plan is its total
        hasAny(opWords, W.sum) || (countsAmount && levels.length > 0)
        ? 'sum'
        : null;
  // "quante persone in media su un progetto", "average number of people per project": the people counted are staff
  if (aggregate === 'avg' && !fields.includes('staff') && countsPeople(words)) fields.push('staff');
  const trimmed = words.trim();
  const greeting = W.greetings.some(
    (g) => trimmed === g || (trimmed.startsWith(`${g} `) && trimmed.split(' ').length <= 3),
  );
  // a question that names nothing of the plans may be about pianobot itself
  const namesSomething =
    codes.length > 0 ||
    people.matches.length > 0 ||
    allStructures.length > 0 ||
    unknownEntity !== null ||
    amounts.length > 0 ||
    dates.length > 0;
  // "quali piani hai per il 2018?", "che documenti hai del Comune di X?": a question about pianobot may name the
  // entities and years of the plans it asks for
  const scopeWords = new Set([
    ...named.flatMap((e) => wordsOf(e.name).trim().split(' ')),
    ...ENTITY_KINDS.flatMap(([, ws]) => ws),
  ]);
  // "which municipalities…", "quali comuni…": an entity kind in any number
  const scopeStems = new Set([...scopeWords].filter((w) => w.length >= 5).map(stem));
  const metaWords = ` ${words
    .trim()
    .split(' ')
    .filter((w) => !scopeWords.has(w) && !(w.length >= 5 && scopeStems.has(stem(w))) && !YEAR_WORD.test(w))
    .join(' ')} `;
  const kind = namesSomething ? null : metaKindOf(metaWords, ALL);
  const help = W.helpAlone.includes(trimmed) || kind === 'help';
  const meta = help ? 'help' : greeting || kind === 'greeting' ? 'greeting' : null;
  // "linea di mandato 3 – Sviluppo dell'edilizia…": a level's title words ask no type of objective
  const levelTitleFree = levels.length ? wordsOf(blankLevelWords(unquoted, levels)) : words;
  const types = vocab.objectiveTypes.filter((t) => {
    const first = t.split(' ')[0] ?? '';
    const stemmed = first.slice(0, first.length - 1);
    // "obiettivo strategico 01.01" names a level of the plan, not the objectives' type
    if (levels.some((l) => l.phrase.includes(stemmed))) return false;
    return first.length >= 6 && phraseAt(levelTitleFree, stemmed) >= 0;
  });

  let joinedSum = false;
  // "somma degli stanziamenti per la popolazione nomade e per l'area penale": projects named by their titles, one
  // per part of the question, for a sum or a comparison
  // "tra" / "between" also bound amounts and dates: only the other comparison words name records to compare
  // "A è il doppio di B?": a ratio asked compares the two
  const ratioAsked = hasAny(words, W.ratio);
  const compareWord = hasAny(
    words,
    W.compare.filter((w) => !W.between.includes(w)).map((w) => `${w} `),
  );
  // "quanti soldi ha il patto contro le nuove povertà?": a comparison word inside the one title the question writes
  // most of compares nothing
  const compareAsked =
    ratioAsked ||
    (compareWord &&
      (codes.length > 0 ||
        !wordInsideTitle(
          unquoted,
          store,
          docs.map((d) => d.file),
        )));
  // "il calendario più lo svolgimento quanto pesano?", "A più quello dei B": a comparative word that grades nothing
  // after it, with none of the words that keep it a comparative before it ("di più"), adds what follows
  const moreAsPlus =
    amounts.length === 0 &&
    superlative === null &&
    !compareAsked &&
    !hasAny(
      words,
      W.alternatives.map((w) => `${w} `),
    ) &&
    plusByComparative(words);
  // one person named is the scope of the records compared ("which of X's projects costs more, A or B?"); two are
  // what is compared
  const otherConditions = amounts.length > 0 || dates.length > 0 || people.matches.length > 1;
  // "Catalogo digitale o Apertura serale, chi ha più fasi?": a comparative with alternatives compares too
  // "tra A e B quale costa di più?": the records between "tra" and its joining word are alternatives too
  const alternativesGraded =
    (superlative !== null ||
      hasAny(
        words,
        W.more.map((w) => `${w} `),
      )) &&
    (hasAny(
      words,
      W.alternatives.map((w) => `${w} `),
    ) ||
      (amounts.length === 0 && betweenJoined(words)));
  // "bigger than", "A plus B", "A meno B" with no amount after them join two records named by their titles
  // "A è più caro di B": a comparative, a word or two, then what names the other record
  // each way of splitting at the word naming the second record, most likely first
  const comparedTexts = amounts.length === 0 ? splitsAtComparedWith(unquoted) : [];
  const comparedText = comparedTexts[0] ?? null;
  const joinedRecords = amounts.length === 0 && (hasAny(words, RECORD_JOINS) || comparedText !== null || moreAsPlus);
  // "8735 + il progetto Home Care Premium": one record named by its code, the others by their words — unless the
  // words name that record's own phases or indicators ("2020-PL12: la fase A o la fase B?")
  const subRecordsAsked =
    targets.includes('phase') ||
    targets.includes('indicator') ||
    fields.includes('weight') ||
    gradation?.field === 'weight';
  const oneCode =
    codes.length === 1 && codes[0]!.kind !== 'indicator' && !subRecordsAsked && !people.matches.length
      ? codes[0]!
      : null;
  let unnamedParts: string[] = [];
  // "che percentuale del CdR 87 va alla residenzialità anziani?": the records named by their words are a share of the
  // structure named, whose name is the whole and names none of them
  const shareAsked = fields.includes('share') && structures.length > 0 && !amounts.length;
  if (
    (shareAsked ||
      aggregate === 'sum' ||
      aggregate === 'avg' ||
      // "quanti obiettivi hanno insieme A e B?": a count with a sum word is a total over the records named
      (aggregate === 'count' && hasAny(opWords, W.sum)) ||
      compareAsked ||
      alternativesGraded ||
      joinedRecords) &&
    (!codes.length || oneCode) &&
    !levels.length &&
    // two offices of one plan named are what is compared ("Servizio A or Servizio B"): their words name no record
    !structures.some((x, i) => structures.some((o, j) => j !== i && o.doc === x.doc && !o.excluded && !x.excluded)) &&
    !otherConditions
  ) {
    const files = docs.map((d) => d.file);
    // the code's own part names the coded record: its text is taken out, so its words name no other
    const readParts = (text: string) => {
      const written = withoutNames(withoutText(text, oneCode?.text), shareAsked ? structures.map((x) => x.name) : []);
      // an English question meets the Italian titles through the glossary, part by part ("the one on severe adult
      // marginalisation" → "grave emarginazione adulta"); the words as written are read too (English titles)
      const titled = lang === 'en' ? `${written}; ${translateQuery(written)}` : written;
      const projects = store.projects.length ? projectsNamedByWords(titled, store, files) : [];
      // objectives named by title, one per part, when the question is about objectives' figures or names more of them
      const objectives = objectivesNamedByParts(titled, store, files);
      return { written, projects, objectives };
    };
    // "di più la casa di riposo del X": the split whose parts name two records, else the first
    let read = readParts(comparedText ?? unquoted);
    for (const text of comparedTexts.slice(1)) {
      if (Math.max(read.projects.length, read.objectives.length) >= 2) break;
      const next = readParts(text);
      if (Math.max(next.projects.length, next.objectives.length) >= 2) read = next;
    }
    const { written, projects, objectives } = read;
    const aboutObjectives = targets.includes('objective') || fields.some((f) => f === 'phases' || f === 'indicators');
    // "nel progetto sulla tratta le uscite di strada o gli accompagnamenti?": a project named, and its objective's own
    // indicators (or phases) named by the other parts — those are compared, not the records their words recall
    // (a project named by its code or whole title is that project: its own objective's sub-records are what is asked)
    // (two projects each named by a part of its own are what is asked, whatever sub-records their words also recall)
    const eachPartAProject =
      projects.length >= 2 &&
      partsOf(lang === 'en' ? translateQuery(written) : written).every(
        (part) => !contentTokens(part).length || projectsNamedByWords(part, store, files).length > 0,
      );
    const holder =
      (oneCode && oneCode.kind !== 'project') || eachPartAProject || shareAsked
        ? null
        : objectiveOfNamedSubRecords(
            written,
            oneCode ? [{ code: oneCode.code, doc: oneCode.doc, title: oneCode.text }] : projects,
            store,
          );
    if (holder) {
      if (oneCode) codes.splice(codes.indexOf(oneCode), 1);
      codes.push({ text: holder.title, code: holder.code, kind: 'objective', doc: holder.doc });
    } else if (oneCode) {
      // the records of the coded one's kind that the other parts name
      const others = (oneCode.kind === 'project' ? projects : objectives).filter(
        (r) => r.code !== oneCode.code || r.doc !== oneCode.doc,
      );
      for (const r of others) codes.push({ text: r.title, code: r.code, kind: oneCode.kind, doc: r.doc });
    } else if (shareAsked && projects.length === 1)
      codes.push({ text: projects[0]!.title, code: projects[0]!.code, kind: 'project', doc: projects[0]!.doc });
    else if (objectives.length >= 2 && (projects.length < 2 || (aboutObjectives && !targets.includes('project'))))
      for (const o of objectives) codes.push({ text: o.title, code: o.code, kind: 'objective', doc: o.doc });
    else if (projects.length >= 2)
      for (const p of projects) codes.push({ text: p.title, code: p.code, kind: 'project', doc: p.doc });
    // "Home Care Premium e il progetto sulle piste ciclabili": a part naming nothing the plans hold is said not
    // found, never replaced by the whole scope's records
    const named = codes.length || Math.max(projects.length, objectives.length);
    if (named) unnamedParts = partsNamingNothing(written, store);
    // "Home Care Premium e il progetto per gli anziani, quanto fanno?": a sum with one record named and a part whose
    // words name no one record — that part is unclear, and the one record is all the answer can give
    if (
      !unnamedParts.length &&
      !codes.length &&
      aggregate === 'sum' &&
      superlative === null &&
      !compareAsked &&
      !alternativesGraded &&
      !people.matches.length &&
      !structures.length &&
      projects.length + objectives.length === 1 &&
      // "X: la fase A e la fase B sommate?": the parts name the one objective's own phases or indicators
      !(objectives.length === 1 && namesSubRecords(written, objectives[0]!, store))
    )
      unnamedParts = partsNamingNoOne(
        written,
        store,
        (part) =>
          projectsNamedByWords(part, store, files).length + objectivesNamedByParts(part, store, files).length > 0,
      );
    // …and the one record the other parts do name is what the answer can give
    if (unnamedParts.length && !codes.length) {
      const one = projects.length === 1 ? { ...projects[0]!, kind: 'project' as const } : null;
      const alone = one ?? (objectives.length === 1 ? { ...objectives[0]!, kind: 'objective' as const } : null);
      if (alone) codes.push({ text: alone.title, code: alone.code, kind: alone.kind, doc: alone.doc });
    }
    // "A più B più C", "A plus B": records joined by a plus word, with nothing else asked, are summed
    joinedSum =
      aggregate === null &&
      codes.length >= 2 &&
      !compareAsked &&
      !alternativesGraded &&
      (hasAny(words, PLUS_JOINS) || moreAsPlus);
  }

  // "la fase più pesante dell'obiettivo sul monitoraggio dei cavalcavia": an objective named by its title's words,
  // for a ranking or a total over its phases (a plain lookup keeps its own title matching)
  // …or for a list of them bounded by a date ("le fasi dell'obiettivo sul parlamentino che si chiudono entro il 2020")
  const subRecordWords =
    targets.includes('phase') ||
    targets.includes('indicator') ||
    fields.includes('weight') ||
    // "pesa di più X o Y" where a phase's wording says "progetto": a weight ranked is a sub-record's
    gradation?.field === 'weight';
  // "differenza di peso tra la fase A e la fase B di X": two of its phases compared name the objective too
  const subRecordsJoined = compareAsked || minusJoined || moreAsPlus || hasAny(opWords, W.sum);
  // "X: A e B sommate?", "X: A vs B, quanti in più?": an objective's whole title written, and its phases or
  // indicators named by their words in the other parts, with no record word at all
  const subRecordsByWords = !subRecordWords && subRecordsJoined && !codes.length && !levels.length;
  const wantsSubRecords =
    subRecordsByWords ||
    ((superlative !== null || aggregate === 'sum' || aggregate === 'count' || dates.length > 0 || subRecordsJoined) &&
      subRecordWords);
  if (wantsSubRecords && !levels.length && !codes.some((c) => c.kind === 'objective')) {
    const files = docs.map((d) => d.file);
    // "l'obiettivo Smart working di X": of the objectives sharing a title, the named person's
    const owners = new Set(people.matches.map((m) => m.person.name));
    const ownedByNamed = owners.size
      ? (r: { code: string; doc: string }) =>
          (store.objectivesByCode.get(codeKey(r.code)) ?? []).some(
            (o) => o.doc === r.doc && o.owners.some((n) => owners.has(n)),
          )
      : undefined;
    // or its whole title written out, however short ("le fasi di Casa prima di tutto")
    const titled =
      objectiveNamedByWords(question, store, files) ??
      (codes.length
        ? undefined
        : (objectivesTitledIn(unquoted, store, files, ownedByNamed)[0] ??
          // one word of its own names the objective only when the question says it names an objective ("la fase più
          // pesante dell'obiettivo dei sottopassi"); "sulle biblioteche" alone is a topic
          // (a year that bounds a date is no word of a record's: "2020" in some indicator is not that record)
          objectiveNamedByRareWords(
            dates.length ? unquoted.replace(YEAR, ' ') : unquoted,
            store,
            files,
            // …or a project: an objective may be called one ("il progetto Le Storie")
            hasAny(words, [...TARGET_WORDS.objective, ...TARGET_WORDS.project]) ? 1 : 2,
            true,
          )));
    const objective =
      titled && subRecordsByWords
        ? store.objectives.find((o) => o.code === titled.code && o.doc === titled.doc)
        : undefined;
    const named =
      !subRecordsByWords ||
      (objective !== undefined &&
        (subRecordsNamedByParts(question, objective, 'phase') ??
          subRecordsNamedByParts(question, objective, 'indicator')) !== null);
    if (titled && named) codes.push({ text: titled.title, code: titled.code, kind: 'objective', doc: titled.doc });
  }
  // "X: pesa di più la fase A o quella sulla guardia di finanza?": one objective's sub-records compared or added, and a
  // part whose words the plans never write — that sub-record is not found, never left out of the comparison
  const oneObjective = codes.length === 1 && codes[0]!.kind === 'objective' ? codes[0]! : null;
  // (read word by word against the plans' own vocabulary only in the plans' language: an English question's words
  // are not the plans' even when they name what the plans hold)
  if (
    oneObjective &&
    lang === 'it' &&
    !unnamedParts.length &&
    (subRecordsAsked || subRecordWords) &&
    (compareAsked || alternativesGraded || moreAsPlus) &&
    // two parts at least, each saying something: a ranking's own words ("la fase più pesante") are no part
    partsOf(withoutText(unquoted, oneObjective.text)).filter((p) => contentTokens(p).length > 0).length >= 2
  )
    unnamedParts = partsNamingNothing(withoutText(unquoted, oneObjective.text), store, true);
  // "ludoteca quanto costa", "chi segue l'obiettivo sugli interventi in somma urgenza": one record named by its
  // title's words, for a figure or a name of that record
  // "chi …", "who …" with nobody named asks for the record's people
  // "chi è il direttore della X?": a role no record field holds is asked, so the record whose words recall X is not
  // named by them (decided before those words can add a code)
  const askedRole =
    people.matches.length || codes.length || meta ? null : askedRoleOf(words, ALL, (w) => placeWordsOf(vocab).has(w));
  // "chi …" with nobody named asks for the record's people; a kind of answer no field holds (whom a service is for, an
  // act, a purpose) is read from the record's sentences, not its fields
  // "entrate contro spese di X": both sides of a budget table set against each other are one record's fields, though
  // the question compares (the sides are compared, not two records)
  const sidesAsked = bothBudgetSides(question);
  const asksRecordField =
    (fields.some((f) => RECORD_FIELDS.has(f)) || targets.includes('person') || sidesAsked) &&
    !TEXT_ANSWER_TYPES.has(answerTypeOf(question) ?? 'who');
  if (
    asksRecordField &&
    !askedRole &&
    // "Luigi Verdi" names nobody of the plans: the record whose title holds "verde" is not what is asked
    !(people.unknownName && nameNeverWritten(store, people.unknownName)) &&
    !codes.length &&
    !levels.length &&
    !people.matches.length &&
    !allStructures.length &&
    superlative === null &&
    // "quante persone lavorano al progetto X": a count of one record's people names the record too
    (aggregate === null || (aggregate === 'count' && targets.includes('person'))) &&
    !amounts.length &&
    (!compareAsked || sidesAsked)
  ) {
    const files = docs.map((d) => d.file);
    // the entity's name ("di Borgoverde") is in titles by chance: it names no record
    const entityWords = new Set(named.flatMap((e) => wordsOf(e.entity).trim().split(' ')));
    const own = entityWords.size
      ? unquoted.replace(/\p{L}+/gu, (w) => (entityWords.has(fold(w)) ? ' '.repeat(w.length) : w))
      : unquoted;
    // an English question meets the Italian titles through the glossary ("the homeless project" → "senza dimora")
    const asked = lang === 'en' ? `${own} ${translateQuery(own)}` : own;
    const projects =
      wholeTitle?.kind === 'project'
        ? [wholeTitle]
        : store.projects.length
          ? projectsNamedByWords(asked, store, files)
          : [];
    // "le fasi dell'obiettivo sulla prevenzione socio-educativa dei gruppi giovanili": an objective whose title holds
    // more of the question's words than the one project two of them name is the record meant
    const most = projects.length === 1 && !wholeTitle ? recordOfMostTitleWords(asked, store, files) : null;
    const objective =
      wholeTitle?.kind === 'objective'
        ? wholeTitle
        : wholeTitle
          ? null
          : (objectivesTitledIn(asked, store, files)[0] ??
            objectiveNamedByRareWords(asked, store, files, 1) ??
            (most?.kind === 'objective' ? most : null));
    if (objective && most?.kind === 'objective' && objective.code === most.code) projects.length = 0;
    if (projects.length === 1 && !objective)
      codes.push({ text: projects[0]!.title, code: projects[0]!.code, kind: 'project', doc: projects[0]!.doc });
    else if (objective && !projects.length)
      codes.push({ text: objective.title, code: objective.code, kind: 'objective', doc: objective.doc });
  }
  // a field per date only when the question bounds both ("iniziano prima di…, finiscono dopo…"); otherwise the
  // question's date word decides for all of them
  if (new Set(dates.map((d) => d.field).filter(Boolean)).size < 2) for (const d of dates) delete d.field;
  const excludedPeople = peopleSetApart(
    words,
    people.matches.map((m) => m.person),
  );
  // "tutti gli obiettivi di X tranne quello sulla trasparenza": a record set apart by its title words, when nothing
  // else the exclusion names (a code, an entity, an office, a person) was set apart
  if (!excludedPeople.length && !structures.some((x) => x.excluded))
    for (const r of recordsApart) if (!excludedCodes.includes(r.code)) excludedCodes.push(r.code);
  const frame = asFrame({
    lang,
    text: question,
    entities: [...new Set(named.map((e) => e.entity))],
    excludedEntities: [...new Set(found.excludedEntities.map((e) => e.entity))],
    // "quali piani hai per X?": a place written bare asks for the plans of every entity of that place, not only the
    // default kind's that other questions read it as
    documents: all
      ? null
      : meta === 'help'
        ? [...new Set([...docs.map((d) => d.file), ...found.setAside.flatMap((e) => e.files)])]
        : docs.map((d) => d.file),
    levels: levels.map((l) => ({ level: l.level, label: l.label, docs: l.docs })),
    unknownEntity,
    years,
    uncoveredYear,
    dates,
    // a code set apart stays apart whatever else names it again ("VI - 2" read again as an objective's words);
    // "obiettivo strategico 01.01": the level's number is no code prefix of the records under it
    codes: codes.filter((c) => !excludedCodes.includes(c.code) && !levels.some((l) => l.number === c.text)),
    excludedCodes,
    unknownCodes,
    people: people.matches
      .filter((m) => !excludedPeople.includes(m.person.name))
      .map((m) => ({ name: m.person.name, key: m.person.key })),
    excludedPeople,
    unknownPerson: people.unknownName,
    structures,
    amounts,
    amountFields,
    amountPercent,
    staffRelations: staffRelationsIn(words, store),
    targets,
    fields,
    superlative: superlative && ordinal ? { ...superlative, k: Math.max(superlative.k, ordinal) } : superlative,
    ordinal,
    // "budget minimo e massimo": a superlative word of each direction, and no top-k
    // ("dal più caro al meno caro", "from the highest to the lowest" asks for the whole order)
    bothEnds: maxAt >= 0 && minAt >= 0 && k === null && !wantsTop && !opensSpan(words, Math.min(maxAt, minAt)),
    rankedRecords,
    rankField: gradation?.field ?? null,
    gradedRecord: gradation?.record ?? null,
    // "A più B" adds: no comparative is asked
    more:
      !moreAsPlus &&
      hasAny(
        words,
        W.more.map((w) => `${w} `),
      ),
    without,
    present,
    multiYear: hasAny(words, W.multiYear) && !notMultiYear(words),
    notMultiYear: notMultiYear(words),
    aggregate: aggregate ?? (joinedSum || (moreAsPlus && codes.length > 0) ? 'sum' : null),
    compare:
      minusJoined ||
      ratioAsked ||
      hasAny(
        words,
        W.compare.filter((w) => !W.between.includes(w)).map((w) => `${w} `),
      ) ||
      // "totale tra A, B e C", "quante in tutto tra A e B": "tra" bounds the records of a sum, not a comparison
      (aggregate !== 'sum' &&
        !(aggregate === 'count' && hasAny(opWords, W.sum)) &&
        hasAny(
          words,
          W.between.map((w) => `${w} `),
        )) ||
      // "bigger than B": a comparison when no amount follows ("more than 10 phases" is a bound)
      (amounts.length === 0 &&
        hasAny(
          words,
          W.than.map((w) => `${w} `),
        )),
    unnamedParts,
    ratio: ratioAsked,
    // a quoted level title names the level, not words a record's title must hold
    quoted: [...question.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((q) => !namesALevel(q, levels)),
    // an English topic meets the Italian records through the glossary: "about minors" → "minori"
    topic: topicIn(lang === 'en' ? wordsOf(translateQuery(unquoted)) : words),
    titleTopic:
      aggregate === 'sum' || aggregate === 'count'
        ? topicOfTotal(words, structures, codes.length + people.matches.length + levels.length, store)
        : [],
    types,
    meta,
    askedRole,
    progress: hasAny(words, W.progress),
    nonZero,
    listAll:
      hasAny(words, W.listAll) ||
      (superlative === null &&
        aggregate === null &&
        uncoveredYear === null &&
        !amounts.length &&
        !codes.length &&
        !people.matches.length &&
        !allStructures.length &&
        bareListOf(words, targets, named)),
    perGroup: hasAny(words, W.each) || GROUPED_BY.test(words),
    eachOf: groupAfterEach(words),
    groupLevel:
      groupLevelIn(words) ??
      (superlative && !codes.length && !people.matches.length ? rankedLevelIn(words, levels) : null),
    whole: hasAny(words, W.whole),
  });
  return { frame, people, structures: allStructures, scope };
}

/** the packs' words for a plan as a whole and for its kinds ("piano", "PEG", "performance plan"), as single words */
const PLAN_NOUNS = [
  ...new Set(
    union((l) => [...(l.planNouns ?? []), ...Object.values(l.documentKinds).flat()]).flatMap((w) =>
      fold(w).trim().split(' '),
    ),
  ),
];

/** words that ask for a list and say nothing else ("mostrami", "which are") */
const LIST_ASKING = [
  'mostra',
  'elenc',
  'dimm',
  'dammi',
  'show',
  'list',
  'tell',
  'give',
  'quali',
  'which',
  'sono',
  'are',
];

/**
 * "obiettivi del Comune di X", "projects of the Provincia di Y": a kind of record and an entity, nothing else: every
 * record of that kind in that entity's plans.
 */
function bareListOf(words: string, targets: QueryTarget[], named: EntityName[]): boolean {
  if (!named.length || (targets[0] !== 'objective' && targets[0] !== 'project') || targets.length > 1) return false;
  const allowed = [
    ...TARGET_WORDS.objective,
    ...TARGET_WORDS.project,
    ...ENTITY_KINDS.flatMap(([, ws]) => ws),
    ...named.flatMap((e) => e.name.split(' ')),
    ...LIST_ASKING,
    // "objectives in the X PEG", "gli obiettivi del piano di X": the plan named as a whole
    ...PLAN_NOUNS,
  ];
  return words
    .trim()
    .split(' ')
    .every(
      (w) => STOPWORDS.has(w) || YEAR_WORD.test(w) || wordMatches(w, allowed) || allowed.some((a) => w.startsWith(a)),
    );
}
const YEAR_WORD = /^(19|20)\d{2}$/;

/**
 * The one objective whose title the question names by most of its content words (stemmed, at least three), or null
 * when none or several tie.
 */
function objectiveNamedByWords(
  question: string,
  store: PlanStore,
  files: string[],
): { code: string; title: string; doc: string } | null {
  // an English question meets Italian titles through the glossary's translations
  const asked = new Set(contentTokens(`${question} ${translateQuery(question)}`).map((t) => stem(t)));
  let best: { code: string; title: string; doc: string; hits: number } | null = null;
  let tie = false;
  const inFiles = files.length ? new Set(files) : null;
  // only titles sharing a stem with the question can score, read through the stem index in model order
  const titles = objectiveTitles(store);
  const hitsOf = titles.stems.hits(asked);
  for (const pos of Int32Array.from(hitsOf.keys()).sort()) {
    const o = store.objectives[pos]!;
    if (inFiles && !inFiles.has(o.doc)) continue;
    const hits = hitsOf.get(pos)!;
    if (hits < 3 || hits * 2 < titles.stems.stemCount[pos]!) continue;
    if (best && hits === best.hits && best.code !== o.code) tie = true;
    if (!best || hits > best.hits) {
      best = { code: o.code, title: o.title, doc: o.doc, hits };
      tie = false;
    }
  }
  return best && !tie ? best : null;
}

/** the lexicon's words for kinds of record and their fields, as the question's own vocabulary */
const RECORD_WORDS = [...Object.values(TARGET_WORDS).flat(), ...Object.values(FIELD_WORDS).flat()].filter(
  (w) => !w.trim().includes(' '),
);
/** kinds of answer only a record's sentences hold, never one of its fields */
const TEXT_ANSWER_TYPES = new Set<AnswerType>([
  'beneficiary',
  'purpose',
  'law',
  'time',
  'place',
  'funding',
  'frequency',
]);

/** the fields one record holds: a question asking one of them of a record named by its words links that record */
/** The question names both sides of a budget table ("entrate" and "spese", "revenue" and "expense"). */
function bothBudgetSides(question: string): boolean {
  const kinds = askedColumnKinds(question);
  return kinds.includes('revenue') && kinds.includes('expense');
}

const RECORD_FIELDS = new Set<FieldWord>([
  'budget',
  'owner',
  'end',
  'start',
  'share',
  'staff',
  'target',
  'duration',
  'phases',
  'indicators',
]);
const projectTitleIndexes = new WeakMap<PlanStore, { stems: StemPostings; phrase: string[] }>();

/** Each project title's distinct stems → the projects' positions, built once per store (a thousand plans' titles). */
function projectTitleIndexOf(store: PlanStore): { stems: StemPostings; phrase: string[] } {
  let index = projectTitleIndexes.get(store);
  if (!index) {
    // each title as `wordsOf` writes it, so a question is matched against it without refolding per question
    const phrase = store.projects.map((p) => wordsOf(p.title).trim());
    index = { stems: new StemPostings(store.projects.map((p) => p.title)), phrase };
    projectTitleIndexes.set(store, index);
  }
  return index;
}

/**
 * The one project or objective whose whole title (two words or more) the question writes, the longest when titles
 * nest; null when none, or when two records share it.
 */
function recordTitledIn(
  question: string,
  store: PlanStore,
  files: string[],
): { code: string; title: string; doc: string; kind: 'project' | 'objective' } | null {
  const words = wordsOf(question);
  const inFiles = files.length ? new Set(files) : null;
  const index = projectTitleIndexOf(store);
  // a title written whole has all its stems in the question: only those are looked for
  const projects = index.stems
    .covered(stemsOf(question))
    .map((p) => ({ p: store.projects[p]!, phrase: index.phrase[p]! }))
    .filter(({ p, phrase }) => (!inFiles || inFiles.has(p.doc)) && phrase.includes(' '))
    .filter(({ phrase }) => phraseAt(words, `${phrase} `) >= 0)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const objective = objectivesTitledIn(question, store, files)[0];
  const objectivePhrase = objective ? wordsOf(objective.title).trim() : '';
  const top = projects[0];
  // two projects titled alike ("Reggiane Off" in two centres) name neither: the routes ask which one is meant
  if (top && projects[1]?.phrase.length === top.phrase.length) return null;
  if (top && objectivePhrase.length <= top.phrase.length)
    return objectivePhrase === top.phrase
      ? null
      : { code: top.p.code, title: top.p.title, doc: top.p.doc, kind: 'project' };
  return objective ? { ...objective, kind: 'objective' } : null;
}

/**
 * Each part the question's joining and comparison words cut holds words of the one title it writes most of, and the
 * parts name no two records of their own.
 */
function wordInsideTitle(question: string, store: PlanStore, files: string[]): boolean {
  const record = recordOfMostTitleWords(question, store, files);
  if (!record) return false;
  const title = stemsOf(record.title);
  const parts = partsOf(question).filter((p) => stemsOf(p).size > 0);
  if (parts.length < 2 || !parts.every((p) => [...stemsOf(p)].some((s) => title.has(s)))) return false;
  // the parts naming two records of their own are what is compared ("servizi di prossimità vs domiciliarità")
  const named = new Set(
    [...projectsNamedByWords(question, store, files), ...objectivesNamedByParts(question, store, files)].map(
      (r) => `${r.doc}\u0000${r.code}`,
    ),
  );
  return named.size < 2;
}

type TitledKind = { code: string; title: string; doc: string; kind: 'project' | 'objective' };

/** title words a question must write for a record to be named by them over an office its words recall */
const MOST_TITLE_WORDS = 3;

/**
 * The one project or objective whose title holds the most of the question's content words, three at least, more
 * than half of them and more than any other record's; null when none or tied. Read through the title stem indexes
 * (never a scan of the titles).
 */
function recordOfMostTitleWords(question: string, store: PlanStore, files: string[]): TitledKind | null {
  const asked = stemsOf(question);
  const inFiles = files.length ? new Set(files) : null;
  let best: TitledKind | null = null;
  let most = MOST_TITLE_WORDS - 1;
  let tie = false;
  const consider = (record: TitledKind, hits: number) => {
    if (hits < most || (inFiles && !inFiles.has(record.doc))) return;
    if (best && hits === most && record.code !== best.code) tie = true;
    if (hits > most) {
      best = record;
      most = hits;
      tie = false;
    }
  };
  for (const [p, hits] of projectTitleIndexOf(store).stems.hits(asked)) {
    const { code, title, doc } = store.projects[p]!;
    consider({ code, title, doc, kind: 'project' }, hits);
  }
  const objectives = objectiveTitles(store);
  for (const [p, hits] of objectives.stems.hits(asked))
    consider({ ...objectives.records[p]!, kind: 'objective' }, hits);
  // most of the question is that title ("scadenza per costituire il tavolo tecnico tra ASL e distretti sociali"
  // shares three words with a title, but asks of a phase its other words name)
  return tie || most * 2 <= asked.size ? null : best;
}

/**
 * The words of a part written as names, folded: in capitals ("SIPROIMI"), with a capital inside ("DTutti"), or with
 * an initial capital past the question's first word (which has its capital from the sentence).
 */
function wordsWrittenAsNames(part: string, opensQuestion: boolean): Set<string> {
  const raw = part
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return new Set(
    raw
      .filter(
        (w, i) =>
          /^\p{Lu}{3,}$/u.test(w) || /^\p{L}+\p{Lu}/u.test(w) || (/^\p{Lu}/u.test(w) && !(opensQuestion && i === 0)),
      )
      .map(fold),
  );
}

/**
 * Projects named by their titles, one per part of the question split at "e" / "and" / commas: in each part, the
 * project whose title holds the most of the part's content words (at least two), when no other holds as many.
 */
function projectsNamedByWords(
  question: string,
  store: PlanStore,
  files: string[],
): { code: string; title: string; doc: string }[] {
  const parts = partsOf(question);
  const index = projectTitleIndexOf(store);
  // a budget is a project's figure: a question about one names projects as much as "il progetto" does
  const namesProject = hasAny(wordsOf(question), [...TARGET_WORDS.project, ...FIELD_WORDS.budget]);
  const inFiles = files.length ? new Set(files) : null;
  const out: { code: string; title: string; doc: string }[] = [];
  for (const [i, part] of parts.entries()) {
    const asked = stemsOf(part);
    // "SIPROIMI + FAMI", "DTutti plus Mondinsieme": a word written as a name names a project as "il progetto" does
    const asNames = wordsWrittenAsNames(part, i === 0);
    // only projects sharing a stem with this part can score: count the shared stems through the index
    const hitsOf = index.stems.hits(asked);
    let best: { code: string; title: string; doc: string; hits: number } | null = null;
    let tie = false;
    // a word no other record uses in any of its names ("Ludobus", "Spazio13") names its project alone
    const rareHit = new Set<number>();
    for (const t of contentTokens(part)) {
      const s = stem(t);
      const holders = index.stems.byStem.get(s) ?? [];
      const only = holders.length === 1 ? store.projects[holders[0]!]! : null;
      if (only && distinctiveOwners(store).get(s) === ownerKey(only.doc, only.code)) {
        rareHit.add(holders[0]!);
        continue;
      }
      // …or a word written as only this project's title writes it, when the question says it names a project ("il
      // progetto sui senza dimora": objectives of other projects may use the word too; "FAMILIA" is not "familiari";
      // "partecipate" is not "partecipazione"), and no objective of no project writes it (never a word an objective
      // of no project has in its title: "il progetto Le Storie per adolescenti" is an objective called a project)
      if (!namesProject && !asNames.has(fold(t))) continue;
      const word = ` ${fold(t)} `;
      const exact = holders.filter((h) => wordsOf(store.projects[h]!.title).includes(word));
      if (
        exact.length === 1 &&
        (objectiveTitles(store).stems.byStem.get(s) ?? []).every(
          (o) =>
            store.projectOf(store.objectives[o]!) !== undefined || !wordsOf(store.objectives[o]!.title).includes(word),
        )
      )
        rareHit.add(exact[0]!);
    }
    // words of their own for two records name no one of them alone
    if (ownersNamedIn(asked, store).size > 1) rareHit.clear();
    for (const [pos, hits] of hitsOf) {
      const p = store.projects[pos]!;
      if ((hits < 2 && !rareHit.has(pos)) || (inFiles && !inFiles.has(p.doc))) continue;
      if (best && hits === best.hits) tie = true;
      if (!best || hits > best.hits) {
        best = { code: p.code, title: p.title, doc: p.doc, hits };
        tie = false;
      }
    }
    if (best && !tie && !out.some((o) => o.code === best.code)) out.push(best);
  }
  return out;
}

/**
 * Structures named by code after a structure word, several at once: "CdR 85 e 87", "centri 85, 87". Codes are the
 * model's own; a name said in full ("settore vi") counts too.
 */
function structuresByCodes(words: string, store: PlanStore, files: string[], comparing = false): Structure[] {
  const index = structureIndexOf(store);
  const inFiles = new Set(files);
  const inScope = (p: number) => inFiles.has(index.structures[p]!.doc);
  const out: Structure[] = [];
  for (const w of STRUCTURE_WORDS) {
    let at = phraseAt(words, `${w} `);
    while (at >= 0) {
      const tail = words
        .slice(at + w.length)
        .trim()
        .split(' ')
        .slice(0, 8);
      for (const token of tail) {
        if (CODE_LIST_FILLERS.has(token)) continue;
        // "il settore sesto": an ordinal word names the structure numbered so ("SETTORE VI")
        const numbered = ORDINAL_NUMBERS.get(token);
        const hit = (
          index.byCode.get(token) ??
          (numbered ? index.byCode.get(String(numbered)) : undefined) ??
          []
        ).filter(inScope);
        if (!hit.length) break;
        for (const p of hit) out.push(index.structures[p]!);
      }
      at = phraseAt(words, `${w} `, at + 1);
    }
  }
  // "which service has the bigger total, 85 or 87?": two codes of one plan's structures offered as alternatives, in
  // a question that speaks of structures
  if (out.length < 2 && hasAny(words, TARGET_WORDS.structure)) {
    const tokens = words.trim().split(' ');
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!ALTERNATIVE_JOINS.has(tokens[i + 1]!)) continue;
      const a = (index.byCode.get(tokens[i]!) ?? []).filter(inScope);
      const b = (index.byCode.get(tokens[i + 2]!) ?? []).filter(inScope);
      const pairs = a.flatMap((x) =>
        b.filter((y) => index.structures[y]!.doc === index.structures[x]!.doc).map((y) => [x, y]),
      );
      if (pairs.length !== 1) continue;
      for (const p of pairs[0]!) if (!out.includes(index.structures[p]!)) out.push(index.structures[p]!);
    }
  }
  // "il CdR 87 rispetto all'85", "CdR 85 than 87": in a comparison, a bare code of another structure of the same plan
  // names that one too
  if (out.length === 1 && out[0]!.code && comparing) {
    const first = out[0]!;
    for (const token of new Set(words.trim().split(' '))) {
      if (token === fold(first.code!)) continue;
      const other = (index.byCode.get(token) ?? []).map((p) => index.structures[p]!).filter((x) => x.doc === first.doc);
      if (other.length === 1 && !out.includes(other[0]!)) out.push(other[0]!);
    }
  }
  // a name with a dotted acronym ("Corpo P.M") named by the words it abbreviates ("Polizia Municipale"), then a
  // name said in full
  for (const found of [acronymsIn(words, index), namesIn(words, index)]) {
    for (const p of inModelOrder(found.filter(inScope))) {
      const s = index.structures[p]!;
      if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}
/** the packs' ordinal words with their number ("sesto" → 6), for structures numbered by a roman numeral */
const ORDINAL_NUMBERS = new Map(
  ALL.flatMap((l) => Object.entries({ ...l.ordinals, ...l.periodOrdinals })).filter(([, n]) => n > 0),
);
const STRUCTURE_WORDS = [
  'cdr',
  'centro di responsabilita',
  'centri di responsabilita',
  'centro',
  'centri',
  'centre',
  'center',
  'settore',
  'servizio',
];

/**
 * words that may stand between the codes a structure word lists ("CdR 85 e 87", "servizio 85 o l'87"): the joining
 * and alternative words and the articles of the language packs
 */
const CODE_LIST_FILLERS = new Set([
  'n',
  'nr',
  'numero',
  'l',
  ...union((l) => [...l.betweenJoin, ...l.alternatives, ...(l.amountArticles ?? []), ...l.exclusionFillers]),
  // "CdR 85 + 87" ("85 sommato a 87"): the plus words join the codes of a list too, but for those that also bound a
  // figure ("più" is "plus" and "more": "il centro 41 con più di 42 mila euro" lists one centre)
  ...union((l) => l.plus ?? [])
    .flatMap((w) => w.split(' '))
    .filter((w) => !union((l) => [...l.more, ...l.gt]).some((m) => m.split(' ').includes(w))),
]);

/** the words of a comparison: another structure's bare code beside them is named too */
/** the words of the records a level holds: a bare level title scopes a list of them */
const RECORD_LIST_WORDS = [...TARGET_WORDS.objective, ...TARGET_WORDS.project];
const COMPARING_WORDS = [...W.compare, ...W.more, ...W.less, ...W.than].map((w) => `${w} `);

/** the words that offer two codes as alternatives or join them: "85 or 87", "85 e 87" */
const ALTERNATIVE_JOINS = new Set(union((l) => [...l.betweenJoin, ...l.alternatives]));

/** the last word of each structure word: a number right after one is a structure's code */
const STRUCTURE_LAST_WORDS = new Set(STRUCTURE_WORDS.map((w) => w.split(' ').at(-1)!));

/** a structure set apart may be named with its kind word ("escluso il CdR 41") */
const STRUCTURE_FILLERS = exclusionFillers(STRUCTURE_WORDS);

/** The structure's mention (its code or its name) follows an exclusion word: "escluso il CdR 85", "except Sport". */
function structureSetApart(words: string, s: Structure): boolean {
  const candidates = [
    ...(s.code ? [phraseAt(words, `${fold(s.code)} `)] : []),
    phraseAt(words, `${wordsOf(s.name).trim()} `),
  ].filter((at) => at >= 0);
  return candidates.length > 0 && followsExclusion(words, Math.min(...candidates), STRUCTURE_FILLERS);
}

/**
 * A place shared by two entities is read as the default kind's ("a Borgoverde": the comune), unless the question names in
 * full a structure only the other one has ("la Polizia Provinciale di Borgoverde"): then that entity is meant.
 */
function entityOfNamedStructure(
  question: string,
  store: PlanStore,
  found: QuestionScope,
  officeWords: string,
): QuestionScope {
  if (!found.setAside.length) return found;
  const files = found.documents.map((d) => d.file);
  const scope = { docs: files, entity: null, year: null };
  if (findStructures(question, store, scope).length || structuresByCodes(officeWords, store, files).length)
    return found;
  const index = structureIndexOf(store);
  const aside = new Set(found.setAside.flatMap((e) => e.files));
  const named = structuresNamedInFull(question, index).filter((s) => aside.has(s.doc));
  if (!named.length) return found;
  const kinds = [
    ...new Set(found.setAside.filter((e) => e.files.some((f) => named.some((s) => s.doc === f))).map((e) => e.kind)),
  ];
  return kinds.length === 1 ? findQuestionScope(question, store, kinds[0]!) : found;
}

/** The padded words with every word a phrase of the list starts blanked. */
function withoutPhrases(words: string, phrases: readonly string[]): string {
  let out = words;
  for (const p of phrases) {
    let at = phraseAt(out, p);
    while (at >= 0) {
      const end = out.indexOf(' ', at + p.trim().length);
      out = out.slice(0, at) + ' '.repeat((end < 0 ? out.length : end) - at) + out.slice(end < 0 ? out.length : end);
      at = phraseAt(out, p, at + 1);
    }
  }
  return out;
}

/** a person set apart may be named with what they hold ("tranne quelli di X", "except those owned by X") */
const PERSON_FILLERS = exclusionFillers(['owned', 'by', 'da', 'della', 'dello', 'dal']);

/** The words of a person's names, three letters or more. */
const nameWordsOf = (person: Person) =>
  person.spellings.flatMap((s) => wordsOf(s).trim().split(' ')).filter((w) => w.length >= 3);

/** Where the person's first mention (any word of their name) stands; -1: none. */
function personAt(words: string, person: Person): number {
  const ats = nameWordsOf(person)
    .map((w) => phraseAt(words, `${w} `))
    .filter((at) => at >= 0);
  return ats.length ? Math.min(...ats) : -1;
}

const NAME_JOINERS = new Set(ALL.flatMap((l) => [...l.betweenJoin, ...l.alternatives]));

/**
 * The people set apart: whose first mention follows an exclusion ("tranne quelli di X", "non di X"), and those listed
 * right after one set apart, with only a comma or "e" / "and" between ("escluse Benedetti, Corradini e Guerra").
 */
function peopleSetApart(words: string, people: Person[]): string[] {
  const named = people
    .map((person) => ({ person, at: personAt(words, person) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  const out: string[] = [];
  let previous: { person: Person; at: number } | null = null;
  for (const x of named) {
    const between = previous ? words.slice(previous.at, x.at).trim().split(' ') : [];
    const listed =
      previous !== null &&
      out.includes(previous.person.name) &&
      between.every((w) => nameWordsOf(previous!.person).includes(w) || NAME_JOINERS.has(w));
    if (listed || followsExclusion(words, x.at, PERSON_FILLERS)) out.push(x.person.name);
    previous = x;
  }
  return out;
}

/** Where the first record word of any kind stands (-1: none). */
function leadTargetAt(words: string): number {
  const ats = Object.values(TARGET_WORDS)
    .map((ws) => firstAt(words, ws))
    .filter((at) => at >= 0);
  return ats.length ? Math.min(...ats) : -1;
}

/**
 * The one structure of the plans in scope that a distinctive word of the question names ("cultura" → "Cultura,
 * turismo e promozione del territorio"), when no other structure there has that word; null otherwise.
 */
function structureNamedByOneWord(
  folded: string,
  store: PlanStore,
  files: string[],
  entities: EntityName[],
): Structure | null {
  const index = structureIndexOf(store);
  const inFiles = new Set(files);
  const entityWords = new Set(entities.flatMap((e) => fold(e.name).split(/[^a-z0-9]+/)));
  const hits = new Set<number>();
  for (const stem of stemsIn(folded, index)) {
    if ([...entityWords].some((w) => w.startsWith(stem))) continue;
    const inScope = (index.byStem.get(stem) ?? []).filter((p) => inFiles.has(index.structures[p]!.doc));
    if (inScope.length === 1) hits.add(inScope[0]!);
  }
  return hits.size === 1 ? index.structures[[...hits][0]!]! : null;
}

/** Topic words after an "about" phrase, stemmed so "digitalizzazione" meets "digitalizzare". */
function topicIn(words: string): string[] {
  const hit = W.about.map((a) => ({ a, at: phraseAt(words, a) })).find((x) => x.at >= 0) ?? plannedForAt(words);
  if (!hit) return [];
  const rest = words.slice(hit.at + hit.a.length).replace(/^\S*/, '');
  return contentTokens(rest)
    .filter((w) => w.length > 3)
    .map((w) => stem(w));
}

/**
 * "quanto spende in tutto il servizio 87 per la domiciliarità?": a total over the one structure named, narrowed to its
 * records whose titles hold the words after a purpose word ("per", "for") — words some of its records' titles use,
 * not all of them, and no word of the question lexicon ("per CdR" splits, it does not narrow).
 */
function topicOfTotal(
  words: string,
  structures: { name: string; code: string | null; doc: string; excluded?: boolean }[],
  named: number,
  store: PlanStore,
): string[] {
  const office = structures.length === 1 && !structures[0]!.excluded && named === 0 ? structures[0]! : null;
  if (!office) return [];
  const at = firstAt(
    words,
    W.purpose.map((p) => ` ${p.trim()} `.trimStart()),
  );
  if (at < 0) return [];
  const titles = [
    ...store.projects.filter((p) => p.doc === office.doc && (office.code ? p.cdr === office.code : false)),
    ...store.objectives.filter((o) => o.doc === office.doc && o.structure === office.name),
  ].map((r) => new Set(contentTokens(r.title).map(stem)));
  if (titles.length < 2) return [];
  const rest = words.slice(at).trim().split(' ').slice(1).join(' ');
  return contentTokens(rest)
    .filter((w) => w.length > 3 && !RECORD_WORDS.some((r) => w.startsWith(r.trim())))
    .map(stem)
    .filter((st) => {
      const holders = titles.filter((t) => t.has(st)).length;
      return holders > 0 && holders < titles.length;
    });
}

/**
 * "cosa prevede il piano di X per gli anziani?", "what does X do for young people?": the purpose word after the
 * asking words, whose following words are the topic
 */
function plannedForAt(words: string): { a: string; at: number } | null {
  const asked = firstAt(words, W.plannedFor);
  if (asked < 0) return null;
  for (const p of W.purpose) {
    const at = phraseAt(words, `${p.trim()} `, asked);
    if (at >= 0) return { a: p.trim(), at };
  }
  return null;
}

const FIGURE_FIELDS = new Set<FieldWord>(['budget', 'weight', 'staff', 'target', 'phases', 'indicators']);
/** words of the figures a bare number may follow as their value */
const FIGURE_WORDS = (['budget', 'weight'] as FieldWord[]).flatMap((f) => FIELD_WORDS[f]);

/** A dotted number that begins a model code ("05.01.01" of 05.01.01.04) is that code's parent, not a date. */
function isCodePrefix(text: string, store: PlanStore): boolean {
  const prefix = `${fold(text)}.`;
  const codes = sortedObjectiveCodes(store);
  // the codes starting with the prefix sit together, from where the prefix would be inserted
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (codes[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return codes[lo]?.startsWith(prefix) ?? false;
}

const sortedCodes = new WeakMap<PlanStore, string[]>();

/** Every objective code, folded, sorted and without repeats: built once per store. */
function sortedObjectiveCodes(store: PlanStore): string[] {
  let codes = sortedCodes.get(store);
  if (!codes) {
    codes = [...new Set(store.objectives.map((o) => fold(o.code)))].sort();
    sortedCodes.set(store, codes);
  }
  return codes;
}

/** the packs' names for kinds of structure ("cost centres"): a field word inside one ("cost") asks for no figure */
const KIND_PHRASES = union((l) => (l.structureKinds ?? []).flatMap((k) => k.words)).filter((w) =>
  w.trim().includes(' '),
);

function fieldsIn(words: string): FieldWord[] {
  let read = words;
  for (const k of KIND_PHRASES) {
    const at = phraseAt(read, k);
    if (at >= 0) read = read.slice(0, at) + ' '.repeat(k.trim().length) + read.slice(at + k.trim().length);
  }
  return (Object.keys(FIELD_WORDS) as FieldWord[])
    .map((f) => ({ f, at: firstAt(read, FIELD_WORDS[f]) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.f);
}

const SINGULAR_ARTICLES = new Set(union((l) => l.singularArticles ?? []));
/** "il più caro dei progetti", "la più lunga delle fasi": an article for one record right before the superlative */
function singularArticleBefore(words: string, at: number): boolean {
  return at > 0 && at < words.length && SINGULAR_ARTICLES.has(words.slice(0, at).trim().split(' ').at(-1) ?? '');
}

/** Whether the record word the question leads with is plural ("i progetti più costosi": a list, not one). */
function pluralTarget(words: string, target: QueryTarget | undefined): boolean {
  if (!target) return false;
  const at = firstAt(words, TARGET_WORDS[target]);
  const word = words.slice(at, words.indexOf(' ', at));
  return PLURALS.has(word);
}
const PLURALS = new Set(
  [it, en].flatMap((p) => Object.values(p.messages.targetNames).map(([, plural]) => fold(plural))),
);

/** "non pluriennali", "not multi-year", "annuali": a negation right before the multi-year word, or its opposite. */
function notMultiYear(words: string): boolean {
  if (hasAny(words, W.singleYear)) return true;
  const at = firstAt(words, W.multiYear);
  if (at < 0) return false;
  const before = words.slice(0, at).trim().split(' ').slice(-2);
  return before.some((w) => W.negations.includes(w));
}

/** fields that are dates: "con scadenza…" bounds a date, it asks for no field to be present */
const DATE_FIELD_WORDS = new Set<FieldWord>(['start', 'end', 'duration']);
/** "gli obiettivi di X tranne quello sulla casa": only X's records can be the one set apart */
function ownedByPeople(store: PlanStore, matches: { person: Person }[]): (r: RecordApart) => boolean {
  const names = new Set(matches.map((m) => m.person.name));
  // read only when the question sets a record apart (most questions do not): every record is walked
  let owned: Set<string> | null = null;
  return (r) => {
    owned ??= new Set([
      ...store.objectives.filter((o) => o.owners.some((n) => names.has(n))).map((o) => ownerKey(o.doc, o.code)),
      ...store.projects.filter((p) => p.dirigente && names.has(p.dirigente)).map((p) => ownerKey(p.doc, p.code)),
    ]);
    return owned.has(ownerKey(r.doc, r.code));
  };
}

/**
 * words that name what a record is, not what it is about: its kind, and the kind of entity whose plan holds it
 * ("a parte quelli della Provincia" sets the provincia apart, not the records titled with "provinciale")
 */
const RECORD_KIND_WORDS = [
  ...TARGET_WORDS.project,
  ...TARGET_WORDS.objective,
  ...ENTITY_KINDS.flatMap(([, ws]) => ws),
  ...ALL.flatMap((l) => Object.values(l.entityKindAdjectives ?? {}).flat()),
];

/** words that end a title set apart: a condition follows ("tranne quello X con budget sopra …") */
const SET_APART_STOPS = [
  ...Object.values(FIELD_WORDS).flat(),
  ...W.without,
  ...W.noneOfIt,
  ...W.gt,
  ...W.lt,
  ...W.gte,
  ...W.lte,
  ...W.than,
];
/** words that stand between an exclusion and what it leaves out: "esclusi quelli senza budget" */
const PLAIN_FILLERS = exclusionFillers([]);
/** "escluso il progetto X", "except objective X": record words stand between an exclusion and a code */
const CODE_FILLERS = exclusionFillers([...TARGET_WORDS.project, ...TARGET_WORDS.objective]);

/**
 * Fields the records lack ("senza budget", "privi di fasi"), and fields they must have because the lack is set apart
 * ("lasciando fuori quelli senza importo", "excluding those with no budget").
 */
function withoutIn(words: string, ranked: FieldWord | null): { without: FieldWord[]; present: FieldWord[] } {
  const out: FieldWord[] = [];
  const present: FieldWord[] = [];
  // "esclusi quelli che non ne hanno", "ignoring the empty ones": the field ranked must have a value
  if (ranked && !DATE_FIELD_WORDS.has(ranked))
    for (const n of W.noneOfIt) {
      const at = phraseAt(words, `${n} `);
      if (at >= 0 && followsExclusion(words, at, PLAIN_FILLERS) && !present.includes(ranked)) present.push(ranked);
    }
  for (const w of W.without) {
    let at = phraseAt(words, w);
    while (at >= 0) {
      const after = words.slice(at + w.length, at + w.length + 40);
      const padded = ` ${after.trim()} `;
      const field = (Object.keys(FIELD_WORDS) as FieldWord[]).find((f) =>
        FIELD_WORDS[f].some((fw) => {
          const i = phraseAt(padded, fw);
          return i >= 0 && i <= 12;
        }),
      );
      if (field && followsExclusion(words, at, PLAIN_FILLERS)) {
        if (!present.includes(field)) present.push(field);
      } else if (field && !out.includes(field)) out.push(field);
      at = phraseAt(words, w, at + 1);
    }
  }
  // "il cui budget non è indicato", "whose budget is not stated": the lack said after the field word
  if (!hasAny(words, W.lackingAfter)) return { without: out, present: withHaving(words, out, present) };
  for (const f of Object.keys(FIELD_WORDS) as FieldWord[]) {
    if (out.includes(f) || present.includes(f)) continue;
    for (const fw of FIELD_WORDS[f]) {
      const at = phraseAt(words, fw);
      if (at < 0) continue;
      const next = ` ${words
        .slice(at)
        .trim()
        .split(' ')
        .slice(fw.trim().split(' ').length, 5)
        .filter((w) => !['e', 'è', 'sia', 'is', 'are', 'was', 'risulta', 'risultano'].includes(w))
        .join(' ')} `;
      if (W.lackingAfter.some((l) => phraseAt(next, l) === 1)) {
        out.push(f);
        break;
      }
    }
  }
  return { without: out, present: withHaving(words, out, present) };
}

/**
 * The fields asked present with the ones a having word names right before them ("con risorse finanziarie", "that
 * have indicators"), unless a lack of them is said after ("con budget non indicato").
 */
function withHaving(words: string, lacking: FieldWord[], present: FieldWord[]): FieldWord[] {
  const out = [...present];
  // "con risorse finanziarie", "that have indicators": a field word right after a having word (an article between)
  for (const h of W.having) {
    for (let at = phraseAt(words, `${h} `); at >= 0; at = phraseAt(words, `${h} `, at + 1)) {
      const next = words
        .slice(at + h.length)
        .trim()
        .split(' ')
        .filter((w, i, all) => !(i < all.length - 1 && ARTICLES.has(w)));
      const rest = ` ${next.slice(0, 4).join(' ')} `;
      const field = (Object.keys(FIELD_WORDS) as FieldWord[]).find(
        (f) =>
          !DATE_FIELD_WORDS.has(f) &&
          FIELD_WORDS[f].some((fw) => phraseAt(rest, fw) === 1 || rest.startsWith(` ${fw}`)),
      );
      if (field && !lacking.includes(field) && !out.includes(field)) out.push(field);
    }
  }
  return out;
}

/** after a range's first bound: the joining word and a second bound written as a percentage */
const PERCENT_RANGE_TAIL = /^\s+\p{L}{1,3}\s+(?:il\s+|l')?\d+(?:[.,]\d+)?\s*(?:%|percent|percento|per\s+cento)/u;

/**
 * Amounts with their comparison ("sopra 1 milione", "tra 100.000 e 280.000", "budget 0,00") and the k of a top-k
 * ("i 3 progetti", "top 5"). A bare number counts as an amount only when it is written as one (thousands, decimals,
 * a magnitude or a currency) or follows a comparison word.
 */
function amountsIn(
  scan: string,
  lex: Lexicon,
  fields: FieldWord[],
): {
  amounts: QuestionFrame['amounts'];
  amountFields: (FieldWord | null)[];
  amountPercent: boolean[];
  k: number | null;
} {
  // a bare number after "over" is an amount only when the question is about a figure ("citizens over 65" is not)
  const aboutFigures = fields.some((f) => FIGURE_FIELDS.has(f));
  // number words before a magnitude: "un milione" → "1 milione"
  // "centomila" → "cento mila" first, so that a range's ends share the magnitude ("da cinquanta a centomila")
  const glued = scan.replace(GLUED_MAGNITUDE, (m, n: string, mag: string) => `${n} ${mag}`.padEnd(m.length));
  // numbers written as one word: "fra trecentoventi e seicento mila euro" → "fra 320 e 600 mila euro"
  let text = NUMBER_PARTS.get(lex)?.length
    ? glued.replace(/\p{L}{4,}/gu, (w, at: number) => {
        // "per cento" is a percentage sign, not a hundred
        if (/\bper\s+$/.test(glued.slice(Math.max(0, at - 5), at))) return w;
        const n = compoundNumber(w, lex);
        return n === null ? w : String(n);
      })
    : glued;
  const magnitudes = Object.keys(MAGNITUDES).filter((m) => text.includes(` ${m}`));
  if (magnitudes.length)
    text = text.replace(
      RANGE_NUMBER_WORD,
      (_, open: string, w: string, join: string) => `${open} ${NUMBER_OF_WORD[w] ?? w} ${join} `,
    );
  // longest first: "half a million" before "a million"
  const numberWords = Object.entries(lex.numbers).sort(([a], [b]) => b.length - a.length);
  // "un milione e mezzo", "one and a half million": one and a half of the magnitude
  if (W.half.length && magnitudes.length) {
    const mags = magnitudes.map(escapeRegExp).join('|');
    const half = W.half.map(escapeRegExp).join('|');
    // "one and a half million": the number word before the half is a number
    const words = numberWords.map(([w]) => escapeRegExp(w)).join('|');
    text = text.replace(new RegExp(`\\b(${words}) (?=(?:${half}) )`, 'g'), (_, w: string) => `${lex.numbers[w]} `);
    text = text
      .replace(new RegExp(`\\b(\\d+) (${mags}) (?:${half})\\b`, 'g'), (_, n: string, mag: string) => `${n},5 ${mag}`)
      .replace(new RegExp(`\\b(\\d+) (?:${half}) (${mags})\\b`, 'g'), (_, n: string, mag: string) => `${n},5 ${mag}`);
  }
  if (magnitudes.length) {
    // whole words only: "the most" holds no magnitude "m"
    const patterns = magnitudePatternsOf(lex);
    text = text
      .replace(patterns.numbered, (_, w: string, mag: string) => `${lex.numbers[w] ?? w} ${mag}`)
      // an article before a magnitude is one of it: "sopra il milione"
      .replace(patterns.article, (_, _article: string, mag: string) => `1 ${mag}`);
    // "un milione e mezzo", "il milione e mezzo": the half after a magnitude the article or word just made a figure
    if (W.half.length)
      text = text.replace(
        new RegExp(`\\b(\\d+) (${alternation(magnitudes)}) (?:${alternation(W.half)})\\b`, 'g'),
        (_, n: string, mag: string) => `${n},5 ${mag}`,
      );
  }
  // "tra 200 e 300 mila", "da 500 a 600 mila": the second bound's magnitude is the first's too
  if (magnitudes.length)
    text = text.replace(
      RANGE_SHARED_MAGNITUDE,
      (_, open: string, a: string, join: string, b: string, mag: string) => `${open} ${a} ${mag} ${join} ${b} ${mag}`,
    );
  // "zero" is a figure ("budget pari a zero"); a number word before a record word or a superlative is the k of a
  // top-k ("i tre progetti", "the two largest")
  text = text.replace(/\bzero\b/g, '0   ');
  for (const [pattern, n] of NUMBER_WORD_PATTERNS)
    text = text.replace(pattern, (m, at: number) =>
      leadsRanking(wordsOf(text.slice(at + m.length, at + m.length + 24))) ||
      // "i primi cinque", "top five": a number word after a top word is the k
      W.topK.includes(
        wordsOf(text.slice(Math.max(0, at - 12), at))
          .trim()
          .split(' ')
          .at(-1) ?? '',
      ) ||
      unitDays(
        wordsOf(text.slice(at + m.length, at + m.length + 16))
          .trim()
          .split(' ')[0] ?? '',
      ) !== undefined
        ? String(n).padEnd(m.length)
        : m,
    );
  const amounts: QuestionFrame['amounts'] = [];
  const amountFields: (FieldWord | null)[] = [];
  const amountPercent: boolean[] = [];
  let k: number | null = null;
  let previousEnd = -1;
  // "almeno 1 milione ma meno di 2": a bare bound after one with a magnitude takes that magnitude
  let lastMagnitude: number | undefined;
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const end = start + raw.length;
    const after = wordsOf(text.slice(end, end + 16));
    const nextWord = after.trim().split(' ')[0] ?? '';
    const magnitude = MAGNITUDES[nextWord] ?? (nextWord.length > 3 ? MAGNITUDES[nextWord.slice(0, -1)] : undefined);
    // "sei mesi", "90 days": a length of time, in days, bounding a duration
    const days = magnitude ? undefined : unitDays(nextWord);
    const afterMagnitude = magnitude ? text.indexOf(nextWord, end) + nextWord.length : end;
    // "100%", "30 per cento": a percentage is a figure (a weight, a share), never the k of a top-k
    const percent =
      text[end] === '%' || ['percent', 'percento'].includes(nextWord) || after.trim().startsWith('per cento');
    // "tra 10 e 50%": the first bound of a range is the percentage its second bound is
    const rangeOfPercent = !percent && PERCENT_RANGE_TAIL.test(text.slice(end, end + 28));
    const currency =
      W.currency.includes(nextWord) || text.slice(Math.max(0, start - 2), start).includes('€') || percent;
    const formatted = /[.,]/.test(raw);
    const beforeWords = wordsOf(text.slice(Math.max(0, start - 28), start));
    // English writes thousands with commas: 400,000
    // English writes thousands with commas (400,000), and a comma before three digits is no Italian decimal of an
    // amount unless a magnitude follows ("1,500 milioni")
    const english = (lex === en.lexicon || !magnitude) && /^\d{1,3}(?:,\d{3})+$/.test(raw);
    const dotDecimal = /^\d+\.\d{1,2}$/.test(raw);
    const carried =
      !magnitude && !days && !formatted && lastMagnitude !== undefined && !isCountedWord(nextWord)
        ? lastMagnitude
        : undefined;
    const value =
      Number(english ? raw.replace(/,/g, '') : dotDecimal ? raw : raw.replace(/\./g, '').replace(',', '.')) *
      (magnitude ?? days ?? carried ?? 1);
    // "del servizio 85", "CdR 87", "tra i progetti del cdr n. 85": a number right after a structure word (or its "n.")
    // is its code, not an amount
    const kindWord = beforeWords
      .trim()
      .split(' ')
      .filter((w) => w !== 'n' && w !== 'nr')
      .at(-1);
    if (!formatted && !magnitude && !currency && STRUCTURE_LAST_WORDS.has(kindWord ?? '')) continue;
    // a small whole number before a record word, or after "top", may be the k of a top-k
    const mayBeK =
      !formatted &&
      !magnitude &&
      !days &&
      !currency &&
      value <= 50 &&
      (leadsRanking(after) || hasAny(` ${beforeWords.trim().split(' ').at(-1) ?? ''} `, W.topK));
    // the comparison before it only matters for a figure or a possible k: a bare number in a question on no figure
    // is skipped below, so long runs of digits cost no comparison lookups
    const peopleNext = PEOPLE_WORDS.some((w) => after.startsWith(` ${w}`));
    const needsOp =
      formatted ||
      magnitude !== undefined ||
      days !== undefined ||
      currency ||
      aboutFigures ||
      mayBeK ||
      peopleNext ||
      rangeOfPercent;
    let op: ReturnType<typeof amountOp> = null;
    if (needsOp) {
      // a bare number right after a figure's own word is that figure: "fasi con peso 50", "budget 0"
      // "pesano il 100%", "weighing the most": an article between the figure word and the number is skipped
      const lastWords = beforeWords
        .trim()
        .split(' ')
        .filter((w, i, all) => i < all.length - 1 || !ARTICLES.has(w));
      const lastWord = lastWords.at(-1) ?? '';
      const afterFigureWord =
        lastWord.length > 2 && FIGURE_WORDS.some((w) => lastWord.startsWith(w.trim()) && w.trim().length > 2);
      // "50 o più", "50 or more": words after the number make it a bound
      // "6 fasi o più", "six phases or more": the bound may follow the record word counted
      const tail = wordsOf(text.slice(afterMagnitude, afterMagnitude + 32))
        .trim()
        .split(' ')
        .filter((w) => !W.currency.includes(w))
        .filter((w, i) => i > 0 || !isCountedWord(w));
      const opensAfter = (phrases: string[]) => phrases.some((p) => `${tail.join(' ')} `.startsWith(`${p} `));
      const open = opensAfter(W.orMore) ? 'gte' : opensAfter(W.orLess) ? 'lte' : null;
      const bound = open ?? amountOp(beforeWords) ?? (afterFigureWord ? 'eq' : null);
      // "senza contare quelli sotto i 100.000": what is left is at or above it
      // in the same clause: "a parte quelli a zero, progetti sotto i 50.000" sets apart the zeros, not this bound
      const clause =
        text
          .slice(Math.max(0, start - 48), start)
          .split(/[,;:?!]/)
          .at(-1) ?? '';
      const excluded = bound !== null && hasAny(wordsOf(clause), W.exclude);
      op = excluded && bound ? (INVERSE[bound] ?? bound) : bound;
    }
    // "tra i due dirigenti", "the three offices": an article, a number, a word for people or offices: how many groups,
    // never an amount
    if (
      mayBeK &&
      AMOUNT_ARTICLES.has(beforeWords.trim().split(' ').at(-1) ?? '') &&
      GROUP_WORDS.some((w) => after.startsWith(` ${w}`))
    ) {
      if (op === null) k = value;
      continue;
    }
    // "più di 5 fasi", "esattamente 3 fasi", "tra 3 e 5 fasi" are bounds, not a top-k
    if (mayBeK && op === null) {
      k = value;
      continue;
    }
    // "più di 10 persone", "almeno 3 fasi": a number bounding what it counts is a figure whatever else is asked
    const ofPeople = op !== null && peopleNext;
    const countsNext = isCountedWord(nextWord) || TARGET_WORDS.person.some((w) => nextWord.startsWith(w.trim()));
    if (
      !formatted &&
      !magnitude &&
      !currency &&
      !(days && op) &&
      !(op === 'between' && rangeOfPercent) &&
      (!op || !(aboutFigures || countsNext || ofPeople))
    )
      continue;
    // "tra X e Y": the second bound of the previous amount
    // the first bound's magnitude or currency ("tra 100k e 600k", "tra 100 euro e 200 euro") is no gap
    const gap = wordsOf(text.slice(previousEnd, start))
      .trim()
      .split(' ')
      .filter(
        (w) =>
          !(w in MAGNITUDES) &&
          !W.currency.includes(w) &&
          // an article before either bound ("tra il 10 e il 20%"), never "a" ("da 500 a 600"), which joins them
          !(AMOUNT_ARTICLES.has(w) || (ARTICLES.has(w) && !RANGE_JOIN.includes(w))) &&
          !PERCENT_WORDS.includes(w),
      )
      .join(' ');
    const last = amounts.at(-1);
    if (last && last.op === 'between' && last.value2 === undefined && RANGE_JOIN.includes(gap)) {
      last.value2 = value;
      // "between 30 and 55 percent": the sign after the second bound is both bounds'
      if (percent) amountPercent[amounts.length - 1] = true;
      previousEnd = afterMagnitude;
      continue;
    }
    amounts.push({ op: op ?? 'eq', value });
    amountPercent.push(percent);
    lastMagnitude = magnitude ?? carried;
    // "supera il 10% delle risorse": a percentage is no amount of euros, so beside a budget word it is the share
    const near = fieldNear(text, start, afterMagnitude) ?? null;
    amountFields.push(days ? 'duration' : percent && (near === null || near === 'budget') ? 'share' : near);
    // "tra 100 mila e 200 mila": the joining word comes after the magnitude
    previousEnd = afterMagnitude;
  }
  // "tra X e Y" read as between only when the second bound came
  return {
    amounts: amounts.map((a) => (a.op === 'between' && a.value2 === undefined ? { ...a, op: 'eq' as const } : a)),
    amountFields,
    amountPercent,
    k,
  };
}

/**
 * The figure an amount bounds when the question names several ("più di 10 persone e budget sopra 500 mila"): a field
 * word right after it ("10 persone"), else the nearest one before it in the same clause ("budget sopra 500 mila").
 */
function fieldNear(text: string, start: number, end: number): FieldWord | undefined {
  const after = wordsOf(text.slice(end, end + 24))
    .trim()
    .split(' ')
    .filter((w) => !W.currency.includes(w))
    .slice(0, 2)
    .join(' ');
  const fields = Object.keys(FIELD_WORDS) as FieldWord[];
  const right = fields.find((f) => FIELD_WORDS[f].some((w) => phraseAt(` ${after} `, w) === 1));
  if (right) return right;
  // "più di 10 persone": people counted are the staff allocated
  if (TARGET_WORDS.person.some((w) => phraseAt(` ${after} `, w) === 1)) return 'staff';
  const clause =
    text
      .slice(Math.max(0, start - 40), start)
      .split(/[,;:?!]|\b(?:e|and|con|with)\b/)
      .at(-1) ?? '';
  const before = wordsOf(clause);
  let best: { f: FieldWord; at: number } | undefined;
  for (const f of fields)
    for (const w of FIELD_WORDS[f]) {
      const hit = lastBefore(before, [w], before.length);
      if (hit && (!best || hit.at > best.at)) best = { f, at: hit.at };
    }
  return best?.f;
}

/** Where a comparative word ("più", "fewer") stands right before a field word; -1 when nowhere. */
function fieldAfter(words: string, comparatives: string[]): number {
  for (const c of comparatives) {
    let at = phraseAt(words, `${c} `);
    while (at >= 0) {
      const after = words.slice(at + c.length);
      if (Object.values(FIELD_WORDS).some((ws) => ws.some((w) => after.startsWith(` ${w}`)))) return at;
      at = phraseAt(words, `${c} `, at + 1);
    }
  }
  return -1;
}

/**
 * The date field a start or end word names in the clause right before a date ("che iniziano prima di febbraio e
 * finiscono dopo novembre"): each bound its own field, when the question bounds both.
 */
function dateFieldBefore(text: string, at: number): { field?: 'start' | 'end' } {
  const clause = clauseBefore(text, at);
  const start = lastBefore(clause, FIELD_WORDS.start, clause.length)?.at ?? -1;
  const end = lastBefore(clause, FIELD_WORDS.end, clause.length)?.at ?? -1;
  if (start < 0 && end < 0) return {};
  return { field: start > end ? 'start' : 'end' };
}

/** The words of the clause that ends where a date starts (cut at "e", "ma", a comma). */
function clauseBefore(text: string, at: number): string {
  return wordsOf(
    text
      .slice(Math.max(0, at - 40), at)
      .split(/\b(?:e|and|ma|but)\b|[,;]/)
      .at(-1) ?? '',
  );
}

const STILL = union((l) => l.stillWords ?? []);
const NEGATED: Partial<Record<DateOp, DateOp>> = { lte: 'gt', lt: 'gte', gte: 'lt', gt: 'lte' };
type DateOp = QuestionFrame['dates'][number]['op'];

/**
 * A date bound turned round by a negation before its start or end word: "non ancora scadute al 31/12/2020" (not yet
 * ended on that day) are the records that end after it, "not finished by June" those that end later; a bare "non …
 * il 31/12" (a day other than that) stays as read.
 */
function negatedBound(text: string, at: number, op: DateOp): DateOp {
  const clause = clauseBefore(text, at);
  const field = Math.max(
    lastBefore(clause, FIELD_WORDS.end, clause.length)?.at ?? -1,
    lastBefore(clause, FIELD_WORDS.start, clause.length)?.at ?? -1,
  );
  if (field < 0) return op;
  const lead = clause.slice(0, field).trim().split(' ').slice(-4);
  if (!lead.some((w) => W.negations.includes(w))) return op;
  if (op === 'eq' || op === 'lte') return lead.some((w) => STILL.includes(w)) || op === 'lte' ? 'gt' : op;
  return NEGATED[op] ?? op;
}

/** The earlier of two positions that may be -1. */
function firstOf(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** record kinds a superlative ranks */
const RANKED_RECORD_WORDS = (['objective', 'project', 'phase', 'indicator'] as QueryTarget[]).flatMap((t) =>
  TARGET_WORDS[t].map((w) => w.trim()),
);
/** words after "più" that make it no superlative: an operator ("più di"), a number, a conjunction */
const NOT_ADJECTIVE = new Set(['di', 'del', 'della', 'dei', 'delle', 'che', 'than', 'of', 'e', 'o', 'and', 'or']);

/**
 * Where a comparative stands between a record word and a word that is no operator ("il progetto più oneroso",
 * "la fase meno impegnativa", "l'obiettivo più ambizioso"): a superlative whose adjective the lexicon need not know.
 */
function adjectiveAfterRecord(words: string, comparatives: string[]): number {
  for (const c of comparatives) {
    let at = phraseAt(words, `${c} `);
    while (at >= 0) {
      const before = words.slice(0, at).trim().split(' ').at(-1) ?? '';
      const next =
        words
          .slice(at + c.length)
          .trim()
          .split(' ')[0] ?? '';
      if (
        RANKED_RECORD_WORDS.some((r) => before.startsWith(r)) &&
        /^[a-z]{3,}$/.test(next) &&
        !NOT_ADJECTIVE.has(next) &&
        !STOPWORDS.has(next)
      )
        return at;
      at = phraseAt(words, `${c} `, at + 1);
    }
  }
  return -1;
}

/** words that say a number is a percentage ("30 per cento", "30 percent") */
const PERCENT_WORDS = ['per', 'percent', 'percento', 'cento'];
const ARTICLES = new Set(['il', 'lo', 'la', 'l', 'i', 'gli', 'le', 'un', 'una', 'the', 'a', 'an']);

/** words after an order adverb that make it a date's bound or an ordinal: "prima di luglio", "dopo novembre" */
const BOUNDED_NEXT = new Set([
  ...NOT_ADJECTIVE,
  ...ARTICLES,
  ...MONTHS,
  ...ALL.flatMap((l) => (l.periods ?? []).flatMap((p) => p.words)),
]);

/**
 * Where an order adverb stands at the end of its clause ("finisce prima?", "parte dopo?", "ends first"): nothing
 * after it but words that bound no date ("prima di luglio", "dopo novembre", "dopo il 2020", "la prima fase", "la
 * prima metà" are no ranking).
 */
function orderAdverbAt(words: string, adverbs: string[]): number {
  for (const a of adverbs) {
    let at = phraseAt(words, `${a} `);
    while (at >= 0) {
      const next =
        words
          .slice(at + a.length)
          .trim()
          .split(' ')[0] ?? '';
      const follows =
        next === '' ||
        !(BOUNDED_NEXT.has(next) || /\d/.test(next) || RANKED_RECORD_WORDS.some((r) => next.startsWith(r)));
      if (follows && !['il', 'the', 'la', 'per'].includes(words.slice(0, at).trim().split(' ').at(-1) ?? '')) return at;
      at = phraseAt(words, `${a} `, at + 1);
    }
  }
  return -1;
}

/** Where a "rank by" word stands with a field word within the next two words ("per budget", "by weight"); -1: none. */
function rankByAt(words: string): number {
  for (const b of W.rankBy) {
    let at = phraseAt(words, `${b} `);
    while (at >= 0) {
      const next = words
        .slice(at + b.length)
        .trim()
        .split(' ');
      // "per numero di fasi", "by number of phases": a count marker and its preposition stand before the field
      const from = COUNT_MARKER_WORDS.has(next[0] ?? '') && next.length > 2 ? 2 : 0;
      const after = ` ${next.slice(from, from + 3).join(' ')} `;
      const field = (Object.keys(FIELD_WORDS) as FieldWord[]).some(
        (f) =>
          f !== 'end' &&
          f !== 'start' &&
          FIELD_WORDS[f].some((w) => phraseAt(after, w) >= 0 && phraseAt(after, w) <= 5),
      );
      if (field) return at;
      at = phraseAt(words, `${b} `, at + 1);
    }
  }
  return -1;
}

const COUNT_MARKER_WORDS: ReadonlySet<string> = new Set(ALL.flatMap((l) => l.countMarkers ?? []));

/** "the whole ranking" when the question asks for an order, not a top: enough for any plan's list */
const RANK_ALL = 40;
const FROM_END: Record<string, number> = Object.assign({}, ...ALL.map((l) => l.ordinalsFromEnd ?? {}));
const FROM_END_WORDS = Object.keys(FROM_END).map((w) => `${w} `);
// a place counted from the bottom is a place too: which end it counts from is the last place's ("penultimo")
const ORDINALS: Record<string, number> = Object.assign({}, ...ALL.map((l) => l.ordinals), FROM_END);
const ORDINAL_WORDS = Object.keys(ORDINALS).map((w) => `${w} `);

const ZERO = /\bzer(?:o|i|os)\b/g;
/** "che non sia zero", "budgets that are not zero": a negation word among the three words before a zero. */
function negatedZero(words: string): boolean {
  for (const m of words.matchAll(ZERO)) {
    const before = words.slice(0, m.index).trim().split(' ').slice(-3);
    if (before.some((w) => W.negations.includes(w))) return true;
  }
  return false;
}

/** The place an ordinal word names ("secondo", "third") when a record or superlative word follows it. */
function ordinalIn(words: string): number | null {
  for (const [word, n] of Object.entries(ORDINALS)) {
    let at = phraseAt(words, `${word} `);
    while (at >= 0) {
      const after = words.slice(at + word.length, at + word.length + 30);
      // "the second most expensive": a "most" / "più" between the ordinal and the superlative
      // "il terzo per stanziamento", "the third by budget": a place in a ranking by a field
      if (leadsRanking(after) || leadsRanking(after.replace(/^ (most|piu|the) /, ' ')) || rankByAt(after) === 1)
        return n;
      at = phraseAt(words, `${word} `, at + 1);
    }
  }
  return null;
}

/** Whether words start with a record word or a superlative: what follows the k of a top-k. */
function leadsRanking(after: string): boolean {
  const starts = (w: string) => after.startsWith(` ${w}`);
  return (
    Object.values(TARGET_WORDS).some((ws) => ws.some(starts)) ||
    W.max.some(starts) ||
    W.min.some(starts) ||
    // "le 2 azioni più finanziate": a level of the budget tree ranked by its stated totals
    LEVEL_WORDS.some((l) => l.words.some(starts))
  );
}

const SINCE_OPENERS = W.since.map((w) => `${w.trim()} `);
/** words for people and offices, without interrogatives: what a number before them counts */
const GROUP_WORDS = [...TARGET_WORDS.person, ...TARGET_WORDS.structure].filter((w) => w.trim().length > 3);

/** record and field stems of one word: what a number may count ("6 fasi", "six phases") */
// offices are not among them: "tra i totali dei due CdR" names two offices, it bounds nothing
const COUNTED_STEMS = [
  ...(Object.keys(TARGET_WORDS) as QueryTarget[]).filter((t) => t !== 'structure').map((t) => TARGET_WORDS[t]),
  ...Object.values(FIELD_WORDS),
]
  .flat()
  .map((x) => x.trim())
  .filter((x) => x.length > 2 && !x.includes(' '));

function isCountedWord(w: string): boolean {
  return COUNTED_STEMS.some((x) => w.startsWith(x));
}

const INVERSE: Partial<Record<Op, Op>> = { gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' };

function amountOp(beforeWords: string): Op | null {
  const candidates = [
    { op: 'gt' as const, hit: lastBefore(beforeWords, W.gt, beforeWords.length) },
    { op: 'lt' as const, hit: lastBefore(beforeWords, W.lt, beforeWords.length) },
    { op: 'eq' as const, hit: lastBefore(beforeWords, W.eq, beforeWords.length) },
    { op: 'gte' as const, hit: lastBefore(beforeWords, W.gte, beforeWords.length) },
    { op: 'lte' as const, hit: lastBefore(beforeWords, W.lte, beforeWords.length) },
    {
      op: 'between' as const,
      hit: lastBefore(
        beforeWords,
        W.between.map((w) => `${w} `),
        beforeWords.length,
      ),
    },
    // "da 500 a 600 mila": a range opened like a span of dates; read as between only when its second bound comes
    { op: 'between' as const, hit: lastBefore(beforeWords, SINCE_OPENERS, beforeWords.length) },
  ].filter((c) => c.hit);
  if (!candidates.length) return null;
  // the phrase nearest the number wins; of two ending there, the longer ("non più di" over "più di")
  const endOf = (c: (typeof candidates)[number]) => c.hit!.at + c.hit!.phrase.trim().length;
  candidates.sort((a, b) => endOf(b) - endOf(a) || b.hit!.phrase.length - a.hit!.phrase.length);
  const best = candidates[0]!;
  // "che non superano i 50.000", "che non pesano più di 15": a negation up to two words before a bound turns it
  // round (a phrase that holds its own negation, "non più di", is already the bound it says)
  const lead = beforeWords.slice(0, best.hit!.at).trim().split(' ').slice(-2);
  const negated =
    best.op !== 'between' &&
    best.op !== 'eq' &&
    !W.negations.some((n) => best.hit!.phrase.trim().startsWith(`${n} `)) &&
    lead.some((w) => W.negations.includes(w));
  return negated ? (INVERSE[best.op] ?? best.op) : best.op;
}

const SINCE_WORDS = new Set(W.since.map((w) => w.trim()));

/** Whether the words right before a position open a span ("dal più caro", "from the highest"): an order is asked. */
function opensSpan(words: string, at: number): boolean {
  const before = words.slice(0, at).trim().split(' ').slice(-2);
  return before.some((w) => SINCE_WORDS.has(w));
}

const ACCENTS: Record<string, string> = { a: 'àá', e: 'èé', i: 'ìí', o: 'òó', u: 'ùú' };
const asWritten = (w: string) => escapeRegExp(w).replace(/[aeiou]/g, (v) => `[${v}${ACCENTS[v]}]`);
/**
 * A comparative ("più", "meno", "bigger"), at most two words, then a word that names what it is compared with ("di",
 * "than"): where a question names its second record, as written (accents and all)
 */
const COMPARED_WITH = new RegExp(
  `(?<![\\p{L}\\d])(?:${[...W.more, ...W.less]
    .map((w) => w.trim())
    .sort((a, b) => b.length - a.length)
    .map(asWritten)
    .join('|')})(?:\\s+[\\p{L}']+){0,2}?\\s+(?:${union((l) => l.comparedWith ?? [])
    .sort((a, b) => b.length - a.length)
    .map(asWritten)
    .join('|')})(?![\\p{L}\\d])`,
  'iu',
);

/**
 * A comparative complete in itself ("di più", "in meno"), then what is compared — a few words — and a word naming what
 * it is compared with: "costa di più la residenzialità anziani della domiciliarità disabili?"
 */
const LED_COMPARED_WITH = new RegExp(
  `(?<![\\p{L}\\d])(?:${union((l) => l.comparativeLeads ?? [])
    .map(asWritten)
    .join('|')})\\s+(?:${[...W.more, ...W.less]
    .map((w) => w.trim())
    .filter((w) => !w.includes(' '))
    .map(asWritten)
    .join('|')})\\s+((?:[\\p{L}']+\\s+){1,6}?)(?:${union((l) => l.comparedWith ?? [])
    .sort((a, b) => b.length - a.length)
    .map(asWritten)
    .join('|')})(?![\\p{L}\\d])`,
  'iu',
);

/**
 * The question with its comparative span ("è più caro di") turned into a separator; for a comparative complete in
 * itself ("di più A della B"), one split per word after it that may name the second record (a title may hold "di"
 * too), nearest first. Empty when it has none.
 */
function splitsAtComparedWith(question: string): string[] {
  const m = COMPARED_WITH.exec(question);
  const plain = m ? [`${question.slice(0, m.index)} , ${question.slice(m.index + m[0].length)}`] : [];
  // "in meno la violenza di genere del X": a comparative complete in itself is read first
  const led = LED_COMPARED_WITH.exec(question);
  if (!led) return plain;
  // the words after the comparative ("di più"): each whole "di" / "del" … among the next few is a split of its own
  const from = led.index + led[0].length - led[0].replace(/^.*?\s+\S+\s+/su, '').length;
  const out: string[] = [];
  const word = /[\p{L}']+/gu;
  word.lastIndex = from;
  for (let n = 0, w = word.exec(question); w && n < 8; n++, w = word.exec(question)) {
    if (n === 0 || !COMPARED_WITH_WORDS.has(fold(w[0]))) continue;
    out.push(
      `${question.slice(0, from)} , ${question.slice(from, w.index)} , ${question.slice(w.index + w[0].length)}`,
    );
  }
  return [...out, ...plain];
}

/**
 * The question with the names of the structures it names blanked out, where written whole ("del servizio servizi
 * sociali"): a structure that is the whole of a share names no record of its own words.
 */
function withoutNames(question: string, names: string[]): string {
  const folded = fold(question);
  // folding keeps each letter in place for the plans' alphabet; a question it does not is read as written
  if (folded.length !== question.length) return question;
  let out = question;
  for (const name of names) {
    const n = fold(name).trim();
    let at = folded.indexOf(n);
    while (at >= 0) {
      const edge = (i: number) => i < 0 || i >= folded.length || !/[\p{L}\d]/u.test(folded[i]!);
      if (edge(at - 1) && edge(at + n.length))
        out = `${out.slice(0, at)}${' '.repeat(n.length)}${out.slice(at + n.length)}`;
      at = folded.indexOf(n, at + 1);
    }
  }
  return out;
}

/** words a comparative grades when they follow it: fields, their graded stems, record words, other comparatives */
const GRADED_AFTER = [
  ...Object.values(FIELD_WORDS).flat(),
  ...union((l) => Object.values(l.gradedFields).flat()),
  ...Object.values(TARGET_WORDS).flat(),
  ...W.more,
  ...W.less,
].map((w) => w.trim());
/** the words naming what a comparative compares with ("più caro di"), whole words: "di" is not "diritto" */
const COMPARED_WITH_WORDS = new Set(union((l) => l.comparedWith ?? []).map((w) => w.trim()));
const COMPARATIVE_LEADS = new Set(union((l) => l.comparativeLeads ?? []));
/** comparative words that also join the records of a sum ("più") */
const PLUS_COMPARATIVES = W.more.filter((w) => W.plus.includes(w) && !w.includes(' '));

/**
 * Whether a comparative word that also means "plus" stands between two things it adds: no word keeping it a
 * comparative before it ("di più"), and after it no field, graded adjective, record word or number it would grade.
 */
function plusByComparative(words: string): boolean {
  const tokens = words.trim().split(' ');
  return tokens.some((t, i) => {
    if (!PLUS_COMPARATIVES.includes(t) || i === 0 || i + 1 >= tokens.length) return false;
    const next = tokens[i + 1]!;
    if (COMPARATIVE_LEADS.has(tokens[i - 1]!) || COMPARED_WITH_WORDS.has(next) || /^\d/.test(next)) return false;
    return !GRADED_AFTER.some((g) =>
      g.includes(' ') ? `${next} ${tokens[i + 2] ?? ''}`.startsWith(g) : next.startsWith(g),
    );
  });
}

/** Whether the question's parts name two or more of the objective's own phases or indicators. */
function namesSubRecords(question: string, named: { code: string; doc: string }, store: PlanStore): boolean {
  const objective = store.objectives.find((o) => o.code === named.code && o.doc === named.doc);
  return (
    objective !== undefined &&
    (subRecordsNamedByParts(question, objective, 'phase') ??
      subRecordsNamedByParts(question, objective, 'indicator')) !== null
  );
}

/**
 * Of the objectives of the projects named, the one whose phases or indicators two parts or more of the question name
 * (its project's title words taken out: they name the project, not a sub-record); null when none or several.
 */
function objectiveOfNamedSubRecords(
  question: string,
  projects: readonly { code: string; doc: string; title: string }[],
  store: PlanStore,
): Objective | null {
  const found: Objective[] = [];
  for (const named of projects) {
    const project = store.projectsByCode.get(codeKey(named.code))?.find((p) => p.doc === named.doc);
    if (!project) continue;
    const own = new Set(contentTokens(project.title).map(stem));
    const rest = question.replace(/\p{L}+/gu, (w) => (own.has(stem(fold(w))) ? ' '.repeat(w.length) : w));
    for (const c of project.objectives)
      for (const o of store.objectivesByCode.get(codeKey(c)) ?? [])
        if (o.doc === project.doc && namesSubRecords(rest, o, store)) found.push(o);
  }
  return found.length === 1 ? found[0]! : null;
}

/** The question with a code's text blanked out (its part names the coded record, not one by its words). */
function withoutText(question: string, text: string | undefined): string {
  if (!text) return question;
  const at = question.indexOf(text);
  return at < 0 ? question : `${question.slice(0, at)}${' '.repeat(text.length)}${question.slice(at + text.length)}`;
}

/** "than", "plus", "minus" (not "più" / "meno", which are comparatives first): they join two records */
/** plus words that are no comparative ("sommato a", "plus"; not "più") */
// "A più quello dei B": a comparative word before a pronoun standing for a record adds that record
const PLUS_PRONOUNS = W.plus.flatMap((w) => union((l) => l.kindPronouns ?? []).map((p) => `${w} ${p} `));
const PLUS_JOINS = [...W.plus.filter((w) => !W.more.includes(w)).map((w) => `${w} `), ...PLUS_PRONOUNS];
const RECORD_JOINS = [
  ...[...W.than, ...W.plus, ...W.minus].filter((w) => !W.more.includes(w) && !W.less.includes(w)).map((w) => `${w} `),
  ...PLUS_PRONOUNS,
];
const magnitudePatterns = new WeakMap<Lexicon, { numbered: RegExp; article: RegExp }>();

/** A language's number words and articles right before a magnitude ("due milioni", "il milione"), built once. */
function magnitudePatternsOf(lex: Lexicon): { numbered: RegExp; article: RegExp } {
  let patterns = magnitudePatterns.get(lex);
  if (!patterns) {
    const mags = alternation(Object.keys(MAGNITUDES));
    patterns = {
      numbered: new RegExp(`(?<= )(${alternation(Object.keys(lex.numbers))}) (${mags})(?![a-z0-9])`, 'g'),
      article: new RegExp(`(?<= )(${alternation(lex.magnitudeArticles)}) (${mags})(?![a-z0-9])`, 'g'),
    };
    magnitudePatterns.set(lex, patterns);
  }
  return patterns;
}

/** "sopra lo zero", "above zero", "greater than 0": a bound of zero from below */
const ABOVE_ZERO = new RegExp(
  `\\b(?:${alternation([...W.gt, ...W.gte].map((w) => w.trim()))}) (?:(?:${alternation([...AMOUNT_ARTICLES, 'lo', 'a'])}) )?(?:zero|0)\\b`,
);
/** "tra A e B", "between A and B": a joining word after the opening one (positions only: linear in the question) */
function betweenJoined(words: string): boolean {
  const at = firstAt(
    words,
    W.between.map((w) => `${w} `),
  );
  return at >= 0 && W.join.some((j) => phraseAt(words, `${j} `, at + 1) > at);
}
/**
 * "per CdR", "per responsabile", "by office", "per obiettivo": an aggregate split by a kind of group, or by the records
 * that hold what is counted, named right after "per" / "by"
 */
/** the kinds of record a ranking may be split by ("di ogni CdR", "for each owner", "di ciascun obiettivo") */
const EACH_GROUPS: QueryTarget[] = ['structure', 'person', 'objective', 'project'];

/**
 * The kind of group an "each" word names ("il progetto più costoso di ogni CdR" → structure, "la fase più lunga di
 * ciascun obiettivo" → objective): the record word that follows it within a few words; null when none does.
 */
function groupAfterEach(words: string): QueryTarget | null {
  for (const e of W.each) {
    const at = phraseAt(words, e);
    if (at < 0) continue;
    const after = ` ${words.slice(at, at + e.length + 40).trim()} `;
    const found = EACH_GROUPS.map((t) => ({ t, at: firstAt(after, TARGET_WORDS[t]) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (found) return found.t;
  }
  return null;
}

const GROUPED_BY = new RegExp(
  `\\b(?:${alternation(W.groupBy.map((w) => w.trim()))}) (?:${alternation(
    [...TARGET_WORDS.person, ...TARGET_WORDS.structure, ...TARGET_WORDS.objective, ...TARGET_WORDS.project].map((w) =>
      w.trim(),
    ),
  )})`,
);

/** the levels of a budget tree, each with "per" / "by" + its words, both languages */
const GROUP_LEVELS = (['azione', 'obiettivo', 'indirizzo'] as const).map((level) => ({
  level,
  phrases: W.groupBy.flatMap((g) => ALL.flatMap((l) => l.totalLevels?.[level] ?? []).map((w) => `${g.trim()} ${w}`)),
}));

/** "budget per azione", "totals by action": the level whose stated totals are asked, split */
function groupLevelIn(words: string): 'azione' | 'obiettivo' | 'indirizzo' | null {
  return GROUP_LEVELS.find((g) => hasAny(words, g.phrases))?.level ?? null;
}

/** each level of a budget tree with its bare words ("azione", "action") */
const LEVEL_WORDS = GROUP_LEVELS.map(({ level }) => ({
  level,
  words: ALL.flatMap((l) => l.totalLevels?.[level] ?? []),
}));

/**
 * "quale azione ha il budget più alto?", "which action has the largest budget": a level of the budget tree is what a
 * superlative ranks (by the totals the plan states for it) when the question names the level's word but no label of
 * it ("l'azione Housing sociale" names one: the records under it are ranked instead).
 */
function rankedLevelIn(
  words: string,
  named: readonly { level: string }[],
): 'azione' | 'obiettivo' | 'indirizzo' | null {
  return LEVEL_WORDS.find((g) => hasAny(words, g.words) && !named.some((l) => l.level === g.level))?.level ?? null;
}

/** words for people that are no interrogative ("persone", "people", not "chi", "who") */
const PEOPLE_WORDS = TARGET_WORDS.person.filter((w) => w.trim().length > 3);
const HOLDER_WORDS = [...TARGET_WORDS.project, ...TARGET_WORDS.objective];

/**
 * People counted: a count word right before a word for people ("quante persone", "number of employees"), or a word
 * for people before the records that hold them ("numero medio di persone per progetto").
 */
function countsPeople(words: string): boolean {
  const counted = W.count.some((c) => {
    const at = phraseAt(words, c);
    return at >= 0 && TARGET_WORDS.person.some((p) => phraseAt(words.slice(at + c.trim().length), p) === 1);
  });
  if (counted) return true;
  const peopleAt = firstAt(words, PEOPLE_WORDS);
  const holderAt = firstAt(words, HOLDER_WORDS);
  return peopleAt >= 0 && holderAt > peopleAt;
}

/** Two code mentions joined by one of the words ("8501 meno 8504"): nothing else stands between them. */
function joinedBy(question: string, mentions: { start: number; end: number; hits: unknown[] }[], joins: string[]) {
  const named = mentions.filter((m) => m.hits.length).sort((a, b) => a.start - b.start);
  for (let i = 1; i < named.length; i++) {
    const between = wordsOf(question.slice(named[i - 1]!.end, named[i]!.start)).trim();
    if (between && joins.includes(between)) return true;
  }
  return false;
}

const placeWords = new WeakMap<ModelVocabulary, Set<string>>();

/** The words of the loaded entities' names and of entity kinds ("comune", "province"), once per model. */
function placeWordsOf(vocab: ModelVocabulary): ReadonlySet<string> {
  let set = placeWords.get(vocab);
  if (!set) {
    set = new Set([...vocab.entities.flatMap((e) => e.name.split(' ')), ...ENTITY_KINDS.flatMap(([, ws]) => ws)]);
    placeWords.set(vocab, set);
  }
  return set;
}

/** The quoted words are all words of a level's label the question names: they named that level. */
function namesALevel(quoted: string, levels: readonly { label: string }[]): boolean {
  const said = fold(quoted).match(/[a-z0-9]+/g) ?? [];
  return levels.some((l) => {
    const label = new Set(fold(l.label).match(/[a-z0-9]+/g) ?? []);
    return said.length > 0 && said.every((w) => label.has(w));
  });
}

/**
 * Drops each structure whose name the question writes only as the opening of another found structure's name of the
 * same plan ("polizia provinciale protezione civile" names "Polizia Provinciale-Protezione Civile e …", not also
 * "Polizia Provinciale"); a name also written on its own elsewhere stays.
 */
function dropOpenings(found: Structure[], words: string): void {
  const phraseOf = (name: string) =>
    fold(name)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (let i = found.length - 1; i >= 0; i--) {
    const short = phraseOf(found[i]!.name);
    if (!short) continue;
    const longer = found.filter(
      (o, j) => j !== i && o.doc === found[i]!.doc && phraseOf(o.name).startsWith(`${short} `),
    );
    if (!longer.length) continue;
    const nexts = longer.map(
      (o) =>
        phraseOf(o.name)
          .slice(short.length + 1)
          .split(' ')[0]!,
    );
    let alone = false;
    for (let at = phraseAt(words, `${short} `); at >= 0 && !alone; at = phraseAt(words, `${short} `, at + 1)) {
      const next =
        words
          .slice(at + short.length)
          .trim()
          .split(' ')[0] ?? '';
      if (!nexts.includes(next)) alone = true;
    }
    if (!alone) found.splice(i, 1);
  }
}
