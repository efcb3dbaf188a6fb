/**
 * Greetings and questions about pianobot itself ("che tipo di domande ti posso fare?", "which documents have you
 * got?"), recognised by the kind of their words rather than by a list of phrasings: a greeting is only greeting words
 * and chatter; a question about pianobot addresses it ("puoi", "you") or names what it holds ("piani", "documents"),
 * and has no other content word. The caller rules out questions that name a record, a person, a place or a figure.
 */
import type { Lexicon } from '../lang/language-pack.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';

export type MetaKind = 'greeting' | 'help';

/**
 * A lexicon entry matches a word equal to it or, when longer than three letters, extending it by a short ending
 * ("pian" → "piani", "raccont" → "raccontarmi"); a short entry ("ti", "hai") only as itself, and so does an entry
 * written with a closing `$` ("servi$": "a cosa servi?" addresses pianobot, "servizi" is what a plan holds).
 */
export function wordMatches(word: string, entries: readonly string[]): boolean {
  return entries.some((e) =>
    e.endsWith('$')
      ? word.length === e.length - 1 && e.startsWith(word)
      : word === e || (e.length > 3 && word.startsWith(e) && word.length - e.length <= 4),
  );
}

/** `words`: the question as padded folded words (phrases.ts `wordsOf`). */
export function metaKindOf(words: string, lexicons: readonly Lexicon[]): MetaKind | null {
  const { bot, nouns, chatter, greetings, help } = metaWordsOf(lexicons);
  let text = words;
  let greeted = false;
  // greetings may be several words ("buon pomeriggio", "thank you"): the longest first
  for (const g of greetings) {
    while (text.includes(` ${g} `)) {
      text = text.replace(` ${g} `, ' ');
      greeted = true;
    }
  }
  // the phrasings known to ask about pianobot ("cosa sai fare", "how does it work") address it too
  let addressed = false;
  for (const h of help) {
    const at = text.indexOf(` ${h}`);
    if (at < 0) continue;
    // a phrase may end inside a word ("come funzion"): the whole word goes
    const end = text.indexOf(' ', at + h.length + 1);
    text = `${text.slice(0, at)} ${text.slice(end < 0 ? text.length : end)}`;
    addressed = true;
  }
  for (const word of text.trim().split(' ')) {
    if (!word) continue;
    if (wordMatches(word, bot) || wordMatches(word, nouns)) addressed = true;
    else if (!STOPWORDS.has(word) && !wordMatches(word, chatter)) return null; // about something else
  }
  return addressed ? 'help' : greeted ? 'greeting' : null;
}

interface MetaWords {
  bot: string[];
  nouns: string[];
  chatter: string[];
  /** longest first */
  greetings: string[];
  /** longest first */
  help: string[];
}
const META_WORDS = new WeakMap<readonly Lexicon[], MetaWords>();

/** The lexicons' words of each kind, gathered (and the phrases sorted) once per list of lexicons, not per question. */
function metaWordsOf(lexicons: readonly Lexicon[]): MetaWords {
  let words = META_WORDS.get(lexicons);
  if (!words) {
    const pick = (f: (l: Lexicon) => readonly string[]) => lexicons.flatMap(f);
    words = {
      bot: pick((l) => [...l.botAddress, ...l.helpAlone]),
      // a plan named by its kind ("hai il PEG di X?", "the PIAO") is what pianobot holds too
      nouns: pick((l) => [...l.metaNouns, ...Object.values(l.documentKinds).flat()]),
      chatter: pick((l) => l.chatter),
      // greetings may be several words ("buon pomeriggio", "thank you"): the longest first
      greetings: pick((l) => l.greetings).sort((a, b) => b.length - a.length),
      help: pick((l) => l.help).sort((a, b) => b.length - a.length),
    };
    META_WORDS.set(lexicons, words);
  }
  return words;
}
