import { closeSync, openSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { derivePeople, type PeopleSource, peopleSourceOf } from '../../src/plan/derive-people.ts';
import { type ExtractedPlan, type PlanDocument, PlanModelSchema } from '../../src/plan/model.ts';
import {
  type ModelLayout,
  MODEL_RECORD_LISTS as RECORD_KEYS,
  type ModelRecordList as RecordKey,
} from '../../src/store/index-layout.ts';
import { AppendFile } from './append-file.ts';

/** People per slice of `people` in the model layout (about 1 kB each): the server parses them a slice at a time. */
const PEOPLE_PER_CUT = 500;

/**
 * One plan's part of a written model: its document, what people are derived from, and where its records sit in
 * each list of model.json (byte offsets from the list's first item; a plan's records are contiguous in each list).
 * A later build copies those bytes as they are for a plan that did not change (incremental ingest).
 */
export const ModelSegmentSchema = z.object({
  // validated with the model's documents when the next model is written (ModelWriter.finish)
  document: z.custom<PlanDocument>(
    (v) => typeof v === 'object' && v !== null && typeof (v as PlanDocument).file === 'string',
  ),
  people: z.custom<PeopleSource>((v) => typeof v === 'object' && v !== null),
  ranges: z.record(z.enum(RECORD_KEYS), z.tuple([z.number().int(), z.number().int()])),
});
export type ModelSegment = z.infer<typeof ModelSegmentSchema>;

/** Where each record list's first item starts in model.json. */
export const ListOffsetsSchema = z.record(z.enum(RECORD_KEYS), z.number().int());
export type ListOffsets = z.infer<typeof ListOffsetsSchema>;

/** A previous model.json to copy unchanged plans' records from. */
export interface PreviousModel {
  file: string;
  lists: ListOffsets;
}

/** A run of one record list's bytes: from this build's part file or from the previous model.json. */
interface Piece {
  from: 'part' | 'previous';
  /** byte range in its source, items only (no surrounding comma) */
  a: number;
  b: number;
}

/** Where one plan's records of one list sit: in piece `piece`, from `offset` for `length` bytes. */
interface Placement {
  piece: number;
  offset: number;
  length: number;
}

/**
 * One plan's share of the model, made without the model (so on any thread): its document, what people are derived
 * from, and each record list's items as JSON joined by commas ('' for none).
 */
export interface PreparedModelPart {
  document: PlanDocument;
  people: PeopleSource;
  records: Record<RecordKey, string>;
}

export function prepareModelPart(plan: ExtractedPlan): PreparedModelPart {
  const records = {} as Record<RecordKey, string>;
  for (const key of RECORD_KEYS) records[key] = plan[key].map((item) => JSON.stringify(item)).join(',');
  return { document: plan.document, people: peopleSourceOf(plan), records };
}

/**
 * Writes the plan model plan by plan: each new plan's records go to one part file per record list as the plan is
 * added, and only its document and the names people are derived from stay in memory; an unchanged plan kept from
 * the previous model is only noted (its byte ranges there). `finish` writes `file` once, list by list, copying runs
 * of the parts and of the previous model (consecutive kept plans are one run). At a thousand plans the model is over
 * 100 MB of JSON: holding every plan, a validated copy of the whole and its string at once was most of the ingest's
 * peak memory, and copying it twice most of an incremental ingest.
 *
 * Each plan was validated when it was extracted (ExtractedPlanSchema) and the model is nothing but their records
 * plus the people derived across them, so only the envelope and the people are validated here.
 */
export class ModelWriter {
  private readonly documents: PlanDocument[] = [];
  private readonly people: PeopleSource[] = [];
  private readonly parts: Record<RecordKey, AppendFile>;
  private readonly pieces: Record<RecordKey, Piece[]>;
  /** per plan, in order: where its records of each list are */
  private readonly placements: Record<RecordKey, Placement>[] = [];
  private previous: PreviousModel | null = null;

  constructor(private readonly file: string) {
    this.parts = Object.fromEntries(RECORD_KEYS.map((k) => [k, new AppendFile(this.partFile(k))])) as Record<
      RecordKey,
      AppendFile
    >;
    this.pieces = Object.fromEntries(RECORD_KEYS.map((k) => [k, []])) as unknown as Record<RecordKey, Piece[]>;
  }

  private partFile(key: RecordKey): string {
    return `${this.file}.${key}.part`;
  }

  /** Notes bytes [a, b) of a source as the next records of list `key`, joined to the last run when they follow it. */
  private place(key: RecordKey, from: Piece['from'], a: number, b: number): Placement {
    const pieces = this.pieces[key];
    const last = pieces.at(-1);
    if (b <= a) return { piece: -1, offset: 0, length: 0 };
    // the next items of the same source, one comma after the run: the comma is the separator the output needs
    if (last && last.from === from && a === last.b + 1) {
      const offset = a - last.a;
      last.b = b;
      return { piece: pieces.length - 1, offset, length: b - a };
    }
    pieces.push({ from, a, b });
    return { piece: pieces.length - 1, offset: 0, length: b - a };
  }

  add(plan: ExtractedPlan): void {
    this.addPrepared(prepareModelPart(plan));
  }

  /** Appends one plan's part made by prepareModelPart (on any thread) as the next plan of the model. */
  addPrepared(prepared: PreparedModelPart): void {
    this.documents.push(prepared.document);
    this.people.push(prepared.people);
    const placement = {} as Record<RecordKey, Placement>;
    for (const key of RECORD_KEYS) {
      const part = this.parts[key];
      const records = prepared.records[key];
      if (records.length === 0) {
        placement[key] = { piece: -1, offset: 0, length: 0 };
        continue;
      }
      if (part.bytes) part.write(',');
      const a = part.bytes;
      part.write(records);
      placement[key] = this.place(key, 'part', a, part.bytes);
    }
    this.placements.push(placement);
  }

  /** Takes an unchanged plan's records from the model it was written into, as they are. */
  keep(segment: ModelSegment, from: PreviousModel): void {
    if (this.previous && this.previous.file !== from.file) throw new Error('plans can be kept from one model only');
    this.previous = from;
    this.documents.push(segment.document);
    this.people.push(segment.people);
    const placement = {} as Record<RecordKey, Placement>;
    for (const key of RECORD_KEYS) {
      const [a, b] = segment.ranges[key];
      placement[key] = this.place(key, 'previous', from.lists[key] + a, from.lists[key] + b);
    }
    this.placements.push(placement);
  }

  /**
   * Writes the model file; returns where each record list starts in it and, per plan in order, its part of it
   * (what the next build needs to keep the plan), and the layout the server reads it by.
   */
  finish(builtAt = new Date().toISOString()): { lists: ListOffsets; segments: ModelSegment[]; layout: ModelLayout } {
    const head = PlanModelSchema.pick({ version: true, builtAt: true, documents: true, people: true }).parse({
      version: 1,
      builtAt,
      documents: this.documents,
      people: derivePeople(this.people),
    });
    for (const key of RECORD_KEYS) this.parts[key].close();
    const out = new AppendFile(this.file);
    const lists = {} as ListOffsets;
    const listEnds = {} as Record<RecordKey, number>;
    const layout = { lists: {} } as Omit<ModelLayout, 'bytes'>;
    /** per list, where each piece landed (relative to the list's start) */
    const landed = {} as Record<RecordKey, number[]>;
    const sources: { part: Record<RecordKey, number>; previous: number | null } = {
      part: {} as Record<RecordKey, number>,
      previous: null,
    };
    try {
      sources.previous = this.previous ? openSync(this.previous.file, 'r') : null;
      out.write(`{"version":${head.version},"builtAt":${JSON.stringify(head.builtAt)}`);
      out.write(',"documents":');
      const documentsAt = out.bytes;
      out.write(JSON.stringify(head.documents));
      layout.documents = [documentsAt, out.bytes];
      // the people item by item (the bytes JSON.stringify of the list would write), cut every PEOPLE_PER_CUT
      out.write(',"people":[');
      const peopleAt = out.bytes;
      const peopleCuts: number[] = [];
      for (const [i, person] of head.people.entries()) {
        if (i) out.write(',');
        if (i % PEOPLE_PER_CUT === 0) peopleCuts.push(out.bytes);
        out.write(JSON.stringify(person));
      }
      layout.lists.people = { items: [peopleAt, out.bytes], cuts: peopleCuts };
      out.write(']');
      for (const key of RECORD_KEYS) {
        out.write(`,${JSON.stringify(key)}:[`);
        lists[key] = out.bytes;
        landed[key] = [];
        sources.part[key] = openSync(this.partFile(key), 'r');
        for (const [i, piece] of this.pieces[key].entries()) {
          if (i) out.write(',');
          landed[key].push(out.bytes - lists[key]);
          out.copyRange(piece.from === 'part' ? sources.part[key] : sources.previous!, piece.a, piece.b);
        }
        listEnds[key] = out.bytes;
        out.write(']');
      }
      out.write('}');
    } finally {
      out.close();
      for (const fd of Object.values(sources.part)) closeSync(fd);
      if (sources.previous !== null) closeSync(sources.previous);
      this.removeParts();
    }
    const segments = this.placements.map((placement, i) => {
      const ranges = {} as ModelSegment['ranges'];
      for (const key of RECORD_KEYS) {
        const { piece, offset, length } = placement[key];
        const at = piece < 0 ? 0 : landed[key][piece]! + offset;
        ranges[key] = [at, at + length];
      }
      return { document: this.documents[i]!, people: this.people[i]!, ranges };
    });
    for (const key of RECORD_KEYS) {
      // each plan's records of a list start where the one before it ended: a plan is where the list may be cut
      const cuts = segments
        .filter((s) => s.ranges[key][1] > s.ranges[key][0])
        .map((s) => lists[key] + s.ranges[key][0]);
      layout.lists[key] = { items: [lists[key], listEnds[key]], cuts };
    }
    return { lists, segments, layout: { bytes: out.bytes, ...layout } };
  }

  /** Closes and removes the part files (a build that will not finish). */
  removeParts(): void {
    for (const key of RECORD_KEYS) {
      this.parts[key].close();
      rmSync(this.partFile(key), { force: true });
    }
  }
}

/** The model of plans already in memory (tests): the same writer, fed in order. */
export function writeModel(file: string, plans: readonly ExtractedPlan[], builtAt = new Date().toISOString()): void {
  const writer = new ModelWriter(file);
  try {
    for (const p of plans) writer.add(p);
    writer.finish(builtAt);
  } catch (error) {
    writer.removeParts();
    throw error;
  }
}
