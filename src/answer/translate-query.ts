import { glossaryExpander } from '../retrieval/query-expansion.ts';
import { detectLanguage } from './language.ts';

/**
 * Adds the glossary's Italian terms (src/retrieval/glossary.json, the same expansion passage search uses) to an
 * English question, so its words can match Italian titles: "digital accessibility" → "accessibilità digitale".
 * Italian questions are left alone: synonyms would only dilute how much of a title they match.
 */
export function translateQuery(question: string): string {
  if (detectLanguage(question) !== 'en') return question;
  const extra = glossaryExpander().expand(question);
  return extra.length ? `${question} ${extra.join(' ')}` : question;
}
