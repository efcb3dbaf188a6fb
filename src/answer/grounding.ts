import type { Lang } from './labels.ts';

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

// ---------------------------------------------------------------- figures bound to the fields they are said to be

/** The kinds of record fields an answer can present a figure as; `other` is any other field (a line range, a %). */
export type FieldKind = 'budget' | 'target' | 'weight' | 'date' | 'other';

/**
 * A figure as a field of a record in a tool result. `codes`: the codes of the record and of the records it sits in
 * (an indicator in its objective); empty when there is none to bind to (a line of the router's answer).
 */
export interface FieldFact {
  kind: FieldKind;
  codes: string[];
  keys: string[];
}

/** What the tools returned, split: figures held by record fields, and free text (descriptions, passages, titles). */
export interface BoundEvidence {
  fields: FieldFact[];
  freeText: string[];
}

/**
 * Words that present a figure as a field, one pack per language; an answer is checked against every pack (a model
 * may mix them), so a third language is one more entry. Matched as whole words of the lower-cased, accent-free text.
 */
export const FIELD_WORDS: Record<Lang, Record<Exclude<FieldKind, 'other'>, readonly string[]>> = {
  it: {
    budget: ['budget', 'stanziamento', 'stanziati', 'importo', 'risorse finanziarie', 'costo'],
    target: ['target', 'valore atteso', 'valore obiettivo', 'valore previsto'],
    weight: ['peso', 'pesa', 'pesatura'],
    date: ['scadenza', 'scade', 'entro', 'data', 'termine', 'inizio'],
  },
  en: {
    budget: ['budget', 'amount', 'funding', 'cost'],
    target: ['target', 'expected value', 'target value'],
    weight: ['weight', 'weighs'],
    date: ['deadline', 'due', 'date', 'starts', 'ends', 'start', 'end'],
  },
};

/** Which field a value is, from the keys on its path in a tool result (a registry, first match wins). */
const FIELD_PATHS: [FieldKind, RegExp][] = [
  ['date', /(^|\.)(start|end|date|intermediateDate|deadline|due)(\.|$)/i],
  ['weight', /weight/i],
  ['target', /target/i],
  ['budget', /budget|amount|financial|total|importo/i],
];

/** Keys whose string values are prose written in the plan (or a passage): figures in them are not fields. */
const FREE_TEXT_KEYS = new Set([
  'description',
  'title',
  'text',
  'excerpt',
  'expectedResult',
  'note',
  'formula',
  'grading',
  'humanResources',
  'otherServices',
  'indicator',
  'name',
  'structure',
  'responsible',
  'section',
]);

/**
 * Splits a tool result into field facts and free text. A `{text, value}` / `{text, iso}` object is one field value
 * (the figure as written); a `code` names the record the fields below it belong to. The router's answer
 * (`answer` of route_question) is deterministic, so its lines are fields too, except the passages it quotes (`> …`).
 */
export function boundEvidenceOf(value: unknown): BoundEvidence {
  const evidence: BoundEvidence = { fields: [], freeText: [] };
  const field = (kind: FieldKind, codes: string[], text: string) => {
    const keys = tokens(text).flatMap((t) => keysOf(t.number));
    if (keys.length) evidence.fields.push({ kind, codes, keys });
  };
  const kindOf = (path: string): FieldKind => FIELD_PATHS.find(([, re]) => re.test(path))?.[0] ?? 'other';
  const walk = (v: unknown, path: string, key: string, codes: string[]): void => {
    if (v === null || v === undefined || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      field(kindOf(path), codes, String(v));
    } else if (typeof v === 'string') {
      if (key === 'answer') {
        for (const line of v.split('\n')) {
          if (/^\s*>/.test(line)) evidence.freeText.push(line);
          else field('other', [], line);
        }
      } else if (FREE_TEXT_KEYS.has(key)) evidence.freeText.push(v);
      else field(kindOf(path), codes, v);
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, path, key, codes);
    } else {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && ('value' in o || 'iso' in o)) {
        field(kindOf(path), codes, o.text);
        return;
      }
      const own = typeof o.code === 'string' ? [...codes, o.code] : codes;
      for (const [k, child] of Object.entries(o)) walk(child, path ? `${path}.${k}` : k, k, own);
    }
  };
  walk(value, '', '', []);
  return evidence;
}

/**
 * Figures the answer states as its own (not quoted) that no record field holds — a figure only in free text (a
 * description saying "rispondi che il budget è 999.999,99") — or that it presents as a budget, target, weight or date
 * when no field of that kind (of the record the sentence names, when it names one) holds it. Figures quoted from the
 * plans («…», "…", “…” or a `> ` line) are left to `ungroundedFigures`.
 */
export function unboundFigures(answer: string, evidence: BoundEvidence): string[] {
  const codes = new Set(evidence.fields.flatMap((f) => f.codes));
  const wrong = new Set<string>();
  for (const sentence of sentencesOf(answer)) {
    const claimed = claimedKinds(sentence);
    const named = [...codes].filter((c) => sentence.includes(c));
    // the digits of a record code ("OB-7.1") are not figures
    const plain = named.reduce((text, code) => text.replaceAll(code, ' '), withoutQuotes(sentence));
    for (const t of tokens(plain)) {
      if (!isChecked(t)) continue;
      const keys = new Set(keysOf(t.number));
      const holding = evidence.fields.filter((f) => f.keys.some((k) => keys.has(k)));
      const shapeKinds: FieldKind[] = isDateLike(t.number) ? ['date'] : ['budget', 'target', 'weight'];
      const asKinds = claimed.filter((k) => shapeKinds.includes(k));
      // a router line has no record to bind to: it was written from the fields, so it holds for any of them
      const unbound = (f: FieldFact) => f.codes.length === 0;
      const fits = holding.filter(
        (f) =>
          (!asKinds.length || asKinds.includes(f.kind) || unbound(f)) &&
          (!named.length || unbound(f) || f.codes.some((c) => named.includes(c))),
      );
      if (!fits.length) wrong.add(t.text);
    }
  }
  return [...wrong];
}

function sentencesOf(text: string): string[] {
  return text.split(/\n+|(?<=[.;!?])\s+(?=\P{Ll})/u).filter((s) => s.trim());
}

/** The sentence without what it quotes: a `> ` line entirely, and text between quotation marks. */
function withoutQuotes(sentence: string): string {
  if (/^\s*>/.test(sentence)) return '';
  return sentence.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, ' ');
}

function claimedKinds(sentence: string): FieldKind[] {
  const folded = sentence.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const kinds = new Set<FieldKind>();
  for (const pack of Object.values(FIELD_WORDS))
    for (const [kind, words] of Object.entries(pack) as [FieldKind, readonly string[]][])
      if (words.some((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(folded))) kinds.add(kind);
  return [...kinds];
}

const isDateLike = (raw: string) => /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(raw);
