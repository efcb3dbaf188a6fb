/**
 * The dates and periods a question names, read in one place for every caller (the linking frame and the deadline
 * routes): a day ("31/12/2020"), a day of any year ("il 31/12"), a month and year ("giugno 2020"), a month alone
 * ("a dicembre"), a span ("tra gennaio e marzo 2020", "dal 01/03/2020 al 30/06/2020") and a part of a year ("nel
 * secondo semestre 2020", "first quarter of 2021"). Each carries the comparison the words before it put on it
 * ("entro", "dopo", "prima", "dal"). Every word comes from the language packs.
 */
import type { Lexicon } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { parseDate } from '../plan/figures.ts';
import { lastBefore, wordsOf } from './phrases.ts';

export type DateOp = 'eq' | 'between' | 'gt' | 'gte' | 'lt' | 'lte';

export interface DateExpression {
  /** eq: that day; between: the span iso..iso2; a bound: compared with iso */
  op: DateOp;
  /** YYYY-MM-DD, or --MM-DD for a day of any year; empty for a month of any year */
  iso: string;
  iso2?: string;
  /** a month named without a year and none given: that month of any year */
  month?: number;
  /** the span named, before any comparison turned it into a bound */
  from?: string;
  to?: string;
  /** as the question writes it */
  label: string;
  /** the year a month or a part of a year names: read here, it is no year of its own for the scope */
  year?: number;
  /** where it stands in the text it was read from */
  start: number;
  end: number;
}

const LEXICONS: Lexicon[] = Object.values(PACKS).map((p) => p.lexicon);
const pick = (f: (l: Lexicon) => readonly string[] | undefined) => LEXICONS.flatMap((l) => f(l) ?? []);
const MONTH_OF = new Map(LEXICONS.flatMap((l) => l.months.map((m, i) => [m, i + 1] as const)));
/** month names that are common words too ("may"): a month only with a year after it or "in" / a bound before it */
const MONTH_NEEDS_CONTEXT = new Set(pick((l) => l.monthsNeedingContext));
const PERIODS = LEXICONS.flatMap((l) => l.periods ?? []);
const SEASONS = LEXICONS.flatMap((l) => l.seasons ?? []);
const PERIOD_ORDINALS: Record<string, number> = Object.assign({}, ...LEXICONS.map((l) => l.periodOrdinals ?? {}));
/** "in May", "before May", "by May": a bound word right before a month that is a common word too makes it a month */
const boundBefore = (lead: string): boolean => {
  const tail = ` ${lead.trimEnd()}`;
  return /\bin$/.test(tail) || [...BY, ...AFTER, ...BEFORE].some((w) => tail.endsWith(` ${w.trim()}`));
};
const BY = pick((l) => l.by);
const AFTER = pick((l) => l.after);
const BEFORE = pick((l) => l.before);
const SINCE = pick((l) => l.since);
const SPAN_OPEN = pick((l) => [...l.between, ...(l.since ?? [])]);
const SPAN_JOIN = pick((l) => [...l.betweenJoin, ...(l.spanJoin ?? [])]).map((w) => w.trim());

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');
const MONTHS_RE = alt(MONTH_OF.keys());
const YEAR_RE = '((?:19|20)\\d{2})';
// words allowed between a month or period and its year: "giugno del 2020", "half of 2020", "dell'anno 2020"
const OF = '(?: +(?:del|dell|della|of|the|anno|year))*';
const DAY = /(?<![\d./])\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b(?![\d./])/g;
const DAY_MONTH = /(?<![\d./])\b\d{1,2}[/]\d{1,2}\b(?![\d./])/g;
// "il 1° giugno 2020", "30 settembre 2019", "1 june 2020": a day written with its month's name
const NAMED_DAY = new RegExp(`\\b(\\d{1,2})(?:°|º|st|nd|rd|th)? +(${MONTHS_RE})\\b(?:${OF} +${YEAR_RE}\\b)?`, 'g');
const MONTH_YEAR = new RegExp(`\\b(${MONTHS_RE})\\b(?:${OF} +${YEAR_RE}\\b)?`, 'g');
const PERIOD_RE =
  PERIODS.length && Object.keys(PERIOD_ORDINALS).length
    ? new RegExp(
        `\\b(${alt(Object.keys(PERIOD_ORDINALS))}) +(${alt(PERIODS.flatMap((p) => p.words))})\\b(?:${OF} +${YEAR_RE}\\b)?`,
        'g',
      )
    : null;

// "l'estate 2020", "in summer 2021": a season and its year
const SEASON_RE = SEASONS.length
  ? new RegExp(`\\b(${alt(SEASONS.flatMap((s) => s.words))})\\b(?:${OF} +${YEAR_RE}\\b)?`, 'g')
  : null;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const firstOf = (y: number, m: number) => `${y}-${pad(m)}-01`;
const lastOf = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDayOf(y, m))}`;

export interface FindDatesOptions {
  /** the year a month or period named without one belongs to (the plan's year); none: any year */
  defaultYear?: number | null;
  /** a dotted number that is a record's code, not a date ("05.01.01") */
  isCode?: (text: string) => boolean;
}

/**
 * Every date expression in `folded` (the question folded to lower case, codes blanked), first to last, and the text
 * with them blanked so their digits are read as no amount or year.
 */
export function findDates(folded: string, options: FindDatesOptions = {}): { dates: DateExpression[]; masked: string } {
  let text = folded;
  const found: { from: string; to: string; label: string; start: number; end: number; year?: number }[] = [];
  const months: { month: number; label: string; start: number; end: number }[] = [];
  const blank = (start: number, end: number) => {
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  };

  // a dotted number that begins a record's code is no date, but its digits are no amount either
  const codes: [number, number][] = [];
  for (const m of text.matchAll(DAY)) {
    if (options.isCode?.(m[0])) {
      codes.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      continue;
    }
    const iso = parseDate(m[0])?.iso;
    if (!iso) continue;
    const start = m.index ?? 0;
    found.push({ from: iso, to: iso, label: m[0], start, end: start + m[0].length });
  }
  for (const f of found) blank(f.start, f.end);
  for (const [start, end] of codes) blank(start, end);
  // a day named with its month: of the year written, else of the plans' year; without either it is left to the
  // month reading below (that month of any year)
  for (const m of text.matchAll(NAMED_DAY)) {
    const day = Number(m[1]);
    const month = MONTH_OF.get(m[2]!)!;
    const year = m[3] ? Number(m[3]) : (options.defaultYear ?? null);
    if (year === null || day < 1 || day > lastDayOf(year, month)) continue;
    if (MONTH_NEEDS_CONTEXT.has(m[2]!) && !m[3]) continue;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    const start = m.index ?? 0;
    found.push({ from: iso, to: iso, label: m[0].trim(), start, end: start + m[0].length, ...(m[3] ? { year } : {}) });
    blank(start, start + m[0].length);
  }
  if (PERIOD_RE)
    for (const m of text.matchAll(PERIOD_RE)) {
      const size = PERIODS.find((p) => p.words.includes(m[2]!))!.months;
      // "l'ultimo trimestre", "the last half": the last of the year
      const ordinal = PERIOD_ORDINALS[m[1]!]!;
      const n = ordinal < 0 ? 12 / size : ordinal;
      const year = m[3] ? Number(m[3]) : (options.defaultYear ?? null);
      if (year === null || n * size > 12) continue;
      const start = m.index ?? 0;
      found.push({
        from: firstOf(year, (n - 1) * size + 1),
        to: lastOf(year, n * size),
        label: m[0].trim(),
        start,
        end: start + m[0].length,
        ...(m[3] ? { year } : {}),
      });
      blank(start, start + m[0].length);
    }
  if (SEASON_RE)
    for (const m of text.matchAll(SEASON_RE)) {
      const season = SEASONS.find((s) => s.words.includes(m[1]!))!;
      const year = m[2] ? Number(m[2]) : (options.defaultYear ?? null);
      if (year === null) continue;
      const start = m.index ?? 0;
      found.push({
        from: firstOf(year, season.from),
        to: lastOf(year, season.to),
        label: m[0].trim(),
        start,
        end: start + m[0].length,
        ...(m[2] ? { year } : {}),
      });
      blank(start, start + m[0].length);
    }
  const named = [...text.matchAll(MONTH_YEAR)].filter((m) => {
    const start = m.index ?? 0;
    return !MONTH_NEEDS_CONTEXT.has(m[1]!) || m[2] || boundBefore(text.slice(Math.max(0, start - 24), start));
  });
  for (const [i, m] of named.entries()) {
    const name = m[1]!;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const month = MONTH_OF.get(name)!;
    // "tra gennaio e marzo 2020": a month joined to the next takes its year
    const next = named[i + 1];
    const joined =
      !m[2] && next?.[2] && SPAN_JOIN.includes(wordsOf(text.slice(end, next.index ?? 0)).trim()) ? next : null;
    const year = m[2] ? Number(m[2]) : joined ? Number(joined[2]) : (options.defaultYear ?? null);
    if (year === null) months.push({ month, label: name, start, end });
    else
      found.push({
        from: firstOf(year, month),
        to: lastOf(year, month),
        label: m[2] ? m[0] : `${name} ${year}`,
        start,
        end,
        ...(m[2] ? { year } : {}),
      });
  }
  for (const m of [...found, ...months]) blank(m.start, m.end);
  // a day without a year ("il 31/12"): that day of any year
  const recurring: DateExpression[] = [];
  for (const m of text.matchAll(DAY_MONTH)) {
    const [d, mo] = m[0].split('/').map(Number) as [number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const start = m.index ?? 0;
    recurring.push({ op: 'eq', iso: `--${pad(mo)}-${pad(d)}`, label: m[0], start, end: start + m[0].length });
    blank(start, start + m[0].length);
  }

  // "tra gennaio e marzo 2020", "dal 01/03/2020 al 30/06/2020": two named periods joined make one span
  found.sort((a, b) => a.start - b.start);
  const spans: ((typeof found)[number] & { joined?: boolean })[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    const gap = b ? wordsOf(folded.slice(a.end, b.start)).trim() : '';
    const before = wordsOf(folded.slice(Math.max(0, a.start - 16), a.start));
    const opener = lastBefore(before, SPAN_OPEN, before.length);
    if (b && opener && SPAN_JOIN.some((j) => gap === j || gap.startsWith(`${j} `))) {
      spans.push({
        from: a.from,
        to: b.to,
        label: `${a.label} – ${b.label}`,
        start: a.start,
        end: b.end,
        year: b.year ?? a.year,
        joined: true,
      });
      i++;
    } else spans.push(a);
  }
  const dates: DateExpression[] = spans.map((s) => {
    const op = s.joined ? null : opBefore(folded.slice(Math.max(0, s.start - 24), s.start));
    const base = {
      label: s.label,
      start: s.start,
      end: s.end,
      from: s.from,
      to: s.to,
      ...(s.year ? { year: s.year } : {}),
    };
    if (!op)
      return s.from === s.to ? { ...base, op: 'eq', iso: s.from } : { ...base, op: 'between', iso: s.from, iso2: s.to };
    // before a period: before its first day; by or after it: its last day; since it: from its first day
    return { ...base, op, iso: op === 'lt' || op === 'gte' ? s.from : s.to };
  });
  for (const m of months) dates.push({ op: 'eq', iso: '', month: m.month, label: m.label, start: m.start, end: m.end });
  dates.push(...recurring);
  dates.sort((a, b) => a.start - b.start);
  return { dates, masked: text };
}

/** The comparison the words just before a date put on it ("entro il", "dopo il", "prima del", "dal"). */
function opBefore(before: string): DateOp | null {
  const w = wordsOf(before);
  const hits = [
    { op: 'lte' as const, hit: lastBefore(w, BY, w.length) },
    { op: 'gt' as const, hit: lastBefore(w, AFTER, w.length) },
    { op: 'lt' as const, hit: lastBefore(w, BEFORE, w.length) },
    // "dal 1/3", "da giugno 2020" with nothing joined after it: a lower bound
    { op: 'gte' as const, hit: lastBefore(w, SINCE, w.length) },
  ].filter((x) => x.hit);
  if (!hits.length) return null;
  hits.sort((a, b) => b.hit!.at - a.hit!.at);
  return hits[0]!.op;
}
