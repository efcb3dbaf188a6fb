/**
 * Layout `generic`: the fallback for a plan no specific extractor recognises. It always yields a valid plan with
 * the document described (entity, kind, years, title guessed from the text) and reads objectives only where the
 * text states them unambiguously: an explicit code ("Codice obiettivo: X", "Obiettivo 3: …") with a title and a
 * Responsabile a few lines below. Anything less explicit is left to retrieval over the text; nothing is invented.
 */

import type { DocumentKind, ExtractedPlan, Objective, PlanWarning } from '../../src/plan/model.ts';
import { splitTitle } from '../../src/plan/names.ts';
import { fold, squash, stripMarkup } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';

const LAYOUT = 'generic';
const CONFIDENCE = 0.1;
/** How far below its code an objective's title, owner and structure may be written. */
const BLOCK_LINES = 30;
const HEAD_LINES = 60;

export const genericExtractor: PlanExtractor = {
  layout: LAYOUT,

  detect(): number {
    return CONFIDENCE;
  },

  extract(doc: SourceDocument): ExtractedPlan {
    const plain = doc.lines.map((l) => squash(stripMarkup(l)));
    const warnings: PlanWarning[] = [];
    const objectives = readObjectives(doc, plain, warnings);
    warnings.unshift({
      doc: doc.file,
      message: `layout not recognised: read by the generic extractor (${objectives.length} objectives with an explicit code and Responsabile)`,
    });
    const document = planDocument(doc, LAYOUT, {
      entity: guessEntity(plain),
      kind: guessKind(plain),
      title: guessTitle(plain, doc.file),
      years: guessYears(plain),
    });
    return { document, structures: [], objectives, projects: [], totals: [], tables: [], warnings };
  },
};

// ── entity ──────────────────────────────────────────────────────────────────────────────────────────────────────

const ENTITY_KIND =
  '(?:[Cc]omune|COMUNE|[Pp]rovincia|PROVINCIA|[Cc]itt[àa] [Mm]etropolitana|CITT[ÀA] METROPOLITANA|[Rr]egione|REGIONE|' +
  '[Uu]nione (?:[Dd]ei [Cc]omuni|DEI COMUNI|[Mm]ontana|MONTANA|[Cc]omunale|COMUNALE)|UNIONE|[Uu]nione)';
const OF = "(?:di|DI|del|DEL|della|DELLA|dei|DEI|delle|DELLE|dell['’]|DELL['’]|d['’]|D['’])";
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const JOINER = "(?:in|sul|sulla|di|del|della|de|nel|nell['’]|sull['’]|dell['’]|d['’]|IN|SUL|DI|DEL|NELL['’])";
const ENTITY_RE = new RegExp(
  `(?<![\\p{L}])(${ENTITY_KIND})\\s+(${OF})\\s*(${NAME_WORD}(?:(?:\\s+|\\s*-\\s*)(?:${JOINER}\\s*)?${NAME_WORD}){0,4})`,
  'gu',
);
/** Capitalised words that follow an entity name in headers ("Comune di Prato Preventivo obiettivi 2020"). */
const NOT_NAME = new Set(
  (
    'piano preventivo consuntivo peg piao pdo dup bilancio obiettivi obiettivo settore servizio servizi area anno anni ' +
    'esercizio relazione documento allegato sezione sottosezione come per nel con che e ed il la lo le gli ai dal ' +
    'performance gestione programma direzione ufficio deliberazione delibera approvato triennio'
  ).split(' '),
);

/**
 * The entity most mentioned as "Comune di X" / "Provincia di X" / "Unione …", mentions near the top counting more.
 * A name and the same name followed by more words are one entity: the shorter form collects the longer one's count.
 */
function guessEntity(plain: string[]): string {
  const tally = new Map<string, { weight: number; spellings: Map<string, number> }>();
  plain.forEach((line, i) => {
    for (const m of line.matchAll(ENTITY_RE)) {
      const words: string[] = [];
      for (const w of m[3]!.split(/\s+/)) {
        if (NOT_NAME.has(fold(w))) break;
        words.push(w);
      }
      while (words.length && /^(?:in|sul|sulla|di|del|della|de|nel|-)$/i.test(words.at(-1)!)) words.pop();
      if (words.length === 0) continue;
      const of = m[2]!;
      const spelled = `${m[1]} ${of}${/['’]$/.test(of) ? '' : ' '}${words.join(' ')}`;
      const key = fold(spelled);
      const entry = tally.get(key) ?? { weight: 0, spellings: new Map<string, number>() };
      entry.weight += i < HEAD_LINES ? 3 : 1;
      entry.spellings.set(spelled, (entry.spellings.get(spelled) ?? 0) + 1);
      tally.set(key, entry);
    }
  });
  if (tally.size === 0) return 'sconosciuto';
  const merged = [...tally.entries()].map(([key, e]) => {
    let weight = 0;
    for (const [other, o] of tally) if (other === key || other.startsWith(`${key} `)) weight += o.weight;
    return { key, weight, spellings: e.spellings };
  });
  merged.sort((a, b) => b.weight - a.weight || a.key.length - b.key.length);
  const best = merged[0]!;
  const spelling = [...best.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return spelling === spelling.toUpperCase() ? titleCase(spelling) : spelling;
}

/** `PROVINCIA DI PRATO` → `Provincia di Prato`: capitalised words, lower-case joiners. */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 && /^(?:di|del|della|dei|delle|dell['’].*|d['’].*|in|sul|sulla|nel|nell['’].*|de)$/.test(w)
        ? w.replace(/(['’])(\p{L})/u, (_, a: string, c: string) => a + c.toUpperCase())
        : w.replace(/(^|[-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase()),
    )
    .join(' ');
}

// ── kind, title, years ──────────────────────────────────────────────────────────────────────────────────────────

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
function guessKind(plain: string[]): DocumentKind {
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

function guessTitle(plain: string[], file: string): string {
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
function guessYears(plain: string[]): number[] {
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

// ── objectives ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Header {
  line: number;
  code: string;
  title?: string;
}

const CODE_LINE = /^codice\s+(?:dell['’])?obiettivo\s*:?\s*(.*)$/i;
const OBJECTIVE_LINE =
  /^obiettivo\s+(?:(?:n\.?|nr\.?|n°|numero)\s*)?([A-Za-z]{0,6}[-_.]?\d[\w.\-/]*)\s*(?::|\s[-–—]\s|\.\s)\s*(\S.*)$/i;
const TITLE_LINE = /^(?:denominazione|titolo|oggetto|descrizione(?:\s+(?:dell['’])?obiettivo)?)(?:\s*:\s*|\s+)(\S.*)$/i;
const OWNER_LINE = /^responsabil[ei](?:\s+(?:dell['’]obiettivo|del(?:l['’])?\s*obiettivo))?\s*(:)?\s*(.*)$/i;
const STRUCTURE_LINE =
  /^(?:unit[aà] organizzativa responsabile\s*:?|(?:settore|servizio|struttura|centro di responsabilit[aà]|direzione|cdr)\s*:)\s*(\S.*)$/i;

function readObjectives(doc: SourceDocument, plain: string[], warnings: PlanWarning[]): Objective[] {
  const headers: Header[] = [];
  plain.forEach((line, i) => {
    const c = line.match(CODE_LINE);
    if (c) {
      const code = squash(c[1]!);
      if (code && /[\p{L}\d]/u.test(code)) headers.push({ line: i, code });
      return;
    }
    const o = line.match(OBJECTIVE_LINE);
    if (o) headers.push({ line: i, code: o[1]!, title: squash(o[2]!) });
  });

  const objectives: Objective[] = [];
  const firstSeen = new Map<string, number>();
  const repeats = new Map<string, number>();
  headers.forEach((h, k) => {
    const end = Math.min(headers[k + 1]?.line ?? plain.length, h.line + BLOCK_LINES, plain.length);
    let title = h.title;
    let titleLine = h.line;
    let owner: { raw: string; line: number } | undefined;
    let structure: { name: string; line: number } | undefined;
    for (let i = h.line + 1; i < end; i++) {
      const line = plain[i]!;
      const t = !title ? line.match(TITLE_LINE) : null;
      if (t) {
        title = squash(t[1]!);
        titleLine = i;
        continue;
      }
      const s = !structure ? line.match(STRUCTURE_LINE) : null;
      if (s) {
        structure = { name: squash(s[1]!), line: i };
        continue;
      }
      const r = !owner ? line.match(OWNER_LINE) : null;
      // Without a colon, only a titled name ("Responsabile Dott.ssa Maura Meschi") is safely a person.
      if (r?.[2] && (r[1] || splitTitle(r[2]).title)) owner = { raw: r[2], line: i };
    }
    if (!title || !owner) {
      warnings.push({
        doc: doc.file,
        message: `objective ${h.code} not read: no ${!title ? 'title' : 'Responsabile'} near its code`,
        span: spanOf(doc, h.line),
      });
      return;
    }
    const owners = splitOwners(owner.raw);
    if (owners.length === 0) return;
    if (firstSeen.has(h.code)) {
      repeats.set(h.code, (repeats.get(h.code) ?? 1) + 1);
      return;
    }
    firstSeen.set(h.code, h.line);
    const objective: Objective = {
      doc: doc.file,
      code: h.code,
      title,
      owners: owners.map((o) => o.name),
      phases: [],
      indicators: [],
      span: spanOf(doc, h.line, Math.max(titleLine, owner.line, structure?.line ?? h.line)),
    };
    if (owners.some((o) => o.title)) objective.ownerTitles = owners.map((o) => o.title ?? '');
    if (structure) objective.structure = structure.name;
    objectives.push(objective);
  });
  for (const [code, n] of repeats) {
    warnings.push({
      doc: doc.file,
      message: `objective ${code} is written ${n} times; kept the first`,
      span: spanOf(doc, firstSeen.get(code)!),
    });
  }
  return objectives;
}

function splitOwners(raw: string): { name: string; title?: string }[] {
  return raw
    .split(/\s*(?:--|;|,|\/|\s[-–—]\s|\se\s)\s*/)
    .map((p) => squash(p))
    .filter((p) => /\p{L}/u.test(p))
    .map((p) => {
      const { title, name } = splitTitle(p);
      return title ? { name, title } : { name };
    })
    .filter((o) => o.name.length > 0);
}
