/**
 * "quante persone in tutto tra la struttura A e la struttura B?", "quanti incontri sommando quelli X e quelli Y?": a
 * total of figures the plans write in sentences or indicators, not in any field. Each part of the question is met by
 * the figure (a number right before the thing counted, or an indicator counting it) whose text holds a word of that
 * part no other chosen figure holds; two parts or more are added up, said to be computed, each figure quoted.
 */
import { type LanguagePack, PACKS } from '../lang/packs.ts';
import { splitSentences } from '../lang/split-sentences.ts';
import type { Objective, Project, SourceSpan } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { formatAmount } from '../query/format-number.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { countedNoun } from './counted-figure.ts';
import { contentTokens, stem } from './text-match.ts';

const PREFIX = 5;
const prefixOf = (w: string) => stem(w).slice(0, PREFIX);
const NUMBER_WORDS = new Map(
  Object.values(PACKS).flatMap((p) =>
    Object.entries({ ...p.lexicon.numbers, ...p.lexicon.numberParts }).filter(
      ([w, n]) => n >= 2 && !(w in p.lexicon.ordinals),
    ),
  ),
);

const ONE_WORDS = new Set(
  Object.values(PACKS).flatMap((p) =>
    Object.entries(p.lexicon.numbers)
      .filter(([w, n]) => n === 1 && !(w in p.lexicon.ordinals))
      .map(([w]) => w),
  ),
);

/** One figure a text writes beside the thing counted. */
interface Figure {
  value: number;
  /** as written: "otto", "16,00" */
  text: string;
  /** the sentence or indicator it is read in */
  source: string;
  prefixes: ReadonlySet<string>;
  /** where it is written, for the citation */
  span: SourceSpan;
  code: string;
}

/** a figure as the plans write it: 1.920.000,00, 16,00, 5, or a number word */
function figureValue(word: string): number | null {
  if (/^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$/.test(word))
    return Number(word.replace(/\./g, '').replace(',', '.'));
  return NUMBER_WORDS.get(word) ?? null;
}

/** A sentence read once: its words with their prefixes, and its content prefixes. */
interface ReadSentence {
  text: string;
  words: { word: string; prefix: string }[];
  prefixes: ReadonlySet<string>;
}

/** An indicator with a numeric target, read once: a figure written in the indicator's own row. */
type ReadIndicator = Figure;

/** per record, its sentences and countable indicators (records live as long as the store): a sum asked of every
 * record in scope reads each once */
const READ = new WeakMap<Objective | Project, { sentences: ReadSentence[]; indicators: ReadIndicator[] }>();

function readRecord(
  r: Objective | Project,
  store: PlanStore,
): { sentences: ReadSentence[]; indicators: ReadIndicator[] } {
  let read = READ.get(r);
  if (read) return read;
  const texts = 'phases' in r ? [r.description, r.expectedResult] : [r.description];
  const sentences = texts
    .filter((t): t is string => Boolean(t))
    .flatMap((t) => splitSentences(t))
    .map((text) => ({
      text,
      words: fold(text)
        .split(/[^a-z0-9,.]+/)
        .map((w) => w.replace(/[.,]+$/, ''))
        .filter(Boolean)
        .map((word) => ({ word, prefix: prefixOf(word) })),
      prefixes: new Set(contentTokens(text, { keepQuestionWords: true }).map(prefixOf)),
    }));
  const indicators: ReadIndicator[] = [];
  for (const o of objectivesOf(r, store))
    for (const i of o.indicators) {
      if (!i.target || i.target.value === null || i.target.date) continue;
      indicators.push({
        value: i.target.value,
        text: i.target.text,
        source: i.description,
        prefixes: new Set(contentTokens(i.description, { keepQuestionWords: true }).map(prefixOf)),
        span: i.span,
        code: o.code,
      });
    }
  read = { sentences, indicators };
  READ.set(r, read);
  return read;
}

/**
 * The figures a sentence writes at most three words before one of the noun's forms; with `one`, "una", "one" count
 * as 1 (in a sentence that already counts the noun, "due scuole … ed una scuola primaria", the article is a count).
 */
function figuresIn(s: ReadSentence, noun: readonly string[], at: Pick<Figure, 'span' | 'code'>, one = false): Figure[] {
  const out: Figure[] = [];
  for (const [k, { prefix }] of s.words.entries()) {
    if (!noun.includes(prefix)) continue;
    for (const { word } of s.words.slice(Math.max(0, k - 3), k).reverse()) {
      const value = figureValue(word) ?? (one && ONE_WORDS.has(word) ? 1 : null);
      if (value !== null) {
        out.push({ value, text: word, source: s.text, prefixes: s.prefixes, ...at });
        break;
      }
    }
  }
  return out;
}

function objectivesOf(record: Objective | Project, store: PlanStore): Objective[] {
  if ('phases' in record) return [record];
  return record.objectives.flatMap((c) =>
    (store.objectivesByCode.get(codeKey(c)) ?? []).filter((o) => o.doc === record.doc),
  );
}

/** The texts figures are read in: the records' own sentences, and their indicators (description and target). */
function candidates(records: readonly (Objective | Project)[], store: PlanStore, noun: readonly string[]): Figure[] {
  const out: Figure[] = [];
  for (const r of records) {
    const { sentences, indicators } = readRecord(r, store);
    for (const s of sentences)
      if (s.words.some((w) => noun.includes(w.prefix))) out.push(...figuresIn(s, noun, { span: r.span, code: r.code }));
    for (const i of indicators) if (noun.some((n) => i.prefixes.has(n))) out.push(i);
  }
  return out;
}

/** The question adds something up: one of the pack's sum words. */
export function asksSum(question: string, pack: LanguagePack): boolean {
  const q = ` ${fold(question)} `;
  return pack.lexicon.sum.some((w) => q.includes(w));
}

/**
 * The answer lines of a total of written figures, or null: the question adds up (the packs' sum words) a thing
 * counted, and two figures or more each meet a word of the question the others do not.
 */
export function figuresSumLines(
  question: string,
  records: readonly (Objective | Project)[],
  store: PlanStore,
  pack: LanguagePack,
): { lines: string[]; sources: { span: SourceSpan; code: string }[] } | null {
  if (!asksSum(question, pack)) return null;
  const noun = countedNoun(question);
  if (!noun) return null;
  const sumWords = new Set(pack.lexicon.sum.flatMap((w) => contentTokens(w)).map(prefixOf));
  const asked = [...new Set(contentTokens(question).map(prefixOf))].filter(
    (p) => !noun.includes(p) && !sumWords.has(p),
  );
  const figures = candidates(records, store, noun);
  // the figures of one record first (the question names its parts: "quelli della panchina e quelli di formazione"),
  // the record whose figures meet most parts; else the figures of all the records in scope
  const byRecord = new Map<string, Figure[]>();
  for (const f of figures) byRecord.set(f.code, [...(byRecord.get(f.code) ?? []), f]);
  let chosen: Figure[] = [];
  for (const group of byRecord.values()) {
    const picked = choose(group, asked);
    if (picked.length > chosen.length) chosen = picked;
  }
  if (chosen.length < 2) chosen = choose(figures, asked);
  // the question names no parts: one sentence on its subject counting the thing twice or more ("nelle vicinanze di
  // due scuole dell'infanzia … ed una scuola primaria") holds the parts
  if (chosen.length < 2) chosen = withinOneSentence(records, store, noun, asked);
  if (chosen.length < 2) return null;
  const total = chosen.reduce((sum, f) => sum + f.value, 0);
  const decimals = chosen.some((f) => /,\d/.test(f.text)) ? 2 : 0;
  return {
    lines: [
      pack.messages.sumOfFigures(formatAmount(total, decimals), chosen.length),
      ...chosen.map((f) => `• ${f.text} (${f.code}) — “${f.source}”`),
    ],
    sources: chosen.map(({ span, code }) => ({ span, code })),
  };
}

/**
 * each of the question's words picks the figure holding it alone, or of several holding it the one saying least
 * beyond the question ("Cerbero" picks "n. controlli Cerbero", not "n. controlli Cerbero plus"); a figure is taken
 * once
 */
function choose(figures: readonly Figure[], asked: readonly string[]): Figure[] {
  const chosen: Figure[] = [];
  const question = new Set(asked);
  const beyond = (f: Figure) => [...f.prefixes].filter((p) => !question.has(p)).length;
  for (const p of asked) {
    const holding = figures.filter((f) => f.prefixes.has(p) && !chosen.includes(f));
    if (!holding.length) continue;
    const least = Math.min(...holding.map(beyond));
    const fewest = holding.filter((f) => beyond(f) === least);
    if (fewest.length !== 1 || (holding.length > 1 && !narrowest(fewest[0]!, holding))) continue;
    chosen.push(fewest[0]!);
  }
  return chosen;
}

/** `f`'s words are all in each other figure holding the same word: it is the plain one, the others add to it. */
function narrowest(f: Figure, holding: readonly Figure[]): boolean {
  return holding.every((g) => g === f || [...f.prefixes].every((p) => g.prefixes.has(p)));
}

/** At least this many of the question's other words name the sentence whose counts are added. */
const SUBJECT_WORDS = 2;

/** The figures of the one sentence sharing most of the question's words that counts the noun twice or more. */
function withinOneSentence(
  records: readonly (Objective | Project)[],
  store: PlanStore,
  noun: readonly string[],
  asked: readonly string[],
): Figure[] {
  let best: { figures: Figure[]; score: number; tie: boolean } = { figures: [], score: 0, tie: false };
  for (const r of records)
    for (const s of readRecord(r, store).sentences) {
      if (!s.words.some((w) => noun.includes(w.prefix))) continue;
      const score = asked.filter((p) => s.prefixes.has(p)).length;
      if (score < SUBJECT_WORDS || score < best.score) continue;
      const figures = figuresIn(s, noun, { span: r.span, code: r.code }, true);
      if (figures.length < 2 || !figures.some((f) => f.value >= 2)) continue;
      // the same sentence in two sheets of one objective is one sentence; two different ones alike: none
      if (score === best.score && best.figures.length) {
        if (best.figures[0]!.source !== s.text) best = { ...best, tie: true };
        continue;
      }
      best = { figures, score, tie: false };
    }
  return best.tie ? [] : best.figures;
}
