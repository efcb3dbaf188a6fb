/**
 * What kind of answer a question wants, from the language packs' cues ("in che anno" → a year, "where" → a place),
 * and whether a sentence holds one. Ranking a record's or a passage's sentences by it puts the sentence that answers
 * ("costituita … nel 2010") before one that only repeats the question's words.
 */
import type { AnswerType } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import { wordMatches } from './find-meta.ts';
import { phraseAt, wordsOf } from './phrases.ts';

const PACK_LIST = Object.values(PACKS);
// longest cues first: "fino a che anno" (a year) before "quando" (a date)
const CUES = PACK_LIST.flatMap((p) =>
  p.lexicon.answerTypes.flatMap((t) => t.cues.map((cue) => ({ cue, type: t.type }))),
).sort((a, b) => b.cue.length - a.cue.length);
const PLACE_WORDS = PACK_LIST.flatMap((p) => p.lexicon.placeWords);
const MONTHS = PACK_LIST.flatMap((p) => p.lexicon.months);

const YEAR = /\b(?:1[89]|20)\d{2}\b/;
const DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;

export function answerTypeOf(question: string): AnswerType | null {
  const words = wordsOf(question);
  return CUES.find((c) => phraseAt(words, `${c.cue} `) >= 0)?.type ?? null;
}

export function holdsAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'year':
      return YEAR.test(sentence);
    case 'date': {
      if (YEAR.test(sentence) || DATE.test(sentence)) return true;
      return fold(sentence)
        .split(/[^a-z]+/)
        .some((w) => MONTHS.includes(w));
    }
    case 'number':
      return /\d/.test(sentence);
    case 'place':
      return fold(sentence)
        .split(/[^a-z]+/)
        .some((w) => wordMatches(w, PLACE_WORDS));
  }
}
