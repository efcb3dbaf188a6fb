/**
 * Label / value reader. Plans write their fields two ways, often in one document:
 * - stacked: the label alone on a line (`Responsabile:`), the value on the next non-blank line(s);
 * - inline: `label: value`, several on one line, apart by `|`, `;`, a spaced dash, a tab or a run of spaces
 *   (`Codice: PL/24/1   Servizio: Polizia Locale   Responsabile: Comm. Piero Lanza`).
 * A label without a colon counts only where the value leaves no doubt: a figure or date after a numeric field
 * (`peso 40`), a code after an objective label (`Obiettivo LP.20.1 …`, `OB. 1 – …`).
 */
import { isFigure, parseDate } from '../../../src/plan/figures.ts';
import { splitTitle } from '../../../src/plan/names.ts';
import type { Field, LabelPack } from './label-lexicon.ts';
import { LEXICON } from './label-lexicon.ts';
import { foldKeepingOffsets, type LabelMatch, labelAt, wholeLabel } from './label-match.ts';

export interface FieldValue {
  field: Field;
  label: string;
  value: string;
  /** the number written between label and colon: `Fase 2:` → "2" */
  ordinal?: string;
  /** the year written between label and colon: `Target 2025:` → 2025 */
  year?: number;
  /** the line holds this label and its value only, though case does not tell them apart (a run-together sheet) */
  wholeLine?: boolean;
  /** 0-based lines of the label and of the value's last line */
  line: number;
  lineEnd: number;
}

/** Fields whose value is a figure or a date, so that a label without a colon can still be trusted. */
const NUMERIC: ReadonlySet<Field> = new Set(['target', 'result', 'weight', 'start', 'end', 'budget']);
/** Fields whose value may open with the record's code, so that a label without a colon can be trusted. */
const CODED: ReadonlySet<Field> = new Set(['objective', 'code']);

/** Fields whose stacked value takes one line only. */
const ONE_LINE: ReadonlySet<Field> = new Set(['code', 'owner']);

/** Fields whose value, without a colon, is told from its label by case or by a title before a name. */
const CASED: ReadonlySet<Field> = new Set(['title', 'structure', 'owner', 'description']);

/**
 * `Denominazione ATTUAZIONE DELLE MISURE`, `Responsabile Dott.ssa Maura Meschi`: a label in ordinary case and a
 * value in capitals, or a person's title opening the value. A line all in capitals (`SERVIZIO BIBLIOTECA`) is a
 * heading, not a label and its value.
 */
function casedApart(label: string, value: string): boolean {
  if (splitTitle(value).title && /\p{Lu}/u.test(splitTitle(value).name[0] ?? '')) return true;
  const capitals = (s: string) => /\p{L}{2}/u.test(s) && s === s.toUpperCase();
  return !capitals(label) && capitals(value) && value.split(/\s+/).length >= 2;
}

/** One to three lower-case words or acronyms ("UOC"), then the colon: they qualify the label before them. */
const QUALIFIED_COLON = /^(?:\s+(?:\p{Ll}[\p{Ll}'’]*|\p{Lu}{2,5}|(?:\p{Lu}\.){2,4})){1,3}\s*:\s*/u;

const UNQUALIFIED: ReadonlySet<Field> = new Set(['objective', 'code', 'title', 'strategic']);

/** a unit's own short code before its name, set off by a dash: `85 - SERVIZIO …`, `A2 – AREA …`, `DT02 — Settore …` */
export const UNIT_CODE = /^([A-Z]{0,3}\d{1,4}[A-Z]{0,2})\s+[-–—]\s+/;
/** `Nr.`, `N.`, `N°`, `#`: a number sign heading the record's number */
const NUMBER_SIGN = /^(?:n\.?|n°|nr\.?|num\.?|#)$/i;
const SEPARATOR = /\t+|\s+\|\s*|\|\s*|\s*;\s+|\s+[–—·•-]\s+|\s{3,}/g;
const ORDINAL = /^\s*(?:n\.?|nr\.?|n°)?\s*(\d{1,3}[a-z]?)\s*(?=[:.)](?!\d))/i;

/**
 * Whether a line opens with a token that can only be a code, and text after it: letters and digits together
 * (`2021_OB_8501_1`, `M_8501_1_1`) or three groups of digits (`01.02.03`).
 */
function opensWithStrongCode(line: string): boolean {
  const [first, second] = line.trim().split(/\s+/);
  if (!first || !second || !looksLikeCode(first)) return false;
  const t = first.replace(/[.,:;)]+$/, '');
  return (/\p{L}/u.test(t) && /\d/.test(t) && /[_.\-/]/.test(t)) || /^\d+(?:[._]\d+){2,}$/.test(t);
}

/** A token that looks like a code: it holds a digit, is short, and is not a date or a figure with decimals. */
export function looksLikeCode(token: string): boolean {
  const t = token.replace(/[.,:;)]+$/, '');
  if (!/\d/.test(t) || t.length > 24 || /^(?:19|20)\d\d$/.test(t)) return false;
  // `31/12/2020` is a date; `01.02.03` is how many plans number their objectives
  if (parseDate(t)?.iso && (/\//.test(t) || /\d{4}/.test(t))) return false;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d+$/.test(t)) return false;
  return /^[\p{L}\d][\p{L}\d.\-_/]*$/u.test(t);
}

/** Whether a value opens the way a numeric field's value does: a figure, a date, a lead such as `entro`, `€`, `≥`. */
function opensWithFigure(rest: string, pack: LabelPack): boolean {
  const r = foldKeepingOffsets(rest.trim()).toLowerCase();
  if (/^[€$]?\s*[-+]?\d/.test(r)) return true;
  if (parseDate(r.split(/\s+/).slice(0, 3).join(' '))?.iso && /^\d|^[a-z]+ \d{4}/.test(r)) return true;
  return pack.targetLeads.some((lead) => r.startsWith(`${lead} `) || (r.startsWith(lead) && /[≥≤<>]/.test(lead)));
}

/**
 * The label opening a segment, with where its value starts; null when the segment does not open with a label
 * that can be trusted there.
 */
export function segmentLabel(
  segment: string,
  pack: LabelPack = LEXICON,
): { match: LabelMatch; valueStart: number; ordinal?: string; year?: number; colon: boolean } | null {
  const lead = segment.length - segment.trimStart().length;
  const match = labelAt(segment, lead, pack);
  if (!match) return null;
  let pos = match.end;
  let ordinal: string | undefined;
  const o = segment.slice(pos).match(ORDINAL);
  if (o && (match.field === 'phase' || match.field === 'indicator' || match.field === 'objective')) {
    ordinal = o[1];
    pos += o[0].length;
  }
  // the year a value is for: "Target 2022:", "Risultato 2022:"
  const year = segment.slice(pos).match(/^\s+((?:19|20)\d\d)(?=\s*:)/);
  if (year && !ordinal) pos += year[0].length;
  // words qualifying the label before its colon: "Responsabile amministrativo:", "Referente tecnico:"
  // (objective and code labels are listed with their qualifiers: "Obiettivi specifici: …" is a section title)
  const qualified = ordinal || UNQUALIFIED.has(match.field) ? null : segment.slice(pos).match(QUALIFIED_COLON);
  const colon =
    segment.slice(pos).match(/^\s*[:=]\s*/) ?? qualified ?? (ordinal ? segment.slice(pos).match(/^\s*[.)]\s+/) : null);
  if (colon) {
    return {
      match,
      valueStart: pos + colon[0].length,
      colon: true,
      ...(ordinal ? { ordinal } : {}),
      ...(year && !ordinal ? { year: Number(year[1]) } : {}),
    };
  }
  if (ordinal) return null;
  const rest = segment.slice(pos);
  if (!/^\s/.test(rest) && rest.length > 0 && !match.label.endsWith('.')) return null;
  const value = rest.trim();
  if (!value) return null;
  if (NUMERIC.has(match.field) && opensWithFigure(value, pack)) {
    return { match, valueStart: segment.length - rest.trimStart().length, colon: false };
  }
  if (CODED.has(match.field) && looksLikeCode(value.split(/\s+/)[0]!)) {
    return { match, valueStart: segment.length - rest.trimStart().length, colon: false };
  }
  if (CASED.has(match.field) && casedApart(match.label, value)) {
    return { match, valueStart: segment.length - rest.trimStart().length, colon: false };
  }
  return null;
}

interface Piece {
  text: string;
  /** the separator before this piece, as written */
  sep: string;
}

function splitSegments(line: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  let sep = '';
  for (const m of line.matchAll(SEPARATOR)) {
    if (m.index === 0) {
      sep = m[0];
      last = m[0].length;
      continue;
    }
    pieces.push({ text: line.slice(last, m.index), sep });
    sep = m[0];
    last = m.index + m[0].length;
  }
  pieces.push({ text: line.slice(last), sep });
  return pieces.filter((p) => p.text.trim() !== '');
}

/** ` Peso: 50%` inside one segment: further `label:` pairs written with a single space. */
function splitInnerLabels(text: string, pack: LabelPack): string[] {
  const cuts: number[] = [];
  // no cut inside the segment's own label ("Codice obiettivo:", "Valore atteso:")
  if (!text.includes(':')) return [text.trim()];
  const own = segmentLabel(text, pack);
  // no cut inside a label already cut at ("Valore atteso:" holds "atteso:")
  let labelEnd = own ? own.valueStart : 0;
  for (const m of text.matchAll(/\s(?=\S)/g)) {
    const at = m.index + 1;
    if (at < labelEnd) continue;
    const hit = segmentLabel(text.slice(at), pack);
    if (!hit?.colon || hit.match.start !== 0 || hit.ordinal) continue;
    // in running prose ("… non hanno un codice: sono …") a lower-case label after a lower-case word is no field
    if (!own && /^\p{Ll}/u.test(hit.match.label) && /\p{Ll}[\p{Ll}'’]*\s*$/u.test(text.slice(0, at))) continue;
    cuts.push(at);
    labelEnd = at + hit.valueStart;
  }
  const parts: string[] = [];
  let from = 0;
  for (const c of cuts) {
    parts.push(text.slice(from, c).trim());
    from = c;
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}

/** `A Nr. 1 Descrizione obiettivo …`: a form's row letter, a number sign and the number, then a label. */
const NUMBERED_FORM = /^(?:(\p{Lu})\s+)?(n\.|nr\.?|n°|num\.)\s*(\d{1,3})\s+(?=\S)/iu;

/**
 * A form row whose cells PDF text ran together (`A Nr. 1 Descrizione obiettivo Fondo per …`, tabs lost): the
 * number after the number sign is the record's code, and the label after it is trusted without a colon, the
 * number sign having shown the line to be a form. Pushes the code and the label's value to `values` (the row
 * letter is dropped) and returns nothing left to read; other pieces are returned as they are.
 */
function numberedForm(piece: Piece, pack: LabelPack, values: FieldValue[]): Piece[] {
  const m = piece.text.match(NUMBERED_FORM);
  if (!m || values.length > 0) return [piece];
  const rest = piece.text.slice(m[0].length);
  const label = labelAt(rest, 0, pack);
  if (!label || label.field === 'code' || !/^\s+\S/.test(rest.slice(label.end))) return [piece];
  values.push({ field: 'code', label: m[2]!, value: m[3]!, line: -1, lineEnd: -1 });
  values.push({ field: label.field, label: label.label, value: rest.slice(label.end).trim(), line: -1, lineEnd: -1 });
  return [];
}

/**
 * The `label: value` pairs of one line, left to right. Text before the first label is returned as `lead`;
 * a piece that opens with no label belongs to the value before it, separator and all.
 */
export function readInline(line: string, pack: LabelPack = LEXICON): { lead: string; values: FieldValue[] } {
  const values: FieldValue[] = [];
  let lead = '';
  const pieces = splitSegments(line).flatMap((piece) => numberedForm(piece, pack, values));
  pieces.forEach((piece, p) => {
    const inner = splitInnerLabels(piece.text, pack);
    inner.forEach((text, k) => {
      const hit = segmentLabel(text, pack);
      if (hit) {
        values.push({
          field: hit.match.field,
          label: hit.match.label,
          value: text.slice(hit.valueStart).trim(),
          line: -1,
          lineEnd: -1,
          ...(hit.ordinal ? { ordinal: hit.ordinal } : {}),
          ...(hit.year ? { year: hit.year } : {}),
        });
        return;
      }
      // a number sign alone in its cell and a number alone in the next ("Nr.\t3" in a sheet laid out as a table):
      // the record's number, its code where it has no other
      const next = pieces[p + 1];
      if (
        k === 0 &&
        inner.length === 1 &&
        NUMBER_SIGN.test(text.trim()) &&
        /\t/.test(next?.sep ?? '') &&
        /^\d{1,3}$/.test(next?.text.trim() ?? '')
      ) {
        values.push({ field: 'code', label: text.trim(), value: '', line: -1, lineEnd: -1 });
        return;
      }
      // a label alone in its column, its value in the next one: "CODICE OBIETTIVO    SUAP-3"
      const alone = k === 0 && inner.length === 1 ? wholeLabel(text, pack) : null;
      if (alone && /\t|\s{3,}/.test(pieces[p + 1]?.sep ?? '')) {
        values.push({ field: alone.field, label: alone.label, value: '', line: -1, lineEnd: -1 });
        return;
      }
      const prev = values.at(-1);
      const joiner = k === 0 ? piece.sep : ' ';
      if (prev) prev.value = prev.value ? `${prev.value}${joiner}${text.trim()}` : text.trim();
      else lead = lead ? `${lead}${joiner}${text.trim()}` : text.trim();
    });
  });
  for (const v of values)
    v.value = v.value
      .replace(/\s+/g, ' ')
      .replace(/[\s;|]+$/, '')
      .trim();
  return { lead: lead.trim(), values };
}

/** A line holding only a label: the value comes on the next lines. */
export function stackedLabel(line: string, pack: LabelPack = LEXICON): LabelMatch | null {
  const t = line.trim();
  if (!t || t.length > 60 || /\t|\s{3,}/.test(t)) return null;
  return wholeLabel(t, pack);
}

/**
 * Every labelled value of the given lines (0-based indexes into `lines`), stacked and inline, in reading order.
 * `skip` marks lines another reader has already taken (tables). A stacked value runs until a blank line or the
 * next line that opens with a label.
 */
export function readLabelValues(
  lines: readonly string[],
  pack: LabelPack = LEXICON,
  skip: ReadonlySet<number> = new Set(),
): FieldValue[] {
  const out: FieldValue[] = [];
  const sheets = sheetLines(lines, pack, skip);
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const line = lines[i]!;
    const sheet = sheets.get(i);
    if (sheet) {
      out.push({ ...sheet, wholeLine: true, line: i });
      i = sheet.lineEnd;
      continue;
    }
    const stacked = stackedLabel(line, pack);
    if (stacked) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '' && j - i <= 2) j++;
      const parts: string[] = [];
      let end = i;
      while (j < lines.length && !skip.has(j) && lines[j]!.trim() !== '') {
        const l = lines[j]!;
        // the first line under a label is its value even when it opens like a label without a colon
        // ("Target:" / "entro il 30/06/2023"); later lines stop at any label
        const opens =
          parts.length === 0 ? segmentLabel(l, pack)?.colon === true : readInline(l, pack).values.length > 0;
        // entries each opening with their own code ("85 - SERVIZIO …" / "87 - SERVIZIO …") are a list, one a line,
        // not one value wrapped: the label's value is the first
        if (stackedLabel(l, pack) || opens || (parts.length > 0 && UNIT_CODE.test(l.trim()))) break;
        // a code or a person's name is one line, unless the line breaks off ("Rossi Mario," / "Bianchi Anna"):
        // PDF text keeps no blank line to end the value before the next, unlabelled, line ("VI - 4" / "Riferimento DUP")
        if (parts.length > 0 && ONE_LINE.has(stacked.field) && !continuesBelow(parts.at(-1)!, pack)) break;
        // nor a line opening with a record's code ("2021_OB_8501_1 Supportare …"): the next record begins there
        if (parts.length > 0 && opensWithStrongCode(l)) break;
        parts.push(l.trim());
        end = j;
        j++;
      }
      out.push({ field: stacked.field, label: stacked.label, value: parts.join(' '), line: i, lineEnd: end });
      i = end;
      continue;
    }
    const { values } = readInline(line, pack);
    let lineEnd = i;
    // a value broken at the line's end by a hyphen or a joining word goes on in the next line
    const last = values.at(-1);
    while (last && continuesBelow(lines[lineEnd]!, pack) && lineEnd + 1 < lines.length) {
      const next = lines[lineEnd + 1]!;
      if (
        skip.has(lineEnd + 1) ||
        next.trim() === '' ||
        stackedLabel(next, pack) ||
        readInline(next, pack).values.length
      )
        break;
      last.value = `${last.value} ${next.trim()}`;
      lineEnd++;
    }
    for (const v of values) out.push({ ...v, line: i, lineEnd: v === last ? lineEnd : i });
    i = lineEnd;
  }
  return out;
}

/**
 * A sheet whose label and value columns PDF text has run together: `CODICE OBIETTIVO SUAP-2020-3`, `DENOMINAZIONE
 * SPORTELLO UNICO …`, `RESPONSABILE BALDINI GIORGIO`, or in ordinary case `Codice obiettivo US-25-01`, `Titolo
 * Gestione associata …`, `Responsabile Comm. Fabio Zanella` (a tab between label and value, lost). Nothing tells
 * label from value there, so a line counts only inside a run of three or more lines that each open with a label of
 * another field, one of them a code or objective label followed by a code. In ordinary case, a text value PDF
 * wrapped at the page width goes on in the lines below that open with no label. Returns, by line, the field each
 * such line gives and the last line its value takes.
 */
function sheetLines(
  lines: readonly string[],
  pack: LabelPack,
  skip: ReadonlySet<number>,
): Map<number, Omit<FieldValue, 'line'>> {
  const out = new Map<number, Omit<FieldValue, 'line'>>();
  const opening = (i: number) => {
    const t = lines[i]?.trim() ?? '';
    if (skip.has(i) || !t || /\t|\s{3,}/.test(t)) return null;
    const m = labelAt(t, 0, pack);
    const value = m ? t.slice(m.end).trim() : '';
    // "LABEL: value" is read the ordinary way
    if (!m || !value || !/^\s+[^\s:]/.test(t.slice(m.end))) return null;
    return { field: m.field, label: m.label, value, capitals: t === t.toUpperCase() };
  };
  type Entry = { i: number; end: number; v: NonNullable<ReturnType<typeof opening>> };
  let run: Entry[] = [];
  const close = () => {
    const fields = new Set(run.map((r) => r.v.field));
    const coded = run.some((r) => CODED.has(r.v.field) && looksLikeCode(r.v.value.split(/\s+/)[0]!));
    // lines in capitals make a sheet alone; in ordinary case every line must open with a label of the sheet
    const capitals = run.every((r) => r.v.capitals);
    if (run.length >= 3 && fields.size === run.length && coded)
      for (const r of run) {
        const { capitals: _c, ...v } = r.v;
        out.set(r.i, { ...v, lineEnd: capitals ? r.i : r.end });
      }
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const v = opening(i);
    // a second code label opens the next sheet
    if (v && run.length && (CODED.has(v.field) || run.some((r) => r.v.field === v.field))) close();
    const last = run.at(-1);
    if (v) run.push({ i, end: i, v });
    else if (last && !last.v.capitals && wraps(lines, i, last, pack, skip)) {
      last.v.value = `${last.v.value} ${lines[i]!.trim()}`;
      last.end = i;
    } else close();
  }
  close();
  return out;
}

/** Fields whose value is prose that PDF text may wrap over several lines. */
const WRAPPING: ReadonlySet<Field> = new Set(['title', 'description', 'objective', 'strategic', 'structure']);

/** Whether line `i` goes on with the text value of the sheet line just above it (`last` ends at `i - 1`). */
function wraps(
  lines: readonly string[],
  i: number,
  last: { end: number; v: { field: Field } },
  pack: LabelPack,
  skip: ReadonlySet<number>,
): boolean {
  const t = lines[i]?.trim() ?? '';
  return (
    last.end === i - 1 &&
    WRAPPING.has(last.v.field) &&
    !skip.has(i) &&
    t !== '' &&
    !/\t|\s{3,}/.test(t) &&
    t !== t.toUpperCase() &&
    labelAt(t, 0, pack) === null
  );
}

/** A line broken in the middle of a value: it ends in a hyphenated word or a joining word ("di", "e", ","). */
function continuesBelow(line: string, pack: LabelPack): boolean {
  const t = line.trimEnd();
  if (/\p{L}-$/u.test(t) || /,$/.test(t)) return true;
  const lastWord = foldKeepingOffsets(t.split(/\s+/).at(-1) ?? '').toLowerCase();
  return pack.connectors.includes(lastWord);
}

/** True when the value is a figure, possibly with % (used by readers deciding what a bare cell is). */
export const isWeight = (s: string): boolean => isFigure(s) && !/[€]/.test(s);
