/** The free-text fallback: quote the best passages with their sources, and say so when they lack the asked fact. */

import type { AnswerType, AskedField } from '../../lang/language-pack.ts';
import { PACKS, packFor } from '../../lang/packs.ts';
import { splitSentences } from '../../lang/split-sentences.ts';
import { anchorOf, answerCueOf, answerTypeOf, decidesSentence, holdsAnswerType } from '../../linking/answer-type.ts';
import { wordMatches } from '../../linking/find-meta.ts';
import { namedOfficeOf } from '../../linking/find-role.ts';
import { ENTITY_KINDS } from '../../linking/find-scope.ts';
import { hasAny, phraseAt, wordsOf } from '../../linking/phrases.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { analyze } from '../../retrieval/analyze.ts';
import type { Chunk } from '../../retrieval/chunk.ts';
import { glossaryExpander } from '../../retrieval/query-expansion.ts';
import type { SearchHit, SearchIndex } from '../../retrieval/search-index.ts';
import { STOPWORDS } from '../../retrieval/stopwords.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { codeKey } from '../../store/plan-store.ts';
import { searchPassages } from '../../tools/search-passages.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import type { Citation } from '../answer.ts';
import { clip, clipAround } from '../format-records.ts';
import { LABELS, type Lang } from '../labels.ts';
import { detectLanguage } from '../language.ts';
import type { Scope } from '../link-entities.ts';
import { contentTokens, stem } from '../text-match.ts';
import { bestSentenceOf, CONTEXT_SHARE, distinctiveness, outranks } from './detail-route.ts';
import { emptyReply, type Reply } from './reply.ts';
import { placeWordsOf } from './words-route.ts';

/** `asked`: the fact the question asks for when the caller knows it better than the lexicon (a role, see roleField). */
export async function answerFromPassages(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  lang: Lang,
  asked?: AskedField,
): Promise<Reply> {
  const reply = emptyReply('passage_search');
  const found = await searchPassages(ctx, { query: question, k: 3, ...(scope.entity ? { entity: scope.entity } : {}) });
  // the passage holding the sentence that answers best comes first (retrieval order breaks ties); when the kind of
  // answer asked decides (a source of funding, a purpose, a date), a passage with a sentence holding it leads
  const decides = decidesSentence(answerTypeOf(question));
  let hits = found
    .map((h, i) => ({
      h,
      i,
      score: bestSentenceScore(question, h.chunk.text),
      typed: decides && holdsTypedSentence(question, h.chunk.text),
    }))
    .sort((a, b) => Number(b.typed) - Number(a.typed) || b.score - a.score || a.i - b.i)
    .map((x) => x.h)
    .slice(0, 3);
  const M = packFor(lang).messages;
  const field = asked ?? askedFieldOf(question, lang);
  const names = field?.person ? peopleNames(ctx) : [];
  // a fact stated of the entity as a whole (its staff, its population) is looked for by its own words too: "quanta
  // gente ci lavora" shares no word with "Organico complessivo al …"
  if (field?.ofEntity && !hits.some((h) => holdsField(h.chunk.text, field, names))) {
    const byField = await passagesOfField(ctx, field, 3, scope.entity);
    const stating = byField.filter((h) => holdsField(h.chunk.text, field, names));
    if (stating.length)
      hits = [...stating, ...hits.filter((h) => !stating.some((s) => s.chunk.id === h.chunk.id))].slice(0, 3);
  }
  if (!hits.length) {
    reply.found = false;
    reply.lines.push(M.noPassage);
    return reply;
  }
  const focus = askedFor(question, placeWordsOf(ctx.store));
  // the first passage that has the question's key words leads; none has them: the closest passage only
  const keys = keyWordsOf(question, scope);
  const answering = hits.findIndex((h) => !missingKeyWords(keys, h.chunk.text));
  let missing = answering < 0;
  let shown = answering > 0 ? [hits[answering]!, ...hits.filter((_, i) => i !== answering)] : hits;
  // the fact asked decides: a passage stating it leads whatever words the others share with the question
  // a passage states the fact for this question when it is also about what the question names: "12 posti letto" of
  // another facility is no capacity of the one asked (a fact of the entity as a whole has no subject to match)
  const statesAsked = (h: (typeof hits)[number]) =>
    field !== null &&
    holdsField(h.chunk.text, field, names) &&
    (field.ofEntity === true || field.person === true || !missingKeyWords(keys, h.chunk.text));
  if (field && !field.person) {
    const holding = statesAsked;
    shown = [...shown.filter(holding), ...shown.filter((h) => !holding(h))];
    if (field.ofEntity && hits.some(holding)) missing = false;
  }
  // "quando è nata la Fondazione X?": a year or an act of another body is no answer; the passage that answers writes
  // the name the question writes, and a sentence of it holds the year or the act
  const named = NAME_BOUND_TYPES.has(answerTypeOf(question) ?? 'who') ? namedWordsOf(question, ctx.store) : [];
  if (named.length) {
    const writing = shown.filter((h) => writesAll(`${h.chunk.title ?? ''} ${h.chunk.text}`, named));
    shown = [...writing, ...shown.filter((h) => !writing.includes(h))];
    if (!writing.some((h) => statesOfName(h.chunk, named, answerTypeOf(question)!))) missing = true;
  }
  const costSubject = costSubjectOf(question, placeWordsOf(ctx.store));
  const office = officeLacking(ctx, question, scope, hits);
  if (office) {
    // "l'ufficio tributi di X": no passage of the plans in scope names it, so none is about it; the offices the
    // plans do name are what is there
    reply.found = false;
    reply.lines.push(M.officeNotFound(office.phrase, scope.entity, office.there));
    shown = hits.slice(0, 1);
  } else if (field && !hits.some(statesAsked)) {
    // a fee, opening hours, a phone number, who holds a role…: no passage names it, so none answers
    reply.found = false;
    // what is there: the plans of other entities that state it, named (their figure is not theirs to give here)
    const elsewhere = field.ofEntity ? await entitiesStating(ctx, field, scope) : [];
    if (elsewhere.length) {
      reply.lines.push(M.factStatedOnlyFor(field.name, scope.entity ?? '', elsewhere.join(', ')));
      return reply;
    }
    // an amount asked and not found: a passage with another amount is not put beside the "not found"
    if (field.amount) shown = shown.filter((h) => !AMOUNT.test(h.chunk.text));
    reply.lines.push(
      field.person
        ? M.noHolderOf(field.name)
        : shown.length
          ? M.noStatementAbout(field.name)
          : M.noStatementAlone(field.name),
    );
  } else if (field?.ofEntity && statedAtOtherDates(hits, field, scope.year)) {
    // "quanti dipendenti nel 2026?": the plan states the figure at another date; that date is what is there
    const dates = statedAtOtherDates(hits, field, scope.year)!;
    reply.found = false;
    reply.lines.push(M.factNotAtDate(field.name, String(scope.year), dates.join(', ')));
    shown = hits.filter((h) => holdsField(h.chunk.text, field, names)).slice(0, 1);
  } else if (costSubject && !hits.some((h) => costOfThing(h.chunk.text, costSubject))) {
    // "quanto costa la mensa?": no sentence names the thing beside an amount; another amount is not its cost
    reply.found = false;
    shown = shown.filter((h) => !AMOUNT.test(h.chunk.text));
    reply.lines.push(
      shown.length
        ? M.noStatementAbout(M.costOf(costSubject.phrase))
        : M.noStatementAlone(M.costOf(costSubject.phrase)),
    );
  } else if (focus && !hits.some((h) => mentionsAny(h.chunk.text, focus.stems))) {
    // the question asks for a figure or a person the passages never mention: say so before quoting them
    reply.found = false;
    reply.lines.push(M.noStatementAbout(focus.word));
  } else if (missing) {
    // the best passage lacks what the question is about: offered only as the closest one
    reply.found = false;
    reply.lines.push(M.closestPassage);
    shown = shown.slice(0, 1);
  } else {
    reply.lines.push(M.passagesSay);
    // "c'è un ascensore a Palazzo X?": a question asking no kind of answer (yes or no) is answered by the passage that
    // leads; those after it lacking most of the question's key words (a "massa" for "Massai") are not quoted beside it
    if (answerTypeOf(question) === null)
      shown = shown.filter((h, i) => i === 0 || !missingKeyWords(keys, h.chunk.text));
  }
  // a record quoted by its best sentence anywhere in it is not quoted that way twice
  const quotedWhole = new Set<Objective | Project>();
  const shownQuotes = new Set<string>();
  for (const h of shown) {
    let citation: Citation = h.citation;
    // a table is quoted whole (its header is what makes a row readable); prose by its best sentences
    let quote = h.chunk.form === 'table' && !hasProseCells(h.chunk.text) ? clip(h.chunk.text, 900) : null;
    if (quote === null) {
      const own = quoteFor(question, h.chunk.text, h.chunk.title);
      quote = own?.text ?? '';
      // the passage is one part of a record: the sentence that answers may stand in another part of it ("finanziata
      // con risorse …" in the description, the passage found being its phases); it leads, the passage follows
      const record = recordOfChunk(ctx, h.chunk);
      const whole = record && !quotedWhole.has(record) ? bestSentenceOf(record, question, ctx.store) : null;
      const opening = whole?.sentence.replace(/^…/, '').slice(0, 40) ?? '';
      const inPassage = h.chunk.text.replace(/\s+/g, ' ').includes(opening);
      const ownLeads = own?.parts[0]?.includes(opening) ?? false;
      if (record && whole && !ownLeads && !(own?.typed && !whole.typed)) {
        quotedWhole.add(record);
        // the record's sentence leads; what else the passage says follows, without saying that sentence twice
        const rest = (own?.parts ?? []).filter(
          (p) => !p.includes(opening) && !whole.sentence.includes(p.replace(/^…|…$/g, '').slice(0, 40)),
        );
        quote = [whole.sentence, ...rest].join(' … ');
        if (!inPassage) citation = citationOf(ctx, record.span, h.chunk.section);
      }
    }
    quote ||= h.citation.excerpt?.trim() || clip(h.chunk.text, 600);
    // two passages of one record may hold the same sentences: the same quote is not shown twice
    if (shownQuotes.has(quote)) continue;
    shownQuotes.add(quote);
    const where = `${citation.doc}${citation.lines ? `, ${LABELS[lang].lines} ${citation.lines}` : ''}${citation.page ? `, ${LABELS[lang].page} ${citation.page}` : ''}`;
    reply.lines.push(
      `> ${quote.replace(/\s*\n\s*/g, ' ')}`,
      `  — ${h.chunk.section ? `${h.chunk.section}, ` : ''}${where}`,
    );
    reply.citations.push({ ...citation, excerpt: quote });
    if (h.chunk.code) reply.focus.push(h.chunk.code);
  }
  return reply;
}

/** the kinds of answer that belong to one body or act: a date, a year, an act */
const NAME_BOUND_TYPES: ReadonlySet<string> = new Set(['year', 'date', 'law']);

/**
 * The words of the names the question writes: capitalised words after its first one (or acronyms anywhere), without
 * the plans' place names and the kinds of entity ("Provincia"), which choose the plans, not the passage.
 */
export function namedWordsOf(question: string, store: PlanStore): string[] {
  const places = placeWordsOf(store);
  const out: string[] = [];
  for (const [i, m] of [...question.matchAll(/[\p{L}][\p{L}'’.]*/gu)].entries()) {
    const word = m[0].replace(/['’.]+$/, '');
    const acronym = word.length >= 3 && word === word.toUpperCase() && /\p{L}{3}/u.test(word);
    if ((i === 0 && !acronym) || !/^\p{Lu}/u.test(word)) continue;
    const folded = fold(word).replace(/[^a-z]/g, '');
    if (folded.length < 3 || places.has(folded) || ENTITY_KIND_WORDS.has(folded) || STOPWORDS.has(folded)) continue;
    out.push(folded);
  }
  return out;
}
const ENTITY_KIND_WORDS = new Set(ENTITY_KINDS.flatMap(([, ws]) => ws));

/**
 * A sentence of the passage holds the kind of answer asked of the name: it writes the name, or the one before it does,
 * or the passage is titled by it ("2021_PD_X Collaborazione con Fondazione Y" → "Promossa e costituita … nel 2010").
 */
function statesOfName(chunk: Chunk, named: readonly string[], type: AnswerType): boolean {
  const titled = writesAll(chunk.title ?? '', named);
  const sentences = sentencesWithStems(chunk.text).map((s) => s.sentence);
  return sentences.some(
    (s, i) =>
      holdsAnswerType(s, type) && (titled || writesAll(s, named) || (i > 0 && writesAll(sentences[i - 1]!, named))),
  );
}

/** The text writes every one of the words (folded, as whole words). */
function writesAll(text: string, words: readonly string[]): boolean {
  const have = new Set(fold(text).split(/[^a-z0-9]+/));
  return words.every((w) => have.has(w));
}

/** The one objective or project a record passage is part of, in its own plan; null for other passages. */
function recordOfChunk(ctx: ToolContext, chunk: Chunk): Objective | Project | null {
  if (!chunk.code) return null;
  const key = codeKey(chunk.code);
  const records = [...(ctx.store.objectivesByCode.get(key) ?? []), ...(ctx.store.projectsByCode.get(key) ?? [])].filter(
    (r) => r.doc === chunk.doc,
  );
  return records.length === 1 ? records[0]! : null;
}

/**
 * The sentences of a passage that answer the question: the two sharing most words with it (glossary expansions
 * count too), up to about 600 characters; a sentence holding the kind of answer asked leads when that kind decides
 * (`decidesSentence`). Sentences, not lines: one line of a table cell can hold a whole paragraph. Null when no
 * sentence shares a word with the question.
 */
function quoteFor(
  question: string,
  text: string,
  title: string | undefined,
  max = 600,
): { text: string; parts: string[]; score: number; typed: boolean } | null {
  const naming = new Set(contentTokens(title ?? '', { keepQuestionWords: true }).map(stem));
  const scored = scoreSentences(question, text, true, naming);
  const type = answerTypeOf(question);
  const decides = decidesSentence(type);
  // the answering sentence first, then the next best
  const best = scored
    .filter((x) => x.score > 0)
    .sort((a, b) => (outranks(a, b, decides) ? -1 : outranks(b, a, decides) ? 1 : a.i - b.i))
    .slice(0, 2);
  if (!best.length) return null;
  // none of them holds the kind of answer asked ("fino a quando?"): the passage's sentence that does comes second
  if (type && !best.some((x) => x.typed)) {
    const typed = scored.find((x) => holdsAnswerType(x.sentence, type));
    if (typed) best.splice(1, 1, typed);
  }
  // a long sentence is quoted around its answer, next to the question's subject, not cut before it
  const wanted = wantedOf(question);
  const isSubject = (word: string) => word.length > 2 && wanted.has(stem(word));
  const each = Math.floor(max / best.length);
  const parts = best.map((x) => clipAround(x.sentence, each, anchorOf(x.sentence, isSubject, type)));
  return { text: parts.join(' … '), parts, score: best[0]!.score, typed: best[0]!.typed };
}

/** the question's stems with its glossary expansions; one question is scored against several passages */
let wantedCache: { question: string; wanted: Set<string> } | null = null;
function wantedOf(question: string): Set<string> {
  if (wantedCache?.question !== question)
    wantedCache = {
      question,
      wanted: new Set(contentTokens(`${question} ${glossaryExpander().expand(question).join(' ')}`).map(stem)),
    };
  return wantedCache.wanted;
}

/**
 * Each sentence scored by the question's words it shares; with `byAnswer`, one that also holds the kind of answer
 * asked scores higher (used to pick the sentences of a passage, not to rank passages: a year somewhere in an
 * unrelated passage is no reason to prefer it).
 */
function scoreSentences(
  question: string,
  text: string,
  byAnswer = false,
  naming: ReadonlySet<string> = new Set(),
): { sentence: string; i: number; score: number; typed: boolean }[] {
  // the record's own title picks the passage; within it, it does not pick the sentence, unless nothing else of the
  // question is left
  const all = [...wantedOf(question)];
  const beyondTitle = all.filter((w) => !naming.has(w));
  const wanted = beyondTitle.length ? beyondTitle : all;
  const type = byAnswer ? answerTypeOf(question) : null;
  const decides = decidesSentence(type);
  const field = byAnswer ? askedFieldOf(question, detectLanguage(question)) : null;
  const sentences = sentencesWithStems(text);
  // picking a passage's sentence, its rarer words count more than those every sentence repeats (see detail-route)
  const weightOf = byAnswer
    ? distinctiveness(
        wanted,
        sentences.map((s) => s.stems),
      )
    : () => 1;
  const bonus = byAnswer ? 1 : 1.5;
  const shared = sentences.map(({ stems }) => wanted.reduce((sum, w) => sum + (stems.has(w) ? weightOf(w) : 0), 0));
  return sentences.map(({ sentence }, i) => {
    // picking a sentence, one goes on with the subject of the one before it ("…della ex Scuola X. L'immobile viene
    // adattato alla funzione di…"): half of what that one shares counts for it
    const holds = type !== null && holdsAnswerType(sentence, type);
    let score = shared[i]! + (holds && decides && i > 0 ? shared[i - 1]! * CONTEXT_SHARE : 0);
    // a sentence on the question's subject that also holds the kind of answer asked (a year, a place, the hours)
    const typed = score > 0 && holds;
    if (typed) score += bonus;
    if (score > 0 && field && holdsField(sentence, field, [])) score += bonus;
    return { sentence, i, score, typed };
  });
}

/** Some sentence of the passage shares a word with the question and holds the kind of answer it asks. */
function holdsTypedSentence(question: string, text: string): boolean {
  return scoreSentences(question, text, true).some((s) => s.typed);
}

/**
 * A passage's sentences with their stems, kept for the passages of the last questions: one question weighs each of
 * its passages several times (to order them, to pick their quote), and the next question often meets them again.
 */
const SENTENCE_CACHE = new Map<string, { sentence: string; stems: Set<string> }[]>();
const SENTENCE_CACHE_SIZE = 256;

function sentencesWithStems(text: string): { sentence: string; stems: Set<string> }[] {
  let sentences = SENTENCE_CACHE.get(text);
  if (!sentences) {
    sentences = splitSentences(text).map((sentence) => ({
      sentence,
      stems: new Set(contentTokens(sentence, { keepQuestionWords: true }).map(stem)),
    }));
    // the oldest passage goes first: a Map keeps the order of insertion
    if (SENTENCE_CACHE.size >= SENTENCE_CACHE_SIZE) SENTENCE_CACHE.delete(SENTENCE_CACHE.keys().next().value!);
    SENTENCE_CACHE.set(text, sentences);
  }
  return sentences;
}

function bestSentenceScore(question: string, text: string): number {
  return Math.max(0, ...scoreSentences(question, text).map((s) => s.score));
}

/**
 * True when the best passage lacks most of what the question is about: its topic words (place names of the plans
 * left out, glossary translations counted) mostly absent. Such a passage is the closest one, not an answer.
 */
function missingKeyWords(keys: KeyWords, text: string): boolean {
  if (keys.length < 2) return false;
  const have = new Set(contentTokens(text, { keepQuestionWords: true }).map(stem));
  const present = keys.filter(
    (k) => have.has(k.stem) || k.translations().some((words) => words.every((w) => have.has(w))),
  );
  return present.length / keys.length < 0.5;
}

/**
 * A question's topic words (place names of the plans left out), each with its stem and, asked for only when a
 * passage lacks the word, the stems of its glossary translations: worked out once per question, not once per passage.
 */
type KeyWords = { stem: string; translations: () => string[][] }[];

function keyWordsOf(question: string, scope: Scope): KeyWords {
  const entityWords = new Set(
    (scope.entity ? contentTokens(scope.entity) : []).concat(ENTITY_KINDS.flatMap(([, ws]) => ws)),
  );
  // the words asking for a kind of answer ("quale decreto legislativo") are not what the passage must be about
  const cue = new Set(contentTokens(answerCueOf(question) ?? ''));
  // a word of a glossary term of several words ("sedia a rotelle") is translated by that term's phrases: the word
  // alone has none
  let inTerms: { matched: string[]; phrases: string[] }[] | null = null;
  const termPhrases = (k: string) => {
    inTerms ??= glossaryExpander()
      .expansions(question)
      .filter((e) => e.matched.length > 1);
    const analyzed = analyze(k).words[0];
    return inTerms.filter((e) => analyzed && e.matched.includes(analyzed)).flatMap((e) => e.phrases);
  };
  return contentTokens(question)
    .filter((w) => !entityWords.has(w) && !cue.has(w) && w.length > 2)
    .map((k) => {
      let translations: string[][] | null = null;
      return {
        stem: stem(k),
        translations: () => {
          translations ??= [...glossaryExpander().expand(k), ...termPhrases(k)].map((phrase) =>
            contentTokens(phrase, { keepQuestionWords: true }).map((w) => stem(w)),
          );
          return translations;
        },
      };
    });
}

/** The thing a "how many / how much / who is" question asks for, with the stems that would show a passage has it. */
function askedFor(question: string, places: ReadonlySet<string>): { word: string; stems: string[] } | null {
  const q = fold(question)
    .replace(/['’]/g, ' ')
    .split(' ')
    .filter((w) => !places.has(w))
    .join(' ');
  const m =
    q.match(
      /\b(?:quant[ie]|how many|how much|numero di|number of)\s+(?:(?:di|dei|degli|delle|il|la|le|the|total|totale|provincia|province|comune|city)\s+)*([a-z]{4,})/,
    ) ??
    q.match(/\bquanto\s+(cost[ao]|costano|vale|spende)\b/) ??
    q.match(/\b(?:chi e|chi sono|who is|who are)\s+(?:il|la|lo|i|gli|le|l|the)\s+([a-z]{4,})/);
  if (!m) return null;
  const word = m[1]!;
  const isCost = /^cost|^vale|^spende/.test(word);
  const words = isCost
    ? ['costo', 'cost', 'importo', 'euro', '€', 'spesa', 'budget', 'risorse']
    : [word, ...glossaryExpander().expand(word)];
  const stems = words.flatMap((w) => contentTokens(w, { keepQuestionWords: true })).map(stem);
  return stems.length ? { word: isCost ? packFor(detectLanguage(question)).messages.costWord : word, stems } : null;
}

function mentionsAny(text: string, stems: string[]): boolean {
  const have = new Set(contentTokens(text, { keepQuestionWords: true }).map(stem));
  return stems.some((s) => have.has(s));
}

const WHO = Object.values(PACKS).flatMap((p) => p.lexicon.targets.person);
const NAME_ASKING = Object.values(PACKS).flatMap((p) => p.lexicon.roleAsking.name);

/** A table whose cells are paragraphs (an action described in prose): quoted by its sentences like prose. */
function hasProseCells(text: string): boolean {
  return text.split(/[\t\n]/).some((cell) => cell.length > 300);
}

/** What kind of fact the question asks for, when it is one a passage must name to answer (lexicon `askedFields`). */
export function askedFieldOf(question: string, lang: Lang): (AskedField & { evidence: string[] }) | null {
  // the router, the passage route and its sentence scoring all ask this of one question, once per passage: the
  // lexicon's cues (about two hundred phrases) are looked for once per question
  if (askedCache?.question !== question || askedCache.lang !== lang)
    askedCache = { question, lang, field: findAskedField(question, lang) };
  return askedCache.field;
}

let askedCache: { question: string; lang: Lang; field: (AskedField & { evidence: string[] }) | null } | null = null;

function findAskedField(question: string, lang: Lang): (AskedField & { evidence: string[] }) | null {
  const words = wordsOf(question);
  for (const field of packFor(lang).lexicon.askedFields.concat(
    Object.values(PACKS)
      .filter((p) => p.lang !== lang)
      .flatMap((p) => p.lexicon.askedFields),
  )) {
    const same = Object.values(PACKS).flatMap((p) => p.lexicon.askedFields.filter((f) => f.id === field.id));
    if (!same.some((f) => hasAny(words, f.cues))) continue;
    // a role is asked for when the question asks who ("chi è il sindaco?") or the holder's name ("il sindaco come
    // si chiama?"), not when it names an office by it
    if (field.person && !hasAny(words, WHO) && !hasAny(words, NAME_ASKING)) continue;
    return { ...field, evidence: same.flatMap((f) => f.evidence) };
  }
  return null;
}

/**
 * The fact a role question asks for: the lexicon's own role when it names one ("deputy mayor" → the mayor's words, in
 * every language), otherwise the role's own word and its glossary translations, which a passage must write beside a
 * person of the plans.
 */
export function roleField(role: { name: string; word: string }): AskedField {
  const words = wordsOf(role.name);
  const all = Object.values(PACKS).flatMap((p) => p.lexicon.askedFields.filter((f) => f.person));
  const known = all.find((f) => hasAny(words, f.cues));
  if (known) return { ...known, evidence: all.filter((f) => f.id === known.id).flatMap((f) => f.evidence) };
  const stemOf = (w: string) => (w.length > 5 ? w.replace(/[aeiouy]$/, '') : w);
  const translations = glossaryExpander()
    .expand(role.word)
    .map((phrase) => fold(phrase).split(/[^a-z]+/)[0] ?? '')
    .filter((w) => w.length >= 4);
  const evidence = [...new Set([role.word, ...translations].map(stemOf))];
  return { id: 'role', name: role.name, person: true, cues: [role.word], evidence };
}

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
/** an amount as the plans write one: "300.000,00", "€ 5.000" */
const AMOUNT = /\d{1,3}(?:\.\d{3})+(?:,\d{2})?|\d+,\d{2}\b|€\s*\d/;
const KIND_WORDS = new Set(ENTITY_KINDS.flatMap(([, ws]) => ws));

/**
 * The office the question names ("ufficio tributi") when neither the passages found nor the names of the offices in
 * scope have its name words: with the names of the offices the plans in scope do have.
 */
function officeLacking(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  hits: { chunk: Chunk }[],
): { phrase: string; there: string[] } | null {
  const places = placeWordsOf(ctx.store);
  const office = namedOfficeOf(wordsOf(question), LEXICONS, (w) => places.has(w) || KIND_WORDS.has(w));
  if (!office) return null;
  const stems = office.words.flatMap((w) => [
    stem(w),
    ...glossaryExpander()
      .expand(w)
      .flatMap((phrase) => contentTokens(phrase).map(stem)),
  ]);
  if (hits.some((h) => mentionsAny(h.chunk.text, stems))) return null;
  const inScope = ctx.store.structures.filter(
    (s) => visible(ctx, s.doc) && (!scope.docs || scope.docs.includes(s.doc)),
  );
  if (inScope.some((s) => mentionsAny(s.name, stems))) return null;
  return { phrase: office.phrase, there: [...new Set(inScope.map((s) => s.name))] };
}

const COST_ASKING = Object.values(PACKS).flatMap((p) => p.lexicon.costAsking ?? []);
const ARTICLES = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.roleAsking.articles));
const RECORD_KINDS = Object.values(PACKS).flatMap((p) => [
  ...p.lexicon.targets.objective,
  ...p.lexicon.targets.project,
  ...p.lexicon.targets.phase,
  ...p.lexicon.targets.indicator,
]);

/** The question asks the cost of a thing that is no kind of record ("quanto costa il biglietto …"). */
export function asksCostOfAThing(question: string, store: PlanStore): boolean {
  return costSubjectOf(question, placeWordsOf(store)) !== null;
}

/**
 * The thing whose cost the question asks ("quanto costa la mensa scolastica" → mensa), with the stems that show a
 * passage names it (glossary translations too). Null when no cost is asked or a record kind stands there ("quanto
 * costa il progetto …": the record routes read those).
 */
function costSubjectOf(
  question: string,
  places: ReadonlySet<string>,
): { word: string; phrase: string; translations: string[] } | null {
  const words = wordsOf(question);
  const cue = COST_ASKING.map((c) => ({ c, at: phraseAt(words, `${c} `) })).find((x) => x.at >= 0);
  if (!cue) return null;
  const after = words
    .slice(cue.at + cue.c.length)
    .trim()
    .split(' ')
    .filter((w) => !ARTICLES.has(w))
    .slice(0, 3);
  const at = after.findIndex((w, i) => i < 2 && w.length >= 4);
  const word = after[at];
  if (!word || RECORD_KINDS.some((k) => word.startsWith(k.trim()))) return null;
  // the thing as the question names it, with the word qualifying it ("assistenza domiciliare"), for the answer
  const next = after[at + 1];
  const phrase = next && next.length >= 4 && !STOPWORDS.has(next) && !places.has(next) ? `${word} ${next}` : word;
  const translations = glossaryExpander()
    .expand(word)
    .flatMap((p) => contentTokens(p))
    .filter((w) => w.length >= 4);
  return { word, phrase, translations };
}

/** A sentence of the passage names the thing and holds an amount: the cost asked may be there. */
function costOfThing(text: string, thing: { word: string; translations: string[] }): boolean {
  return splitSentences(text).some((sentence) => AMOUNT.test(sentence) && namesThing(sentence, thing));
}

/**
 * The passage writes the thing's word or one of its translations: another ending of the same word ("mense"), not
 * any word sharing its stem ("mensile" is no "mensa").
 */
function namesThing(text: string, thing: { word: string; translations: string[] }): boolean {
  const wanted = [thing.word, ...thing.translations].map((w) => ({ w, s: stem(w) }));
  return contentTokens(text, { keepQuestionWords: true }).some((t) =>
    wanted.some(({ w, s }) => t === w || (stem(t) === s && Math.abs(t.length - w.length) <= 1)),
  );
}

/** The entities (other than the one in scope) whose plans state a fact of the entity as a whole. */
async function entitiesStating(ctx: ToolContext, field: AskedField, scope: Scope): Promise<string[]> {
  const hits = await passagesOfField(ctx, field, 5, null);
  return [
    ...new Set(
      hits
        .filter((h) => h.chunk.entity && h.chunk.entity !== scope.entity && holdsField(h.chunk.text, field, []))
        .map((h) => h.chunk.entity),
    ),
  ];
}

/**
 * The passages a fact's own words find ("numero di dipendenti organico …"), for an entity or all: the same search
 * whatever the question, so its hits are kept per index (a new index is a new key) and audience. At a thousand plans
 * the two searches of an unstated headcount were most of its time; asked again, they cost nothing.
 */
function passagesOfField(ctx: ToolContext, field: AskedField, k: number, entity: string | null): Promise<SearchHit[]> {
  if (!ctx.search) return Promise.resolve([]);
  let kept = FIELD_PASSAGES.get(ctx.search);
  if (!kept) {
    kept = new Map();
    FIELD_PASSAGES.set(ctx.search, kept);
  }
  const query = `${field.name} ${field.evidence.join(' ')}`;
  const key = JSON.stringify([query, k, entity, ctx.allowedDocs, ctx.includeInternal]);
  let hits = kept.get(key);
  if (!hits) {
    hits = searchPassages(ctx, { query, k, ...(entity ? { entity } : {}) });
    // a failed search is not kept: the next question tries again
    hits.catch(() => kept.delete(key));
    if (kept.size >= FIELD_PASSAGES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, hits);
  }
  return hits;
}
const FIELD_PASSAGES = new WeakMap<SearchIndex, Map<string, Promise<SearchHit[]>>>();
/** fact searches kept per index: a few facts, a few entities and audiences */
const FIELD_PASSAGES_KEPT = 256;

/**
 * The dates at which the passages state the fact, when the question asks for a year none of them is of: a figure
 * "al 31.12.2023" is no answer for 2026. Null when the year asked is among them, or no date stands beside the fact.
 */
function statedAtOtherDates(hits: { chunk: Chunk }[], field: AskedField, year: number | null): string[] | null {
  if (year === null) return null;
  const dates = new Set<string>();
  for (const h of hits)
    for (const sentence of splitSentences(h.chunk.text)) {
      const words = fold(sentence).split(/[^a-z0-9]+/);
      if (!words.some((w) => wordMatches(w, field.evidence))) continue;
      for (const m of sentence.matchAll(DATED)) dates.add(m[0]);
    }
  if (!dates.size) return null;
  const asked = String(year);
  return [...dates].some((d) => d.endsWith(asked)) ? null : [...dates];
}
/** a date or a year as the plans write them beside a figure ("31.12.2023", "31/12/2023", "2023") */
const DATED = /\b(?:\d{1,2}[./]\d{1,2}[./])?(?:19|20)\d{2}\b/g;

function peopleNames(ctx: ToolContext): string[] {
  return ctx.store.people.map((p) => fold(p.name));
}

/** A sentence of the passage names the asked fact (and, for a role, a person of the plans beside it). */
export function holdsField(text: string, field: AskedField, people: string[]): boolean {
  return splitSentences(text).some((sentence) => {
    const words = fold(sentence).split(/[^a-z0-9]+/);
    if (!words.some((w) => wordMatches(w, field.evidence))) return false;
    if (field.states && !statesKind(sentence, field.states)) return false;
    if (field.named) return evidenceBeforeName(sentence, field.evidence);
    if (!field.person) return true;
    // the person stands beside the role word ("il Sindaco, Mario Rossi,"), not anywhere in a long passage
    const folded = fold(sentence);
    return field.evidence.some((e) => {
      for (let at = folded.indexOf(e); at >= 0; at = folded.indexOf(e, at + 1)) {
        const near = folded.slice(Math.max(0, at - ROLE_WINDOW), at + e.length + ROLE_WINDOW);
        if (people.some((name) => near.includes(name))) return true;
      }
      return false;
    });
  });
}
const ROLE_WINDOW = 40;

/**
 * The sentence holds what the fact is made of: a figure (a count, not a date or a year: "dal 01/02/2020" states no
 * number of places) or a time of day ("15.00", "9:30"; not "31.12" of a date).
 */
export function statesKind(sentence: string, kind: 'figure' | 'time'): boolean {
  if (kind === 'time') return CLOCK.test(sentence);
  return /\d/.test(sentence.replace(DATE_OR_YEAR, ' '));
}
const CLOCK = /(?<![\d.,/])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d]|[.,/]\d)/;
const DATE_OR_YEAR = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:19|20)\d{2}\b/g;

/**
 * An evidence word right before a name or a number ("via Ricasoli n. 25", "sita in via X", "presso Palazzo Y"): the
 * street or the building named, not "la sede del centro" (the place asked about, named again) nor "in via continuativa".
 */
function evidenceBeforeName(sentence: string, evidence: readonly string[]): boolean {
  const words = [...sentence.matchAll(/[\p{L}\d]+/gu)].map((m) => m[0]);
  return words.some((w, i) => wordMatches(fold(w), evidence) && /^[\p{Lu}\d]/u.test(words[i + 1] ?? ''));
}
