/**
 * What a plan says about itself: its kind (PIAO, PEG, piano degli obiettivi), its title and its years, read from
 * the first lines the way a reader would.
 */
import type { DocumentKind } from '../../../src/plan/model.ts';

const HEAD_LINES = 60;

const KIND_SIGNS: { kind: DocumentKind; re: RegExp }[] = [
  {
    kind: 'piao_performance',
    re: /(?<![A-Za-z])PIAO(?![A-Za-z])|piano integrato di attivit[aà] e organizzazione|sottosezione[^.]{0,20}performance/giu,
  },
  { kind: 'peg', re: /piano esecutivo di gestione|(?<![A-Za-z])PEG(?![A-Za-z])/giu },
  {
    kind: 'piano_obiettivi',
    re: /piano (?:dettagliato )?degli obiettivi|preventivo obiettivi|piano della performance|(?<![A-Za-z])PDO(?![A-Za-z])/giu,
  },
];

/** The kind named near the top wins (PIAO before PEG before piano degli obiettivi); otherwise the most named. */
export function guessKind(plain: string[]): DocumentKind {
  const head = plain.slice(0, HEAD_LINES).join('\n');
  for (const { kind, re } of KIND_SIGNS) if (count(head, re) > 0) return kind;
  const all = plain.join('\n');
  let best: DocumentKind = 'unknown';
  let bestCount = 0;
  for (const { kind, re } of KIND_SIGNS) {
    const n = count(all, re);
    if (n > bestCount) {
      best = kind;
      bestCount = n;
    }
  }
  return best;
}

function count(text: string, re: RegExp): number {
  return [...text.matchAll(re)].length;
}

export function guessTitle(plain: string[], file: string): string {
  const first = plain.find((l) => l.replace(/^#+\s*/, '').length > 0);
  if (!first) return file;
  const title = first.replace(/^#+\s*/, '');
  return title.length > 200 ? `${title.slice(0, 199).trimEnd()}…` : title;
}

const MONTHS = 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const DATES = new RegExp(
  `\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b(?:\\d{1,2}\\s+)?(?:${MONTHS})\\s+\\d{4}\\b`,
  'giu',
);

const YEAR = /(?<![\d/])((?:199|20\d)\d)(?:\s*[-–]\s*((?:199|20\d)\d))?(?![\d/])/g;
const SHORT_LINE = 120;

/**
 * Plan years named in the first lines ("2020", "ANNI 2019-2020", "2024-2026"), leaving out dates ("12/07/2021") and
 * protocol numbers. Title-like short lines are trusted; in prose only the first year (or range) counts.
 */
export function guessYears(plain: string[]): number[] {
  const head = plain.filter((l) => l.length > 0).slice(0, 40);
  const years = new Set<number>();
  for (const line of head.filter((l) => l.length <= SHORT_LINE)) {
    for (const m of line.replace(DATES, ' ').matchAll(YEAR)) addYears(years, m);
  }
  if (years.size === 0) {
    for (const line of head) {
      const m = line.replace(DATES, ' ').matchAll(YEAR).next().value;
      if (m) {
        addYears(years, m);
        break;
      }
    }
  }
  return [...years].sort((a, b) => a - b);
}

function addYears(years: Set<number>, m: RegExpMatchArray): void {
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to >= from && to - from <= 10) for (let y = from; y <= to; y++) years.add(y);
  else years.add(from);
}
