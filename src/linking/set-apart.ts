/**
 * Whether a mention is set apart by an exclusion word before it ("escluso il CdR 41", "a parte quelli della
 * Provincia", "except those of Lago Verde"): the one test behind excluded entities and excluded structures. The
 * exclusion words and the words that may stand between come from the language packs; the caller adds its own kind
 * words ("Provincia", "CdR").
 */
import { PACKS } from '../lang/packs.ts';

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
// "ma non del CdR 85", "but not Lago Verde": a negation right before a scope sets it apart too
const EXCLUDE = LEXICONS.flatMap((l) => [...l.exclude, ...(l.setApart ?? [])]);
/** the exclusion words that cannot be a plain negation ("tranne", "ma non", "but not"; not a bare "non"/"not") */
export const EXCLUSION_WORDS: readonly string[] = LEXICONS.flatMap((l) => [
  ...l.exclude,
  ...(l.setApart ?? []).filter((w) => w.includes(' ')),
]);
const FILLERS = LEXICONS.flatMap((l) => l.exclusionFillers);
// "tolti quelli a zero e quelli senza importo": a second item joined to the first is set apart by the same word
const JOINERS = new Set(LEXICONS.flatMap((l) => [...l.betweenJoin, ...l.alternatives]));
/** how many words a set-apart item before a joiner may have ("quelli a zero", "those with a zero budget") */
const ITEM_WORDS = 4;

/** The fillers of every pack with the caller's kind words (each word of a phrase on its own), built once per caller. */
export function exclusionFillers(kindWords: readonly string[]): ReadonlySet<string> {
  return new Set([...FILLERS, ...kindWords.flatMap((w) => w.trim().split(' '))]);
}

/** `words` (folded, spaced) names something at `start`: an exclusion word ends within three words before it, once the fillers are skipped. */
export function followsExclusion(words: string, start: number, fillers: ReadonlySet<string>): boolean {
  const before = words.slice(0, start).trim().split(' ');
  let i = before.length;
  // a filler may end the exclusion phrase itself ("apart from", "a parte"): tried before it is skipped
  const endsWithExclusion = () => {
    const lead = ` ${before.slice(Math.max(0, i - 3), i).join(' ')} `;
    return EXCLUDE.some((x) => lead.endsWith(` ${x} `));
  };
  while (!endsWithExclusion() && i > 0 && fillers.has(before[i - 1]!)) i--;
  if (endsWithExclusion()) return true;
  // "tolti quelli a zero e quelli senza importo": an item joined by "e" / "and" right before is set apart when the
  // item before the joiner opens with an exclusion word (a few words back)
  if (!JOINERS.has(before[i - 1] ?? '')) return false;
  const item = ` ${before.slice(Math.max(0, i - 2 - ITEM_WORDS), i - 1).join(' ')} `;
  return EXCLUDE.some((x) => item.includes(` ${x} `));
}
