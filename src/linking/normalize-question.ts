/**
 * A question as people type it → the same question in the words the linking layer knows, in one place before any
 * route reads it: chat markup dropped (mentions, emoji), shorthands spelt out ("resp. ob." → "responsabile
 * obiettivo", "500k" → "500 mila", "&gt;" → "sopra"), polite wrappers and fillers dropped ("mi sai dire", "pls"), and
 * typos in record words and names corrected against the model's own vocabulary. Accents need nothing here: every
 * reader folds them. The words are the language packs'; nothing here knows a particular plan.
 */
import { detectLanguage } from '../answer/language.ts';
import type { Lexicon } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { wordMatches } from './find-meta.ts';
import { compoundNumber } from './link-question.ts';
import { correct, MIN_TYPO_LENGTH, typoVocabularyOf } from './typo-vocabulary.ts';

const LEXICONS: Lexicon[] = Object.values(PACKS).map((pack) => pack.lexicon);

// Slack writes a mention as <@U123ABC> (or <@U123|name>), a channel as <#C123|name>, a link as <https://…|text>
const SLACK_MARKUP = /<[@#!][^>\s]{1,80}>/g;
// a link, <https://…|shown text> or bare <https://…>: the text shown is what the user wrote
const SLACK_LINK = /<(?:https?|mailto):[^|>\s]{1,500}(?:\|([^>]{0,200}))?>/g;
// a line Slack shows as a quote starts with "&gt; " (">" escaped): the marker, not "above"
const SLACK_QUOTE = /^[ \t]*(?:&gt;|>)[ \t]+/gm;
// "@pianobot" typed by hand, ":thinking_face:", pictographs and their joiners / variation selectors
const HANDLE = /(?<![\p{L}\p{N}.])@[\p{L}\p{N}._-]{1,40}/gu;
const EMOJI_CODE = /(?<![\p{L}\p{N}]):[a-z0-9_+-]{2,40}:(?![\p{L}\p{N}])/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu;
const ENTITIES: Record<string, string> = { '&amp;': '&' };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a phrase's letters matching with or without their accent, its spaces any run of spaces or apostrophes */
const ACCENTED: Record<string, string> = { a: '[aàá]', e: '[eèé]', i: '[iìí]', o: '[oòó]', u: '[uùú]' };
const loose = (phrase: string) =>
  [...phrase]
    .map((ch) => (ch === ' ' ? "[\\s'’]+" : ch === "'" ? "['’]" : (ACCENTED[ch] ?? escapeRegExp(ch))))
    .join('');

interface Shorthand {
  pattern: RegExp;
  expansion: string;
  /** the key in lower case when it is ASCII: an ASCII question without it cannot match (null: always try) */
  needle: string | null;
}

const ASCII = /^[\x00-\x7f]*$/;

/** A pack's shorthands as patterns: a word-like key stands alone and never after a number ("30 sett." is a date). */
function shorthandsOf(lexicon: Lexicon): Shorthand[] {
  return Object.entries(lexicon.shorthands)
    .sort(([a], [b]) => b.length - a.length)
    .map(([key, expansion]) => {
      const wordy = /^\p{L}/u.test(key);
      const before = wordy ? '(?<![\\p{L}\\p{N}_.])(?<!\\d\\s{0,2})' : '';
      const after = /\p{L}$/u.test(key) ? '(?![\\p{L}\\p{N}_])' : '';
      return {
        pattern: new RegExp(`${before}${escapeRegExp(key)}${after}`, 'giu'),
        expansion: ` ${expansion} `,
        needle: ASCII.test(key) ? key.toLowerCase() : null,
      };
    });
}
/** every pack's shorthands, the question's own language first: ">" is "sopra" in Italian, "above" in English */
const SHORTHANDS = Object.values(PACKS).map((pack) => ({
  lang: pack.lang,
  shorthands: shorthandsOf(pack.lexicon),
}));
const SHORTHANDS_BY_LANG = new Map<string, Shorthand[]>();
const shorthandsFor = (lang: string): Shorthand[] => {
  let list = SHORTHANDS_BY_LANG.get(lang);
  if (!list) {
    list = [...SHORTHANDS]
      .sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang))
      .flatMap((p) => p.shorthands);
    SHORTHANDS_BY_LANG.set(lang, list);
  }
  return list;
};

/** "500k", "1,5mln": a magnitude glued to its number, set apart so the amount reader sees it. */
const GLUED_MAGNITUDE = new RegExp(
  `(\\d)(${[...new Set(LEXICONS.flatMap((l) => Object.keys(l.magnitudes)))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/**
 * Both packs' phrases, longest first so "grazie mille" goes before "grazie": wrappers open a question, fillers open or
 * close it; inside it they are its own words ("Che cosa puoi dirmi sui piani?", "what do you know?").
 */
const alternation = (phrases: string[]) =>
  [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(loose)
    .join('|');
const OPENING = alternation(LEXICONS.flatMap((l) => [...l.courtesy, ...l.fillers]));
const CLOSING = alternation(LEXICONS.flatMap((l) => l.fillers));
const COURTESY_START = new RegExp(`^[\\s,;:!.?]*(?:${OPENING})(?![\\p{L}\\p{N}])[\\s,;:!.]*`, 'iu');
// the run before a closing phrase is bounded: a long run of spaces or commas must not make the scan quadratic
const COURTESY_END = new RegExp(`(?<![\\p{L}\\p{N}])[\\s,;:]{0,8}(?:${CLOSING})[\\s,;:!.?]*$`, 'iu');
const GREETINGS = new Set(LEXICONS.flatMap((l) => l.greetings));
const CHATTER = LEXICONS.flatMap((l) => l.chatter);
// "sono una consigliera comunale: …", "I'm a journalist, …": who is asking, up to the first stop, says nothing asked;
// a second clause ("sono anziano e non so usare il computer, …") is part of what is asked, and stays
const SECOND_CLAUSE = `\\s(?:${alternation(LEXICONS.flatMap((l) => l.clauseJoiners ?? []))})\\s`;
const SELF_INTRO = new RegExp(
  `^[\\s,;:!.?]*(?:${alternation(LEXICONS.flatMap((l) => l.selfIntroductions ?? []))})(?![\\p{L}\\p{N}])(?:(?!${SECOND_CLAUSE})[^,;:.!?]){0,80}[,;:.!?]+`,
  'iu',
);

/**
 * A request clause that opens the question ("mi servirebbe con una certa urgenza il nominativo di …", "I'd need to
 * find out …"), with the first-person clause joined to it ("sto preparando una nota per la giunta e …"): it says
 * what the asker wants to do, not what is asked. Every part is bounded, so the scan stays linear.
 */
const REQUESTS = LEXICONS.flatMap((l) => (l.requestClause ? [l.requestClause] : []));
const WORD_END = '(?![\\p{L}\\p{N}])';
const REQUEST_CLAUSE = new RegExp(
  `^[\\s,;:!.?]*` +
    `(?:(?:${alternation(REQUESTS.flatMap((r) => r.firstPerson))})${WORD_END}[^,;:.!?]{0,100}?(?:[,;:.!?]+\\s*|\\s+(?:e|ed|and)\\s+))?` +
    `(?:(?:${alternation(REQUESTS.flatMap((r) => r.openers ?? []))})${WORD_END}[\\s,;:]+)?` +
    `(?:${alternation(REQUESTS.flatMap((r) => r.wishes))})${WORD_END}` +
    `(?:(?:\\s+[^\\s,;:.!?]+){0,4}?\\s+(?:${alternation(REQUESTS.flatMap((r) => r.knowing))})${WORD_END})?` +
    `(?:(?:\\s+[^\\s,;:.!?]+){0,4}?\\s+(?:${alternation(REQUESTS.flatMap((r) => r.wanted))})${WORD_END})?[\\s,;:]*`,
  'iu',
);

export function normalizeQuestion(question: string, store: PlanStore): string {
  let q = question
    .replace(SLACK_QUOTE, '')
    .replace(SLACK_LINK, (_, label: string | undefined) => ` ${label ?? ''} `)
    .replace(SLACK_MARKUP, ' ')
    .replace(HANDLE, ' ')
    .replace(EMOJI_CODE, ' ')
    .replace(PICTOGRAPH, ' ');
  for (const [entity, ch] of Object.entries(ENTITIES)) q = q.split(entity).join(ch);
  const lang = detectLanguage(q);
  // most questions hold none of the shorthands: an ASCII question is searched for the key before its pattern runs
  let lower: string | null = null;
  for (const s of shorthandsFor(lang)) {
    if (s.needle !== null) {
      lower ??= ASCII.test(q) ? q.toLowerCase() : '';
      if (lower && !lower.includes(s.needle)) continue;
    }
    // after an elided article ("dell'ob.") the word stays glued to it
    const next = q.replace(s.pattern, (_, at: number, all: string) =>
      /['’]$/.test(all.slice(0, at)) ? `${s.expansion.trimStart()}` : s.expansion,
    );
    if (next !== q) lower = null;
    q = next;
  }
  // "1M€", "€2mln": the currency sign glued to a magnitude hides it from the amount reader
  q = q.replace(GLUED_MAGNITUDE, '$1 $2').replace(/(?<=\p{L})€|€(?=\p{L})/gu, ' € ');
  q = withoutCourtesy(q);
  q = withCompoundNumbers(q, PACKS[lang].lexicon);
  q = withTyposCorrected(q, store);
  q = q.replace(/\s+/g, ' ').trim();
  // nothing left that the question said (markup only): keep it as typed, the routes answer it as they can
  return q || question.trim();
}

/**
 * Polite wrappers and fillers dropped, unless they were the whole question: "ciao" and "ciao pianobot" stay greetings,
 * "grazie" stays thanks.
 */
function withoutCourtesy(q: string): string {
  let stripped = q.trim();
  for (let before = ''; before !== stripped; ) {
    before = stripped;
    stripped = stripped
      .replace(COURTESY_START, '')
      .replace(COURTESY_END, '')
      .replace(SELF_INTRO, '')
      .replace(REQUEST_CLAUSE, '')
      .trim();
  }
  const left = stripped.match(/[\p{L}\p{N}]+/gu) ?? [];
  const first = q.match(/\p{L}+/u)?.[0]?.toLowerCase() ?? '';
  // "thanks a lot", "grazie tante": what the courtesy leaves is chatter, so the courtesy was the whole question
  const said = left.filter((w) => !STOPWORDS.has(fold(w)) && !wordMatches(fold(w), CHATTER));
  if (!said.length || (left.length < 2 && GREETINGS.has(first))) return q;
  return stripped;
}

/** the years a compound number word is read as in figures ("duemilaventuno") */
const YEAR_WORDS = { min: 1900, max: 2099 };

/**
 * A number written as one compound word in figures ("cdr ottantasette" → "cdr 87", "l'anno duemilaventi" → "l'anno
 * 2020"), so that codes, years and bounds read it as if typed in digits. Left as words: a lone small number ("cinque",
 * "sei" — a count to find in a passage, or a verb), a percentage's "per cento", and figures of a thousand or more that
 * are no year ("centomila"), which the amount reader takes with their magnitude ("da cinquanta a centomila").
 */
function withCompoundNumbers(q: string, lexicon: Lexicon): string {
  if (!lexicon.numberParts) return q;
  return q.replace(/(?<![\p{L}\p{N}_-])\p{L}{4,}(?![\p{L}\p{N}_-])/gu, (word, at: number) => {
    if (/\bper\s+$/i.test(q.slice(Math.max(0, at - 5), at))) return word;
    const n = compoundNumber(fold(word), lexicon);
    return n !== null && (n < 1000 || (n >= YEAR_WORDS.min && n <= YEAR_WORDS.max)) ? String(n) : word;
  });
}
/** Words of letters only (codes keep their digits and underscores), each corrected when it is a typo. */
function withTyposCorrected(q: string, store: PlanStore): string {
  const vocabulary = typoVocabularyOf(store);
  // a long question repeats its words: each is looked up once
  const seen = new Map<string, string | null>();
  return q.replace(/(?<![\p{L}\p{N}_-])\p{L}+(?![\p{L}\p{N}_-])/gu, (word) => {
    if (word.length < MIN_TYPO_LENGTH) return word;
    const folded = fold(word);
    if (!/^[a-z]+$/.test(folded)) return word;
    let fixed = seen.get(folded);
    if (fixed === undefined) {
      fixed = correct(folded, vocabulary);
      seen.set(folded, fixed);
    }
    if (!fixed) return word;
    return /^\p{Lu}/u.test(word) ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed;
  });
}
