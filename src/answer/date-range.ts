import { PACKS } from '../lang/packs.ts';
import { parseDate } from '../plan/figures.ts';
import { fold } from '../plan/text.ts';

// month names come from the language packs, so a third language brings its own
const MONTH_LISTS = Object.values(PACKS).map((pack) => ({ lang: pack.lang, names: pack.lexicon.months }));

export interface DateRange {
  from?: string;
  to?: string;
  /** a month named without a year: that month of any year */
  month?: number;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The period a deadline question is about: "entro il 30/09/2021" / "by 30/09/2021" (up to that day), "a dicembre" /
 * "in June 2020" (that month), "nel 2020" only together with a month. Null when the question names no period.
 */
export function parseDateRange(question: string, year: number | null): DateRange | null {
  const q = fold(question);
  const explicit = q.match(/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/);
  if (explicit) {
    const d = parseDate(explicit[0]);
    if (d?.iso) {
      if (/\b(entro|by|before|prima|fino)\b/.test(q)) return { to: d.iso, label: `≤ ${explicit[0]}` };
      if (/\b(dopo|after|dal|from)\b/.test(q)) return { from: d.iso, label: `≥ ${explicit[0]}` };
      return { from: d.iso, to: d.iso, label: explicit[0] };
    }
  }
  for (const { lang, names } of MONTH_LISTS) {
    for (const [m, name] of names.entries()) {
      // English "may" is mostly the verb: a month only as "in May" or "May 2020"
      if (name === 'may' && lang === 'en' && !/\bin may\b|\bmay 20\d\d\b/.test(q)) continue;
      if (new RegExp(`\\b${name}\\b`).test(q)) {
        const y = year;
        const mm = m + 1;
        if (y)
          return {
            from: `${y}-${pad(mm)}-01`,
            to: `${y}-${pad(mm)}-${pad(lastDay(y, mm))}`,
            label: `${names[m]} ${y}`,
          };
        // no year: that month in any year
        return { month: mm, label: names[m]! };
      }
    }
  }
  return null;
}
