/**
 * Structure-aware chunking of one plan: one chunk per objective / project record (split into pieces that
 * all carry the record's code and title in their section when a record is long), tables kept whole with
 * their header row (long ones split into row groups that repeat it), paragraph-sized narrative chunks with
 * a section path from the headings above them. Staff allocation tables become separate internal chunks.
 * Lines no record covers are chunked as narrative, so a plan without objectives still chunks fully.
 */

import type { DocumentKind, ExtractedPlan, SourceSpan } from '../../src/plan/model.ts';
import { fold, squash } from '../../src/plan/text.ts';
import type { Chunk } from '../../src/retrieval/chunk.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { type Block, cleanLine, type Heading, isBlank, readBlocks } from './line-blocks.ts';

export interface ChunkingOptions {
  /** narrative chunks grow paragraph by paragraph up to about this many characters */
  targetChars?: number;
  /** a record up to this size stays one chunk */
  maxWholeChars?: number;
  /** a table up to this size stays one chunk; a longer one is split into row groups */
  maxTableChars?: number;
}

const DEFAULTS: Required<ChunkingOptions> = { targetChars: 900, maxWholeChars: 2400, maxTableChars: 1600 };
/** pieces of a split record or table aim at this size */
const PIECE_CHARS = 1500;
/** narrative text this short before a table is its caption and joins the table chunk */
const CAPTION_CHARS = 250;
const MAX_TITLE = 90;
/** a short line seen this many times is page furniture */
const BOILERPLATE_REPEATS = 4;

const ROOT_LABELS: Record<DocumentKind, string | null> = {
  peg: 'PEG',
  piano_obiettivi: 'Piano degli obiettivi',
  piao_performance: 'PIAO',
  unknown: null,
};

interface Owner {
  form: 'record' | 'table';
  section: string;
  code?: string;
  title?: string;
  year?: number;
}

interface Piece {
  start: number;
  end: number;
  lines: string[];
}

function shortTitle(title: string): string {
  const t = squash(title);
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1).trimEnd()}…` : t;
}

function rootLabel(plan: ExtractedPlan): string {
  const d = plan.document;
  return ROOT_LABELS[d.kind] ?? (shortTitle(d.title) || d.file);
}

function spanRange(span: SourceSpan, lineCount: number): [number, number] | null {
  const a = Math.max(0, span.lineStart - 1);
  const b = Math.min(lineCount - 1, span.lineEnd - 1);
  return a <= b ? [a, b] : null;
}

/** For every line, the record or extracted table it belongs to: the innermost one when they nest. */
function paintOwners(doc: SourceDocument, plan: ExtractedPlan, root: string): (Owner | null)[] {
  const owners: (Owner | null)[] = new Array(doc.lines.length).fill(null);
  const paint = (items: { span: SourceSpan; owner: Owner }[]) => {
    const sized = items
      .map((x) => ({ ...x, range: spanRange(x.span, doc.lines.length) }))
      .filter((x): x is typeof x & { range: [number, number] } => x.range !== null && x.span.doc === doc.file)
      .sort((p, q) => q.range[1] - q.range[0] - (p.range[1] - p.range[0]));
    for (const { range, owner } of sized) for (let i = range[0]; i <= range[1]; i++) owners[i] = owner;
  };
  paint(
    plan.tables.map((t) => ({
      span: t.span,
      owner: { form: 'table' as const, section: '', title: t.title },
    })),
  );
  const records: { span: SourceSpan; owner: Owner }[] = [];
  for (const p of plan.projects) {
    records.push({
      span: p.span,
      owner: { form: 'record', section: `${root} > ${p.code} ${shortTitle(p.title)}`, code: p.code, title: p.title },
    });
  }
  for (const o of plan.objectives) {
    const parent = o.projectCode ? `${o.projectCode} > ` : '';
    const owner: Owner = {
      form: 'record',
      section: `${root} > ${parent}${o.code} ${shortTitle(o.title)}`,
      code: o.code,
      title: o.title,
    };
    if (o.year !== undefined) owner.year = o.year;
    records.push({ span: o.span, owner });
  }
  paint(records);
  return owners;
}

function textOf(lines: readonly string[], start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start; i <= end; i++) {
    const line = lines[i] ?? '';
    if (!isBlank(line)) out.push(cleanLine(line));
  }
  return out;
}

const size = (lines: readonly string[]) => lines.reduce((s, l) => s + l.length + 1, 0);

/** Splits lines `start..end` into pieces of about `target` characters at line boundaries. */
function splitLines(lines: readonly string[], start: number, end: number, target: number): Piece[] {
  const pieces: Piece[] = [];
  let cur: Piece | null = null;
  for (let i = start; i <= end; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const text = cleanLine(line);
    if (cur && size(cur.lines) + text.length > target) {
      pieces.push(cur);
      cur = null;
    }
    cur ??= { start: i, end: i, lines: [] };
    cur.lines.push(text);
    cur.end = i;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/** A table as one piece, or as row groups each repeating the header lines. */
function tablePieces(lines: readonly string[], block: Extract<Block, { type: 'table' }>, maxWhole: number): Piece[] {
  const all = textOf(lines, block.start, block.end);
  if (size(all) <= maxWhole) return [{ start: block.start, end: block.end, lines: all }];
  if (block.headerEnd === null) return splitLines(lines, block.start, block.end, PIECE_CHARS);
  const header = textOf(lines, block.start, block.headerEnd);
  const rows = splitLines(lines, block.headerEnd + 1, block.end, Math.max(400, PIECE_CHARS - size(header)));
  return rows.map((r, i) => ({ start: i === 0 ? block.start : r.start, end: r.end, lines: [...header, ...r.lines] }));
}

/** One piece spanning `pieces` (in order), or null when there are none. */
function join(pieces: readonly Piece[]): Piece | null {
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) return null;
  return { start: first.start, end: last.end, lines: pieces.flatMap((p) => p.lines) };
}

/** Lines repeated on many pages (running headers like "Comune di Prato Preventivo obiettivi 2020"). */
function boilerplateLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (isBlank(line) || line.includes('\t')) continue;
    const text = cleanLine(line);
    if (text.length <= 100) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= BOILERPLATE_REPEATS).map(([text]) => text));
}

/** Joins consecutive pieces while they fit in `target` characters. */
function pack(parts: readonly Piece[], target: number): Piece[] {
  const out: Piece[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && size(last.lines) + size(p.lines) <= target) {
      last.lines.push(...p.lines);
      last.end = p.end;
    } else out.push({ ...p, lines: [...p.lines] });
  }
  return out;
}

class ChunkSink {
  readonly chunks: Chunk[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly doc: SourceDocument,
    private readonly base: Pick<Chunk, 'doc' | 'entity' | 'kind'> & { year?: number; years?: number[] },
  ) {}

  emit(
    piece: Piece,
    form: Chunk['form'],
    section: string,
    extra: { code?: string; title?: string; year?: number; internal?: boolean } = {},
  ) {
    const text = piece.lines.join('\n').trim();
    if (!text) return;
    let id = `${this.doc.file}:${piece.start + 1}-${piece.end + 1}`;
    for (let n = 2; this.ids.has(id); n++) id = `${this.doc.file}:${piece.start + 1}-${piece.end + 1}~${n}`;
    this.ids.add(id);
    const chunk: Chunk = {
      id,
      doc: this.base.doc,
      entity: this.base.entity,
      kind: this.base.kind,
      form,
      section,
      lineStart: piece.start + 1,
      lineEnd: piece.end + 1,
      text,
    };
    const year = extra.year ?? this.base.year;
    if (year !== undefined) chunk.year = year;
    if (this.base.years?.length) chunk.years = this.base.years;
    if (extra.code) chunk.code = extra.code;
    if (extra.title) chunk.title = extra.title;
    const page = this.doc.pageOfLine?.[piece.start];
    if (page !== undefined) chunk.page = page;
    if (extra.internal) chunk.internal = true;
    this.chunks.push(chunk);
  }
}

function staffSection(section: string): string {
  return `${section} > Personale assegnato`;
}

/** Narrative lines: paragraphs gathered up to the target size, a new chunk at each heading. */
class NarrativeChunker {
  private stack: Heading[] = [];
  /** the paragraphs of the chunk being gathered, each a piece of its own so a table can take the last ones as caption */
  private pending: Piece[] = [];
  /** the pending chunk holds nothing but a heading: the section path already says it, so alone it is dropped */
  private pendingIsHeading = false;
  private lastWasHeading = false;
  /** title of the extracted table being read, added to the section path when the headings do not say it */
  private tableTitle: string | null = null;

  constructor(
    private readonly lines: readonly string[],
    private readonly sink: ChunkSink,
    private readonly root: string,
    private readonly opts: Required<ChunkingOptions>,
    /** page furniture (running headers): a chunk of nothing else is not a passage */
    private readonly boilerplate: ReadonlySet<string>,
  ) {}

  private section(): string {
    return [this.root, ...this.stack.map((h) => h.text)].join(' > ');
  }

  private flush() {
    const merged = join(this.pending);
    if (merged && !this.pendingIsHeading && !merged.lines.every((l) => this.boilerplate.has(l))) {
      this.sink.emit(merged, 'narrative', this.section());
    }
    this.pending = [];
    this.pendingIsHeading = false;
  }

  private append(start: number, end: number, texts: string[]) {
    this.pending.push({ start, end, lines: [...texts] });
    this.pendingIsHeading = false;
  }

  /** The last paragraphs before a table, when short: they introduce it ("… le seguenti azioni:"). */
  private takeCaption(): Piece | null {
    const caption: Piece[] = [];
    while (this.pending.length > 0) {
      const last = this.pending.at(-1)!;
      if (size(caption.flatMap((p) => p.lines)) + size(last.lines) > CAPTION_CHARS) break;
      caption.unshift(last);
      this.pending.pop();
    }
    return join(caption);
  }

  private heading(block: Extract<Block, { type: 'heading' }>) {
    this.flush();
    // a heading right under a heading of the same level reads as its sub-heading ("PIANO AZIONI POSITIVE", "PREMESSA")
    const prev = this.stack.at(-1);
    const level =
      this.lastWasHeading && prev && prev.level >= block.heading.level ? prev.level + 1 : block.heading.level;
    this.stack = this.stack.filter((h) => h.level < level);
    this.stack.push({ level, text: block.heading.text });
    this.append(block.start, block.end, textOf(this.lines, block.start, block.end));
    this.pendingIsHeading = true;
  }

  private paragraph(block: Extract<Block, { type: 'paragraph' }>) {
    const texts = textOf(this.lines, block.start, block.end);
    if (this.pending.length > 0 && size(this.pending.flatMap((p) => p.lines)) + size(texts) > this.opts.targetChars)
      this.flush();
    if (size(texts) > this.opts.maxWholeChars / 1.5) {
      const pieces = splitLines(this.lines, block.start, block.end, this.opts.targetChars);
      const first = pieces.shift();
      if (first) {
        this.append(first.start, first.end, first.lines);
        this.flush();
      }
      for (const p of pieces) this.sink.emit(p, 'narrative', this.section());
      return;
    }
    this.append(block.start, block.end, texts);
  }

  private table(block: Extract<Block, { type: 'table' }>) {
    const caption = this.takeCaption();
    this.flush();
    const pieces = tablePieces(this.lines, block, this.opts.maxTableChars);
    const first = pieces[0];
    if (caption && first) {
      first.start = caption.start;
      first.lines = [...caption.lines, ...first.lines];
    }
    let section = this.section();
    const title = this.tableTitleBeyondHeadings();
    if (title) section = `${section} > ${shortTitle(title)}`;
    if (block.staff) section = staffSection(section);
    for (const p of pieces) this.sink.emit(p, 'table', section, block.staff ? { internal: true } : {});
  }

  /** What an extracted table's title adds to the headings above it ("… al 31.12.2023 — Di cui" under "… al 31.12.2023"). */
  private tableTitleBeyondHeadings(): string | null {
    let title = this.tableTitle?.trim() ?? '';
    const last = this.stack.at(-1)?.text ?? '';
    if (last && fold(title).startsWith(fold(last))) title = title.slice(last.length).replace(/^[\s—–:-]+/, '');
    return title && !fold(this.section()).includes(fold(title)) ? title : null;
  }

  take(blocks: readonly Block[]) {
    for (const b of blocks) {
      if (b.type === 'heading') this.heading(b);
      else if (b.type === 'paragraph') this.paragraph(b);
      else this.table(b);
      this.lastWasHeading = b.type === 'heading';
    }
  }

  /** A table the extractor found: read in the flow of the narrative, its title joining the section path. */
  takeTable(blocks: readonly Block[], title: string | undefined) {
    this.tableTitle = title ?? null;
    this.take(blocks);
    this.tableTitle = null;
  }

  /** Closes the current chunk (a record or the end of the document follows). */
  end() {
    this.flush();
    this.lastWasHeading = false;
  }
}

/** The lines of one record (or extracted table): whole when small, else pieces; staff tables split off as internal. */
function chunkOwned(
  lines: readonly string[],
  blocks: readonly Block[],
  owner: Owner,
  sink: ChunkSink,
  maxWhole: number,
) {
  const extra = {
    ...(owner.code ? { code: owner.code } : {}),
    ...(owner.title ? { title: owner.title } : {}),
    ...(owner.year !== undefined ? { year: owner.year } : {}),
  };
  const form = owner.form;
  let group: Block[] = [];
  const flushGroup = () => {
    if (group.length === 0) return;
    const start = group[0]!.start;
    const end = group.at(-1)!.end;
    const all = textOf(lines, start, end);
    if (size(all) <= maxWhole) {
      sink.emit({ start, end, lines: all }, form, owner.section, extra);
    } else {
      const parts = group.flatMap((b) =>
        b.type === 'table' ? tablePieces(lines, b, PIECE_CHARS) : splitLines(lines, b.start, b.end, PIECE_CHARS),
      );
      for (const p of pack(parts, PIECE_CHARS)) sink.emit(p, form, owner.section, extra);
    }
    group = [];
  };
  for (const b of blocks) {
    if (b.type === 'table' && b.staff) {
      flushGroup();
      sink.emit(
        { start: b.start, end: b.end, lines: textOf(lines, b.start, b.end) },
        'table',
        staffSection(owner.section),
        { ...extra, internal: true },
      );
    } else group.push(b);
  }
  flushGroup();
}

export function chunkDocument(doc: SourceDocument, plan: ExtractedPlan, options: ChunkingOptions = {}): Chunk[] {
  const opts = { ...DEFAULTS, ...options };
  const d = plan.document;
  const root = rootLabel(plan);
  const base: ConstructorParameters<typeof ChunkSink>[1] = { doc: doc.file, entity: d.entity, kind: d.kind };
  if (d.years.length === 1) base.year = d.years[0]!;
  if (d.years.length > 0) base.years = d.years;
  const sink = new ChunkSink(doc, base);
  const owners = paintOwners(doc, plan, root);
  const narrative = new NarrativeChunker(doc.lines, sink, root, opts, boilerplateLines(doc.lines));

  let i = 0;
  while (i < doc.lines.length) {
    const owner = owners[i] ?? null;
    let j = i;
    while (j + 1 < doc.lines.length && (owners[j + 1] ?? null) === owner) j++;
    const blocks = readBlocks(doc.lines, i, j);
    if (owner?.form === 'table') {
      narrative.takeTable(blocks, owner.title);
    } else if (owner) {
      narrative.end();
      chunkOwned(doc.lines, blocks, owner, sink, opts.maxWholeChars);
    } else {
      narrative.take(blocks);
    }
    i = j + 1;
  }
  narrative.end();
  return sink.chunks;
}
