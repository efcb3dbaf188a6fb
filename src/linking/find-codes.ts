/**
 * Codes in a question, resolved against the model: the full code (any case, spacing or separator) or a distinctive
 * ending of one (`8735` for a project whose code ends in 8735). A mention that matches nothing but has the shape of
 * the model's codes is kept unresolved, so the answer can say that code is not in the plans.
 */

import type { Lexicon } from '../lang/language-pack.ts';
import type { Indicator, Objective, Project } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { codeShape, vocabularyOf } from './model-vocabulary.ts';

export type CodeHit =
  | { kind: 'objective'; code: string; record: Objective }
  | { kind: 'project'; code: string; record: Project }
  | { kind: 'indicator'; code: string; record: Indicator; objective: Objective };

export interface CodeMention {
  text: string;
  hits: CodeHit[];
  /** where the mention starts and ends in the question */
  start: number;
  end: number;
}

// letters and digits joined by separators; a separator may have one space on each side ("VI - 1"). Each repetition
// must consume a separator, which the word class excludes, so matching stays linear.
const CANDIDATE = /[\p{L}\p{N}]+(?:\s?[-–_./]\s?[\p{L}\p{N}]+)*/gu;
// a short run of letters, one space, a small number: "VI 8"
const SPACED_CODE = /(?<![\p{L}\p{N}])\p{L}{1,4} \d{1,3}(?![\p{L}\p{N}])/gu;
const PART_SPLIT = /\s[-–]\s|\//;
const DIGIT = /\d/;
// "obiettivo 3", "objective nr. 2". A match can only start where a run of letters starts (from inside the run the
// same endings are tried again), so the lookbehind changes no match but keeps a long run of letters linear.
const OBJECTIVE_NUMBER = /(?<![a-z])([a-z]+)\.?\s*(?:n\.?|nr\.?|numero|number|#)?\s*(\d{1,2})\b/g;

export function hitDoc(h: CodeHit): string {
  return h.kind === 'indicator' ? h.objective.doc : h.record.doc;
}

/** True when the text has the shape of a code the loaded plans use. */
export function hasKnownCodeShape(text: string, store: PlanStore): boolean {
  return vocabularyOf(store).codeShapes.has(codeShape(text));
}

export function findCodeMentions(
  question: string,
  store: PlanStore,
  inScope: (doc: string) => boolean,
  lexicon: Lexicon,
): CodeMention[] {
  const mentions: CodeMention[] = [];
  for (const m of question.matchAll(CANDIDATE)) {
    const whole = m[0];
    // every code has a digit, so a run without one (most words of a question) holds no piece to look up
    if (!DIGIT.test(whole)) continue;
    const start = m.index ?? 0;
    const pieces = [{ text: whole, start }];
    if (PART_SPLIT.test(whole) && !lookup(whole, store).length && !hasKnownCodeShape(whole, store)) {
      let offset = start;
      pieces.length = 0;
      for (const part of whole.split(PART_SPLIT)) {
        const at = question.indexOf(part, offset);
        pieces.push({ text: part, start: at });
        offset = at + part.length;
      }
    }
    for (const piece of pieces) {
      const text = piece.text.trim().replace(/[.]+$/, '');
      if (!/\d/.test(text)) continue; // every code has a digit
      if (isYearOrDate(text)) continue;
      if (/^\d{1,3}$/.test(text)) continue; // a small number is a count, an amount or a row, not a code
      const hits = lookup(text, store).filter((h) => inScope(hitDoc(h)));
      if (!hits.length && !hasKnownCodeShape(text, store)) continue; // a number, not a code
      mentions.push({ text, hits, start: piece.start, end: piece.start + text.length });
    }
  }
  // a code written with a space where the plan writes a separator ("VI 8" for "VI - 8"): only a record's exact code,
  // never an ending or a shape, so "cdr 87" or "il 5" stay what they are
  for (const m of question.matchAll(SPACED_CODE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (mentions.some((x) => x.start < end && x.end > start)) continue;
    const key = codeKey(m[0]);
    const hits: CodeHit[] = [
      ...(store.projectsByCode.get(key) ?? []).map((p) => ({ kind: 'project' as const, code: p.code, record: p })),
      ...(store.objectivesByCode.get(key) ?? []).map((o) => ({ kind: 'objective' as const, code: o.code, record: o })),
    ].filter((h) => inScope(h.record.doc));
    if (hits.length) mentions.push({ text: m[0], hits, start, end });
  }
  // documents that number their objectives: "obiettivo 3", "objective nr. 2"
  const objectiveWords = lexicon.targets.objective;
  const folded = fold(question);
  for (const m of folded.matchAll(OBJECTIVE_NUMBER)) {
    if (!objectiveWords.some((w) => m[1]!.startsWith(w))) continue;
    if (mentions.some((x) => x.start <= (m.index ?? 0) + m[0].length && x.end >= (m.index ?? 0))) continue;
    const hits = (store.objectivesByCode.get(m[2]!) ?? [])
      .filter((o) => inScope(o.doc))
      .map((o) => ({ kind: 'objective' as const, code: o.code, record: o }));
    if (hits.length) mentions.push({ text: m[0], hits, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return mentions;
}

function isYearOrDate(text: string): boolean {
  return /^(?:19|20)\d{2}$/.test(text) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text);
}

function lookup(text: string, store: PlanStore): CodeHit[] {
  const key = codeKey(text);
  const indicators: CodeHit[] = (store.indicatorsByCode.get(key) ?? []).map(({ indicator, objective }) => ({
    kind: 'indicator',
    code: indicator.code!,
    record: indicator,
    objective,
  }));
  const exact: CodeHit[] = [
    ...(store.projectsByCode.get(key) ?? []).map((p) => ({ kind: 'project' as const, code: p.code, record: p })),
    ...(store.objectivesByCode.get(key) ?? []).map((o) => ({ kind: 'objective' as const, code: o.code, record: o })),
    ...indicators,
  ];
  if (exact.length || key.length < 4 || !/\d/.test(key)) return exact;
  // a distinctive ending: the last part of a longer code
  const keyed = keyedCodes(store);
  const projects = endingWith(keyed.projects, keyed.projectEnds, key);
  const objectives = endingWith(keyed.objectives, keyed.objectiveEnds, key).filter((o) => !/^\d+$/.test(o.key));
  return [
    ...projects.map(({ record: p }) => ({ kind: 'project' as const, code: p.code, record: p })),
    ...objectives.map(({ record: o }) => ({ kind: 'objective' as const, code: o.code, record: o })),
  ];
}

export interface KeyedCodes {
  projects: { key: string; record: Project }[];
  objectives: { key: string; record: Objective }[];
  /** `projects` / `objectives` keys read backwards, and their positions sorted by them: codes ending alike sit together */
  projectEnds: Endings;
  objectiveEnds: Endings;
}

interface Endings {
  backwards: string[];
  sorted: Int32Array;
}
const keyedByStore = new WeakMap<PlanStore, KeyedCodes>();

// code units, not code points: "a ends with b" is then exactly "reversed a starts with reversed b"
const reversed = (s: string) => s.split('').reverse().join('');

function byEnding(keys: readonly { key: string }[]): Endings {
  const backwards = keys.map((k) => reversed(k.key));
  const sorted = Int32Array.from(keys.keys()).sort((a, b) =>
    backwards[a]! < backwards[b]! ? -1 : backwards[a]! > backwards[b]! ? 1 : a - b,
  );
  return { backwards, sorted };
}

/**
 * The entries whose key ends with `ending`, in model order: a binary search over the keys read backwards finds where
 * they start, so a question naming many numbers does not test every code of a thousand plans for each.
 */
function endingWith<T extends { key: string }>(keys: readonly T[], endings: Endings, ending: string): T[] {
  const back = reversed(ending);
  const ends = endings.sorted;
  const backOf = (i: number) => endings.backwards[ends[i]!]!;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (backOf(mid) < back) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < ends.length && backOf(i).startsWith(back); i++) found.push(ends[i]!);
  return found.sort((a, b) => a - b).map((i) => keys[i]!);
}

/** Every record's code key, computed once per store: a question naming many codes must not re-fold them all each time. */
export function keyedCodes(store: PlanStore): KeyedCodes {
  let keyed = keyedByStore.get(store);
  if (!keyed) {
    const projects = store.projects.map((record) => ({ key: codeKey(record.code), record }));
    const objectives = store.objectives.map((record) => ({ key: codeKey(record.code), record }));
    keyed = { projects, objectives, projectEnds: byEnding(projects), objectiveEnds: byEnding(objectives) };
    keyedByStore.set(store, keyed);
  }
  return keyed;
}
