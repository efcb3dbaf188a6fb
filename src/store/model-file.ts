import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { PianobotError } from '../errors.ts';
import { type Person, PersonSchema, type PlanDocument, type PlanModel, PlanModelSchema } from '../plan/model.ts';
import { MODEL_RECORD_LISTS, type ModelLayout } from './index-layout.ts';

type ListName = keyof ModelLayout['lists'];
const LIST_NAMES: readonly ListName[] = ['people', ...MODEL_RECORD_LISTS];

/** About this much JSON is parsed at a time: a few milliseconds, so a warm-up leaves the server free to answer. */
const SLICE_BYTES = 1 << 20;

/**
 * What a complete list is checked against: the people, as loading the model always validated them. The records were
 * each validated against ExtractedPlanSchema when their plan was extracted, before this model was written.
 */
const CHECKS: Partial<Record<ListName, (items: unknown[]) => unknown[]>> = {
  people: (items) => z.array(PersonSchema).parse(items),
};

const HeadSchema = PlanModelSchema.pick({ version: true, builtAt: true, documents: true });

/** A descriptor left open by a model file that was dropped unfinished (a reload that found nothing new). */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * model.json opened by its layout (model-layout.json): the documents are parsed at once; each list — people and the
 * record lists — is parsed a slice of about a megabyte at a time, completed synchronously the first time it is
 * used, or ahead of use by `warm`, one slice per turn of the event loop. The descriptor is held from the start, so
 * a re-ingest swapping a new index in cannot change the bytes under the offsets; it is closed once every list is read.
 */
export class ModelFile {
  readonly head: z.infer<typeof HeadSchema>;
  private fd: number | null;
  /** per list, the byte ranges still to parse, in order */
  private readonly pending = {} as Record<ListName, [number, number][]>;
  private readonly parts = {} as Record<ListName, unknown[][]>;
  private readonly complete = {} as Partial<Record<ListName, unknown[]>>;
  private failure: PianobotError | null = null;

  /** Opens the file and parses its documents; throws when the layout does not describe this file. */
  constructor(
    private readonly file: string,
    layout: ModelLayout,
    sliceBytes = SLICE_BYTES,
  ) {
    this.fd = openSync(file, 'r');
    closeWhenCollected.register(this, this.fd, this);
    try {
      if (fstatSync(this.fd).size !== layout.bytes) throw new Error(`${file} is not the size its layout records`);
      const [a, b] = layout.documents;
      // `{"version":1,"builtAt":"…","documents":` then the documents: the head, closed after them
      this.head = HeadSchema.parse(JSON.parse(`${this.read(0, b).toString('utf8')}}`));
      if (a >= b) throw new Error('empty documents range');
      for (const name of LIST_NAMES) {
        const { items, cuts } = layout.lists[name];
        if (this.read(items[0] - 1, items[0])[0] !== 0x5b || this.read(items[1], items[1] + 1)[0] !== 0x5d)
          throw new Error(`${name}: the layout's range is not a list of ${file}`);
        this.pending[name] = slices(items, cuts, sliceBytes);
        this.parts[name] = [];
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** The whole list, parsing what is left of it now. */
  list(name: ListName): unknown[] {
    while (!this.complete[name]) this.step(name);
    return this.complete[name];
  }

  /** Parses every list ahead of use, one slice per turn of the event loop; rejects if the file is damaged. */
  async warm(): Promise<void> {
    for (const name of LIST_NAMES)
      while (!this.complete[name]) {
        this.step(name);
        await nextTurn();
      }
  }

  /** Lets go of the file: a model that will not be used (what was not parsed cannot be any more). */
  close(): void {
    if (this.fd === null) return;
    closeWhenCollected.unregister(this);
    closeSync(this.fd);
    this.fd = null;
  }

  private step(name: ListName): void {
    if (this.failure) throw this.failure;
    const range = this.pending[name].shift();
    try {
      if (range) this.parts[name].push(this.parse(range[0], range[1]));
      else {
        const parts = this.parts[name];
        const items = parts.length === 1 ? parts[0]! : parts.flat();
        this.complete[name] = CHECKS[name]?.(items) ?? items;
        this.parts[name] = [];
        if (LIST_NAMES.every((n) => this.complete[n])) this.close();
      }
    } catch (cause) {
      this.failure = new PianobotError(
        'INDEX_MISSING',
        `The index's ${this.file} is damaged (${name}${range ? `, bytes ${range[0]}–${range[1]}` : ''}): run \`npm run ingest\` again.`,
        { cause },
      );
      this.close();
      throw this.failure;
    }
  }

  /** Items [a, b) of a list, parsed as one JSON list (read between brackets of the buffer's own). */
  private parse(a: number, b: number): unknown[] {
    const bytes = Buffer.allocUnsafe(b - a + 2);
    bytes[0] = 0x5b;
    this.readInto(bytes, 1, a, b);
    bytes[b - a + 1] = 0x5d;
    return JSON.parse(bytes.toString('utf8')) as unknown[];
  }

  private read(a: number, b: number): Buffer {
    const bytes = Buffer.allocUnsafe(b - a);
    this.readInto(bytes, 0, a, b);
    return bytes;
  }

  private readInto(bytes: Buffer, offset: number, a: number, b: number): void {
    if (this.fd === null) throw new Error(`${this.file} was closed`);
    for (let at = a; at < b; ) {
      const n = readSync(this.fd, bytes, offset + at - a, b - at, at);
      if (n <= 0) throw new Error(`${this.file} ends before byte ${b}`);
      at += n;
    }
  }
}

/** A list's items cut into runs of about `size` bytes at the layout's cuts (a cut's previous byte is the comma). */
function slices([start, end]: [number, number], cuts: readonly number[], size: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (const cut of cuts) {
    if (cut <= from || cut >= end) continue;
    if (cut - from >= size) {
      out.push([from, cut - 1]);
      from = cut;
    }
  }
  if (end > from) out.push([from, end]);
  return out;
}

/**
 * The plan model over a model file: documents at hand, each list parsed on first use. The lists are getters of the
 * object itself (enumerable), so spreading or walking the model reads them like plain properties.
 */
export function lazyPlanModel(file: ModelFile): PlanModel {
  const { version, builtAt, documents } = file.head;
  return {
    version,
    builtAt,
    documents: documents as PlanDocument[],
    get people() {
      return file.list('people') as Person[];
    },
    get structures() {
      return file.list('structures') as PlanModel['structures'];
    },
    get objectives() {
      return file.list('objectives') as PlanModel['objectives'];
    },
    get projects() {
      return file.list('projects') as PlanModel['projects'];
    },
    get totals() {
      return file.list('totals') as PlanModel['totals'];
    },
    get tables() {
      return file.list('tables') as PlanModel['tables'];
    },
    get warnings() {
      return file.list('warnings') as PlanModel['warnings'];
    },
  };
}
