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
  // a question meets about a thousand lexicon phrases: a phrase already trimmed, or ending with its one space, is
  // looked for as it is (its trailing space is the whole-word test), with no string built per call
  if (isPlain(phrase)) {
    // most phrases of a lexicon start no word of the question: their first letters say so without a search
    if (!mayStartAWord(words, phrase)) return -1;
    let j = words.indexOf(phrase, from + 1);
    while (j >= 0) {
      if (words.charCodeAt(j - 1) === SPACE) return j;
      j = words.indexOf(phrase, j + 1);
    }
    return -1;
  }
  const p = phrase.trim();
  const whole = phrase.endsWith(' ');
  let i = words.indexOf(` ${p}`, from);
  while (i >= 0) {
    if (!whole || words[i + 1 + p.length] === ' ') return i + 1;
    i = words.indexOf(` ${p}`, i + 1);
  }
  return -1;
}

const SPACE = 32;

/**
 * The first one, two and three characters of every word of the last words searched, as slots of a small table (a
 * slot holds the current stamp when some word starts so): a phrase whose opening is in no slot starts no word. Slots
 * are a hash, so a phrase may pass and still be absent; never the other way round.
 */
const SLOTS = 4096;
const slots = new Int32Array(SLOTS);
let stamp = 0;
let indexed: string | null = null;

const slotOf = (words: string, at: number, n: number): number => {
  let h = n;
  for (let k = 0; k < n; k++) h = (h * 31 + words.charCodeAt(at + k)) | 0;
  return h & (SLOTS - 1);
};

function mayStartAWord(words: string, phrase: string): boolean {
  if (words !== indexed) {
    indexed = words;
    stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
    if (stamp === 1) slots.fill(0);
    for (let i = 1; i < words.length; i++) {
      if (words.charCodeAt(i - 1) !== SPACE) continue;
      for (let n = 1; n <= 3 && i + n <= words.length; n++) slots[slotOf(words, i, n)] = stamp;
    }
  }
  return slots[slotOf(phrase, 0, Math.min(3, phrase.length))] === stamp;
}

/** No white space at either end, except one plain space at the end after a character that is not one. */
function isPlain(phrase: string): boolean {
  const n = phrase.length;
  if (n === 0 || isWhite(phrase.charCodeAt(0))) return false;
  const last = phrase.charCodeAt(n - 1);
  if (!isWhite(last)) return true;
  return last === SPACE && n >= 2 && !isWhite(phrase.charCodeAt(n - 2));
}

/** What String.prototype.trim removes (and, to stay on the safe side, every other control character). */
function isWhite(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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
