import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { derivePeople, type PeopleSource, peopleSourceOf } from '../../src/plan/derive-people.ts';
import { type ExtractedPlan, type PlanDocument, PlanDocumentSchema, PlanModelSchema } from '../../src/plan/model.ts';

/** The record lists of the model, in the order model.json has always had them. */
const RECORD_KEYS = ['structures', 'objectives', 'projects', 'totals', 'tables', 'warnings'] as const;
type RecordKey = (typeof RECORD_KEYS)[number];

/**
 * One plan's part of a written model: its document, what people are derived from, and where its records sit in
 * each list of model.json (byte offsets from the list's first item; a plan's records are contiguous in each list).
 * A later build copies those bytes as they are for a plan that did not change (incremental ingest).
 */
export const ModelSegmentSchema = z.object({
  document: PlanDocumentSchema,
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

/** Buffered appends through a descriptor; `bytes` counts what was written. */
class Appender {
  private readonly fd: number;
  private pending: Buffer[] = [];
  private length = 0;
  private closed = false;
  bytes = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(data: string | Buffer): void {
    const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(b);
    this.length += b.length;
    this.bytes += b.length;
    if (this.length > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.pending.length) writeSync(this.fd, Buffer.concat(this.pending));
    this.pending = [];
    this.length = 0;
  }
  /** copies a whole file of `size` bytes to the end of this one */
  copyFrom(file: string, size: number): void {
    this.flush();
    this.bytes += size;
    const from = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(1 << 20);
      for (let n = readSync(from, buffer); n > 0; n = readSync(from, buffer)) writeSync(this.fd, buffer, 0, n);
    } finally {
      closeSync(from);
    }
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Writes the plan model plan by plan: each plan's records go to one part file per record list as the plan is
 * added, and only its document and the names people are derived from stay in memory; `finish` joins the parts into
 * `file`. At a thousand plans the model is over 100 MB of JSON: holding every plan, a validated copy of the whole
 * and its string at once was most of the ingest's peak memory.
 *
 * Each plan was validated when it was extracted (ExtractedPlanSchema) and the model is nothing but their records
 * plus the people derived across them, so only the envelope and the people are validated here.
 */
export class ModelWriter {
  private readonly documents: PlanDocument[] = [];
  private readonly people: PeopleSource[] = [];
  private readonly parts: Record<RecordKey, Appender>;
  private readonly written: Record<RecordKey, number>;

  constructor(private readonly file: string) {
    this.parts = Object.fromEntries(RECORD_KEYS.map((k) => [k, new Appender(this.partFile(k))])) as Record<
      RecordKey,
      Appender
    >;
    this.written = Object.fromEntries(RECORD_KEYS.map((k) => [k, 0])) as Record<RecordKey, number>;
  }

  private partFile(key: RecordKey): string {
    return `${this.file}.${key}.part`;
  }

  add(plan: ExtractedPlan): ModelSegment {
    const people = peopleSourceOf(plan);
    this.documents.push(plan.document);
    this.people.push(people);
    const ranges = {} as ModelSegment['ranges'];
    for (const key of RECORD_KEYS) {
      const part = this.parts[key];
      const start = part.bytes + (this.written[key] && plan[key].length ? 1 : 0);
      for (const item of plan[key]) {
        part.write(this.written[key]++ ? `,${JSON.stringify(item)}` : JSON.stringify(item));
      }
      ranges[key] = [start, part.bytes];
    }
    return { document: plan.document, people, ranges };
  }

  /** Copies an unchanged plan's records from the model it was written into; returns its part of the new model. */
  keep(segment: ModelSegment, from: PreviousModel): ModelSegment {
    this.documents.push(segment.document);
    this.people.push(segment.people);
    const ranges = {} as ModelSegment['ranges'];
    const fd = openSync(from.file, 'r');
    try {
      for (const key of RECORD_KEYS) {
        const [a, b] = segment.ranges[key];
        const part = this.parts[key];
        if (b <= a) {
          ranges[key] = [part.bytes, part.bytes];
          continue;
        }
        if (this.written[key]) part.write(',');
        const bytes = Buffer.alloc(b - a);
        if (readSync(fd, bytes, 0, b - a, from.lists[key] + a) !== b - a)
          throw new Error('previous model is truncated');
        const start = part.bytes;
        part.write(bytes);
        ranges[key] = [start, part.bytes];
        this.written[key]++;
      }
    } finally {
      closeSync(fd);
    }
    return { document: segment.document, people: segment.people, ranges };
  }

  /** Joins the parts into the model file; returns where each record list starts in it. */
  finish(builtAt = new Date().toISOString()): ListOffsets {
    const head = PlanModelSchema.pick({ version: true, builtAt: true, documents: true, people: true }).parse({
      version: 1,
      builtAt,
      documents: this.documents,
      people: derivePeople(this.people),
    });
    for (const key of RECORD_KEYS) this.parts[key].close();
    const out = new Appender(this.file);
    const lists = {} as ListOffsets;
    try {
      out.write(`{"version":${head.version},"builtAt":${JSON.stringify(head.builtAt)}`);
      out.write(`,"documents":${JSON.stringify(head.documents)},"people":${JSON.stringify(head.people)}`);
      for (const key of RECORD_KEYS) {
        out.write(`,${JSON.stringify(key)}:[`);
        lists[key] = out.bytes;
        out.copyFrom(this.partFile(key), this.parts[key].bytes);
        out.write(']');
      }
      out.write('}');
    } finally {
      out.close();
      this.removeParts();
    }
    return lists;
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
