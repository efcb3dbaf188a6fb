/**
 * Generated questions for the property tests: words taken from the loaded plan model itself, single characters,
 * random strings of 1 to 2,000 characters and adversarial repeats. A seeded PRNG makes every run push the same
 * inputs, so a failure names an input that fails again.
 */
import { adversarialQuestions, randomText } from '../../bench/adversarial-questions.ts';
import { mulberry32 } from '../../bench/scale-corpus.ts';
import { MAX_QUESTION_CHARS } from '../../src/answer/question-limits.ts';
import type { PlanModel } from '../../src/plan/model.ts';

export interface GeneratedQuestion {
  /** which family of inputs it comes from, for the failure message */
  kind: string;
  question: string;
}

function sample<T>(random: () => number, list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** Everything the model names: entities, titles, codes, people, structures, and the single words of those names. */
export function modelVocabulary(model: PlanModel): string[] {
  const names = [
    ...model.documents.flatMap((d) => [d.entity, d.title, d.file, ...d.years.map(String)]),
    ...model.structures.flatMap((s) => [s.name, s.code ?? '', s.head ?? '']),
    ...model.people.map((p) => p.name),
    ...model.objectives.flatMap((o) => [o.code, o.title, ...o.indicators.map((i) => i.code ?? '')]),
    ...model.projects.flatMap((p) => [p.code, p.title]),
  ].filter((n) => n.trim());
  const words = names.flatMap((n) => n.split(/\s+/)).filter((w) => w.length > 0);
  return [...new Set([...names, ...words])];
}

/** `count` strings of random length 1 to `maxLength`, mostly short (as questions are), some near the cap. */
export function randomStrings(random: () => number, count: number, maxLength = MAX_QUESTION_CHARS): string[] {
  return Array.from({ length: count }, () => {
    const length = random() < 0.7 ? 1 + Math.floor(random() * 40) : 1 + Math.floor(random() * maxLength);
    return randomText(random, length);
  });
}

/** The generated inputs, all within the length cap: the engine must answer every one. */
export function generatedQuestions(model: PlanModel, seed: number, perKind = 60): GeneratedQuestion[] {
  const random = mulberry32(seed);
  const vocabulary = sample(random, modelVocabulary(model), perKind * 2);
  const singles = ['?', '!', '.', '-', '_', '"', "'", '«', '(', ')', '*', '<', '>', '&', '😀', '⚠️', '0', '1', '99'];
  return [
    ...vocabulary.map((question) => ({ kind: 'model vocabulary', question })),
    ...singles.map((question) => ({ kind: 'single character', question })),
    ...randomStrings(random, perKind).map((question) => ({ kind: 'random string', question })),
    ...adversarialQuestions(MAX_QUESTION_CHARS).map(({ name, question }) => ({
      kind: `adversarial ${name}`,
      question,
    })),
    // a name or code of the plans said over and over: every mention links to the same records
    ...sample(random, vocabulary, 8).map((name) => ({
      kind: 'model vocabulary repeated',
      question: `${name} `.repeat(Math.ceil(MAX_QUESTION_CHARS / (name.length + 1))).slice(0, MAX_QUESTION_CHARS),
    })),
    ...adversarialQuestions(37).map(({ name, question }) => ({ kind: `short ${name}`, question })),
  ];
}
