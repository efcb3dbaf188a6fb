/**
 * What kind of answer a question wants, from the language packs' cues ("in che anno" → a year, "where" → a place,
 * "con chi" → a person or a body, "con quali fondi" → a source of funding), and whether a sentence holds one. Ranking
 * a record's or a passage's sentences by it puts the sentence that answers ("costituita … nel 2010", "finanziata con
 * risorse …") before one that only repeats the question's words.
 */
import type { AnswerType } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import { wordMatches } from './find-meta.ts';
import { phraseAt, wordsOf } from './phrases.ts';

const PACK_LIST = Object.values(PACKS);
// longest cues first: "fino a che anno" (a year) before "quando" (a date), "con quali fondi" before "con quali"
const CUES = PACK_LIST.flatMap((p) =>
  p.lexicon.answerTypes.flatMap((t) => t.cues.map((cue) => ({ cue, type: t.type }))),
).sort((a, b) => b.cue.length - a.cue.length);
/** "which X" questions: the words opening them, and the nouns whose kind of answer they ask for (every pack's) */
const WHICH = new Set(PACK_LIST.flatMap((p) => p.lexicon.whichWords));
const HEADS = new Map<string, AnswerType>(
  PACK_LIST.flatMap((p) => p.lexicon.answerTypes.flatMap((t) => (t.heads ?? []).map((h) => [h, t.type] as const))),
);
/** how many words may stand between "which" and its noun ("which motorway operator", "quale legge regionale") */
const HEAD_REACH = 3;
/** per type, the evidence words of every pack: a question in English is answered by Italian sentences */
const EVIDENCE = new Map<AnswerType, string[]>();
for (const p of PACK_LIST)
  for (const t of p.lexicon.answerTypes)
    if (t.evidence) EVIDENCE.set(t.type, [...(EVIDENCE.get(t.type) ?? []), ...t.evidence]);
const PLACE_WORDS = PACK_LIST.flatMap((p) => p.lexicon.placeWords);
const MONTHS = PACK_LIST.flatMap((p) => p.lexicon.months);
/** number words that are a count ("cinque soggetti", "due rappresentanti"); "un"/"a" are mostly articles */
const NUMBER_WORDS = new Set(
  PACK_LIST.flatMap((p) => Object.entries(p.lexicon.numbers))
    .filter(([, n]) => n > 1)
    .map(([w]) => w),
);

const YEAR = /\b(?:1[89]|20)\d{2}\b/;
const DATE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/;
/**
 * Figures that are no quantity: dates, years, references to acts ("n. 113/2018", "art. 5", "D.Lgs. 1/2018") and
 * codes ("2020-PL11", "M_8901_1_4"). What is left of a sentence without them may hold a count or an amount.
 */
const NOT_A_QUANTITY = [
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  /\b(?:n|nr|art|artt|comma|l|lgs|dl|dgr|dpr|dm|legge|decreto|delibera|deliberazione)\s*[.°]?\s*\d+(?:\s*[/-]\s*\d+)?/gi,
  /\b\d+\s*\/\s*\d{2,4}\b/g,
  /[\p{L}_-]*\d+[\p{L}_-]+[\p{L}\d_-]*|[\p{L}_]+[-_]\d+[\p{L}\d_-]*/gu,
  /\b(?:1[89]|20)\d{2}\b/g,
];

/**
 * A reference to an act: the abbreviations and words the plans cite laws, decrees and resolutions by, with the act's
 * number ("D.Lgs. 1/2018", "D. Lgs. 147/2017", "DGR 1904/2011", "legge regionale 19/2014", "Delibera di Giunta n. 17",
 * "art. 18"), or a number over a year. "tramite Delibera di Giunta: da maggio" names no act.
 */
const ACT =
  /\b(?:D\.\s?Lgs|D\.\s?L|D\.\s?M|D\.\s?P\.\s?R|D\.\s?G\.\s?R|D\.\s?C\.\s?P|DGR|DCP|DPCM|L\.\s?R)\b\.?\s*(?:n\.?\s*)?\d|\b(?:legge|leggi|decreto|decreti|delibera|deliberazione|direttiva|art|artt|regolamento europeo)\b[^;:!?]{0,40}?\d|\b\d{1,4}\s?\/\s?(?:19|20)\d{2}\b/gi;
/** a time of day, "15.00" or "9:30", not a piece of a date or an amount */
const TIME_OF_DAY = /(?<![\d.,/])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![.,/]?\d)/g;

/** the last question's type: the routes ask it of one question for every passage and sentence they weigh */
let lastType: { question: string; type: AnswerType | null; cue: string | null } | null = null;

export function answerTypeOf(question: string): AnswerType | null {
  return cueOf(question).type;
}

/**
 * The words that ask for the kind of answer ("quale decreto legislativo", "what time"): they say what is asked, not
 * what about, so a passage need not repeat them to answer.
 */
export function answerCueOf(question: string): string | null {
  return cueOf(question).cue;
}

function cueOf(question: string): { type: AnswerType | null; cue: string | null } {
  if (lastType?.question !== question) {
    const words = wordsOf(question);
    const found = CUES.find((c) => phraseAt(words, `${c.cue} `) >= 0) ?? headCue(words);
    lastType = { question, type: found?.type ?? null, cue: found?.cue ?? null };
  }
  return lastType;
}

/** "which motorway operator": a question word, then a noun of a kind of answer within `HEAD_REACH` words */
function headCue(words: string): { cue: string; type: AnswerType } | null {
  const list = words.trim().split(' ');
  for (const [i, w] of list.entries()) {
    if (!WHICH.has(w)) continue;
    for (let j = i + 1; j <= i + HEAD_REACH && j < list.length; j++) {
      const type = HEADS.get(list[j]!);
      // the cue is the question word and its noun: the words between say what about ("motorway")
      if (type) return { cue: `${w} ${list[j]}`, type };
    }
  }
  return null;
}

/**
 * Whether holding the kind of answer decides which sentence answers, before how many words it shares: a source of
 * funding, a date or a place is rare enough in a sentence to tell the answer; a name ("who") is in most sentences
 * of a plan, so it only adds to the words shared.
 */
export function decidesSentence(type: AnswerType | null): boolean {
  return type !== null && type !== 'who';
}

export function holdsAnswerType(sentence: string, type: AnswerType): boolean {
  return answerPositions(sentence, type).length > 0;
}

/** Where in the sentence the kind of answer asked first stands (a character offset), or -1 when it holds none. */
export function answerAt(sentence: string, type: AnswerType): number {
  return answerPositions(sentence, type)[0] ?? -1;
}

/**
 * Every place in the sentence where the kind of answer asked stands (character offsets, ascending): a long sentence
 * is quoted around the one next to the question's subject rather than from its start.
 */
export function answerPositions(sentence: string, type: AnswerType): readonly number[] {
  // the routes weigh the same sentences (a passage's, a record's) several times per question, and again for the next
  let byType = POSITIONS.get(type);
  if (!byType) {
    byType = new Map();
    POSITIONS.set(type, byType);
  }
  let found = byType.get(sentence);
  if (!found) {
    found = positionsOf(sentence, type);
    if (byType.size >= POSITIONS_SIZE) byType.delete(byType.keys().next().value!);
    byType.set(sentence, found);
  }
  return found;
}

/** per kind of answer, the last sentences' answer positions (shared: never changed by callers) */
const POSITIONS = new Map<AnswerType, Map<string, readonly number[]>>();
const POSITIONS_SIZE = 2048;

function positionsOf(sentence: string, type: AnswerType): number[] {
  switch (type) {
    case 'year':
      return positions(sentence, YEAR);
    case 'date': {
      // a date in figures and one written with its month's name ("fino al 19 giugno 2025") are both dates
      const named = wordPositions(sentence, (w) => MONTHS.includes(w)).filter((p) =>
        /\d\s*$/.test(sentence.slice(Math.max(0, p - 4), p)),
      );
      const dates = [...positions(sentence, DATE), ...named].sort((a, b) => a - b);
      if (dates.length) return dates;
      const years = positions(sentence, YEAR);
      return years.length ? years : wordPositions(sentence, (w) => MONTHS.includes(w));
    }
    case 'number':
      return quantityPositions(sentence);
    case 'place':
      return wordPositions(sentence, (w) => wordMatches(w, PLACE_WORDS));
    case 'law':
      return positions(sentence, ACT);
    case 'time':
      return positions(sentence, TIME_OF_DAY);
    case 'who':
      return whoPositions(sentence);
    default:
      return evidencePositions(sentence, EVIDENCE.get(type) ?? []);
  }
}

function positions(text: string, re: RegExp): number[] {
  // a global pattern is read as it is (matchAll works on a copy); others are made global
  return [...text.matchAll(re.global ? re : new RegExp(re.source, `${re.flags}g`))].map((m) => m.index);
}

/** The offsets of the words (folded, letters only) that pass the test. */
function wordPositions(sentence: string, test: (word: string) => boolean): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(/[\p{L}]+/gu)) if (test(fold(m[0]))) out.push(m.index);
  return out;
}

/**
 * The offsets of the evidence in the sentence: one-word entries as `wordMatches` reads them, entries of several words
 * ("una volta", "ogni anno") as a run of words, the last one matched as a prefix.
 */
function evidencePositions(sentence: string, evidence: readonly string[]): number[] {
  const single = evidence.filter((e) => !e.includes(' '));
  const phrases = evidence.filter((e) => e.includes(' ')).map((e) => e.split(' '));
  const words = [...sentence.matchAll(/[\p{L}0-9]+/gu)].map((m) => ({ at: m.index, word: fold(m[0]) }));
  const out: number[] = [];
  for (const [k, { at, word }] of words.entries()) {
    const starts = phrases.some((p) =>
      p.every((part, j) => {
        const w = words[k + j]?.word;
        return w !== undefined && (j === p.length - 1 ? w.startsWith(part) : w === part);
      }),
    );
    if (starts || (/^[a-z]/.test(word) && wordMatches(word, single))) out.push(at);
  }
  return out;
}

/** A count or an amount: a figure that is no date, year, act or code, or a number word above one. */
function quantityPositions(sentence: string): number[] {
  let rest = sentence;
  // blanked out rather than removed, so that offsets stay those of the sentence
  for (const re of NOT_A_QUANTITY) rest = rest.replace(re, (m) => ' '.repeat(m.length));
  const figures = positions(rest, /\d+(?:[.,]\d+)*/);
  const words = wordPositions(rest, (w) => NUMBER_WORDS.has(w));
  return [...figures, ...words].sort((a, b) => a - b);
}

/**
 * A person or a body: a name written as one inside the sentence (a capital after the first word, an acronym), or
 * else a word for a kind of body ("fondazione", "ministero", "partner"): a name is the surer sign.
 */
function whoPositions(sentence: string): number[] {
  const evidence = EVIDENCE.get('who') ?? [];
  const names: number[] = [];
  const kinds: number[] = [];
  let first = true;
  for (const m of sentence.matchAll(/[\p{L}][\p{L}.]*/gu)) {
    const word = m[0];
    if (!first && /^\p{Lu}/u.test(word) && word.length > 1) names.push(m.index);
    else if (wordMatches(fold(word), evidence)) kinds.push(m.index);
    first = false;
  }
  return names.length ? names : kinds;
}

/**
 * Where to quote a long sentence from: the place of the kind of answer asked that has most of the question's subject
 * words (`isSubject` tests a folded word) just before it, the first of them on a tie; with no kind of answer, the
 * first subject word. 0 when neither is found.
 */
export function anchorOf(sentence: string, isSubject: (word: string) => boolean, type: AnswerType | null): number {
  const subject = wordPositions(sentence, isSubject);
  const typed = type ? answerPositions(sentence, type) : [];
  if (!typed.length) return subject[0] ?? 0;
  let best = typed[0]!;
  let most = -1;
  for (const p of typed) {
    // the subject said before the answer counts whole; said right after it ("Con Atto n. 86 del 10.10.2022 … alla
    // designazione della Consigliera …"), a little less, so that of two answers the one it follows still wins a tie
    const near =
      subject.filter((s) => s <= p && p - s <= SUBJECT_REACH).length +
      AFTER_SHARE * subject.filter((s) => s > p && s - p <= SUBJECT_REACH).length;
    if (near > most) {
      best = p;
      most = near;
    }
  }
  return best;
}

/** how far (in characters) before the answer the words of its subject stand in one sentence */
const SUBJECT_REACH = 160;
/** what a subject word after the answer counts, against one before it */
const AFTER_SHARE = 0.9;
