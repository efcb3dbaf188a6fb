/**
 * Questions built to make a backtracking regex or a per-word loop do the most work: long runs of the characters the
 * code, date, name, quote and markup patterns look for. The benchmark times the engine on each at the length cap, and
 * the property test pushes them through every channel.
 */

import { mulberry32 } from './scale-corpus.ts';

// letters (accented too), digits, punctuation, spacing, emoji and joiners: what a person or a paste can bring
export const MIXED_ALPHABET: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÀÈÉ0123456789',
  ...' \t\n\u00a0',
  ...'.,;:!?-–—_/\\()[]{}<>"\'«»“”‘’*&%$€#@+=|~^`',
  '😀',
  '⚠️',
  '👍🏽',
  '\u200d',
  '\ufeff',
];

/** `length` characters drawn from MIXED_ALPHABET: many distinct words, none of them the plans' */
export function randomText(random: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += MIXED_ALPHABET[Math.floor(random() * MIXED_ALPHABET.length)]!;
  return s.slice(0, length);
}

/** A repeated unit, cut to exactly `length` characters. */
const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** A run of `unit` between two other strings, `length` characters in all: the run is what a pattern rescans. */
const between = (first: string, unit: string, last: string) => (length: number) =>
  `${first}${repeat(unit, Math.max(0, length - first.length - last.length))}${last}`.slice(0, length);

const repeated = (unit: string) => (length: number) => repeat(unit, length);

/** name → question of a given length; each aims at a pattern family */
export const ADVERSARIAL_QUESTIONS: Readonly<Record<string, (length: number) => string>> = {
  digit_run: repeated('1'),
  digit_run_then_letter: between('', '1', 'x'),
  digit_run_then_underscore: between('', '1', '_'),
  dash_digits: repeated('1-'),
  underscore_letters: repeated('_a'),
  letter_underscores: between('1', 'a_', '_'),
  underscore_capitals: repeated('A_'),
  letters: repeated('a'),
  capitals: repeated('A'),
  dotted_pairs: repeated('11.'),
  slashed_dates: repeated('1/1/'),
  roman_dash: repeated('I - '),
  roman_then_spaces: between('IV', ' ', 'x'),
  space_run: between('a', ' ', 'b'),
  nested_quotes: repeated(` '"«‘a`),
  unclosed_quotes: repeated(" 'ab"),
  angle_brackets: repeated('<a'),
  stars: repeated('*a'),
  capitalised_words: repeated('Abc '),
  year_words: repeated('2021 '),
  code_words: repeated('2021_PD_ '),
  objective_words: repeated('obiettivo n. '),
  what_is: repeated('what is '),
  emoji: repeated('😀'),
  punctuation: repeated('?!.,;:-_/()"\''),
  // the same runs after the words of a real question, so the routes past the first checks see them too
  count_question_underscores: between('quanti progetti ha il centro di responsabilità ', '_a', ''),
  deadline_question_digits: between('quali scadenze entro il 30/09/2021 per ', '1-', ''),
  owner_question_digits: between('chi è il responsabile del progetto ', '1', ''),
  budget_question_brackets: between('what is the budget of ', '<a', ''),
  quoted_title_capitals: between('indicatori dell\'obiettivo "', 'Abc ', ''),
  // two capitalised words of half the cap each: a "name" whose every prefix or deletion would be a string of its size
  long_name_pair: (length) =>
    between('A', 'b', '')(Math.floor(length / 2)) + between(' C', 'd', '')(Math.ceil(length / 2)),
  // no repetition at all: every word is new, so nothing is looked up only once
  random_mix_1: (length) => randomText(mulberry32(1), length),
  random_mix_2: (length) => randomText(mulberry32(2), length),
  random_mix_3: (length) => randomText(mulberry32(3), length),
};

/** Every adversarial question at `length` characters (UTF-16 code units, as the length cap counts), by name. */
export function adversarialQuestions(length: number): { name: string; question: string }[] {
  return Object.entries(ADVERSARIAL_QUESTIONS).map(([name, make]) => ({ name, question: make(length) }));
}
