/**
 * Words a PDF hyphenated at a line's end, healed. Joined back with a space, a broken word reads `poliambu- latori`
 * (a dash between words is spaced on both sides, a compound's hyphen on neither). Whether the hyphen belongs to the
 * word is learnt from the document itself — the word written whole, or hyphenated, elsewhere — and otherwise from
 * the language pack's compound parts ("socio-", "tecnico-", "extra-").
 */
import { fold } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';

/** The folded words of a document, for telling a broken word from a compound. */
export function documentWords(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const w of fold(line).match(/[\p{L}][\p{L}-]*[\p{L}]/gu) ?? []) words.add(w);
  return words;
}

function isCompoundPart(left: string, pack: LabelPack): boolean {
  const l = fold(left);
  return pack.compoundParts.some((p) => (p.startsWith('*') ? l.endsWith(p.slice(1)) && l.length > 4 : l === p));
}

/** Heals every `word- word` break in a value joined from several lines. */
export function healHyphens(text: string, words: ReadonlySet<string>, pack: LabelPack = LEXICON): string {
  return text.replace(/(?<![\p{L}-])(\p{L}+)- (\p{Ll}[\p{L}]*)/gu, (_all, left: string, right: string) => {
    const whole = fold(left + right);
    if (words.has(whole)) return left + right;
    if (words.has(`${fold(left)}-${fold(right)}`) || isCompoundPart(left, pack)) return `${left}-${right}`;
    return left + right;
  });
}
