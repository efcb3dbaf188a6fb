/**
 * Which codes a plan's text writes as the heading of a record, and which of them the extracted model lacks. A record
 * heading is a line — or a bold run of one (`Obiettivo di miglioramento**2021_OB_85PR_3 Attuazione …**`) — that
 * opens with a token of one of the document's own code shapes (learned the way the extractors learn them) and holds
 * nothing else or goes on with a title (`2021_PG_8747`, `2021_OB_8747_1 Sostegno …`, `OS.R.1 Aggiornamento …`), or
 * the value of a `Codice …:` label. Each such code must be the code of a record (objective, project, indicator,
 * structure, or a level of the strategic tree the records link to): a code a reader sees as a heading but the model
 * does not hold is a record lost — the kind of loss that makes pianobot say "not found" for a code in the text.
 */
import { codeSignature, learnCodeShapes } from '../../../ingest/extractors/primitives/code-shapes.ts';
import { labelAt } from '../../../ingest/extractors/primitives/label-match.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { ExtractedPlan } from '../../../src/plan/model.ts';
import { stripMarkup } from '../../../src/plan/text.ts';

export interface RecordHeading {
  code: string;
  line: number;
}

/** A shape that tells a code from a section or list number: a letter, an underscore or dash, or three numeric groups. */
const strongShape = (code: string): boolean => {
  const sig = codeSignature(code);
  return /[Aa_-]/.test(sig) || (sig.match(/9/g) ?? []).length >= 3;
};

/** `PEG_2021`, `2018-2020`: numbers that are only years name a document or a period, never a record. */
const onlyYears = (code: string): boolean => (code.match(/\d+/g) ?? []).every((n) => /^(?:19|20)\d\d$/.test(n));

/** `Codice obiettivo: X`, `Cod. progetto X`: a label naming the code that follows. */
const CODE_LABEL = /^cod(?:ice|\.)?(?:\s+\p{L}+)?\s*[:.]?\s+(\S+)\s*$/iu;
/** `Codice obiettivo:` with its value on the next line. */
const CODE_LABEL_ALONE = /^cod(?:ice|\.)?(?:\s+\p{L}+)?\s*:?$/iu;

/**
 * A short label line that does not open a record (`Riferimento DUP`): a code alone on the line after it is that
 * label's value. A record's own heading label (`Obiettivo gestionale ordinario`) does open one.
 */
function isValueLabel(line: string): boolean {
  if (!/^\p{L}[\p{L}'’ ]{0,40}:?$/u.test(line)) return false;
  const field = labelAt(line)?.field;
  return field !== 'objective' && field !== 'code' && field !== 'title';
}

/** The visual lines of a text line: its bold runs are set apart, as a reader sees them. */
const segmentsOf = (line: string): string[] =>
  line
    .split(/\*{2,}/)
    .map((s) => stripMarkup(s).trim())
    .filter(Boolean);

export function recordHeadings(doc: SourceDocument): RecordHeading[] {
  const segments: { text: string; line: number; tabbed: boolean }[] = [];
  doc.lines.forEach((raw, i) => {
    const tabbed = /\t/.test(raw.trim());
    for (const text of segmentsOf(raw)) segments.push({ text, line: i + 1, tabbed });
  });
  // the shapes are learned from every place a code can open: a line, a bold run, a table cell
  const shapes = learnCodeShapes(segments.flatMap((s) => s.text.split('\t').map((c) => c.trim().split(/\s+/)[0]!)));
  const out: RecordHeading[] = [];
  segments.forEach(({ text, line, tabbed }, i) => {
    if (tabbed) return; // a table row, not a heading
    const previous = segments[i - 1]?.text;
    if (previous !== undefined && CODE_LABEL_ALONE.test(previous) && text.length <= 24) {
      // the code as written, spaces and all (`VI - 4`)
      out.push({ code: text, line });
      return;
    }
    const labelled = text.match(CODE_LABEL)?.[1];
    const [first = '', ...rest] = text.split(/\s+/);
    const code = (labelled ?? first).replace(/[.:,;]+$/, '');
    if (!shapes.isCode(code) || !strongShape(code) || onlyYears(code)) return;
    if (!labelled && rest.length === 0 && previous !== undefined && isValueLabel(previous)) return;
    // or followed by a title: words, not the figures of a wrapped table row (`30830-3083 1 == 199.003,00`)
    if (!labelled && rest.length > 0 && !rest.some((w) => /\p{L}{2}/u.test(w))) return;
    out.push({ code, line });
  });
  return out;
}

/** Every code the model holds as a record. */
export function recordCodes(plan: ExtractedPlan): Set<string> {
  const codes = new Set<string>();
  for (const s of plan.structures) if (s.code) codes.add(s.code);
  for (const p of plan.projects) codes.add(p.code);
  for (const o of plan.objectives) {
    codes.add(o.code);
    for (const ind of o.indicators) if (ind.code) codes.add(ind.code);
  }
  // a level of the strategic tree (`01.01.02 Gestire …`, an obiettivo operativo) is held as the link of the
  // records under it, code and title as written
  const links = [...plan.objectives, ...plan.projects].flatMap((r) => Object.values(r.strategic ?? {}));
  for (const link of links) if (typeof link === 'string') codes.add(link.split(/\s+/)[0]!.replace(/[.:]+$/, ''));
  for (const t of plan.tables) for (const row of t.rows) codes.add(row.label);
  return codes;
}

/** The record headings of the text whose code no record of the model has. */
export function missingRecords(doc: SourceDocument, plan: ExtractedPlan): RecordHeading[] {
  const codes = recordCodes(plan);
  return recordHeadings(doc).filter((h) => !codes.has(h.code));
}
