/**
 * Layout `serravalle-peg`: a PEG sheet per Centro di Responsabilità (Comune di Serravalle Pistoiese), whose
 * "Obiettivi di Sviluppo e Miglioramento" are tables with lettered rows A–G:
 * A Nr. + Descrizione obiettivo, B Riferimento al programma, C Indicatori (Valore atteso), D dates + pluriennale,
 * E Responsabile, F Risorse dedicate (Umane / Finanziarie), G altri servizi coinvolti.
 *
 * The rows are found by their labels in one text stream, never by tabs or line positions, because the PDF rendering
 * drops the HTML, joins cells with single spaces, wraps long rows and loses the row letter of some rows.
 */

import { parseFigure, parseTarget } from '../../src/plan/figures.ts';
import type { ExtractedPlan, Indicator, Objective, Structure } from '../../src/plan/model.ts';
import { displayName, splitTitle } from '../../src/plan/names.ts';
import { fold, squash } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { readDateCell } from './primitives/date-cells.ts';
import { findIssuingBody } from './primitives/entity.ts';
import { type FormLabel, type FormValue, formRecords, formText, readForm } from './primitives/labelled-form.ts';
import { type LayoutMarker, markerScore, markerText } from './primitives/layout-markers.ts';
import { readOwners } from './primitives/people.ts';
import { firstByCode, plainLines, planOf, type WarningLog, warningLog } from './primitives/plan-parts.ts';
import { present } from './primitives/present.ts';
import { splitTrailingTarget } from './primitives/target-cells.ts';
import { tabCells } from './primitives/wrapped-text.ts';

const LAYOUT = 'serravalle-peg';

type Warn = WarningLog['warnAt'];

/** Phrases of this template that no other layout prints; each one found adds to the confidence. */
const MARKERS: LayoutMarker[] = [
  { re: /obiettivi di sviluppo e miglioramento/ },
  { re: /relazione \S*revisionale e programmatica/ },
  { re: /l'obiettivo e pluriennale/ },
  { re: /coinvolge altri servizi dell'ente/ },
  { re: /valore atteso \(da riempire\)/ },
  { re: /data di completamento prevista/ },
  { re: /risorse dedicate ?:/ },
  { re: /nr\. ?\S+ descrizione obiettivo/ },
];

type Field = 'A' | 'B' | 'C' | 'CH' | 'D1' | 'D2' | 'D3' | 'E' | 'F' | 'G';

/** Row labels; the optional leading letter is the row letter, which the PDF keeps for some rows only. */
const LABELS: FormLabel<Field>[] = [
  { field: 'A', re: /(?:(?<=^|\s)A\s+)?Nr\.\s*(\S+)\s+Descrizione\s+obiettivo\b/giu },
  {
    field: 'B',
    re: /(?:(?<=^|\s)B\s+)?Riferimento\s+al\s+programma\s+della\s+relazione\s+\S+\s+e\s+programmatica\s*:?/giu,
  },
  {
    field: 'C',
    re: /(?:(?<=^|\s)C\s+)?Indicatori\s+di\s+risultato\s+e\s+di\s+processo(?:\s*\(misurabili\s+e\/o\s+riscontrabili\))?/giu,
  },
  {
    field: 'CH',
    re: /Valore\s+atteso(?:\s*\(da\s+riempire\))?(?:\s+Valore\s+al\s+\d{1,2}\/\d{1,2})*(?:\s+Cause\s+di\s+eventuali\s+scostamenti)?/giu,
  },
  { field: 'D1', re: /(?:(?<=^|\s)D\s+)?Data\s+di\s+inizio\s+prevista\s*:?/giu },
  { field: 'D2', re: /Data\s+di\s+completamento\s+prevista\s*:?/giu },
  { field: 'D3', re: /L['’]obiettivo\s+(?:è|e'|e)\s+pluriennale\s*:?/giu },
  { field: 'E', re: /(?:(?<=^|\s)E\s+)?Responsabile\s*:/giu },
  { field: 'F', re: /(?:(?<=^|\s)F\s+)?Risorse\s+dedicate\s*:(?:\s*Umane)?(?:\s*Finanziarie)?/giu },
  {
    field: 'G',
    re: /(?:(?<=^|\s)G\s+)?L['’]obiettivo\s+coinvolge\s+altri\s+servizi\s+dell['’]Ente(?:\s*\(se\s+SI\s+indicare\s+quali\))?\s*:?/giu,
  },
];

/** Template text left in a cell that was never filled in. */
const PLACEHOLDERS = new Set(['inserire il riferimento', 'eventuali altri servizi', 'da riempire']);

type Segment = FormValue<Field>;

export const serravallePegExtractor: PlanExtractor = {
  layout: LAYOUT,

  detect: (doc) => markerScore(markerText(doc), MARKERS),

  extract(doc: SourceDocument): ExtractedPlan {
    const { warnings, warnAt: warn } = warningLog(doc);
    const plain = plainLines(doc);
    const header = readHeader(doc, plain);
    const structures = header.structure ? [header.structure] : [];
    const objectives = readObjectives(doc, plain, header.structure?.name, warn);
    noteTemplateSheet(doc, plain, warn);

    const document = planDocument(doc, LAYOUT, {
      entity: header.entity,
      kind: 'peg',
      title: header.title,
      years: header.years,
    });
    return planOf(document, { structures, objectives, warnings });
  },
};

/** Entity, title, years and the Centro di Responsabilità described by the cover and its labelled header lines. */
function readHeader(
  doc: SourceDocument,
  plain: string[],
): { entity: string; title: string; years: number[]; structure?: Structure } {
  const first = plain.findIndex((l) => l.length > 0);
  const entityLine = plain.findIndex((l) => /^(?:comune|provincia|unione)\s+d/i.test(l));
  const entity = findIssuingBody(plain);

  // The cover title runs from the entity line to the first markdown heading.
  const titleParts: string[] = [];
  for (let i = Math.max(entityLine, first) + 1; i < plain.length && titleParts.length < 6; i++) {
    const l = plain[i]!;
    if (l.startsWith('#')) break;
    if (l) titleParts.push(l);
  }
  const title = squash(titleParts.join(' ')) || 'PIANO ESECUTIVO DI GESTIONE';
  const years = [...new Set([...title.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1])))];

  const labelled = (label: string): { value: string; line: number } | undefined => {
    const re = new RegExp(`^${label}\\s*:\\s*(.*)$`, 'i');
    for (let i = 0; i < plain.length; i++) {
      const m = plain[i]!.match(re);
      if (m) return { value: squash(m[1]!), line: i };
    }
    return undefined;
  };
  const cdrLine = plain.findIndex((l) => /^del centro di responsabilit/i.test(fold(l)));
  const cdrName = cdrLine >= 0 ? plain.slice(cdrLine + 1).find((l) => l.length > 0) : undefined;
  const servizio = labelled('servizio');
  const area = labelled('area');
  const responsabile = labelled('responsabile');
  const funzionario = labelled('funzionario');
  const name = servizio?.value || cdrName;
  if (!name) return { entity, title, years };

  const head = responsabile?.value || funzionario?.value;
  const lines = [cdrLine, servizio?.line, area?.line, responsabile?.line, funzionario?.line].filter(
    (n): n is number => n !== undefined && n >= 0,
  );
  const structure: Structure = {
    doc: doc.file,
    name,
    kind: 'servizio',
    span: spanOf(doc, Math.min(...lines), Math.max(...lines)),
  };
  if (area?.value) structure.area = area.value;
  if (head) {
    structure.head = displayName(splitTitle(head).name);
    structure.headRole = responsabile?.value ? 'Responsabile' : 'Funzionario';
  }
  return { entity, title, years, structure };
}

function readObjectives(doc: SourceDocument, plain: string[], structure: string | undefined, warn: Warn): Objective[] {
  const start = plain.findIndex((l) => /obiettivi di sviluppo e miglioramento/i.test(l));
  const endAt = plain.findIndex((l, i) => i > start && /^#*\s*scheda per la valutazione/i.test(l));
  const from = start >= 0 ? start + 1 : 0;
  const to = endAt >= 0 ? endAt : plain.length;

  const groups = formRecords(readForm(plain, from, to, LABELS), 'A');

  const read = groups.flatMap((group, gi) => {
    const next = groups[gi + 1]?.[0]?.labelLine ?? to;
    return readObjective(doc, group, lastContentLine(plain, group[0]!.labelLine, next), structure, warn) ?? [];
  });
  return firstByCode(read, (o) => warn(`objective ${o.code} appears twice; kept the first`, o.span));
}

function readObjective(
  doc: SourceDocument,
  group: Segment[],
  lastLine: number,
  structure: string | undefined,
  warn: Warn,
): Objective | undefined {
  const head = group[0]!;
  const span = spanOf(doc, head.labelLine, lastLine);
  const code = head.code ? squash(head.code) : '';
  if (!code) {
    warn('objective row A without a number (Nr.): skipped', span);
    return undefined;
  }
  const field = (f: Field) => group.find((s) => s.field === f);
  const value = (f: Field) => cleanValue(formText(field(f)));

  const { title, description } = splitDescription(formText(head), doc, head.labelLine);
  const [d1, d2] = [value('D1'), value('D2')];
  const start = d1 ? readDateCell(d1, undefined) : undefined;
  const end = d2 ? readDateCell(d2, undefined) : undefined;
  if (!end) warn(`objective ${code}: no completion date (Data di completamento prevista)`, span);
  const multiYear = checkedAnswer(doc, field('D3'), group);
  if (multiYear === undefined)
    warn(`objective ${code}: the "L'obiettivo è pluriennale" checkbox cannot be read in this rendering`, span);
  else if (multiYear && start?.iso && end?.iso && start.iso.slice(0, 4) === end.iso.slice(0, 4))
    warn(`objective ${code} is marked pluriennale but runs from ${start.text} to ${end.text}`, span);
  if (start?.iso && end?.iso && end.iso < start.iso)
    warn(`objective ${code} ends (${end.text}) before it starts (${start.text})`, span);
  const owners = readOwners(value('E') ?? '').people;
  if (owners.length === 0) warn(`objective ${code} has no Responsabile`, span);
  const { human, financial } = readResources(doc, field('F'));
  const money = financial?.match(/(?:€\s*)?\d{1,3}(?:\.\d{3})*(?:,\d+)?/);
  const reference = value('B');

  return {
    doc: doc.file,
    code,
    title,
    type: 'sviluppo e miglioramento',
    owners: owners.map((o) => o.name),
    phases: [],
    indicators: readIndicators(doc, group),
    span,
    ...present({
      description,
      structure,
      strategic: reference ? { riferimentoDup: reference } : undefined,
      start,
      end,
      multiYear,
      ownerTitles: owners.some((o) => o.title) ? owners.map((o) => o.title ?? '') : undefined,
      humanResources: human,
      financialResources: financial,
      financialAmount: money ? parseFigure(money[0]) : undefined,
      otherServices: value('G'),
    }),
  };
}

/** The bold title precedes the first of the four criteria (STRATEGICITA', sometimes misspelt STATEGICITA'). */
function splitDescription(text: string, doc: SourceDocument, line: number): { title: string; description?: string } {
  const m = text.match(/(?:^|\s)(STR?ATEGICIT(?:A['’]?|À))/iu);
  if (m && m.index !== undefined && m.index > 0) {
    return { title: squash(text.slice(0, m.index)), description: squash(text.slice(m.index)) };
  }
  const bold = doc.lines[line]?.match(/Descrizione obiettivo\s*<\/b>\s*(?:<[^>]+>\s*)*<b>([^<]+)<\/b>/i);
  if (bold?.[1]) {
    const title = squash(bold[1]);
    const rest = squash(text.slice(text.indexOf(title) + title.length));
    return rest ? { title, description: rest } : { title };
  }
  return { title: text };
}

function readIndicators(doc: SourceDocument, group: Segment[]): Indicator[] {
  const rows: { from: number; to: number; text: string }[] = [];
  for (const s of group) {
    if (s.field !== 'C' && s.field !== 'CH') continue;
    for (const p of s.pieces) {
      const prev = rows.at(-1);
      // A PDF wraps a long row: the continuation starts mid-sentence, in lower case.
      if (prev && prev.to === p.line - 1 && /^\p{Ll}/u.test(p.text)) {
        prev.text += ` ${p.text}`;
        prev.to = p.line;
      } else rows.push({ from: p.line, to: p.line, text: p.text });
    }
  }
  return rows.map((row, i) => {
    const { description, target } = splitIndicatorRow(doc, row);
    const indicator: Indicator = { n: i + 1, description, span: spanOf(doc, row.from, row.to) };
    if (target) indicator.target = parseTarget(target);
    return indicator;
  });
}

/** Description and Valore atteso: by the table cells when the text still has them, otherwise by the target's shape. */
function splitIndicatorRow(
  doc: SourceDocument,
  row: { from: number; to: number; text: string },
): {
  description: string;
  target?: string;
} {
  const cells = row.from === row.to ? cellsOf(doc.lines[row.from] ?? '') : [];
  if (cells.length >= 2 && squash(cells.join(' ')) === row.text) {
    return { description: cells[0]!, target: cells[1]! };
  }
  const { head, target } = splitTrailingTarget(row.text);
  if (head && target) return { description: head, target };
  // A worded target ("Da effettuarsi durante l'anno solare") starts a new capitalised sentence.
  const worded = row.text.match(/^(.*?\p{Ll}[\p{L}']*)\s+(\p{Lu}\p{Ll}+\s+\p{Ll}.*)$/u);
  if (worded) return { description: squash(worded[1]!), target: squash(worded[2]!) };
  return { description: row.text };
}

/** F row: the values line(s) after "Umane / Finanziarie"; the financial cell is the one with the money (or a dash). */
function readResources(doc: SourceDocument, f: Segment | undefined): { human?: string; financial?: string } {
  if (!f || f.pieces.length === 0) return {};
  const single = f.pieces.length === 1 ? f.pieces[0]! : undefined;
  const cells = single ? cellsOf(doc.lines[single.line] ?? '') : [];
  let human: string;
  let financial: string;
  if (single && cells.length >= 2 && squash(cells.join(' ')) === single.text) {
    human = cells[0]!;
    financial = cells.slice(1).join(' ');
  } else {
    const text = formText(f);
    const at = text.search(/(?:^|\s)(?:€|\d{1,3}(?:\.\d{3})*,\d{2}\b|-+$)/u);
    human = at >= 0 ? text.slice(0, at) : text;
    financial = at >= 0 ? text.slice(at) : '';
  }
  const out: { human?: string; financial?: string } = {};
  const h = cleanValue(human);
  const fin = cleanValue(financial);
  if (h) out.human = h;
  if (fin) out.financial = fin;
  return out;
}

/**
 * The answer to "L'obiettivo è pluriennale: [ ] Si --- [x] No" is the checkbox marked `checked` in the HTML.
 * Undefined when the rendering lost the checkboxes (PDF).
 */
function checkedAnswer(doc: SourceDocument, d3: Segment | undefined, group: Segment[]): boolean | undefined {
  if (!d3) return undefined;
  const after = group[group.indexOf(d3) + 1];
  const last = after ? after.labelLine : (d3.pieces.at(-1)?.line ?? d3.labelLine);
  const raw = doc.lines.slice(d3.labelLine, last + 1).join(' ');
  const m = raw.match(/<input\b[^>]*\bchecked\b[^>]*>\s*(?:<[^>]+>\s*)*(S[iì]|No)\b/iu);
  if (!m) return undefined;
  return fold(m[1]!).startsWith('s');
}

/** Drops template placeholders and dashes; undefined when nothing real is left. */
function cleanValue(raw: string): string | undefined {
  const text = squash(raw);
  if (!text || /^[-–—\s.]*$/.test(text)) return undefined;
  if (PLACEHOLDERS.has(fold(text))) return undefined;
  return text;
}

/** Non-empty cells of a tab-separated line; none when the line has no tabs. */
const cellsOf = (raw: string): string[] => (raw.includes('\t') ? tabCells(raw).filter(Boolean) : []);

function lastContentLine(plain: string[], from: number, before: number): number {
  for (let i = Math.min(before, plain.length) - 1; i > from; i--) if (plain[i]) return i;
  return from;
}

/** The "Scheda per la valutazione" is an unfilled template (Attività 1…, 0%, placeholders): not data, but say so. */
function noteTemplateSheet(doc: SourceDocument, plain: string[], warn: Warn): void {
  const at = plain.findIndex((l) => /^#*\s*scheda per la valutazione/i.test(l));
  if (at < 0) return;
  const end = lastContentLine(plain, at, plain.length);
  warn(
    'the "Scheda per la valutazione" is an unfilled template (placeholder activities and 0% weights): not read',
    spanOf(doc, at, end),
  );
}
