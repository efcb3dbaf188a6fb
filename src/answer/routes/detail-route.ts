/**
 * A question that names one record and asks something its fields do not hold ("su cosa vigila l'obiettivo X?",
 * "quali strumenti usa il progetto Y?"): the record's own sentences (description, expected result, notes, phase and
 * indicator wording) ranked against the question, the best quoted first, then the record as usual.
 */
import { splitSentences } from '../../lang/split-sentences.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { clip } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import { contentTokens, stem } from '../text-match.ts';

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
export function bestSentenceOf(record: Objective | Project, question: string): string | null {
  const own = new Set(contentTokens(`${record.title} ${record.code}`).map(stem));
  const wanted = [...new Set(contentTokens(question).map(stem))].filter((w) => !own.has(w) && w.length > 2);
  if (!wanted.length) return null;
  let best: { sentence: string; score: number } | null = null;
  for (const sentence of sentencesOf(record)) {
    // five-letter prefixes: "vigila" meets "vigilanza", whatever the stemmer leaves of each
    const have = new Set(contentTokens(sentence, { keepQuestionWords: true }).map((w) => stem(w).slice(0, 5)));
    const score = wanted.filter((w) => have.has(w.slice(0, 5))).length;
    if (score > 0 && (!best || score > best.score)) best = { sentence, score };
  }
  if (!best) return null;
  // a title repeated as a sentence says nothing new
  return fold(best.sentence) === fold(record.title) ? null : clip(best.sentence, 500);
}
