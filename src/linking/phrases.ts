/** Finding lexicon phrases in a question: word-initial matches over a folded, punctuation-free form. */
import { fold } from '../plan/text.ts';

/** The question folded to lower-case words separated by single spaces, padded with one space at each end. */
export function wordsOf(question: string): string {
  // every run of other characters is one space, and the padding absorbs one at either end
  const spaced = fold(question).replace(/[^a-z0-9€%]+/g, ' ');
  const out = spaced.startsWith(' ') ? spaced : ` ${spaced}`;
  return out.endsWith(' ') ? out : `${out} `;
}

/**
 * Where a phrase starts in the padded words: a phrase matches at a word start and may end inside a word (a
 * prefix, "obiettiv" for "obiettivi"), unless it ends with a space (a whole word). -1 when absent.
 */
export function phraseAt(words: string, phrase: string, from = 0): number {
  const { needle, whole, length } = needleOf(phrase);
  let i = words.indexOf(needle, from);
  while (i >= 0) {
    if (!whole || words.charCodeAt(i + 1 + length) === SPACE) return i + 1;
    i = words.indexOf(needle, i + 1);
  }
  return -1;
}

const SPACE = 32;

/**
 * What a phrase is searched by: the trimmed phrase after a space, and whether it must end a word. A question meets
 * about a thousand lexicon phrases, so each is worked out once (the lexicons and the model's names are a bounded set;
 * the map is emptied should it ever grow past that).
 */
const NEEDLES = new Map<string, { needle: string; whole: boolean; length: number }>();
const MAX_NEEDLES = 50_000;

function needleOf(phrase: string): { needle: string; whole: boolean; length: number } {
  let needle = NEEDLES.get(phrase);
  if (!needle) {
    const p = phrase.trim();
    needle = { needle: ` ${p}`, whole: phrase.endsWith(' '), length: p.length };
    if (NEEDLES.size >= MAX_NEEDLES) NEEDLES.clear();
    NEEDLES.set(phrase, needle);
  }
  return needle;
}

export function hasAny(words: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => phraseAt(words, p) >= 0);
}

/** The first position any of the phrases occurs at, or -1. */
export function firstAt(words: string, phrases: readonly string[]): number {
  let best = -1;
  for (const p of phrases) {
    const at = phraseAt(words, p);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** The last position any of the phrases ends at before `limit` (or -1): what an amount's operator is. */
export function lastBefore(
  words: string,
  phrases: readonly string[],
  limit: number,
): { at: number; phrase: string } | null {
  let best: { at: number; phrase: string } | null = null;
  for (const p of phrases) {
    let i = phraseAt(words, p);
    while (i >= 0 && i < limit) {
      if (!best || i > best.at) best = { at: i, phrase: p };
      i = phraseAt(words, p, i + 1);
    }
  }
  return best;
}
