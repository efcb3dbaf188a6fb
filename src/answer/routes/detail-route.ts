/**
 * A question that names one record and asks something its fields do not hold ("su cosa vigila l'obiettivo X?",
 * "quali strumenti usa il progetto Y?"): the record's own sentences (description, expected result, notes, phase and
 * indicator wording) ranked against the question, the best quoted first, then the record as usual.
 */
import { splitSentences } from '../../lang/split-sentences.ts';
import { answerTypeOf, holdsAnswerType } from '../../linking/answer-type.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { glossaryExpander } from '../../retrieval/query-expansion.ts';
import { codeKey } from '../../store/plan-store.ts';
import { type ToolContext, visible } from '../../tools/tool-context.ts';
import { clip } from '../format-records.ts';
import type { Intent } from '../intent.ts';
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
}
const SENTENCES = new WeakMap<Objective | Project, IndexedSentence[]>();

function indexedSentencesOf(record: Objective | Project): IndexedSentence[] {
  let indexed = SENTENCES.get(record);
  if (!indexed) {
    const title = fold(record.title);
    indexed = sentencesOf(record)
      // a title repeated as a sentence says nothing new
      .filter((sentence) => fold(sentence) !== title)
      .map((sentence) => ({
        sentence,
        // five-letter prefixes: "vigila" meets "vigilanza", whatever the stemmer leaves of each
        prefixes: new Set(contentTokens(sentence, { keepQuestionWords: true }).map((w) => stem(w).slice(0, 5))),
      }));
    SENTENCES.set(record, indexed);
  }
  return indexed;
}

function sentencesOf(record: Objective | Project): string[] {
  const texts =
    'phases' in record
      ? [
          record.description,
          record.expectedResult,
          record.humanResources,
          record.financialResources,
          record.otherServices,
          ...record.phases.flatMap((p) => [p.title, p.note]),
          ...record.indicators.flatMap((i) => [i.description, i.note]),
        ]
      : [record.description];
  return texts.filter((t): t is string => Boolean(t)).flatMap((t) => splitSentences(t));
}

/**
 * The record's sentence that shares most of the question's words beyond the record's own title and code, or null when
 * none shares any.
 */
export function bestSentenceOf(
  record: Objective | Project,
  question: string,
): { sentence: string; score: number } | null {
  const own = new Set(contentTokens(`${record.title} ${record.code}`).map(stem));
  // an English question meets the Italian sentences through the glossary
  const asked = `${question} ${glossaryExpander().expand(question).join(' ')}`;
  const wanted = [...new Set(contentTokens(asked).map(stem))].filter((w) => !own.has(w) && w.length > 2);
  if (!wanted.length) return null;
  const type = answerTypeOf(question);
  let best: { sentence: string; score: number } | null = null;
  for (const { sentence, prefixes } of indexedSentencesOf(record)) {
    let score = wanted.filter((w) => prefixes.has(w.slice(0, 5))).length;
    // of two sentences on the subject, the one holding the kind of answer asked (a year, a place) answers
    if (score > 0 && type && holdsAnswerType(sentence, type)) score += 0.5;
    if (score > 0 && (!best || score > best.score)) best = { sentence, score };
  }
  return best ? { sentence: clip(best.sentence, 500), score: best.score } : null;
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
): Reply | null {
  if (!reply?.found) return reply;
  const codes = [...new Set(reply.focus)];
  if (codes.length !== 1) return reply;
  const key = codeKey(codes[0]!);
  const records = [...(ctx.store.objectivesByCode.get(key) ?? []), ...(ctx.store.projectsByCode.get(key) ?? [])].filter(
    (r) => visible(ctx, r.doc) && (!docs || docs.includes(r.doc)),
  );
  if (records.length !== 1) return reply;
  const best = bestSentenceOf(records[0]!, question);
  if (!best || !(best.score >= 2 || (asksBeyondFields(intents) && best.score >= 1))) return reply;
  if (reply.lines[0]?.includes(best.sentence)) return reply;
  reply.lines.unshift(`> ${best.sentence}`, '');
  reply.intent = 'record_detail';
  return reply;
}
