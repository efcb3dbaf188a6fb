import type { Answer } from './answer.ts';
import type { Lang } from './labels.ts';
import { detectLanguage } from './language.ts';

/**
 * The longest question the engine reads, whatever the channel (web, Slack, CLI) and including the follow-up context
 * the router appends. Real questions are a sentence or two; the cap bounds the work one message can cause.
 */
export const MAX_QUESTION_CHARS = 2000;

/** What the user reads when a question is over the cap, per language: the limit, its length, what to do instead. */
const TOO_LONG: Record<Lang, { thousands: string; message: (length: string, max: string) => string }> = {
  it: {
    thousands: '.',
    message: (length, max) =>
      `La domanda è troppo lunga (${length} caratteri): ne leggo al massimo ${max}. Riformulala in breve, per esempio con il codice o il titolo dell'obiettivo o del progetto.`,
  },
  en: {
    thousands: ',',
    message: (length, max) =>
      `The question is too long (${length} characters): I read at most ${max}. Ask it briefly, for example with the code or title of the objective or project.`,
  },
};

/** thousands grouped as the language writes them (2.000 / 2,000), also for four digits, which Intl leaves bare in Italian */
const grouped = (n: number, separator: string) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, separator);

/** The answer to a question over the cap: it says the limit and how long the question was, and reads nothing else. */
export function questionTooLong(question: string): Answer {
  // the language of the opening words is enough, and keeps even this reply's work bounded
  const lang = detectLanguage(question.slice(0, MAX_QUESTION_CHARS));
  const { thousands, message } = TOO_LONG[lang];
  return {
    answer: message(grouped(question.length, thousands), grouped(MAX_QUESTION_CHARS, thousands)),
    citations: [],
    lang,
    found: false,
    intent: 'question_too_long',
    focus: [],
  };
}
