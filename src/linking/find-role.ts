/**
 * "chi è il segretario generale di X?", "what's the name of X's mayor?": the role a question asks the holder of. The
 * plans' own roles (responsabile, dirigente, staff, the record kinds) are fields of their records and are answered
 * from them; any other role can only be answered by a passage that names a person beside it. Recognised by the
 * shape of the question (a who- or name-asking phrase, then an article and a noun), not by a list of roles.
 */
import type { Lexicon } from '../lang/language-pack.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import { wordMatches } from './find-meta.ts';
import { phraseAt } from './phrases.ts';

export interface AskedRole {
  /** the role as the question writes it, up to two words ("segretario generale", "deputy mayor") */
  name: string;
  /** its head word, folded */
  word: string;
}

/** What a lexicon says about roles, merged once per list of lexicons. */
interface RoleWords {
  who: string[];
  name: string[];
  articles: Set<string>;
  /** the records' own role and kind words: a question about one of them is a question about records */
  own: string[];
}

const merged = new WeakMap<readonly Lexicon[], RoleWords>();

function roleWordsOf(lexicons: readonly Lexicon[]): RoleWords {
  const known = merged.get(lexicons);
  if (known) return known;
  const words: RoleWords = {
    who: lexicons.flatMap((l) => l.roleAsking.who),
    name: lexicons.flatMap((l) => l.roleAsking.name),
    articles: new Set(lexicons.flatMap((l) => l.roleAsking.articles)),
    own: lexicons
      .flatMap((l) => [
        ...Object.values(l.roleWords ?? {}).flat(),
        ...Object.values(l.targets).flat(),
        ...Object.values(l.fields).flat(),
        ...(l.structureKinds ?? []).flatMap((k) => k.nameStarts),
        ...l.metaNouns,
        // "chi è il primo / il più alto…": a ranking of the records, not a role
        ...Object.keys(l.ordinals),
        ...l.max,
        ...l.min,
        ...l.more,
        ...l.less,
        ...l.topK,
      ])
      .map((w) => w.trim())
      .filter((w) => /^[a-z]+$/.test(w)),
  };
  merged.set(lexicons, words);
  return words;
}

/**
 * The role asked, or null. `words`: the question as padded folded words (phrases.ts `wordsOf`); `isPlace`: words of
 * the loaded entities' names and kinds ("Borgoverde's mayor"), passed over.
 */
export function askedRoleOf(
  words: string,
  lexicons: readonly Lexicon[],
  isPlace: (word: string) => boolean,
): AskedRole | null {
  const R = roleWordsOf(lexicons);
  const after = (phrases: string[]) => {
    for (const p of phrases) {
      const at = phraseAt(words, p);
      if (at >= 0)
        return words
          .slice(at + p.trim().length)
          .trim()
          .split(' ');
    }
    return null;
  };
  let rest = after(R.who);
  // "chi è il X": a role comes with its article; "chi è Mario Rossi" names a person
  if (rest) rest = rest[0] && R.articles.has(rest[0]) ? rest.slice(1) : null;
  rest ??= after(R.name);
  if (!rest) return null;
  // "name of Borgoverde's mayor", "nome del sindaco di X": the place, its possessive and the articles are not the role
  const skipped = (w: string) => w.length < 2 || R.articles.has(w) || isPlace(w) || STOPWORDS.has(w);
  let i = 0;
  while (i < rest.length && skipped(rest[i]!)) {
    // "chi è il più giovane": a comparative before the noun ranks people, it names no role
    if (wordMatches(rest[i]!, R.own)) return null;
    i++;
  }
  const word = rest[i];
  if (!word || word.length < 4 || !/^[a-z]+$/.test(word) || wordMatches(word, R.own)) return null;
  // an adjective or second noun right beside it belongs to the role ("segretario generale", "deputy mayor")
  const next = rest[i + 1];
  const second = next && /^[a-z]{4,}$/.test(next) && !skipped(next) && !wordMatches(next, R.own) ? next : '';
  return { name: second ? `${word} ${second}` : word, word };
}

export interface NamedOffice {
  /** as the question writes it: "ufficio tributi", "tax office" */
  phrase: string;
  /** the words that name it beside the kind word, folded */
  words: string[];
}

/**
 * "l'ufficio tributi", "the tax office": an office the question names by a kind word (the packs' structure-name
 * starts: ufficio, servizio, settore, office…) and the words beside it. Whether the plans have it is the caller's
 * to check: its name words must appear in them.
 */
export function namedOfficeOf(
  words: string,
  lexicons: readonly Lexicon[],
  isPlace: (word: string) => boolean,
): NamedOffice | null {
  const R = roleWordsOf(lexicons);
  const kinds = lexicons.flatMap((l) => (l.structureKinds ?? []).flatMap((k) => k.nameStarts));
  const verbs = lexicons.flatMap((l) => l.officeVerbs ?? []).map((v) => (v.endsWith(' ') ? v : `${v} `));
  const list = words.trim().split(' ');
  const content = (w: string | undefined) =>
    !!w && /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w) && !isPlace(w) && !wordMatches(w, R.own);
  for (const [i, w] of list.entries()) {
    if (!kinds.some((k) => w.startsWith(k))) continue;
    // Italian names follow the kind word ("ufficio tributi", "servizio per le relazioni…"), English ones precede it
    let j = i + 1;
    // "quale ufficio segue …", "which office handles …": the office is asked for, its verb names none
    const after = ` ${list.slice(i + 1, i + 4).join(' ')} `;
    const verbNext = verbs.some((v) => phraseAt(after, v) === 1);
    while (j < list.length && STOPWORDS.has(list[j]!) && !isPlace(list[j]!)) j++;
    if (!verbNext && content(list[j])) return { phrase: `${w} ${list[j]}`, words: [list[j]!] };
    if (content(list[i - 1]) && !kinds.some((k) => list[i - 1]!.startsWith(k)))
      return { phrase: `${list[i - 1]} ${w}`, words: [list[i - 1]!] };
  }
  return null;
}
