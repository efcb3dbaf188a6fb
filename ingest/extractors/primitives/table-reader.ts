/**
 * Table reader. A header row is a line whose cells are labels of the lexicon (`Cod. | Obiettivo | Indicatore |
 * Target | Peso | Responsabile | Scadenza`); the rows below it are read in one of three ways, by how the text
 * keeps the columns apart:
 * - `tab`: cells apart by tabs — the cell's index is its column;
 * - `spaced`: cells apart by runs of spaces — a cell goes to the header cell it lies under;
 * - `flat`: single spaces only, as PDF text often gives a table — the row is read from both ends, by what each
 *   column holds (a code first; a name, a weight, a target, a date at the end), the text columns taking the rest.
 * A row whose first column is blank continues the row above (a cell wrapped over two lines).
 */
import { isFigure, parseDate } from '../../../src/plan/figures.ts';
import { type CodeShapes, isStrongCode } from './code-shapes.ts';
import { readHeading } from './heading-scopes.ts';
import { type Field, type LabelPack, LEXICON } from './label-lexicon.ts';
import { foldKeepingOffsets, type LabelMatch, labelAt, labelsAt, wholeLabel } from './label-match.ts';
import { looksLikeCode, segmentLabel } from './label-values.ts';

export interface Column {
  /** what the column holds; null for a column the lexicon does not name (a person or structure in a matrix) */
  field: Field | null;
  label: string;
  /** the year a column is for ("Target 2020") */
  year?: number;
  /** character offsets of the header cell (spaced mode) */
  start: number;
  end: number;
}

export type TableMode = 'tab' | 'spaced' | 'flat';

export interface TableRow {
  /** 0-based first and last line */
  line: number;
  lineEnd: number;
  /** parallel to the header's columns; '' where the row has nothing */
  cells: string[];
}

export interface Table {
  headerLine: number;
  mode: TableMode;
  columns: Column[];
  rows: TableRow[];
  lineEnd: number;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

function cellsOf(line: string, mode: 'tab' | 'spaced'): Cell[] {
  const sep = mode === 'tab' ? /\t/ : /\s{2,}|\t/;
  const out: Cell[] = [];
  let pos = 0;
  for (const part of line.split(new RegExp(`(${sep.source})`))) {
    if (sep.test(part) && part.trim() === '') {
      pos += part.length;
      continue;
    }
    out.push({ text: part.trim(), start: pos + (part.length - part.trimStart().length), end: pos + part.length });
    pos += part.length;
  }
  return out;
}

const ORDINAL_HEADER = /^(?:n\.?|n°|nr\.?|num\.?|#)$/i;

/** Whether a column is a row number (`N.`, `N°`) rather than a code the document gives its objectives. */
export function isOrdinalColumn(column: Column): boolean {
  return ORDINAL_HEADER.test(column.label.trim());
}

const YEAR_IN = /\b((?:19|20)\d\d)\b/;

function columnOf(cell: Cell, pack: LabelPack): Column {
  const year = cell.text.match(YEAR_IN);
  const bare = year ? cell.text.replace(YEAR_IN, '').trim() : cell.text;
  // a year alone heads the target for that year, side by side with the others ("2024 | 2025 | 2026")
  if (year && bare === '')
    return { field: 'target', label: cell.text, year: Number(year[1]), start: cell.start, end: cell.end };
  // a qualifier in brackets after the label ("Obiettivo strategico (DUP)", "Budget (€)") leaves the label as it is
  const m = wholeLabel(bare, pack) ?? wholeLabel(bare.replace(/\s*\([^()]{1,24}\)$/, ''), pack);
  // "N.", "N°", "#": the row number, the only code some tables have
  const ordinal = ORDINAL_HEADER.test(cell.text.trim());
  return {
    field: ordinal ? 'code' : (m?.field ?? null),
    label: cell.text,
    ...(year && m ? { year: Number(year[1]) } : {}),
    start: cell.start,
    end: cell.end,
  };
}

const KEY_FIELDS: ReadonlySet<Field> = new Set(['code', 'objective', 'title', 'phase', 'indicator']);

/** Whether the named columns make a header: three labels, or two when one of them is a key (code, objective…). */
function isHeader(columns: Column[]): boolean {
  const named = columns.filter((c) => c.field !== null);
  if (named.length < 2) return isMatrixHeader(columns);
  if (new Set(named.map((c) => c.field)).size < 2) return false;
  if (named.length >= 3 && named.length * 2 >= columns.length) return true;
  return named.some((c) => KEY_FIELDS.has(c.field!)) && columns.length >= 2;
}

/** A matrix header: a key column (code or objective) and at least two columns the lexicon does not name. */
function isMatrixHeader(columns: Column[]): boolean {
  const key = columns.findIndex((c) => c.field !== null && KEY_FIELDS.has(c.field));
  return (
    key >= 0 &&
    key <= 1 &&
    // a person or a structure heads a matrix column; a figure ("40", "50") is a row's cell, never a header
    columns.filter((c) => c.field === null && /\p{L}{2}/u.test(c.label)).length >= 2 &&
    columns.slice(key + 1).every((c) => c.field === null || KEY_FIELDS.has(c.field) || c.field === 'title')
  );
}

/**
 * The label a flattened header holds at `pos`. The longest label is taken unless a shorter one is followed by a
 * label of another field that reaches as far: `Codice Obiettivo operativo` is two columns, `Codice | Obiettivo`.
 */
function headerLabelAt(line: string, pos: number, pack: LabelPack): LabelMatch | null {
  const all = labelsAt(line, pos, pack);
  const longest = all[0];
  if (!longest) return null;
  for (const shorter of all.slice(1)) {
    const next = line.slice(shorter.end).match(/^\s+/);
    if (!next) continue;
    const following = labelAt(line, shorter.end + next[0].length, pack);
    if (following && following.field !== shorter.field && following.end >= longest.end) return shorter;
  }
  return longest;
}

/** Reads a single-space header by taking labels left to right; every word must belong to a label or qualifier. */
function flatHeader(line: string, pack: LabelPack): Column[] | null {
  const columns: Column[] = [];
  let pos = line.length - line.trimStart().length;
  // a leading "N." heads the row numbers, the only code some tables have
  const ordinal = line.slice(pos).match(/^(?:n\.|n°|nr\.|#)(?=\s)/i);
  if (ordinal) {
    columns.push({ field: 'code', label: ordinal[0], start: pos, end: pos + ordinal[0].length });
    pos += ordinal[0].length;
  }
  const folded = foldKeepingOffsets(line).toLowerCase();
  while (pos < line.length) {
    if (line[pos] === ' ') {
      pos++;
      continue;
    }
    const m = headerLabelAt(line, pos, pack);
    if (m) {
      columns.push({ field: m.field, label: m.label, start: m.start, end: m.end });
      pos = m.end;
      continue;
    }
    const word = folded.slice(pos).match(/^\S+/)![0];
    const year = /^(?:19|20)\d\d$/.test(word);
    if (!pack.headerQualifiers.includes(word) && !year) {
      // a matrix: after a key column, capitalised words, each a person or structure column ("… Rossi Bianchi")
      const words = line.slice(pos).trim().split(/\s+/);
      const keyed = columns.some((c) => c.field === 'code' || c.field === 'objective');
      // an initial ("FERRI A.") or an abbreviation in lower case ("Edilizia scol.") completes the name before it
      const completes = (w: string) => /^\p{Lu}\.$/u.test(w) || /^\p{Ll}[\p{L}]*\.$/u.test(w);
      if (!keyed || !/^\p{Lu}/u.test(words[0] ?? '')) return null;
      if (!words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || completes(w))) return null;
      const names: string[] = [];
      for (const w of words) {
        if (completes(w) && names.length) names[names.length - 1] += ` ${w}`;
        else names.push(w);
      }
      if (names.length < 2) return null;
      let at = pos;
      for (const n of names) {
        const start = line.indexOf(n, at);
        columns.push({ field: null, label: n, start, end: start + n.length });
        at = start + n.length;
      }
      return columns;
    }
    const last = columns.at(-1);
    // a year after a column that is no yearless target or result heads a target column of its own
    if (year && last && (last.year !== undefined || !['target', 'result', 'weight'].includes(last.field ?? ''))) {
      columns.push({ field: 'target', label: word, year: Number(word), start: pos, end: pos + word.length });
      pos += word.length;
      continue;
    }
    if (last) {
      last.label = line.slice(last.start, pos + word.length);
      last.end = pos + word.length;
      if (year) last.year = Number(word);
    }
    pos += word.length;
  }
  // "Codice indicatore Indicatore …": a code label and an item's label, the item's own column next, head the
  // item's code column
  for (let k = 0; k + 2 < columns.length; k++) {
    const [c, item, next] = [columns[k]!, columns[k + 1]!, columns[k + 2]!];
    if (c.field === 'code' && (item.field === 'indicator' || item.field === 'phase') && next.field === item.field) {
      columns.splice(k, 2, { field: 'code', label: line.slice(c.start, item.end), start: c.start, end: item.end });
      break;
    }
  }
  const fields = new Set(columns.map((c) => c.field)).size;
  // "Indicatore Valore atteso 2031 Valore atteso 2032": two fields, the years telling the targets apart
  const yearly = fields === 2 && columns.filter((c) => c.year !== undefined).length >= 2;
  return columns.length >= 3 && (fields >= 3 || yearly) ? columns : null;
}

/** The header a line makes, and how its rows keep columns apart; null when the line is no header. */
export function readHeader(line: string, pack: LabelPack = LEXICON): { mode: TableMode; columns: Column[] } | null {
  if (line.trim() === '' || line.length > 400) return null;
  if (line.includes('\t')) {
    const columns = cellsOf(line, 'tab')
      .filter((c) => c.text !== '')
      .map((c) => columnOf(c, pack));
    return isHeader(columns) ? { mode: 'tab', columns } : null;
  }
  if (/\S\s{2,}\S/.test(line)) {
    const columns = cellsOf(line, 'spaced')
      .filter((c) => c.text !== '')
      .map((c) => columnOf(c, pack));
    return isHeader(columns) ? { mode: 'spaced', columns } : null;
  }
  const flat = flatHeader(line, pack);
  return flat ? { mode: 'flat', columns: flat } : null;
}

/** The column a spaced cell lies under: most overlap with the header cell's span, else the nearest centre. */
function columnIndexAt(columns: Column[], cell: Cell): number {
  let best = 0;
  let bestOverlap = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  columns.forEach((c, i) => {
    const overlap = Math.min(c.end, cell.end) - Math.max(c.start, cell.start);
    const distance = Math.abs((c.start + c.end) / 2 - (cell.start + cell.end) / 2);
    if (overlap > bestOverlap || (bestOverlap <= 0 && overlap <= 0 && distance < bestDistance)) {
      best = i;
      bestOverlap = Math.max(overlap, bestOverlap);
      bestDistance = distance;
    }
  });
  return best;
}

function rowCells(line: string, header: { mode: TableMode; columns: Column[] }): string[] | null {
  const n = header.columns.length;
  const cells = new Array<string>(n).fill('');
  if (header.mode === 'tab') {
    const parts = line.split('\t').map((p) => p.trim());
    // a row may lead with an empty cell the header does not have: align on the header's own leading blanks
    parts.slice(0, n).forEach((p, i) => {
      cells[i] = p;
    });
    if (parts.length > n) cells[n - 1] = [cells[n - 1], ...parts.slice(n)].filter(Boolean).join(' ');
    return cells;
  }
  for (const cell of cellsOf(line, 'spaced')) {
    if (!cell.text) continue;
    const i = columnIndexAt(header.columns, cell);
    cells[i] = cells[i] ? `${cells[i]} ${cell.text}` : cell.text;
  }
  return cells;
}

/** A line in capitals is a heading, never the wrapped end of a cell. */
const allCapitals = (line: string) => /\p{L}{3}/u.test(line) && line === line.toUpperCase();

const WORDS = (s: string) => s.split(/\s+/).filter(Boolean);

function foldedWord(w: string): string {
  return foldKeepingOffsets(w).toLowerCase();
}

/** Takes a target or result from the end of `words`: a figure or date, with its unit or lead. */
function takeValueFromEnd(words: string[], pack: LabelPack): string | null {
  let end = words.length;
  if (end === 0) return null;
  let parts: string[] = [];
  const last = words[end - 1]!;
  if (pack.targetUnits.includes(foldedWord(last)) && end >= 2 && /\d/.test(words[end - 2]!)) {
    parts = words.slice(end - 2, end);
    end -= 2;
  } else if (/\d/.test(last) && (isFigure(last.replace(/^[€≥≤<>]/, '')) || parseDate(last)?.iso || /%$/.test(last))) {
    parts = [last];
    end -= 1;
  } else if (last === '%' && end >= 2 && isFigure(words[end - 2]!)) {
    parts = words.slice(end - 2, end);
    end -= 2;
  } else return null;
  // a lead before the figure: "€ 30.000", "entro il 31/12", "almeno 450", "≥ 85"; "entro" bounds a date or a
  // time, never a percentage ("… istruite entro | 100%")
  const share = /%$/.test(parts.at(-1) ?? '');
  for (;;) {
    const prev = words[end - 1];
    if (!prev) break;
    const f = foldedWord(prev);
    if (share && f === 'entro') break;
    // a sign alone: "≥", "=", or the "?" a PDF font without "≥" leaves in its place
    const sign = /^[^\p{L}\p{N}\s]{1,2}$/u.test(prev) && !/^[|/,;.%]+$/.test(prev);
    if (
      f === '€' ||
      sign ||
      pack.targetLeads.includes(f) ||
      (f === 'il' && foldedWord(words[end - 2] ?? '') === 'entro')
    ) {
      parts.unshift(prev);
      end -= 1;
      continue;
    }
    break;
  }
  words.length = end;
  return parts.join(' ');
}

/** Takes a unit of measure from the end of `words`: one of the pack's units or a symbol ("km", "n.", "%", "€"). */
function takeUnitFromEnd(words: string[], pack: LabelPack): string | null {
  const last = words.at(-1);
  if (!last) return null;
  const f = foldedWord(last);
  const unit = pack.targetUnits.includes(f) || /^(?:[%€$]|n\.?|nr\.?|n°)$/.test(f);
  return unit ? words.pop()! : null;
}

/**
 * Takes a person's name from the end of `words`: two capitalised words (three with a particle such as `De`), with
 * the honorifics before them; never a word of the lexicon (`Obiettivo SVILUPPO` is no name).
 */
function takeNameFromEnd(words: string[], pack: LabelPack): string | null {
  const nameWord = (w: string | undefined) => isNameWord(w, pack);
  let k = words.length;
  // "Rossi M.": a surname and an initial
  const initial = /^\p{Lu}\.$/u.test(words[k - 1] ?? '') && nameWord(words[k - 2]);
  if (!initial && (!nameWord(words[k - 1]) || !nameWord(words[k - 2]))) return null;
  k -= 2;
  if (/^(?:de|di|del|della|la|lo|da)$/i.test(words[k - 1] ?? '') && nameWord(words[k - 2])) k -= 2;
  while (k > 0 && isHonorific(words[k - 1]!, pack)) k--;
  const name = words.slice(k).join(' ');
  words.length = k;
  return name;
}

const isNameWord = (w: string | undefined, pack: LabelPack) =>
  !!w && /^\p{Lu}[\p{L}'’-]+$/u.test(w) && !labelAt(w, 0, pack) && !pack.structureWords.includes(foldedWord(w));

const COMMON_HONORIFICS = ['dott.', 'ing.', 'arch.', 'geom.', 'rag.', 'avv.', 'prof.', 'dr.', 'sig.'];
const isHonorific = (w: string, pack: LabelPack) =>
  pack.honorifics.includes(foldedWord(w)) || COMMON_HONORIFICS.includes(foldedWord(w));

/**
 * A person's name inside a run of text columns ("… provinciale Ing. Marco Tosi km di strade …"): an honorific and
 * two or three capitalised words, or a surname in capitals and a name. Returns the words' range, or null.
 */
function findNameInside(words: readonly string[], pack: LabelPack): { from: number; to: number } | null {
  for (let k = 1; k < words.length - 1; k++) {
    if (!isHonorific(words[k]!, pack)) continue;
    let to = k + 1;
    while (to < words.length && to - k <= 3 && (isNameWord(words[to], pack) || /^\p{Lu}\.$/u.test(words[to]!))) to++;
    if (to - k >= 3) return { from: k, to };
  }
  const capitals = (w: string | undefined) => !!w && /^\p{Lu}{2,}['’\p{Lu}]*$/u.test(w) && isNameWord(w, pack);
  for (let k = 1; k < words.length - 1; k++) {
    if (
      capitals(words[k]) &&
      capitals(words[k + 1]) &&
      /\p{Ll}/u.test(words[k - 1]!) &&
      /\p{Ll}/u.test(words[k + 2] ?? 'x')
    )
      return { from: k, to: k + 2 };
    if (isNameWord(words[k], pack) && /^\p{Lu}\.$/u.test(words[k + 1]!) && /^\p{Ll}/u.test(words[k - 1]!))
      return { from: k, to: k + 2 };
  }
  return null;
}

/**
 * Splits text columns written one after the other. The indicator column opens with an indicator opener ("n.",
 * "percentuale", "tempo" …); otherwise a column opens with a capital after a lower-case word ("… domiciliare
 * Utenti presi …"). With three columns or more, the split at the indicator comes first and each side is split again.
 */
function splitTexts(text: string, fields: readonly (Field | null)[], pack: LabelPack): string[] {
  const count = fields.length;
  if (count <= 1) return [text];
  const words = WORDS(text);
  const pad = (parts: string[]) => [...parts, ...new Array(Math.max(0, count - parts.length)).fill('')];
  // a structure column among the texts: a unit's name ("Area Sistemi Informativi") cuts the text around it
  const st = fields.indexOf('structure');
  if (st >= 0 && count > 1) {
    const unit = unitIn(words, pack);
    if (unit && (unit.from > 0 || st === 0) && (unit.to < words.length || st === count - 1)) {
      return [
        ...(st > 0 ? splitTexts(words.slice(0, unit.from).join(' '), fields.slice(0, st), pack) : []),
        words.slice(unit.from, unit.to).join(' '),
        ...(st < count - 1 ? splitTexts(words.slice(unit.to).join(' '), fields.slice(st + 1), pack) : []),
      ];
    }
  }
  const ind = fields.indexOf('indicator');
  const opener = (i: number) => {
    const w = foldedWord(words[i]!);
    return pack.indicatorOpeners.some(
      (o) => w === o || (o.includes(' ') && foldedWord(words.slice(i).join(' ')).startsWith(o)),
    );
  };
  for (let i = 2; i < words.length; i++) {
    if (!opener(i)) continue;
    // the opener starts the indicator column: the columns before it share the words before it
    const at = count > 2 && ind > 0 ? ind : 1;
    return [
      ...splitTexts(words.slice(0, i).join(' '), fields.slice(0, at), pack),
      ...splitTexts(words.slice(i).join(' '), fields.slice(at), pack),
    ];
  }
  // a cell opens with a capital: the last capitalised word after a lower-case one ("… domiciliare Utenti presi …");
  // else, for an indicator, a noun of the title written again or a noun and participle closing the row. A capital
  // before the other cue's cut is a proper name inside the title ("Mostra sul Novecento … visitatori accolti")
  let capital = -1;
  for (let i = words.length - 1; i >= 2 && capital < 0; i--) if (opensCell(words, i)) capital = i;
  // a capital after a joining word is a name inside the title ("… sul Novecento …")
  const inside = capital > 0 && pack.connectors.includes(foldedWord(words[capital - 1]!));
  const cue = fields.at(-1) === 'indicator' ? (indicatorByNoun(words) ?? indicatorByParticiple(words, pack)) : null;
  const at = cue !== null && (capital < 0 || (inside && cue > capital)) ? cue : capital;
  if (at > 0) {
    if (count === 2) return [words.slice(0, at).join(' '), words.slice(at).join(' ')];
    // three columns or more: the first capital opening a cell may end the first column ("DC2.01 Formazione dei
    // coordinatori | Corsi per … | coordinatori formati"), when what follows splits into the other columns
    const first = words.findIndex((_w, i) => i >= 2 && opensCell(words, i));
    if (first > 0 && first <= at) {
      const rest = splitTexts(words.slice(first).join(' '), fields.slice(1), pack);
      if (rest.every((t) => t !== '')) return [words.slice(0, first).join(' '), ...rest];
    }
    return [...splitTexts(words.slice(0, at).join(' '), fields.slice(0, count - 1), pack), words.slice(at).join(' ')];
  }
  return pad([text]);
}

const stem = (w: string) =>
  foldedWord(w)
    .replace(/[^\p{L}]/gu, '')
    .slice(0, 6);

/**
 * An indicator counts what its objective acts on: "Controlli sugli impianti termici | impianti controllati". The
 * indicator opens at a noun of the title written again near the end (two to five words from it).
 */
function indicatorByNoun(words: readonly string[]): number | null {
  for (let i = Math.max(2, words.length - 5); i <= words.length - 2; i++) {
    const s = stem(words[i]!);
    if (s.length < 5) continue;
    if (words.slice(0, i).some((w) => stem(w) === s)) return i;
  }
  return null;
}

/**
 * Whether word `i` opens a cell: a capitalised word in ordinary case ("Utenti", not "AgID" nor "IMU") after a
 * lower-case word or a closing quote, and not the first word of a proper name ("Liceo "Galilei"", "Via Roma").
 */
function opensCell(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  if (!/^\p{Lu}\p{Ll}+[,;.]?$/u.test(w) || !/^\p{Ll}|["”»)]$/u.test(words[i - 1] ?? '')) return false;
  return !/^["“«]?\p{Lu}/u.test(words[i + 1] ?? '');
}

/** a complement after a closing participle ("… censiti sul totale", "… raccolti nel 2024"); "di" makes a noun phrase */
const COMPLEMENT = /^(?:su[li]?|sull[ae']|sugli|ne[li]|nell[ae']|negli|in|entro|al|all[ae']|ai|agli|per)$/;

/** A past participle, the word that closes many indicators ("emessi", "coinvolte"); "stato", "dato" are too short. */
export function isParticiple(word: string, pack: LabelPack): boolean {
  const w = foldedWord(word);
  return /^\p{Ll}+$/u.test(w) && w.length >= 6 && pack.indicatorEndings.some((e) => w.endsWith(e));
}

/** Whether a noun can be what a participle agrees with: "avvisi … emessi", "classi coinvolte", "raccolta … differenziata". */
function agrees(noun: string, participle: string): boolean {
  const n = foldedWord(noun).at(-1) ?? '';
  const p = foldedWord(participle).at(-1) ?? '';
  const heads: Record<string, string> = { i: 'i', e: 'ei', o: 'oe', a: 'ae' };
  return (heads[p] ?? '').includes(n);
}

/**
 * "… nelle scuole primarie | classi coinvolte", "… di accertamento | avvisi di accertamento emessi", "… nel
 * capoluogo | punti luce sostituiti", "… aree verdi | mq censiti sul totale": the participle closing the row (or
 * followed by a short complement opening with a joining word), and the indicator opening at the noun it agrees
 * with, or a unit, a few words before it; else at the word just before the participle.
 */
function indicatorByParticiple(words: readonly string[], pack: LabelPack): number | null {
  if (words.length < 4) return null;
  let p = -1;
  for (let k = words.length - 1; k >= Math.max(2, words.length - 4) && p < 0; k--) {
    const closes = k === words.length - 1 || COMPLEMENT.test(foldedWord(words[k + 1]!));
    if (closes && isParticiple(words[k]!, pack)) p = k;
  }
  if (p < 0) return null;
  const noun = words[p - 1]!;
  // a noun ending in a consonant ("report", "dataset") takes no agreement: it is the head
  if (/^\p{Ll}+$/u.test(noun) && !/[aeiou]$/.test(foldedWord(noun))) return p - 1;
  // back over one word at most that does not agree ("punti luce sostituiti"), and the joining words
  let skipped = 0;
  for (let k = p - 1; k >= Math.max(1, p - 4) && skipped <= 1; k--) {
    const w = words[k]!;
    if (pack.targetUnits.includes(foldedWord(w))) return k;
    if (pack.connectors.includes(foldedWord(w))) continue;
    if (!/^\p{Ll}[\p{L}]{2,}$/u.test(w)) break;
    if (agrees(w, words[p]!)) {
      // an adjective between the noun and its participle ("veicoli elettrici acquistati"): the noun opens it
      const before = words[k - 1] ?? '';
      const adjective = (x: string) => pack.adjectiveEndings.some((e) => foldedWord(x).endsWith(e));
      const noun =
        k > 1 &&
        /^\p{Ll}[\p{L}]{2,}$/u.test(before) &&
        !pack.connectors.includes(foldedWord(before)) &&
        agrees(before, words[p]!) &&
        !adjective(before);
      return adjective(w) && noun ? k - 1 : k;
    }
    skipped++;
  }
  if (!/^\p{Ll}[\p{L}]{2,}$/u.test(noun) || pack.connectors.includes(foldedWord(noun))) return null;
  return p - 1;
}

/**
 * A line wrapped under a flattened row whose text columns are all filled (`Piano di manutenzione delle |
 * interventi programmati` / `alberature stradali realizzati`): PDF text ran the wrapped ends of the cells into one
 * line. A cell broken after a joining word or a target lead ("… entro" / "60 giorni …") takes the line when it is
 * the only one so broken; a participle closing the line that agrees with the last cell's first word ends that
 * cell; the rest goes on with the first text column.
 */
function wrappedCells(cells: string[], columns: readonly Column[], line: string, key: number, pack: LabelPack): void {
  const texts = columns
    .map((c, k) => (k !== key && c.field !== null && TEXT_FIELDS.has(c.field) && cells[k] !== '' ? k : -1))
    .filter((k) => k >= 0);
  const append = (k: number, t: string) => {
    if (t) cells[k] = `${cells[k]} ${t}`.trim();
  };
  const words = WORDS(line);
  const first = columns.findIndex((c, k) => k !== key && c.field !== null && TEXT_FIELDS.has(c.field));
  if (texts.length < 2) {
    if (first >= 0) append(texts[0] ?? first, line.trim());
    return;
  }
  const open = texts.filter((k) => {
    const last = foldedWord(WORDS(cells[k]!).at(-1) ?? '');
    return pack.connectors.includes(last) || pack.targetLeads.includes(last) || /[-,]$/.test(last);
  });
  if (open.length === 1 && open[0] !== texts[0]) {
    append(open[0]!, line.trim());
    return;
  }
  const lastCol = texts.at(-1)!;
  const tail = words.at(-1) ?? '';
  const head = WORDS(cells[lastCol]!)[0] ?? '';
  if (open.includes(texts[0]!) && words.length >= 2 && isParticiple(tail, pack) && agrees(head, tail)) {
    append(texts[0]!, words.slice(0, -1).join(' '));
    append(lastCol, tail);
    return;
  }
  append(texts[0]!, line.trim());
}

/**
 * A unit's name inside running words: a unit head ("Area", "Servizio", "UOC") and the capitalised words after it,
 * joined by connectors ("Area Didattica e Servizi"). Returns its word range, or null.
 */
function unitIn(words: readonly string[], pack: LabelPack): { from: number; to: number } | null {
  const heads = new Set([...pack.unitHeads.map((h) => foldedWord(h)), ...pack.structureWords]);
  for (let i = 0; i < words.length; i++) {
    if (!heads.has(foldedWord(words[i]!)) || !/^\p{Lu}/u.test(words[i]!)) continue;
    let to = i + 1;
    for (;;) {
      const w = words[to];
      if (w && /^\p{Lu}/u.test(w)) to++;
      else if (w && pack.connectors.includes(foldedWord(w)) && /^\p{Lu}/u.test(words[to + 1] ?? '')) to += 2;
      else break;
    }
    if (to > i + 1) return { from: i, to };
  }
  return null;
}

const TEXT_FIELDS: ReadonlySet<Field> = new Set([
  'objective',
  'title',
  'description',
  'indicator',
  'phase',
  'structure',
]);

/** Reads a flattened row: code from the start, typed cells from the end, text columns in between. */
export function splitFlatRow(line: string, columns: Column[], pack: LabelPack = LEXICON): string[] {
  const cells = new Array<string>(columns.length).fill('');
  const words = WORDS(line);
  let from = 0;
  if (columns[0]?.field === 'code' && words[0] && looksLikeCode(words[0])) {
    cells[0] = words[0];
    from = 1;
  }
  const rest = words.slice(from);
  let right = columns.length - 1;
  for (; right >= from; right--) {
    const field = columns[right]!.field;
    if (field === null) {
      // a matrix cell: one weight, zero, dash or mark
      if (!/^(?:[-–—]|\d{1,3}(?:[.,]\d+)?%?|[xX✓])$/.test(rest.at(-1) ?? '')) break;
      cells[right] = rest.pop()!;
      continue;
    }
    if (TEXT_FIELDS.has(field)) break;
    let taken: string | null = null;
    if (field === 'owner') taken = takeNameFromEnd(rest, pack);
    else if (field === 'weight') taken = /^\d{1,3}(?:,\d+)?%?$/.test(rest.at(-1) ?? '') ? rest.pop()! : null;
    else if (field === 'unit') taken = takeUnitFromEnd(rest, pack);
    else taken = takeValueFromEnd(rest, pack);
    if (taken) cells[right] = taken;
  }
  const textColumns = columns.map((_c, i) => i).filter((i) => i >= from && i <= right);
  // an owner column between text columns: its name splits the text into the columns before and after it
  const ownerAt = textColumns.findIndex((c) => columns[c]!.field === 'owner');
  const inside = ownerAt > 0 ? findNameInside(rest, pack) : null;
  if (inside) {
    cells[textColumns[ownerAt]!] = rest.slice(inside.from, inside.to).join(' ');
    const before = textColumns.slice(0, ownerAt);
    const after = textColumns.slice(ownerAt + 1);
    const put = (cols: number[], text: string) =>
      splitTexts(
        text,
        cols.map((c) => columns[c]!.field),
        pack,
      ).forEach((t, k) => {
        if (cols[k] !== undefined) cells[cols[k]!] = t;
      });
    put(before, rest.slice(0, inside.from).join(' '));
    put(after, rest.slice(inside.to).join(' '));
    return cells;
  }
  const texts = splitTexts(
    rest.join(' '),
    textColumns.map((c) => columns[c]!.field),
    pack,
  );
  textColumns.forEach((c, k) => {
    cells[c] = texts[k] ?? '';
  });
  return cells;
}

/** Whether a flattened line ends with a value for each typed column at the header's end (a weight, a date…). */
function endsWithTypedCells(line: string, columns: Column[], pack: LabelPack): boolean {
  const typed = [];
  for (let i = columns.length - 1; i >= 0; i--) {
    const f = columns[i]!.field;
    if (f === null || TEXT_FIELDS.has(f)) break;
    typed.push(i);
  }
  // a name alone proves nothing: a wrapped line may end in capitalised words
  if (!typed.some((i) => columns[i]!.field !== 'owner')) return false;
  const cells = splitFlatRow(line, columns, pack);
  return typed.every((i) => cells[i] !== '');
}

/**
 * A header written over two lines ("Valore" / "atteso"): the second line has words only under header cells, and each
 * word completes its cell into a label. The columns are renamed in place.
 */
function continuesHeader(line: string, header: { mode: TableMode; columns: Column[] }, pack: LabelPack): boolean {
  if (line.trim() === '') return false;
  const cells = rowCells(line, header) ?? [];
  const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
  if (filled.length === 0 || filled.length * 2 > header.columns.length + 1) return false;
  const renamed = filled.map(([c, i]) => {
    const label = `${header.columns[i]!.label} ${c}`;
    return { i, label, m: wholeLabel(label, pack) };
  });
  if (!renamed.every((r) => r.m)) return false;
  for (const r of renamed) {
    const col = header.columns[r.i]!;
    col.label = r.label;
    col.field = r.m!.field;
  }
  return true;
}

/** The index of the column that says where a row starts: the code, else the objective or phase. */
/** blank lines a tabbed table's rows may be apart (a page break between them) */
const MAX_TAB_BLANKS = 4;

function keyIndex(columns: Column[]): number {
  const i = columns.findIndex((c) => c.field === 'code');
  if (i >= 0) return i;
  const j = columns.findIndex((c) => c.field !== null && KEY_FIELDS.has(c.field));
  return Math.max(j, 0);
}

/**
 * Every table of the document. `skip` lines (page furniture) neither end a table nor join it. A table ends at two
 * blank lines, at a line that cannot be one of its rows, or at the next header.
 */
export function readTables(
  lines: readonly string[],
  pack: LabelPack = LEXICON,
  skip: ReadonlySet<number> = new Set(),
  shapes?: CodeShapes,
): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const twoLines = flatHeaderOverTwoLines(lines[i]!, lines[i + 1], pack);
    const single = twoLines ?? readHeader(lines[i]!, pack);
    const wrapped = single ? null : wrappedHeader(lines, i, pack);
    const header = single ?? wrapped;
    if (!header) continue;
    if (header.mode === 'tab') codeBeforeObjective(lines, i, header.columns);
    const table: Table = { headerLine: i, mode: header.mode, columns: header.columns, rows: [], lineEnd: i };
    if (twoLines || (header.mode !== 'flat' && i + 1 < lines.length && continuesHeader(lines[i + 1]!, header, pack)))
      table.lineEnd = i + 1;
    if (wrapped) table.lineEnd = wrapped.lineEnd;
    const key = keyIndex(header.columns);
    const flatRaw = new Map<TableRow, { raw: string; complete: boolean }>();
    let blanks = 0;
    let j = table.lineEnd + 1;
    for (; j < lines.length; j++) {
      if (skip.has(j)) continue;
      const line = lines[j]!;
      if (line.trim() === '') {
        // a tabbed table may leave a few blank lines between its rows (a page break); a spaced one may not
        if (++blanks >= (header.mode === 'tab' ? MAX_TAB_BLANKS : 2) && header.mode !== 'flat') break;
        continue;
      }
      if (readHeader(line, pack)) break;
      const firstCell = line.trim().split(/\t|\s{2,}/)[0] ?? '';
      if (isTotalCell(firstCell, pack)) {
        table.lineEnd = j;
        break;
      }
      const prev = table.rows.at(-1);
      if (header.mode === 'flat') {
        const lead = line.trim().split(/\s+/)[0]!;
        // a flattened row opens with a code, or (no code column) ends with every typed cell the header promises
        const starts =
          (shapes?.isCode(lead) ?? false) ||
          // a row number under an "N." column
          (isOrdinalColumn(header.columns[0]!) && /^\d{1,3}[.)]?$/.test(lead) && line.trim().split(/\s+/).length > 2) ||
          (shapes === undefined && looksLikeCode(lead)) ||
          (header.columns[0]?.field !== 'code' && endsWithTypedCells(line, header.columns, pack)) ||
          // no code column, and the row above complete or none: the cells of a row written one after the other, as
          // an office PDF writes a table cell by cell ("pattuglie serali attivate" / "nei comuni" / "120 60")
          (header.columns[0]?.field !== 'code' &&
            (!prev || flatRaw.get(prev)?.complete === true) &&
            completedBelow(lines, j, header.columns, pack, skip));
        const open = prev ? flatRaw.get(prev) : undefined;
        // a line opening with a label the reader trusts there ("Cod. ob. DS-23-02 …") is a field, not a row
        if (!starts && segmentLabel(line.trim(), pack)) break;
        // a row broken before its typed cells goes on in a line opening in lower case or with a figure, even
        // when that line ends with every typed cell
        const goesOn = !!open && !open.complete && !shapes?.isCode(lead) && /^[\p{Ll}\d€≥≤<>%]/u.test(lead);
        if (starts && !goesOn) {
          const row = { line: j, lineEnd: j, cells: splitFlatRow(line, header.columns, pack) };
          table.rows.push(row);
          const matrixEnd = header.columns.at(-1)?.field === null && row.cells.at(-1) !== '';
          flatRaw.set(row, { raw: line.trim(), complete: matrixEnd || endsWithTypedCells(line, header.columns, pack) });
        } else if (
          prev &&
          open &&
          !open.complete &&
          blanks === 0 &&
          !allCapitals(line) &&
          (goesOn || !/:\s/.test(line))
        ) {
          // the row wrapped before its typed cells: read it again whole, its lines joined
          open.raw = `${open.raw} ${line.trim()}`;
          open.complete = endsWithTypedCells(open.raw, header.columns, pack);
          prev.cells = splitFlatRow(open.raw, header.columns, pack);
          prev.lineEnd = j;
        } else if (
          prev &&
          blanks === 0 &&
          line.trim().length < 80 &&
          !/[:]/.test(line) &&
          !allCapitals(line) &&
          // a sentence after a complete row is the text below the table, not a wrapped cell
          !(open?.complete && /^\p{Lu}.*\.$/u.test(line.trim())) &&
          // nor the heading of the next section ("Settore 3 – Lavori Pubblici", its table below it)
          !(open?.complete && readHeading(line, pack)) &&
          // nor is the caption of the next table ("Settore Tecnico" above its header row)
          !readHeader(lines[nextLine(lines, j, skip)] ?? '', pack)
        ) {
          wrappedCells(prev.cells, header.columns, line, key, pack);
          prev.lineEnd = j;
        } else break;
        blanks = 0;
        table.lineEnd = j;
        continue;
      }
      if (header.mode === 'tab' && !line.includes('\t')) break;
      // after a blank line, a label and its value ("Risorse finanziarie → € 95.000,00") is the form going on
      if (blanks >= 1 && header.mode === 'tab' && wholeLabel(firstCell, pack) && !readHeader(line, pack)) break;
      // a spaced row has two cells at least, or is indented under the columns (a wrapped cell)
      if (header.mode === 'spaced' && !/\S\s{2,}\S/.test(line) && !/^\s{2,}\S/.test(line)) break;
      const cells = rowCells(line, header);
      if (!cells) break;
      const keyIsCode = header.columns[key]?.field === 'code';
      // "Nota: …" in the key column annotates the row above; it opens no row
      const note = /^\p{L}+\s*:/u.test(cells[key] ?? '');
      // under blank cells that repeat the row above, a cell opening with one of the document's codes and its
      // title is a new entry of a finer column ("\t\t01.02.03 Gestione …\tUfficio …"), not a wrapped cell
      const finerEntry =
        cells[key] === '' &&
        !!shapes &&
        cells.some((c, k) => k > key && /\S\s+\S/.test(c.trim()) && isStrongCode(c.trim().split(/\s+/)[0]!, shapes));
      const opensRow =
        finerEntry ||
        (cells[key] !== '' && !note && (!keyIsCode || looksLikeCode(cells[key]!) || !!shapes?.isCode(cells[key]!)));
      if (blanks >= 1 && !opensRow) break;
      // a wrapped cell continues the row above; a row with something else than a code in its code cell
      // ("Nota:") belongs to no row
      if (!opensRow && prev && cells[key] === '') {
        cells.forEach((c, k) => {
          if (c) prev.cells[k] = prev.cells[k] ? `${prev.cells[k]} ${c}` : c;
        });
        prev.lineEnd = j;
      } else if (opensRow) table.rows.push({ line: j, lineEnd: j, cells });
      blanks = 0;
      table.lineEnd = j;
    }
    if (header.mode === 'flat') regroupMatrixNames(table, lines, pack);
    if (table.rows.length > 0) {
      tables.push(table);
      i = table.lineEnd;
    }
  }
  return tables;
}

/**
 * A header an office PDF wrote cell by cell, its labels wrapped in their narrow columns ("Codice Obiettivo" /
 * "operativo" / "Indicatore Valore atteso Peso Scadenza"): two or three short lines that, joined, make a flattened
 * header whose every word is a label or a qualifier, where the first line alone makes none.
 */
function wrappedHeader(
  lines: readonly string[],
  i: number,
  pack: LabelPack,
): { mode: TableMode; columns: Column[]; lineEnd: number } | null {
  const short = (l: string | undefined) => !!l && l.trim() !== '' && l.length <= 60 && !/\t|\S\s{2,}\S/.test(l);
  if (!short(lines[i]) || !labelAt(lines[i]!.trim(), 0, pack)) return null;
  let joined = lines[i]!.trim();
  for (let k = i + 1; k <= i + 2 && short(lines[k]); k++) {
    // a header of its own below a caption ("FASI DI ATTUAZIONE" / "Fase Inizio Fine Peso") is no wrapped header;
    // one missing the key columns the lines above name ("Codice Obiettivo" / "operativo" / "Indicatore …") is
    const below = readHeader(lines[k]!, pack);
    const keyed = below?.columns.some(
      (c) => c.field !== null && ['code', 'objective', 'title', 'phase'].includes(c.field),
    );
    if (below && (keyed || allCapitals(lines[i]!.trim()))) return null;
    joined = `${joined} ${lines[k]!.trim()}`;
    const columns = flatHeader(joined, pack);
    if (columns?.every((c) => c.field !== null)) return { mode: 'flat', columns, lineEnd: k };
  }
  return null;
}

/** lines a row written cell by cell may take before its typed cells close it */
const MAX_CELL_LINES = 5;

/**
 * Whether the lines from `j` on, joined, end with every typed cell the header promises before anything that cannot
 * be part of one row: a blank, a header, a label, a heading in capitals.
 */
function completedBelow(
  lines: readonly string[],
  j: number,
  columns: Column[],
  pack: LabelPack,
  skip: ReadonlySet<number>,
): boolean {
  let raw = lines[j]!.trim();
  for (let k = j + 1; k < lines.length && k <= j + MAX_CELL_LINES; k++) {
    if (skip.has(k)) continue;
    const l = lines[k]!.trim();
    if (!l || allCapitals(l) || readHeader(l, pack) || segmentLabel(l, pack)) return false;
    raw = `${raw} ${l}`;
    if (endsWithTypedCells(raw, columns, pack)) return true;
  }
  return false;
}

/**
 * A flattened header written over two lines, the second finishing one cell ("… Valore Peso" / "atteso"): the
 * second line is a few lower-case words, and put after one word of the first it makes every column a label.
 */
function flatHeaderOverTwoLines(
  line: string,
  next: string | undefined,
  pack: LabelPack,
): { mode: TableMode; columns: Column[] } | null {
  if (!next || /\t|\S\s{2,}\S/.test(line) || !/^\s*\p{Ll}[\p{Ll}'’]*(?:\s+\p{Ll}[\p{Ll}'’]*){0,2}\s*$/u.test(next))
    return null;
  const words = WORDS(line);
  if (words.length > 12) return null;
  for (let k = 1; k < words.length; k++) {
    const merged = [...words.slice(0, k + 1), next.trim(), ...words.slice(k + 1)].join(' ');
    const columns = flatHeader(merged, pack);
    if (columns?.every((c) => c.field !== null) && !readHeader(line, pack)?.columns.every((c) => c.field !== null))
      return { mode: 'flat', columns };
  }
  return null;
}

/**
 * A header whose first column, the objective, covers two cells in the rows: the code and the title
 * ("Obiettivo specifico" over `DC1.01 | Ispezioni congiunte`). When the first row has one cell more than the header
 * and opens with a code, a code column is put before the objective. The columns are changed in place.
 */
function codeBeforeObjective(lines: readonly string[], headerLine: number, columns: Column[]): void {
  const first = columns[0];
  if (!first || (first.field !== 'objective' && first.field !== 'title')) return;
  const row = lines.slice(headerLine + 1, headerLine + 4).find((l) => l.trim() !== '');
  if (!row?.includes('\t')) return;
  const cells = row.split('\t').map((c) => c.trim());
  while (cells.length && cells.at(-1) === '') cells.pop();
  if (cells.length === columns.length + 1 && looksLikeCode(cells[0]!) && /\p{L}{3}/u.test(cells[1] ?? ''))
    columns.unshift({ field: 'code', label: '', start: 0, end: 0 });
}

/**
 * A flattened matrix header of full names ("Cod. Obiettivo Mario Rossi Anna Bianchi Luca Verdi") reads one column
 * per word. When no row fills more than a half (a third) of those columns, the names are two (three) words each:
 * the columns are merged in pairs (triples) and the rows read again.
 */
function regroupMatrixNames(table: Table, lines: readonly string[], pack: LabelPack): void {
  const named = table.columns.map((c, i) => (c.field === null ? i : -1)).filter((i) => i >= 0);
  if (named.length < 4 || named.at(-1) !== table.columns.length - 1) return;
  const filled = Math.max(...table.rows.map((r) => named.filter((i) => r.cells[i] !== '').length));
  const size = [2, 3].find((k) => filled > 0 && filled * k === named.length);
  if (!size) return;
  const first = named[0]!;
  const merged: Column[] = [];
  for (let k = 0; k < named.length; k += size) {
    const group = named.slice(k, k + size).map((i) => table.columns[i]!);
    merged.push({
      field: null,
      label: group.map((c) => c.label).join(' '),
      start: group[0]!.start,
      end: group.at(-1)!.end,
    });
  }
  table.columns = [...table.columns.slice(0, first), ...merged];
  for (const row of table.rows) {
    const raw = lines
      .slice(row.line, row.lineEnd + 1)
      .map((l) => l.trim())
      .join(' ');
    row.cells = splitFlatRow(raw, table.columns, pack);
  }
}

/** The next line after `j` that is no page furniture; lines.length when there is none. */
function nextLine(lines: readonly string[], j: number, skip: ReadonlySet<number>): number {
  let k = j + 1;
  while (k < lines.length && (skip.has(k) || lines[k]!.trim() === '')) k++;
  return k;
}

/** Whether a cell of a table row closes the table ("Totale"). */
export function isTotalCell(text: string, pack: LabelPack = LEXICON): boolean {
  return pack.totalWords.includes(foldedWord(text.trim().split(/\s+/)[0] ?? ''));
}
