import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { derivePeople, type PeopleSource, peopleSourceOf } from '../../src/plan/derive-people.ts';
import { type ExtractedPlan, type PlanDocument, PlanModelSchema } from '../../src/plan/model.ts';

/** The record lists of the model, in the order model.json has always had them. */
const RECORD_KEYS = ['structures', 'objectives', 'projects', 'totals', 'tables', 'warnings'] as const;
type RecordKey = (typeof RECORD_KEYS)[number];

/** Buffered appends through a descriptor. */
class Appender {
  private readonly fd: number;
  private pending: string[] = [];
  private length = 0;
  private closed = false;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(s: string): void {
    this.pending.push(s);
    this.length += s.length;
    if (this.length > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.length = 0;
  }
  /** copies a whole file to the end of this one */
  copyFrom(file: string): void {
    this.flush();
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

  add(plan: ExtractedPlan): void {
    this.documents.push(plan.document);
    this.people.push(peopleSourceOf(plan));
    for (const key of RECORD_KEYS) {
      for (const item of plan[key]) {
        this.parts[key].write(this.written[key]++ ? `,${JSON.stringify(item)}` : JSON.stringify(item));
      }
    }
  }

  finish(builtAt = new Date().toISOString()): void {
    const head = PlanModelSchema.pick({ version: true, builtAt: true, documents: true, people: true }).parse({
      version: 1,
      builtAt,
      documents: this.documents,
      people: derivePeople(this.people),
    });
    for (const key of RECORD_KEYS) this.parts[key].close();
    const out = new Appender(this.file);
    try {
      out.write(`{"version":${head.version},"builtAt":${JSON.stringify(head.builtAt)}`);
      out.write(`,"documents":${JSON.stringify(head.documents)},"people":${JSON.stringify(head.people)}`);
      for (const key of RECORD_KEYS) {
        out.write(`,${JSON.stringify(key)}:[`);
        out.copyFrom(this.partFile(key));
        out.write(']');
      }
      out.write('}');
    } finally {
      out.close();
      this.removeParts();
    }
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
