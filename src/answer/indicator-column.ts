/**
 * The column of an indicator's row a question asks for, when it is not the default expected value: the intermediate
 * or the final level ("livello intermedio atteso"), the value at a date ("valore al 30/09"), the value of a year
 * ("target 2022"). A column the plan leaves empty, or a year its sheet does not cover, is said plainly (found: false)
 * and followed by what the row does hold.
 */
import { PACKS, packFor } from '../lang/packs.ts';
import type { Indicator, Objective } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { askedColumnKinds } from './asked-columns.ts';
import { indicatorLine } from './format-records.ts';
import type { Lang } from './labels.ts';

export interface ColumnAsk {
  level: 'intermediate' | 'final' | null;
  /** the date the value is asked at, as the question writes it, with its day and month */
  at: { text: string; day: number; month: number } | null;
  year: number | null;
}

const VALUE_AT = Object.values(PACKS).flatMap((p) => p.lexicon.valueAt ?? []);
const MONTHS = Object.values(PACKS).map((p) => p.lexicon.months);

/** What column the question asks of an indicator; null when it asks for nothing beyond the expected value. */
export function indicatorColumnAsk(question: string, year: number | null): ColumnAsk | null {
  const q = fold(question).replace(/['’]/g, ' ');
  const kinds = askedColumnKinds(question);
  const level = kinds.includes('intermediate') ? 'intermediate' : kinds.includes('final') ? 'final' : null;
  const at = dateAfterValueWord(q);
  if (!level && !at && year === null) return null;
  return { level, at, year };
}

function dateAfterValueWord(q: string): ColumnAsk['at'] {
  for (const w of VALUE_AT) {
    const i = q.indexOf(w);
    if (i < 0) continue;
    const rest = q.slice(i + w.length).trimStart();
    const numeric = rest.match(/^(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?/);
    if (numeric) return { text: numeric[0], day: Number(numeric[1]), month: Number(numeric[2]) };
    const named = rest.match(/^(\d{1,2})\s+([a-z]+)/);
    if (named) {
      for (const months of MONTHS) {
        const m = months.findIndex((name) => name.startsWith(named[2]!) || named[2]!.startsWith(name));
        if (m >= 0 && named[2]!.length >= 3) return { text: named[0], day: Number(named[1]), month: m + 1 };
      }
    }
  }
  return null;
}

const sameDay = (iso: string | null | undefined, at: NonNullable<ColumnAsk['at']>) =>
  !!iso && Number(iso.slice(5, 7)) === at.month && Number(iso.slice(8, 10)) === at.day;

/** The years an indicator's value is given for: its sheet's, else its objective's, else its dates', else the plan's. */
function yearsOf(i: Indicator, o: Objective, planYears: number[]): number[] {
  if (i.year) return [i.year];
  if (o.year) return [o.year];
  const dated = [i.targetDate?.iso, i.intermediateDate?.iso, i.target?.date]
    .filter((d): d is string => !!d)
    .map((d) => Number(d.slice(0, 4)));
  if (dated.length) return [...new Set(dated)];
  return o.years?.length ? o.years : planYears;
}

/**
 * The lines answering `ask` for one indicator, or null when the default answer (the expected value) fits. `found`
 * is false when the plan does not hold the column asked.
 */
export function indicatorColumnLines(
  i: Indicator,
  o: Objective,
  ask: ColumnAsk,
  planYears: number[],
  lang: Lang,
): { lines: string[]; found: boolean } | null {
  const M = packFor(lang).messages.objective;
  const row = indicatorLine(i, lang);
  if (ask.at) {
    const at = ask.at;
    if (i.intermediateTarget && sameDay(i.intermediateDate?.iso, at))
      return {
        lines: [
          M.indicatorLevel(i.description, o.code, 'intermediate', i.intermediateTarget.text, i.intermediateDate?.text),
          row,
        ],
        found: true,
      };
    if (i.target && (sameDay(i.targetDate?.iso, at) || (i.result && sameDay(i.target.date, at))))
      return {
        lines: [M.indicatorLevel(i.description, o.code, 'final', i.target.text, i.targetDate?.text), row],
        found: true,
      };
    return { lines: [M.indicatorValueAtMissing(i.description, o.code, at.text), row], found: false };
  }
  if (ask.level === 'intermediate')
    return i.intermediateTarget
      ? {
          lines: [
            M.indicatorLevel(
              i.description,
              o.code,
              'intermediate',
              i.intermediateTarget.text,
              i.intermediateDate?.text,
            ),
            row,
          ],
          found: true,
        }
      : { lines: [M.indicatorLevelMissing(i.description, o.code, 'intermediate'), row], found: false };
  if (ask.level === 'final')
    return i.target
      ? {
          lines: [M.indicatorLevel(i.description, o.code, 'final', i.target.text, i.targetDate?.text), row],
          found: true,
        }
      : { lines: [M.indicatorLevelMissing(i.description, o.code, 'final'), row], found: false };
  if (ask.year !== null) {
    const years = yearsOf(i, o, planYears);
    if (!years.includes(ask.year))
      return { lines: [M.indicatorYearMissing(i.description, o.code, ask.year, years.join(', ')), row], found: false };
  }
  return null;
}
