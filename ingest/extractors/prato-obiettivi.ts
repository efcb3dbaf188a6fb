/**
 * Layout `prato-obiettivi`: the "Preventivo obiettivi" of the Comune di Prato, one objective sheet after the other.
 * Every page opens with the same block — page title, "obiettivo Centro di Responsabilità Responsabile", then
 * code / structure / owner and the objective title — so an objective printed over three pages shows it three times.
 * After the block: "Tipo di Obiettivo", "Descrizione Obiettivo", "RISULTATO FINALE ATTESO", "FASI - ATTIVITA'" (each
 * FASE a wrapped title, then Inizio Previsto / Fine Prevista / Peso / Responsabile / Centro di Responsabilità / Note),
 * "INDICATORI" (Descrizione / Tipo / Valore Atteso / Note) and "ALTRI SERVIZI COINVOLTI".
 *
 * Everything is read from the non-blank lines with whitespace collapsed, so the PDF rendering (no blank lines, tabs
 * lost, long lines wrapped) reads the same way; blank lines are used only as an extra hint where the .txt has them.
 */

import { parseTarget } from '../../src/plan/figures.ts';
import type { ExtractedPlan, Indicator, Objective, Phase } from '../../src/plan/model.ts';
import { splitTitle } from '../../src/plan/names.ts';
import { fold, squash } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { type LayoutMarker, markerScore, markerText } from './primitives/layout-markers.ts';
import { hasBlankLines, type LineItem, lineItems } from './primitives/line-items.ts';
import { isMisspelling, isNameRun, type OwnerSplit, ownerSplitter } from './primitives/owner-split.ts';
import { datedPhase } from './primitives/phase-list.ts';
import { issuingBody, planOf, type WarningLog, warningLog } from './primitives/plan-parts.ts';
import { structuresOf } from './primitives/structures-of-objectives.ts';
import { weightTotal } from './primitives/weights.ts';
import { joinWrapped } from './primitives/wrapped-text.ts';

const LAYOUT = 'prato-obiettivi';

type Item = LineItem;

const PAGE_TITLE = /^(.+?)\s+((?:preventivo|consuntivo)\s+obiettivi\s+(\d{4}))$/i;
const ANCHOR = 'obiettivo centro di responsabilita responsabile';
const CODE_LINE = /^(\d{4}-[A-Z]{2,4}\d{1,3})(?:\s+(.*))?$/;
const PHASE_HEADER = /^inizio previsto\s+fine prevista\s+peso/;
const PHASE_VALUES =
  /^(\d{1,2}\/\d{1,2}\/\d{2,4})\s+(\d{1,2}\/\d{1,2}\/\d{2,4})(?:\s+(\d{1,3}(?:\.\d{3})*,\d+|\d+(?:,\d+)?\s?%))?(?:\s+(.+))?$/;
const INDICATOR_HEADER = /^descrizione\s+tipo\s+valore atteso/;
/** The label is printed in capitals; "Risultato finale atteso consiste…" in running text is prose, not the label. */
const RESULT_LABEL = /^RISULTATO(?:\s+FINALE\s+ATTESO)?\s*(?::\s*(.*))?$|^RISULTATO\s+FINALE\s+ATTESO\s+(.*)$/;
/** Expected results some sheets write inside the description instead of under the label. */
const RESULT_IN_PROSE = /^(?:il\s+)?risultato finale atteso\b/i;
const INDICATOR_TYPES =
  'efficienza|efficacia|economicit[aà]|quantitativo|qualitativo|processo-attivit[aà]|risultato|temporale|impatto|output|outcome';
const TARGET = String.raw`\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,3}(?:\.\d{3})+(?:,\d+)?\s?%?|\d+(?:,\d+)?\s?%?`;
/** `[description] type target [note]`: the columns of one indicator row once tabs are gone. */
const INDICATOR_ROW = new RegExp(`^(?:(.*?)\\s+)?(${INDICATOR_TYPES})\\s+(${TARGET})(?:\\s+(.*))?$`, 'i');
const isAnchor = (it: Item) => it.key === ANCHOR;
const isPageTitle = (it: Item) => PAGE_TITLE.test(it.text);

/** Lines that open a part of the sheet; they end a wrapped title or a running text. */
const isSectionMarker = (it: Item): boolean =>
  isAnchor(it) || isPageTitle(it) || BODY_MARKS.some((m) => m.opensPart && markOf(m, it));

/** Structure names the sheets print outside the header: the phase "Centro di Responsabilità" column and "altri servizi". */
function collectStructureNames(items: Item[]): string[] {
  const names = new Set<string>();
  let others = false;
  for (const it of items) {
    const m = PHASE_VALUES.exec(it.text);
    if (m?.[4]) names.add(m[4]);
    if (it.key === 'altri servizi coinvolti') others = true;
    else if (isSectionMarker(it)) others = false;
    else if (others && it.key !== 'descrizione') names.add(it.text);
  }
  return [...names];
}

interface Header {
  code: string;
  structure: string;
  owner?: string;
  title: string;
  /** position (in items) of the first line after the block */
  next: number;
}

/**
 * Reads the block under "obiettivo Centro di Responsabilità Responsabile". A long structure name pushes the owner onto
 * its own line ("2020-PA14 Cultura, turismo e promozione" / "del territorio" / "Iacopino Rita Lucia"). On a repeated
 * page the title is known, so only the lines that spell it are taken: what follows may be running text carried over.
 */
function readHeader(
  items: Item[],
  codePos: number,
  split: (rest: string) => OwnerSplit | null,
  knownTitle: string | undefined,
): Header {
  const m = CODE_LINE.exec(items[codePos]!.text)!;
  const code = m[1]!;
  const rest = m[2] ?? '';
  let pos = codePos + 1;
  let structure = rest;
  let owner: string | undefined;
  const one = rest ? split(rest) : null;
  if (one) {
    structure = one.structure;
    owner = one.owner;
  } else {
    const parts = [rest];
    for (let k = pos; k < items.length && k < pos + 3; k++) {
      const it = items[k]!;
      if (isSectionMarker(it)) break;
      if (isNameRun(it.text)) {
        structure = joinWrapped([...parts, ...items.slice(pos, k).map((i) => i.text)]);
        owner = it.text;
        pos = k + 1;
        break;
      }
    }
  }
  const titleParts: string[] = [];
  const target = knownTitle === undefined ? undefined : fold(knownTitle);
  while (pos < items.length) {
    const it = items[pos]!;
    if (isSectionMarker(it)) break;
    if (target !== undefined) {
      const acc = fold(joinWrapped([...titleParts, it.text]));
      if (!target.startsWith(acc)) break;
      titleParts.push(it.text);
      pos++;
      if (acc === target) break;
    } else {
      titleParts.push(it.text);
      pos++;
    }
  }
  const header: Header = { code, structure: squash(structure), title: joinWrapped(titleParts), next: pos };
  if (owner) header.owner = owner;
  return header;
}

/** Records an oddity of the document, with the lines that show it. */
type Warn = WarningLog['warn'];

type Section =
  | 'none'
  | 'context'
  | 'description'
  | 'result'
  | 'phases'
  | 'phaseTitle'
  | 'phaseValues'
  | 'indicators'
  | 'others';

interface Draft {
  code: string;
  title: string;
  structure: string;
  owner?: string;
  firstIdx: number;
  lastIdx: number;
  type?: string;
  multiYear?: boolean;
  context: Item[];
  description: Item[];
  result: Item[];
  phases: Phase[];
  phaseTitle: Item[];
  phaseFrom: number;
  indicators: Indicator[];
  pending: Item[];
  others: Item[];
  section: Section;
}

/** Reads one Comune di Prato "Preventivo obiettivi" document. */
function extract(doc: SourceDocument): ExtractedPlan {
  const items = lineItems(doc.lines);
  const { warnings, warn } = warningLog(doc);
  // Blank lines separate the cells of a row in the .txt; a PDF has none.
  const blankHints = hasBlankLines(items);

  const titleItem = items.find(isPageTitle);
  const tm = titleItem ? PAGE_TITLE.exec(titleItem.text) : null;
  const year = tm?.[3] ? Number(tm[3]) : undefined;
  if (!tm) warn('no page title "<ente> Preventivo obiettivi <anno>" found');

  const codePositions: number[] = [];
  items.forEach((it, pos) => {
    if (!isAnchor(it)) return;
    const next = items[pos + 1];
    if (next && CODE_LINE.test(next.text)) codePositions.push(pos + 1);
    else warn('objective header without a code', it.idx);
  });
  const rests = codePositions.map((p) => CODE_LINE.exec(items[p]!.text)?.[2] ?? '');
  const split = ownerSplitter(rests, collectStructureNames(items));

  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];

  for (let page = 0; page < codePositions.length; page++) {
    const codePos = codePositions[page]!;
    const endPos = page + 1 < codePositions.length ? codePositions[page + 1]! - 1 : items.length;
    const codeText = CODE_LINE.exec(items[codePos]!.text)![1]!;
    const known = drafts.get(codeText);
    const header = readHeader(items, codePos, split, known?.title);
    let d = known;
    if (!d) {
      d = {
        code: header.code,
        title: header.title,
        structure: header.structure,
        firstIdx: items[codePos]!.idx,
        lastIdx: items[codePos]!.idx,
        context: [],
        description: [],
        result: [],
        phases: [],
        phaseTitle: [],
        phaseFrom: -1,
        indicators: [],
        pending: [],
        others: [],
        section: 'none',
      };
      if (header.owner) d.owner = header.owner;
      drafts.set(d.code, d);
      order.push(d);
    } else if (
      fold(header.structure) !== fold(d.structure) ||
      fold(header.owner ?? '') !== fold(d.owner ?? '') ||
      fold(header.title) !== fold(d.title)
    ) {
      warn(`objective ${d.code}: the repeated page header differs from the first one`, items[codePos]!.idx);
    }
    readBody(doc, items.slice(header.next, endPos), d, blankHints, warn);
  }

  const objectives = order.map((d) => finish(doc, d, warn));
  // a Centro di Responsabilità is where the header first names it (its line only)
  const mentions = objectives.map((o) => ({ name: o.structure ?? '', span: { ...o.span, lineEnd: o.span.lineStart } }));
  const structures = structuresOf(doc.file, mentions, objectives, { kind: () => 'cdr', headRole: 'Responsabile' });
  const document = planDocument(doc, LAYOUT, {
    entity: issuingBody(doc),
    kind: 'piano_obiettivi',
    title: tm?.[2] ?? 'Preventivo obiettivi',
    years: year ? [year] : [],
  });
  return planOf(document, { structures, objectives, warnings });
}

/**
 * The captions of a sheet's body, as data: what each one matches (on the folded line, or on the text as printed
 * where capitals matter), the section it opens and what it records. `opensPart` captions also end a wrapped title or
 * a running text; `closesIndicators` ones end the indicator table (its pending lines become the last row's note).
 */
interface BodyMark {
  re: RegExp;
  on?: 'text';
  opensPart?: true;
  closesIndicators?: true;
  section?: Section;
  read?: (d: Draft, m: RegExpExecArray, it: Item, warn: Warn) => void;
}

const BODY_MARKS: readonly BodyMark[] = [
  {
    re: /^tipo di obiettivo\b\s*(.*)$/i,
    on: 'text',
    opensPart: true,
    closesIndicators: true,
    section: 'none',
    read: (d, m) => {
      if (m[1]) d.type = m[1];
    },
  },
  {
    re: /^pluriennale\s+(\S+)$/i,
    on: 'text',
    opensPart: true,
    read: (d, m) => {
      d.multiYear = fold(m[1]!) === 'si';
    },
  },
  { re: /^contesto di riferimento$/, opensPart: true, section: 'context' },
  { re: /^descrizione obiettivo$/, opensPart: true, section: 'description' },
  {
    re: RESULT_LABEL,
    on: 'text',
    opensPart: true,
    closesIndicators: true,
    section: 'result',
    read: (d, m, it) => {
      const inline = m[1] ?? m[2];
      if (inline) d.result.push({ ...it, text: inline });
    },
  },
  { re: /^fasi\s*-\s*attivita/, opensPart: true, closesIndicators: true, section: 'phases' },
  {
    re: /^fase$/,
    opensPart: true,
    closesIndicators: true,
    read: (d, _m, it, warn) => {
      if (d.section === 'phaseTitle' || d.section === 'phaseValues')
        warn(`objective ${d.code}: a phase without dates`, d.phaseFrom);
      d.phaseTitle = [];
      d.phaseFrom = it.idx;
      d.section = 'phaseTitle';
    },
  },
  { re: PHASE_HEADER, section: 'phaseValues' },
  { re: /^indicatori$/, opensPart: true, section: 'indicators' },
  // the column captions of the indicator table: nothing to read
  { re: INDICATOR_HEADER },
  { re: /^altri servizi coinvolti$/, opensPart: true, closesIndicators: true, section: 'others' },
];

const markOf = (m: BodyMark, it: Item): RegExpExecArray | null => m.re.exec(m.on === 'text' ? it.text : it.key);

function markAt(it: Item): [BodyMark, RegExpExecArray] | null {
  for (const mark of BODY_MARKS) {
    const hit = markOf(mark, it);
    if (hit) return [mark, hit];
  }
  return null;
}

/** Walks the lines of one page after its header block; the section in progress carries over to the next page. */
function readBody(doc: SourceDocument, body: Item[], d: Draft, hasBlankLines: boolean, warn: Warn): void {
  for (const it of body) {
    if (isPageTitle(it)) continue;
    d.lastIdx = it.idx;
    const found = markAt(it);
    if (!found) {
      readLine(doc, it, d, hasBlankLines, warn);
      continue;
    }
    const [mark, hit] = found;
    if (mark.closesIndicators) leaveIndicators(d);
    if (mark.section) d.section = mark.section;
    mark.read?.(d, hit, it, warn);
  }
}

function readLine(doc: SourceDocument, it: Item, d: Draft, hasBlankLines: boolean, warn: Warn): void {
  switch (d.section) {
    case 'context':
      d.context.push(it);
      return;
    case 'description':
      d.description.push(it);
      return;
    case 'result':
      d.result.push(it);
      return;
    case 'phaseTitle':
      d.phaseTitle.push(it);
      return;
    case 'phaseValues':
      readPhaseValues(doc, it, d, warn);
      return;
    case 'indicators':
      readIndicatorLine(doc, it, d, hasBlankLines);
      return;
    case 'others':
      if (it.key !== 'descrizione') d.others.push(it);
      return;
    default:
      warn(`objective ${d.code}: unexpected line "${it.text.slice(0, 60)}"`, it.idx);
  }
}

/** "01/01/2020 31/12/2020 10,00 [Responsabile] Centro di Responsabilità" — weight and responsible may be blank. */
function readPhaseValues(doc: SourceDocument, it: Item, d: Draft, warn: Warn): void {
  const m = PHASE_VALUES.exec(it.text);
  const title = joinWrapped(d.phaseTitle.map((p) => p.text));
  if (!m) {
    warn(`objective ${d.code}: phase "${title}" has no readable dates`, it.idx);
    d.section = 'phases';
    return;
  }
  const span = spanOf(doc, d.phaseFrom >= 0 ? d.phaseFrom : it.idx, it.idx);
  const phase = datedPhase({ title, span }, { start: m[1], end: m[2], weight: m[3] });
  const rest = m[4];
  if (rest) {
    if (d.owner && fold(rest).startsWith(`${fold(d.owner)} `)) {
      phase.responsible = rest.slice(0, d.owner.length);
      phase.structure = rest.slice(d.owner.length + 1).trim();
    } else {
      phase.structure = rest;
    }
  }
  d.phases.push(phase);
  d.phaseTitle = [];
  d.phaseFrom = -1;
  d.section = 'phases';
}

/**
 * An indicator row ends on the line that carries its type and target. A one-line description sits on that same line;
 * a wrapped one comes on the lines before. Lines after a row that belong to no description are its wrapped note.
 */
function readIndicatorLine(doc: SourceDocument, it: Item, d: Draft, hasBlankLines: boolean): void {
  const m = INDICATOR_ROW.exec(it.text);
  if (!m) {
    d.pending.push(it);
    return;
  }
  let descLines: Item[];
  if (m[1]) {
    attachNote(d, d.pending);
    descLines = [it];
  } else {
    // In the .txt a wrapped note hangs right under its row, while a new description follows a blank line.
    let cut = 0;
    if (hasBlankLines && d.indicators.length > 0) {
      while (cut < d.pending.length && !d.pending[cut]!.blankBefore) cut++;
    }
    attachNote(d, d.pending.slice(0, cut));
    descLines = [...d.pending.slice(cut), it];
  }
  d.pending = [];
  const description = m[1] ? squash(m[1]) : joinWrapped(descLines.slice(0, -1).map((x) => x.text));
  const indicator: Indicator = {
    description,
    type: m[2]!,
    target: parseTarget(m[3]!),
    span: spanOf(doc, descLines[0]!.idx, it.idx),
  };
  if (m[4]) indicator.note = squash(m[4]);
  d.indicators.push(indicator);
}

function attachNote(d: Draft, lines: Item[]): void {
  const last = d.indicators[d.indicators.length - 1];
  if (!last || lines.length === 0) return;
  last.note = joinWrapped([last.note ?? '', ...lines.map((l) => l.text)]);
  last.span = { ...last.span, lineEnd: lines[lines.length - 1]!.idx + 1 };
}

function leaveIndicators(d: Draft): void {
  if (d.section !== 'indicators') return;
  attachNote(d, d.pending);
  d.pending = [];
}

function finish(doc: SourceDocument, d: Draft, warn: Warn): Objective {
  leaveIndicators(d);
  if (d.pending.length > 0) {
    warn(`objective ${d.code}: indicator text without type and target`, d.pending[0]!.idx);
  }
  const o: Objective = {
    doc: doc.file,
    code: d.code,
    title: d.title,
    owners: [],
    structure: d.structure,
    phases: d.phases,
    indicators: d.indicators,
    span: spanOf(doc, d.firstIdx, d.lastIdx),
  };
  if (d.owner) {
    const { title, name } = splitTitle(d.owner);
    o.owners = [name];
    if (title) o.ownerTitles = [title];
  } else {
    warn(`objective ${d.code} has no owner`, d.firstIdx);
  }
  if (d.type) o.type = d.type;
  if (d.multiYear !== undefined) o.multiYear = d.multiYear;

  let description = d.description;
  let result = d.result;
  if (result.length === 0) {
    const at = description.findIndex((l) => RESULT_IN_PROSE.test(l.text));
    if (at > 0) {
      result = description.slice(at);
      description = description.slice(0, at);
    }
  }
  const descText = joinWrapped(description.map((l) => l.text)).replace(/^descrizione obiettivo\s*:\s*/i, '');
  const contextText = joinWrapped(d.context.map((l) => l.text));
  if (contextText) o.description = `Contesto di riferimento: ${contextText}${descText ? `\n\n${descText}` : ''}`;
  else if (descText) o.description = descText;
  const resultText = joinWrapped(result.map((l) => l.text));
  if (resultText) o.expectedResult = resultText;
  if (d.others.length > 0) o.otherServices = d.others.map((l) => l.text).join('; ');

  const weights = weightTotal(d.phases);
  if (d.phases.length === 0) warn(`objective ${d.code} has no phases`, d.firstIdx);
  else if (weights === null) warn(`objective ${d.code}: no phase carries a weight`, d.firstIdx, d.lastIdx);
  else if (weights !== 100)
    warn(
      `objective ${d.code}: phase weights sum to ${weights.toLocaleString('it-IT')}, not 100`,
      d.firstIdx,
      d.lastIdx,
    );
  if (d.indicators.length === 0) warn(`objective ${d.code} has no indicators`, d.firstIdx);
  const misspelt = d.phases.find((p) => p.structure && isMisspelling(d.structure, p.structure));
  if (misspelt) {
    warn(
      `objective ${d.code}: the header writes the structure "${d.structure}", its phases "${misspelt.structure}"`,
      d.firstIdx,
      misspelt.span.lineEnd - 1,
    );
  }
  return o;
}

/** Phrases only this template prints: the repeated header row above all, the page title, the phase captions. */
const MARKERS: LayoutMarker[] = [
  { re: /obiettivo centro di responsabilita responsabile/, weight: 0.5 },
  { re: /(?:preventivo|consuntivo) obiettivi \d{4}/, weight: 0.2 },
  { re: /inizio previsto fine prevista peso/, weight: 0.2 },
  { re: /(?<=^|\s)\d{4}-[a-z]{2,4}\d{1,3}(?=\s|$)/, weight: 0.1 },
];

export const pratoObiettiviExtractor: PlanExtractor = {
  layout: LAYOUT,
  detect: (doc) => markerScore(markerText(doc), MARKERS),
  extract,
};
