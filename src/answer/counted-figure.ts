/**
 * "quante multe prevede l'obiettivo X?", "how many pupils should X involve?": a count asked of one named record is a
 * figure its indicators or sentences hold beside the thing counted. The thing counted is the word after the packs'
 * count words, read with the glossary's synonyms and translations ("multe" → "sanzioni", "pupils" → "alunni"); the
 * answer is the indicator that counts it (its expected value), else the record's sentence with a number right before
 * it ("vi erano 70 persone in lista attesa", "attraverso otto incontri").
 */
import { PACKS, packFor } from '../lang/packs.ts';
import type { Indicator, Objective, Project } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { glossaryExpander } from '../retrieval/query-expansion.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { indicatorLine } from './format-records.ts';
import { detectIntents } from './intent.ts';
import type { Lang } from './labels.ts';
import { contentTokens, stem } from './text-match.ts';

const PREFIX = 5;
const prefixOf = (w: string) => stem(w).slice(0, PREFIX);

/** record words: "quanti obiettivi", "quante fasi" count records, which the record routes answer */
const RECORD_WORDS = Object.values(PACKS).flatMap((p) =>
  (['objective', 'project', 'phase', 'indicator'] as const).flatMap((t) => p.lexicon.targets[t].map((w) => w.trim())),
);
const COUNT_WORDS = Object.values(PACKS)
  .flatMap((p) => p.lexicon.count.map((w) => w.trim()))
  .sort((a, b) => b.length - a.length);
// "un", "una", "a", "one" are articles as often as numbers: a count read in words starts at two
const NUMBER_WORDS = new Set(
  Object.values(PACKS).flatMap((p) =>
    Object.entries({ ...p.lexicon.numbers, ...p.lexicon.numberParts })
      .filter(([w, n]) => n >= 2 && !(w in p.lexicon.ordinals))
      .map(([w]) => w),
  ),
);

/** The thing a count question counts, as word prefixes with its synonyms; null when it counts no such thing. */
export function countedNoun(question: string): string[] | null {
  const q = ` ${fold(question).replace(/['’]/g, ' ')} `;
  for (const w of COUNT_WORDS) {
    const at = q.indexOf(` ${w} `);
    if (at < 0) continue;
    // a count word of two words may hold the noun itself ("quanta gente"): a word the glossary knows a synonym of
    const last = w.split(' ').at(-1)!;
    const noun = last !== w && glossaryExpander().expand(last).length ? last : null;
    const next = noun ?? contentTokens(q.slice(at + w.length + 1), { keepQuestionWords: true })[0];
    if (!next || /\d/.test(next) || RECORD_WORDS.some((r) => next.startsWith(r))) return null;
    const synonyms = contentTokens(glossaryExpander().expand(next).join(' '), { keepQuestionWords: true });
    return [...new Set([next, ...synonyms].map(prefixOf))];
  }
  return null;
}

/** The objectives whose indicators and sentences a record holds: itself, or a project's objectives. */
function objectivesOf(record: Objective | Project, store: PlanStore): Objective[] {
  if ('phases' in record) return [record];
  return record.objectives.flatMap((c) =>
    (store.objectivesByCode.get(codeKey(c)) ?? []).filter((o) => o.doc === record.doc),
  );
}

const prefixesOf = (text: string) => new Set(contentTokens(text, { keepQuestionWords: true }).map(prefixOf));

/**
 * The lines that answer a count asked of a record, or null: the indicator that counts the noun (the one sharing most
 * of the question's other words when several do), else the record's sentence with a number right before the noun.
 */
export function countedFigureLines(
  record: Objective | Project,
  question: string,
  sentences: readonly string[],
  store: PlanStore,
  lang: Lang,
): string[] | null {
  const noun = countedNoun(question);
  if (!noun) return null;
  const asked = prefixesOf(question);
  let best: { i: Indicator; o: Objective; score: number } | null = null;
  for (const o of objectivesOf(record, store))
    for (const i of o.indicators) {
      // a count is a number, and the indicator says it counts ("n. persone inserite", "Numero fruitori / …")
      if (!i.target || i.target.value === null || i.target.date) continue;
      // the thing counted may be named in the formula only ("Realizzazione di attività formativa" counted by
      // "numero incontri svolti / numero incontri previsti")
      const held = prefixesOf(`${i.description} ${i.formula ?? ''}`);
      if (!noun.some((n) => held.has(n)) || !countsSomething(`${i.description} ${i.formula ?? ''}`)) continue;
      const score = [...asked].filter((p) => held.has(p)).length;
      if (!best || score > best.score) best = { i, o, score };
    }
  // of the sentences counting the noun, the one sharing most of the question's words
  let quoted: { s: string; score: number } | null = null;
  for (const s of sentences) {
    if (!numberBefore(s, noun)) continue;
    const held = prefixesOf(s);
    const score = [...asked].filter((p) => held.has(p)).length;
    if (!quoted || score > quoted.score) quoted = { s, score };
  }
  // the indicator answers, unless a sentence counting the noun shares more of the question's words ("5 incontri di
  // formazione su temi finanziari" against "n. enti gestori incontrati"), and the question does not ask an indicator
  const sentenceFirst = quoted && best && quoted.score > best.score && !asksIndicator(question);
  if (best && !sentenceFirst)
    return [
      packFor(lang).messages.objective.indicatorTarget(best.i.description, best.o.code, best.i.target!.text),
      indicatorLine(best.i, lang),
    ];
  return quoted ? [`> ${quoted.s}`] : null;
}

/** "valore atteso dell'indicatore", "target": the question asks an indicator's figure, not a sentence's. */
const asksIndicator = (question: string) => {
  const intents = detectIntents(question);
  return intents.includes('indicator_value') || intents.includes('indicators');
};

const COUNT_MARKERS = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.countMarkers ?? []));

/** The text opens a count: "n. persone", "numero beneficiari", "number of visits". */
function countsSomething(text: string): boolean {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .some((w) => COUNT_MARKERS.has(w));
}

/** A number (in figures or in words) at most two words before one of the noun's forms. */
function numberBefore(sentence: string, noun: readonly string[]): boolean {
  const words = fold(sentence)
    .split(/[^a-z0-9,.]+/)
    .filter(Boolean);
  return words.some((w, k) => {
    if (!noun.includes(prefixOf(w.replace(/[.,]+$/, '')))) return false;
    return words
      .slice(Math.max(0, k - 3), k)
      .some((b) => /^\d+(?:[.,]\d+)*[.,]?$/.test(b) || NUMBER_WORDS.has(b.replace(/[.,]+$/, '')));
  });
}
