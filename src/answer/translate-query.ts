import { glossaryExpander } from '../retrieval/query-expansion.ts';
import { detectLanguage } from './language.ts';

/**
 * Gives the English words of a question the Italian words the plans use (src/retrieval/glossary.json, the same
 * glossary passage search expands with), so they can match Italian titles: "revenue management" → "entrate
 * gestione". Each word is replaced by its first translation rather than joined by all of them: a title match
 * scores the share of the question's words a title holds, and a dozen synonyms would drown it.
 * Italian questions are left alone.
 */
export function translateQuery(question: string): string {
  // linking and the title matchers translate the same question several times
  if (last?.question !== question) last = { question, translated: translate(question) };
  return last.translated;
}

let last: { question: string; translated: string } | null = null;

function translate(question: string): string {
  if (detectLanguage(question) !== 'en') return question;
  const expander = glossaryExpander();
  // each distinct word is looked up once: a question repeating a word hundreds of times costs no more than one
  const translated = new Map<string, string>();
  return question.replace(/[\p{L}'’-]+/gu, (word) => {
    let out = translated.get(word);
    if (out === undefined) {
      out = expander.expand(word)[0] ?? word;
      translated.set(word, out);
    }
    return out;
  });
}
