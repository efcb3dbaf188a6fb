/**
 * Sentences of a plan passage, split where a sentence ends and nowhere else: not after an abbreviation ("n. 25",
 * "art. 3", "D.Lgs. 150/2009", "dott.ssa Rossi"), an initial ("O. Parisetti"), or inside a number ("1.920.000,00").
 * Line breaks and paragraph tags end a sentence too (plan tables put one item per line), except inside prose a PDF
 * conversion wrapped: a long line that stops mid-sentence goes on in the next one.
 */
import { fold } from '../plan/text.ts';
import { en } from './en.ts';
import { it } from './it.ts';

const ABBREVIATIONS = new Set([...it.lexicon.abbreviations, ...en.lexicon.abbreviations]);
const END = new Set(['.', '!', '?', ';']);

export function splitSentences(text: string): readonly string[] {
  // the same passages and record texts are split for question after question (a passage found again, a record's
  // sentences ranked again): each text is split once, up to a bound
  let known = splits.get(text);
  if (!known) {
    if (splits.size >= MAX_SPLITS) splits.clear();
    known = Object.freeze(split(text));
    splits.set(text, known);
  }
  return known;
}

const MAX_SPLITS = 4096;
const splits = new Map<string, readonly string[]>();

function split(text: string): string[] {
  const out: string[] = [];
  const lines = unwrapLines(text.replace(/<\/?p>|<br\s*\/?>/gi, '\n\n'));
  for (const line of lines.flatMap(atLabels)) {
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

/** a wrapped line is long and stops mid-sentence; a table row has tabs; a list item opens with a bullet or a number */
const WRAP_WIDTH = 60;
const ENDS_SENTENCE = /[.!?;:]\s*$/;
const OPENS_ITEM = /^\s*(?:[•\-–*]|\d{1,2}[.)]\s|[a-z]\)\s)/;

/**
 * The text's lines, with prose hard-wrapped by a PDF conversion joined again ("…fino a dematerializzare tutti i ruoli
 * matricolari" + "giacenti fino all'anno 1984…"): a sentence cut at a line end would quote half a fact.
 */
function unwrapLines(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    const joins =
      current.length >= WRAP_WIDTH &&
      !current.includes('\t') &&
      !line.includes('\t') &&
      !ENDS_SENTENCE.test(current) &&
      !OPENS_ITEM.test(line);
    if (joins) current = `${current} ${line.trim()}`;
    else {
      if (current) out.push(current);
      current = line;
    }
  }
  if (current) out.push(current);
  return out;
}

// a form's label in capitals before a colon ("RILEVANZA DEGLI EFFETTI:", "STRATEGICITA':") opens a new sentence
const LABEL = /(?<![\p{Lu}'’])\s(?=\p{Lu}[\p{Lu}'’]{3,}(?:\s+\p{Lu}[\p{Lu}'’]*)*\s?:)/u;

function atLabels(line: string): string[] {
  return line.split(LABEL);
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
