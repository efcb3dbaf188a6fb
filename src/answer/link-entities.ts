import type { Indicator, Objective, Person, Project, Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { editDistance } from './text-match.ts';

export type CodeHit =
  | { kind: 'objective'; code: string; record: Objective }
  | { kind: 'project'; code: string; record: Project }
  | { kind: 'indicator'; code: string; record: Indicator; objective: Objective };

/** A code the user wrote that matches nothing: the answer says so instead of guessing. */
export interface CodeMention {
  text: string;
  hits: CodeHit[];
}

// codes are written in capitals and digits; "work-related" or "COVID-19" only count when a record has that code
const CODE_CANDIDATE =
  /\b[IVX]{1,4}\s*[-–]\s*\d{1,2}\b|\b\d{2}(?:\.\d{2}){1,3}\.?(?=\s|$|[,;:?!)])|\b[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+\b|\b[A-Z]+(?:_[A-Z0-9]+)+\b|\b[A-Za-z]{2}\d{2}\b|\b\d{4,5}\b/g;
/** shapes that are certainly codes: when one matches nothing, the answer says so */
export const KNOWN_CODE_SHAPE =
  /^(?:\d{4}[-_][A-Z]{2}[\dA-Z]*(?:_[\dA-Z]+)*|[A-Z]_\d{4}\w*|[MO]_[\dA-Z]+_[\dA-Z]+_\d+|[IVX]{1,4}\s*[-–]\s*\d{1,2}|\d{2}(?:\.\d{2}){2,3}\.?)$/i;

/** Codes in the question, each resolved to the records it names (full code or a distinctive ending: PL09, 8735). */
export function findCodes(question: string, store: PlanStore, scope: Scope): CodeMention[] {
  const mentions: CodeMention[] = [];
  for (const m of question.matchAll(CODE_CANDIDATE)) {
    const text = m[0].trim();
    if (/^(19|20)\d{2}$/.test(text)) continue; // a year
    if (/^\d{2}\.\d{2}\.\d{4}$/.test(text)) continue; // a date
    if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text)) continue;
    const key = codeKey(text);
    const hits = lookupCode(key, store).filter((h) =>
      inScope(h.kind === 'indicator' ? h.objective.doc : h.record.doc, scope, store),
    );
    if (hits.length === 0 && !/[a-z]/i.test(text) && !/\./.test(text)) continue; // a bare number that is no code
    mentions.push({ text, hits });
  }
  // any code as a loaded plan writes it (`PL/24/2`, `OO.3`, `OS.D.2`): the document's own shapes, not a known list
  const seen = new Set(mentions.map((m) => codeKey(m.text)));
  for (const token of question.split(/\s+/)) {
    const text = token.replace(/^[«"'“‘(]+|[»"'”’)?!,;:]+$|\.$/g, '');
    const key = codeKey(text);
    if (!/\d/.test(key) || seen.has(key) || /^\d+$/.test(key)) continue;
    const hits = [
      ...(store.objectivesByCode.get(key) ?? []).map((o) => ({ kind: 'objective' as const, code: o.code, record: o })),
      ...(store.projectsByCode.get(key) ?? []).map((p) => ({ kind: 'project' as const, code: p.code, record: p })),
    ].filter((h) => inScope(h.record.doc, scope, store));
    if (hits.length === 0) continue;
    seen.add(key);
    mentions.push({ text, hits });
  }
  // Serravalle-style numbered objectives: "obiettivo 3", "objective nr. 2"
  for (const m of fold(question).matchAll(
    /\b(?:obiettivo|objective|ob\.)\s*(?:n\.?|nr\.?|numero|number|#)?\s*(\d{1,2})\b/g,
  )) {
    const hits = (store.objectivesByCode.get(m[1]!) ?? [])
      .filter((o) => inScope(o.doc, scope, store))
      .map((o) => ({ kind: 'objective' as const, code: o.code, record: o }));
    if (hits.length) mentions.push({ text: m[0], hits });
  }
  return mentions;
}

function lookupCode(key: string, store: PlanStore): CodeHit[] {
  const exactObjectives = store.objectivesByCode.get(key) ?? [];
  const exactProjects = store.projectsByCode.get(key) ?? [];
  const indicators: CodeHit[] = (store.indicatorsByCode.get(key) ?? []).map(({ indicator, objective }) => ({
    kind: 'indicator',
    code: indicator.code!,
    record: indicator,
    objective,
  }));
  const exact: CodeHit[] = [
    ...exactProjects.map((p) => ({ kind: 'project' as const, code: p.code, record: p })),
    ...exactObjectives.map((o) => ({ kind: 'objective' as const, code: o.code, record: o })),
    ...indicators,
  ];
  if (exact.length || key.length < 4 || !/\d/.test(key)) return exact;
  // a distinctive ending: PL09 → 2020-PL09, 8735 → 2021_PD_8735
  const projects = store.projects.filter((p) => codeKey(p.code).endsWith(key));
  const objectives = store.objectives.filter((o) => codeKey(o.code).endsWith(key) && !/^\d+$/.test(codeKey(o.code)));
  return [
    ...projects.map((p) => ({ kind: 'project' as const, code: p.code, record: p })),
    ...objectives.map((o) => ({ kind: 'objective' as const, code: o.code, record: o })),
  ];
}

// ---------------------------------------------------------------- people

export interface PersonMatch {
  person: Person;
  /** question words that matched the name */
  matched: string[];
  exact: boolean;
}

const NOT_NAME = new Set(
  'il lo la le gli i di del della dei degli delle a al alla e ed che chi quali quale qual quanti quante cosa ha hanno sono obiettivi obiettivo progetti progetto indicatori fasi scadenze responsabile dirigente dott dottssa dott.ssa ing arch avv sig sigra prof budget which who what objectives projects owned owns does the of is are and with on in to for by dr dssa'.split(
    ' ',
  ),
);

/**
 * People named in the question: surname only, first-name-first, with titles, with a typo. A person matches when
 * each name word in the question belongs to the same person; "Mario Rossi" does not match "Rossi Anna".
 */
export function findPeople(
  question: string,
  store: PlanStore,
  /** the people the asker may know of; the others are not candidates, as if they were in no plan */
  canSee: (person: Person) => boolean = () => true,
): { matches: PersonMatch[]; unknownName: string | null } {
  const words = question
    .replace(/[’']/g, ' ')
    .split(/[^\p{L}.]+/u)
    .map((w) => w.replace(/\.+$/, ''))
    .filter(Boolean);
  const folded = words.map((w) => fold(w));
  const scored: PersonMatch[] = [];
  for (const person of store.people) {
    if (!canSee(person)) continue;
    const parts = person.key.split(' ');
    const matched: string[] = [];
    let exact = true;
    for (const [i, w] of folded.entries()) {
      if (w.length < 3 || NOT_NAME.has(w)) continue;
      // "sarà" is a verb, not "Sara": an accent the name does not have rules the word out
      if (words[i]!.toLowerCase() !== w && !person.spellings.some((s) => fold(s) !== s.toLowerCase())) continue;
      const direct = parts.includes(w);
      const typo = !direct && w.length >= 5 && parts.some((p) => p.length >= 5 && editDistance(p, w, 1) <= 1);
      if (direct || typo) {
        matched.push(words[i]!);
        if (typo) exact = false;
      }
    }
    if (matched.length) scored.push({ person, matched, exact });
  }
  if (!scored.length) return { matches: [], unknownName: capitalizedName(words) };
  const best = Math.max(...scored.map((s) => s.matched.length));
  let top = scored.filter((s) => s.matched.length === best);
  if (top.some((t) => t.exact)) top = top.filter((t) => t.exact);
  // "Mario Rossi": a capitalised word right beside the matched surname that is not part of the person's name
  const filtered = top.filter((m) => !hasForeignNeighbour(words, m));
  if (!filtered.length) return { matches: [], unknownName: capitalizedName(words) };
  return { matches: filtered, unknownName: null };
}

function hasForeignNeighbour(words: string[], match: PersonMatch): boolean {
  const parts = new Set(match.person.key.split(' '));
  return words.some((w, i) => {
    if (!match.matched.includes(w)) return false;
    return [words[i - 1], words[i + 1]].some(
      (n) =>
        n &&
        /^\p{Lu}\p{Ll}{2,}$/u.test(n) &&
        !match.matched.includes(n) &&
        !parts.has(fold(n)) &&
        !NOT_NAME.has(fold(n)) &&
        !isKnownWord(n),
    );
  });
}

const KNOWN_CAPITALISED =
  /^(Quali|Quale|Qual|Chi|Che|Cosa|Su|Which|Who|What|How|Budget|Indicatori|Progetto|Progetti|Obiettivi|Obiettivo|Comune|Provincia|Prato|Reggio|Emilia|Serravalle|Pistoiese|Servizio|Servizi|Sociali|Dott|Ing|Dottssa|PEG|PIAO|Totale|Entrate|Valore|Responsabile|Dirigente|Date|Scadenze|Fasi|Peso)$/;
function isKnownWord(w: string): boolean {
  return KNOWN_CAPITALISED.test(w);
}

function capitalizedName(words: string[]): string | null {
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (/^\p{Lu}\p{Ll}+$/u.test(a) && /^\p{Lu}\p{Ll}+$/u.test(b) && !isKnownWord(a) && !isKnownWord(b) && i - 1 > 0)
      return `${a} ${b}`;
  }
  return null;
}

// ---------------------------------------------------------------- scope: entity, year, kind

export interface Scope {
  docs: string[] | null;
  entity: string | null;
  year: number | null;
  /** a year the question names that no plan of the scope covers */
  uncoveredYear?: number;
}

const ENTITY_PATTERNS: [RegExp, (entity: string) => boolean][] = [
  [/\bprovincia\b/, (e) => /^provincia/i.test(e)],
  [/\bcomune di prato\b|\bcity of prato\b/, (e) => /^comune di prato$/i.test(e)],
  [/\breggio\b/, (e) => /reggio/i.test(e)],
  [/\bserravalle\b/, (e) => /serravalle/i.test(e)],
];

/** Which documents the question is about: an entity, a year, a kind of plan (PEG, PIAO). */
export function findScope(question: string, store: PlanStore): Scope {
  const q = fold(question);
  let docs = store.model.documents;
  let entity: string | null = null;
  for (const [re, accepts] of ENTITY_PATTERNS) {
    if (re.test(q)) {
      const matching = docs.filter((d) => accepts(d.entity));
      if (matching.length) {
        docs = matching;
        entity = matching[0]!.entity;
        break;
      }
    }
  }
  if (!entity) {
    // other entities by their own name ("Comune di X")
    for (const d of store.model.documents) {
      const name = fold(d.entity).replace(/^(comune|provincia|citta|unione)( di| del| della)? /, '');
      if (name.length > 3 && q.includes(name) && !/^prato$/.test(name)) {
        docs = docs.filter((x) => x.entity === d.entity);
        entity = d.entity;
        break;
      }
    }
  }
  if (/\bpiao\b/.test(q)) docs = narrow(docs, (d) => d.kind === 'piao_performance');
  else if (/\bpeg\b/.test(q)) docs = narrow(docs, (d) => d.kind === 'peg');
  // a year on its own ("nel 2020"), not inside a date ("al 31.12.2023") or a code ("2020-PL09")
  const yearMatch = q.match(/(?<![\d./_-])\b((?:19|20)\d{2})\b(?![\d./_-])/);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const uncovered = year !== null && !docs.some((d) => d.years.includes(year));
  if (year) docs = narrow(docs, (d) => d.years.includes(year));
  const all = docs.length === store.model.documents.length;
  return { docs: all ? null : docs.map((d) => d.file), entity, year, ...(uncovered ? { uncoveredYear: year } : {}) };
}

function narrow<T>(list: T[], keep: (t: T) => boolean): T[] {
  const kept = list.filter(keep);
  return kept.length ? kept : list;
}

export function inScope(doc: string, scope: Scope, _store?: PlanStore): boolean {
  return !scope.docs || scope.docs.includes(doc);
}

// ---------------------------------------------------------------- structures

export function findStructures(question: string, store: PlanStore, scope: Scope): Structure[] {
  const q = fold(question);
  const codeMatch = q.match(
    /\b(?:cdr|centro di responsabilita|servizio|service|settore|cdr n\.?)\s*(?:n\.?\s*)?([a-z]?\d{1,3})\b/,
  );
  const inDocs = store.structures.filter((s) => inScope(s.doc, scope));
  if (codeMatch) {
    const byCode = inDocs.filter((s) => s.code && fold(s.code) === codeMatch[1]);
    if (byCode.length) return byCode;
  }
  const scored = inDocs
    .map((s) => {
      const name = fold(s.name).replace(/^\s*[a-z]?\d+\s*-\s*/, '');
      const words = name
        .split(/[^a-z0-9]+/)
        .filter(
          (w) =>
            w.length > 2 &&
            ![
              'servizio',
              'servizi',
              'del',
              'della',
              'dei',
              'delle',
              'area',
              'ufficio',
              'settore',
              'dirigente',
              'staff',
            ].includes(w),
        );
      if (!words.length) return { s, score: 0, hit: 0 };
      const hit = words.filter((w) => new RegExp(`\\b${w.slice(0, Math.max(4, w.length - 1))}`).test(q)).length;
      return { s, score: hit / words.length, hit };
    })
    // the whole name, most of a long one ("Servizio Politiche di Welfare"), or a short name said in full
    .filter(
      (x) =>
        x.score >= 0.99 ||
        (x.score >= 0.6 && x.hit >= 2) ||
        (x.score >= 0.5 && fold(x.s.name).split(/\s+/).length <= 3),
    );
  const best = Math.max(0, ...scored.map((x) => x.score));
  return scored.filter((x) => x.score === best && best > 0).map((x) => x.s);
}
