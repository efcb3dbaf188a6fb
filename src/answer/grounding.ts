/**
 * Figures in a generated answer that no tool result contains. Figures are compared as whole numbers, never as
 * substrings, so an invented "2.500.000,00" is caught even when the evidence holds "12.500.000,00". A figure counts
 * as grounded when the evidence holds the same value in Italian or English notation ("1.920.000,00", "1,920,000.00",
 * the JSON value 1920000) or the same date ("31/12/2020", "2020-12-31"), so the localized rendering the prompt allows
 * beside a figure passes, and spacing never matters ("20,72%" vs "20,72 %"). Years and small integers (list
 * numbering, "3 obiettivi") are not checked; a small integer with a percent sign is.
 */
export function ungroundedFigures(answer: string, evidence: string[]): string[] {
  const known = new Set<string>();
  for (const e of evidence) {
    for (const t of tokens(e)) {
      for (const k of keysOf(t.number)) known.add(k);
      // JSON arrays write numbers comma-separated without spaces ("[2020,2021]"): their parts count too
      if (t.number.includes(',')) for (const part of t.number.split(',')) for (const k of keysOf(part)) known.add(k);
    }
  }
  const missing = new Set<string>();
  for (const t of tokens(answer)) {
    if (!isChecked(t)) continue;
    if (!keysOf(t.number).some((k) => known.has(k))) missing.add(t.text);
  }
  return [...missing];
}

interface Token {
  /** as written, with its percent sign when there is one */
  text: string;
  /** the digits and separators only */
  number: string;
  percent: boolean;
}

// a number is not a figure when glued to letters or underscores: codes (2021_PD_8735, CP09), file names (51402a20550)
const TOKEN =
  /(?<![\p{L}\p{N}_])(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d+(?:[.,]\d+)*)(?![\p{L}\p{N}_])(\s?%)?/gu;

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0].trim(), number: m[1]!, percent: m[2] !== undefined }));
}

function isChecked(t: Token): boolean {
  if (!/^\d+$/.test(t.number)) return true;
  if (t.percent) return true;
  return t.number.length >= 3 && !/^(19|20)\d{2}$/.test(t.number);
}

/** Every reading of a token: literally, as a date, as an Italian-notation and as an English-notation number. */
function keysOf(raw: string): string[] {
  const keys = [`lit:${raw}`];
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(raw) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  if (iso) keys.push(dateKey(iso[1]!, iso[2]!, iso[3]!));
  if (dmy) keys.push(dateKey(dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3]!, dmy[2]!, dmy[1]!));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/.test(raw))
    keys.push(`num:${Number(raw.replaceAll('.', '').replace(',', '.'))}`);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(raw)) keys.push(`num:${Number(raw.replaceAll(',', ''))}`);
  return keys;
}

function dateKey(year: string, month: string, day: string): string {
  return `date:${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
