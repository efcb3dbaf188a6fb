/**
 * A question that names one record and asks something its fields do not hold ("su cosa vigila l'obiettivo X?",
 * "quali strumenti usa il progetto Y?"): the record's own sentences (description, expected result, notes, phase and
 * indicator wording) ranked against the question, the best quoted first, then the record as usual.
 */

import type { AnswerType } from '../../lang/language-pack.ts';
import { packFor } from '../../lang/packs.ts';
import { splitSentences } from '../../lang/split-sentences.ts';
import { anchorOf, answerTypeOf, decidesSentence, holdsAnswerType } from '../../linking/answer-type.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { glossaryExpander } from '../../retrieval/query-expansion.ts';
import { codeKey, type PlanStore } from '../../store/plan-store.ts';
import { type ToolContext, visible } from '../../tools/tool-context.ts';
import { countedFigureLines } from '../counted-figure.ts';
import { writesAskedField } from '../field-in-prose.ts';
import { clipAround } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import { contentTokens, stem } from '../text-match.ts';
import type { Reply } from './reply.ts';

/** intents a record's fields answer: with one of these the record's reply already holds the answer */
const FIELD_INTENTS: Intent[] = [
  'budget',
  'budget_detail',
  'indicators',
  'indicator_value',
  'weight',
  'phases',
  'deadline',
  'owner',
  'dirigente',
  'structure',
  'staff',
  'total',
  'count',
  'strategic',
  'resources',
];

export function asksBeyondFields(intents: Intent[]): boolean {
  return !intents.some((i) => FIELD_INTENTS.includes(i));
}

/** a record's sentences with the word prefixes they hold, computed once per record (records live as long as the store) */
interface IndexedSentence {
  sentence: string;
  prefixes: ReadonlySet<string>;
  /** which of the record's texts it comes from: the next sentence of the same text goes on with its subject */
  text: number;
}
const SENTENCES = new WeakMap<Objective | Project, IndexedSentence[]>();

function indexedSentencesOf(record: Objective | Project, store: PlanStore | null): IndexedSentence[] {
  let indexed = SENTENCES.get(record);
  if (!indexed) {
    const title = fold(record.title);
    indexed = textsOf(record, store)
      .flatMap((t, text) => itemsOf(t).flatMap((item) => splitSentences(item).map((sentence) => ({ sentence, text }))))
      // a title repeated as a sentence says nothing new
      .filter(({ sentence }) => fold(sentence) !== title)
      .map(({ sentence, text }) => ({
        sentence,
        text,
        // five-letter prefixes: "vigila" meets "vigilanza", whatever the stemmer leaves of each
        prefixes: new Set(contentTokens(sentence, { keepQuestionWords: true }).map((w) => stem(w).slice(0, 5))),
      }));
    SENTENCES.set(record, indexed);
  }
  return indexed;
}

/**
 * A record's text keeps no line breaks: a list written one item a line ("strumenti: - Le risorse del Piano … -
 * Centro Diurno - Consegna kit …") reads as one sentence. Two dashes or more opening capitalised items are a list, and
 * each item is read alone.
 */
function itemsOf(text: string): string[] {
  const items = text.split(/\s+-\s+(?=\p{Lu})/u);
  return items.length >= 3 ? items : [text];
}

function objectiveTexts(o: Objective): (string | undefined)[] {
  return [
    o.description,
    o.expectedResult,
    o.humanResources,
    o.financialResources,
    o.otherServices,
    ...o.phases.flatMap((p) => [p.title, p.note]),
    ...o.indicators.flatMap((i) => [i.description, i.note]),
  ];
}

/**
 * A project's sentences are its description's and those of the objectives it holds: what a project does week by week
 * ("rendicontazione trimestrale") is written in its objectives' phases and indicators.
 */
function textsOf(record: Objective | Project, store: PlanStore | null): string[] {
  const texts =
    'phases' in record
      ? objectiveTexts(record)
      : [
          record.description,
          ...record.objectives.flatMap((code) =>
            (store?.objectivesByCode.get(codeKey(code)) ?? [])
              .filter((o) => o.doc === record.doc)
              .flatMap((o) => [o.title, ...objectiveTexts(o)]),
          ),
        ];
  return texts.filter((t): t is string => Boolean(t));
}

/** the share of the previous sentence's words that count for the next one */
export const CONTEXT_SHARE = 0.5;

/** Holding the kind of answer asked (a year, a body) counts as one more distinctive word shared. */
const TYPED_BONUS = 1;

/** what a word of the record's title the question repeats counts, against a word beyond it */
const TITLE_SHARE = 0.25;

/**
 * How much each of the question's words tells one sentence of a text from another, in (0, 1]: a word in one sentence
 * only weighs 1, a word in every sentence (the subject the whole text is about, "centro diurno") little. So the
 * sentence that meets the question on its rarer words ("la sperimentazione, finanziata con…") answers before one
 * that repeats the subject.
 */
export function distinctiveness(
  words: readonly string[],
  sentences: readonly ReadonlySet<string>[],
): (w: string) => number {
  const n = sentences.length;
  const weights = new Map<string, number>();
  for (const w of words) {
    const df = sentences.filter((s) => s.has(w)).length;
    weights.set(w, df === 0 ? 0 : Math.log(1 + n / df) / Math.log(1 + n));
  }
  return (w) => weights.get(w) ?? 0;
}

export interface DetailSentence {
  sentence: string;
  /** the distinctiveness of the words shared, plus the bonus for holding the kind of answer asked */
  score: number;
  /** the question's words (beyond the record's title) the sentence holds */
  shared: number;
  /** it holds the kind of answer asked */
  typed: boolean;
  /** the word prefixes of the question (beyond the record's title) it holds */
  hits: string[];
}

/**
 * The record's sentence that shares most of the question's words beyond the record's own title and code, or null when
 * none shares any. A long sentence is quoted around the answer it holds.
 */
export function bestSentenceOf(
  record: Objective | Project,
  question: string,
  store: PlanStore | null = null,
): DetailSentence | null {
  const own = new Set(contentTokens(`${record.title} ${record.code}`).map(stem));
  // an English question meets the Italian sentences through the glossary
  const asked = askedWithSynonyms(question);
  const stems = [...new Set(contentTokens(asked).map(stem))].filter((w) => w.length > 2);
  const wanted = stems.filter((w) => !own.has(w));
  if (!wanted.length) return null;
  const type = answerTypeOf(question);
  const decides = decidesSentence(type);
  const prefixes = [...new Set(wanted.map((w) => w.slice(0, 5)))];
  // the title's words the question repeats tell little, but of two sentences the one on the record's own subject wins
  // (the words of the title only: the parts of the code, "2024" of "2024-XY01", are no subject)
  const titleWords = new Set(contentTokens(record.title).map(stem));
  const titled = [...new Set(stems.filter((w) => titleWords.has(w)).map((w) => w.slice(0, 5)))].filter(
    (p) => !prefixes.includes(p),
  );
  const sentences = indexedSentencesOf(record, store);
  const weightOf = distinctiveness(
    [...prefixes, ...titled],
    sentences.map((s) => s.prefixes),
  );
  let best: (DetailSentence & { at: number }) | null = null;
  for (const [at, { sentence, prefixes: held }] of sentences.entries()) {
    const hits = prefixes.filter((p) => held.has(p));
    const shared = hits.length;
    // of two sentences on the subject, the one holding the kind of answer asked (a year, a place, a body) answers;
    // who a service is for is said in the record's own words ("a chi ha perso il lavoro"), none of the question's
    const typed = (shared > 0 || type === 'beneficiary') && type !== null && holdsAnswerType(sentence, type);
    if (shared === 0 && !typed) continue;
    // a sentence holding the answer goes on with the subject of the one before it ("Sarà attivato il Centro … La
    // sperimentazione, finanziata con …"): half of what that one shares counts for it
    const before = sentences[at - 1];
    const context =
      typed && decides && before && before.text === sentences[at]!.text
        ? prefixes.filter((p) => before.prefixes.has(p)).reduce((sum, p) => sum + weightOf(p), 0) * CONTEXT_SHARE
        : 0;
    const title = titled.reduce((sum, p) => sum + (held.has(p) ? weightOf(p) * TITLE_SHARE : 0), 0);
    const score = hits.reduce((sum, p) => sum + weightOf(p), 0) + title + context + (typed ? TYPED_BONUS : 0);
    const candidate = { sentence, score, shared, typed, hits, at };
    if (!best || outranks(candidate, best, decides)) best = candidate;
  }
  if (!best) return null;
  // the sentence on the subject does not hold the answer, the next one of the same text does ("…trasformazione
  // dell'immobile della ex Scuola X. L'immobile viene adattato alla funzione di uffici…"): both are quoted
  const next = sentences[best.at + 1];
  if (
    type &&
    decides &&
    !best.typed &&
    next &&
    next.text === sentences[best.at]!.text &&
    holdsAnswerType(next.sentence, type)
  )
    best = { ...best, sentence: `${best.sentence} ${next.sentence}`, typed: true };
  // the sentence on the subject names again what the one before it introduced ("…la trasformazione dell'immobile della
  // ex Scuola X. L'immobile viene adattato a sede degli uffici…"): where it stands is said there, and both are quoted
  const before = sentences[best.at - 1];
  if (
    type === 'place' &&
    before &&
    before.text === sentences[best.at]!.text &&
    !best.sentence.startsWith(before.sentence) &&
    holdsAnswerType(before.sentence, type) &&
    opensWithWordOf(best.sentence, before.sentence)
  )
    best = { ...best, sentence: `${before.sentence} ${best.sentence}`, typed: true };
  const isSubject = (word: string) => word.length > 2 && prefixes.includes(stem(word).slice(0, 5));
  const { at: _, ...found } = best;
  // a sentence that opens a list ("coinvolgerà 3 edifici e le aree limitrofe: - la sede …;") goes on with the list's
  // other items ("- gli edifici di via …; - l'edificio di via …"): the items are the answer
  const items = opensList(best.sentence) ? itemsAfter(sentences, best.at) : [];
  const sentence = [best.sentence, ...items].join(' ');
  const max = items.length ? LIST_QUOTE : SENTENCE_QUOTE;
  return { ...found, sentence: clipAround(sentence, max, anchorOf(sentence, isSubject, type)) };
}

/**
 * The sentence opens (after an article) with a noun the previous sentence holds: it goes on speaking of what that one
 * named ("L'immobile viene…" after "…dell'immobile della ex Scuola…").
 */
function opensWithWordOf(sentence: string, previous: string): boolean {
  const first = contentTokens(sentence.slice(0, 40))[0];
  return first !== undefined && first.length > 3 && contentTokens(previous).includes(first);
}

/** how much of a record's sentence is quoted, and of one that opens a list of items */
const SENTENCE_QUOTE = 500;
const LIST_QUOTE = 1000;

/** a colon followed by a list item, or ending the sentence */
function opensList(sentence: string): boolean {
  return /:\s*(?:[-–•]\s|\d{1,2}[.)]\s|$)/.test(sentence);
}

/** the list items (opened by a dash, a bullet or a number) right after a sentence, in the same text */
function itemsAfter(sentences: readonly IndexedSentence[], at: number): string[] {
  const out: string[] = [];
  for (let i = at + 1; i < sentences.length && sentences[i]!.text === sentences[at]!.text; i++) {
    const s = sentences[i]!.sentence;
    if (!/^(?:[-–•]|\d{1,2}[.)])\s/.test(s)) break;
    out.push(s);
  }
  return out;
}

/** the question with the glossary's synonyms and translations, for the last question (asked of several records) */
let lastAsked: { question: string; asked: string } | null = null;
function askedWithSynonyms(question: string): string {
  if (lastAsked?.question !== question)
    lastAsked = { question, asked: `${question} ${glossaryExpander().expand(question).join(' ')}` };
  return lastAsked.asked;
}

/** `a` answers before `b`: holding the kind of answer asked first when it decides (see `decidesSentence`), then score. */
export function outranks(
  a: { score: number; typed: boolean },
  b: { score: number; typed: boolean },
  decides: boolean,
): boolean {
  if (decides && a.typed !== b.typed) return a.typed;
  return a.score > b.score;
}

/**
 * A reply about one record, with the record's sentence that answers the question quoted first: when the question
 * asks something the record's fields do not hold, or when one sentence meets the question on two words or more
 * beyond the record's title ("da quando ha perso il lavoro" → "…a chi ha perso il lavoro dal 01/01/2017…").
 */
export function withDetailFirst(
  ctx: ToolContext,
  reply: Reply | null,
  question: string,
  intents: Intent[],
  docs: string[] | null,
  lang: Lang = 'it',
): Reply | null {
  // a reply that found nothing is kept as it is, unless only the field asked is missing from a record found
  if (!reply || (!reply.found && !reply.fieldMissing)) return reply;
  const codes = [...new Set(reply.focus)];
  if (codes.length !== 1) return reply;
  const key = codeKey(codes[0]!);
  const records = [...(ctx.store.objectivesByCode.get(key) ?? []), ...(ctx.store.projectsByCode.get(key) ?? [])].filter(
    (r) => visible(ctx, r.doc) && (!docs || docs.includes(r.doc)),
  );
  // one code, several records: the sheets of one objective for its years; a count asked of it is read in the first
  // sheet that has the figure (the years' sheets repeat the row)
  if (records.length > 1) {
    if (/staff|indicator_column/.test(reply.intent) || !records.every((r) => 'phases' in r)) return reply;
    for (const r of records) {
      const sentences = indexedSentencesOf(r, ctx.store).map((s) => s.sentence);
      const counted = countedFigureLines(r, question, sentences, ctx.store, lang);
      if (!counted) continue;
      reply.lines.splice(0, reply.lines.length, ...counted);
      reply.intent = 'record_figure';
      return reply;
    }
    return reply;
  }
  // a count asked of the record ("quante multe…") is the figure beside the thing counted, before any other sentence
  if (!/staff|indicator_column/.test(reply.intent)) {
    const sentences = indexedSentencesOf(records[0]!, ctx.store).map((s) => s.sentence);
    const counted = countedFigureLines(records[0]!, question, sentences, ctx.store, lang);
    if (counted && !reply.lines[0]?.includes(counted[0]!.replace(/^> /, ''))) {
      // the figure is the answer: the record's first line says which record it is, its other figures stay out
      reply.lines.splice(0, reply.lines.length, ...counted, '', ...reply.lines.slice(0, 1));
      reply.intent = 'record_figure';
      return reply;
    }
  }
  const best = bestSentenceOf(records[0]!, question, ctx.store);
  // a field the reply already states ("quanto è stanziato…") is not preceded by a sentence lacking the kind of
  // answer asked
  const type = answerTypeOf(question);
  const typedOrUntyped = best && (best.typed || !decidesSentence(type));
  // "chi ha diritto al fondo X?": who a service is for is in no field, only in its text; the sentence holding it leads
  const onlyInText = best?.typed === true && type === 'beneficiary';
  // the sentence holds the kind of answer asked and a word of the question the fields' answer never says ("le
  // posizioni assistenziali a partire da che data?" → "…posizioni assistenziali erogate dal 01/01/2015…")
  // (a figure or a date: who does something is a field of the record, its owner or staff, before any sentence)
  const beyondReply =
    best?.typed === true &&
    type !== null &&
    FIGURE_TYPES.has(type) &&
    best.hits.some((p) => !prefixesOf(reply.lines.join(' ')).has(p));
  // "in che anno ha aperto il centro X?" of a record whose text holds no year: its closest sentence is no answer
  if (type && !best?.typed && STATED_ONLY_IN_TEXT.has(type) && asksBeyondFields(intents)) {
    const M = packFor(lang).messages;
    reply.lines.unshift(M.detailNotStated(codes[0]!, best !== null), ...(best ? [`> ${best.sentence}`] : []), '');
    reply.intent = 'record_detail_not_stated';
    reply.found = false;
    return reply;
  }
  if (
    !best ||
    !(
      onlyInText ||
      beyondReply ||
      (best.shared >= 2 && typedOrUntyped) ||
      (asksBeyondFields(intents) && best.shared >= 1)
    )
  ) {
    // "budget complessivo di X": the field asked, blank in the record, written in its text beside a figure
    if (!reply.fieldMissing) return reply;
    const written = indexedSentencesOf(records[0]!, ctx.store).find((s) => writesAskedField(s.sentence, question));
    if (!written || reply.lines.some((l) => l.includes(written.sentence))) return reply;
    reply.lines.unshift(`> ${written.sentence}`, '');
    reply.intent = 'record_detail';
    if (reply.fieldMissing) reply.found = true;
    return reply;
  }
  if (reply.lines[0]?.includes(best.sentence)) return reply;
  reply.lines.unshift(`> ${best.sentence}`, '');
  reply.intent = 'record_detail';
  // the record's text holds the kind of answer asked where its field is blank: that sentence is the answer
  if (reply.fieldMissing && best.typed) reply.found = true;
  return reply;
}

/** the five-letter prefixes of a text's content words, as sentences are indexed */
function prefixesOf(text: string): Set<string> {
  return new Set(contentTokens(text, { keepQuestionWords: true }).map((w) => stem(w).slice(0, 5)));
}

/**
 * The kinds of answer no field of a record holds when the question asks none of its fields: only a sentence holding
 * one answers (a place, a year, a time of day, an act, a source of funding).
 */
const STATED_ONLY_IN_TEXT: ReadonlySet<AnswerType> = new Set(['place', 'year', 'date', 'time', 'law', 'funding']);

/** the kinds of answer that are a figure or a date of the record's text */
const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set([
  'year',
  'date',
  'number',
  'time',
  'law',
  'frequency',
  'funding',
]);
