/**
 * A field the question asks for (a budget, a cost) that a record writes in its prose rather than in the field:
 * "un budget complessivo di 3,7 milioni di euro" in a description. A sentence writes the field when it holds one of
 * the money field's words (the packs' `fields.budget`) that the question also uses, beside a figure.
 */
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';

/** the words of the money field ("budget", "stanziamento", "importo"): a figure a record may write in its prose */
const FIELD_WORDS: readonly string[][] = Object.values(PACKS).map((p) => p.lexicon.fields.budget);

/** The field words (of one field) both texts use; [] when they share none. */
function sharedFieldWords(a: string, b: string): string[] {
  const x = ` ${fold(a)} `;
  const y = ` ${fold(b)} `;
  return FIELD_WORDS.flatMap((words) => words.filter((w) => x.includes(w) && y.includes(w)));
}

/** Whether `sentence` writes the money field the question names, beside a figure. */
export function writesAskedField(sentence: string, question: string): boolean {
  return /\d/.test(sentence) && sharedFieldWords(sentence, question).length > 0;
}

/** Whether `sentence` writes one of `words` (a field's words, folded) beside a figure. */
export function writesFieldWords(sentence: string, words: readonly string[]): boolean {
  const s = ` ${fold(sentence)} `;
  return /\d/.test(s) && words.some((w) => s.includes(w));
}
