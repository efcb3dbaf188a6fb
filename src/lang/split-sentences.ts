/**
 * Sentences of a plan passage, split where a sentence ends and nowhere else: not after an abbreviation ("n. 25",
 * "art. 3", "D.Lgs. 150/2009", "dott.ssa Rossi"), an initial ("O. Parisetti"), or inside a number ("1.920.000,00").
 * Line breaks and paragraph tags end a sentence too: plan tables put one item per line.
 */
import { fold } from '../plan/text.ts';
import { en } from './en.ts';
import { it } from './it.ts';

const ABBREVIATIONS = new Set([...it.lexicon.abbreviations, ...en.lexicon.abbreviations]);
const END = new Set(['.', '!', '?', ';']);

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/<\/?p>|<br\s*\/?>/gi, '\n').split(/\n+/);
  for (const line of lines) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (!END.has(ch)) continue;
      const next = line[i + 1];
      if (next !== undefined && next !== ' ' && next !== '\t') continue; // inside a number or a dotted abbreviation
      if (!startsSentence(line, i + 1)) continue;
      if (ch === '.' && isAbbreviation(line, start, i)) continue;
      push(out, line.slice(start, i + 1));
      start = i + 1;
    }
    push(out, line.slice(start));
  }
  return out;
}

function push(out: string[], s: string): void {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length > 2) out.push(t);
}

/** The next non-blank character opens a sentence: a capital, a digit, a bullet or a quote. */
function startsSentence(line: string, from: number): boolean {
  let j = from;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
  if (j >= line.length) return true;
  return /[\p{Lu}\d•\-–"“«(]/u.test(line[j]!);
}

/** The word before the dot is an abbreviation or an initial. */
function isAbbreviation(line: string, sentenceStart: number, dot: number): boolean {
  let j = dot - 1;
  while (j >= sentenceStart && line[j] !== ' ' && line[j] !== '\t' && line[j] !== '(') j--;
  // "dell'art." is "art."
  const word = fold(line.slice(j + 1, dot)).replace(/^.*'/, '');
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // a single letter is an initial ("O. Parisetti"), dotted letters an acronym ("S.p.A")
  if (/^\p{L}$/u.test(word)) return true;
  return /^(?:\p{L}{1,4}\.)+\p{L}{1,4}$/u.test(word);
}
