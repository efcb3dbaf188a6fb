/**
 * The packs' cue words (lexicon `intentCues`) compiled once at load into one regex per cue, the union of every
 * language's phrases: what intent.ts and the routes test a question with.
 */
import type { IntentCue, Lexicon } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';

/** Every language's cues at once: a question is read with all of them, whatever language it is in. */
const LEXICONS: Lexicon[] = Object.values(PACKS).map((p) => p.lexicon);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pack phrase as a regex alternative: a prefix unless it ends with a space (then a whole word); " … " is a gap
 * of up to 200 characters, bounded because an open gap rescanned the rest of the question at every start; an
 * exception that goes on from the phrase's word is a negative lookahead after it.
 */
function alternative(phrase: string, exceptions: readonly string[]): string {
  const p = phrase.trim();
  const body = p.split(' … ').map(escapeRegExp).join(' .{0,200} ');
  // "quanti soldi" goes on from "quanti" by a word, "costituita" from "cost" inside one: both are exceptions
  const unless = exceptions
    .filter((e) => e.length > p.length && e.startsWith(p) && !p.includes(' … '))
    .map((e) => `(?!${escapeRegExp(e.slice(p.length))})`)
    .join('');
  return `${body}${unless}${phrase.endsWith(' ') ? '\\b' : ''}`;
}

/** The union of every pack's phrases for one cue, as one regex matched at a word start (none: never matches). */
function cue(name: IntentCue): RegExp {
  const exceptions = LEXICONS.flatMap((l) => l.intentExceptions?.[name] ?? []);
  const phrases = LEXICONS.flatMap((l) => l.intentCues[name]);
  if (!phrases.length) return /(?!)/;
  return new RegExp(`\\b(?:${phrases.map((p) => alternative(p, exceptions)).join('|')})`);
}

/** Every cue's regex, built once at load: anywhere in the text, and at its start only (after white space). */
export const CUES = Object.fromEntries(
  (Object.keys(LEXICONS[0]!.intentCues) as IntentCue[]).map((name) => [name, cue(name)]),
) as Record<IntentCue, RegExp>;
const OPENING_CUES = Object.fromEntries(
  Object.entries(CUES).map(([name, re]) => [name, new RegExp(`^\\s*${re.source}`)]),
) as Record<IntentCue, RegExp>;

/** Whether folded text holds a word of the cue in any language ("quali" or "which" for `which`). */
export const saysCue = (text: string, name: IntentCue): boolean => CUES[name].test(text);

/**
 * A cue's regex source, from a word start, to compose a pattern of several cues ("quanti … progetti"); no flags, no
 * groups that capture.
 */
export const cueSource = (name: IntentCue): string => CUES[name].source;

/** Whether folded text opens with a word of the cue ("chi è …", "who is …" for `whoIs`). */
export const opensWithCue = (text: string, name: IntentCue): boolean => OPENING_CUES[name].test(text);
