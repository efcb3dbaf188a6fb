import { CODE_TERM_PREFIX, type PostingsData } from '../../src/retrieval/index-format.ts';

/** What the search filters read of a passage, beside its terms. */
export interface PassageFields {
  doc: number;
  year?: number | undefined;
  internal?: boolean | undefined;
  /** identifies the passage's wording (see `PostingsBuilder.add`) */
  textKey: string;
}

/**
 * One document's postings grouped by term, made where its passages are analyzed (any thread): the builder then looks
 * each distinct term of the document up once instead of once per passage holding it.
 */
export interface DocumentPostings {
  /** the document's distinct terms, its record codes' terms included, in the order first met */
  terms: string[];
  /** terms[k]'s postings are [ends[k - 1], ends[k]) */
  ends: Uint32Array;
  /** the passage (numbered within the document) of each posting, increasing within a term */
  chunks: Uint32Array;
  /** twice the term frequency of each posting, at most 255 (0 for a code term) */
  tf2: Uint8Array;
  /** each passage's length: its terms' frequencies summed, to hundredths */
  lengths: Float64Array;
}

/** Groups the terms of a document's passages (in passage order) by term. */
export function groupPostings(
  passages: readonly { terms: ReadonlyMap<string, number>; code?: string | undefined }[],
): DocumentPostings {
  const byTerm = new Map<string, number[]>();
  const put = (term: string, chunk: number, tf2: number) => {
    const list = byTerm.get(term);
    if (list) list.push(chunk, tf2);
    else byTerm.set(term, [chunk, tf2]);
  };
  const lengths = new Float64Array(passages.length);
  let count = 0;
  passages.forEach((passage, chunk) => {
    let length = 0;
    for (const [term, tf] of passage.terms) {
      length += tf;
      put(term, chunk, Math.min(255, Math.round(tf * 2)));
      count++;
    }
    if (passage.code) {
      put(CODE_TERM_PREFIX + passage.code, chunk, 0);
      count++;
    }
    lengths[chunk] = Math.round(length * 100) / 100;
  });
  const terms = [...byTerm.keys()];
  const ends = new Uint32Array(terms.length);
  const chunks = new Uint32Array(count);
  const tf2 = new Uint8Array(count);
  let at = 0;
  terms.forEach((term, k) => {
    const list = byTerm.get(term)!;
    for (let i = 0; i < list.length; i += 2) {
      chunks[at] = list[i]!;
      tf2[at] = list[i + 1]!;
      at++;
    }
    ends[k] = at;
  });
  return { terms, ends, chunks, tf2, lengths };
}

/**
 * Collects BM25 postings passage by passage (chunk number = order of `add`), with the per-passage fields the
 * search filters read, and lays them out as the typed arrays of `postings.bin`.
 */
export class PostingsBuilder {
  /**
   * term → [chunk × 256 + tf × 2, …]: one small integer per posting (tf × 2 fits a byte), the most compact plain JS
   * array; at a thousand plans these lists are the builder's largest memory
   */
  private readonly postings = new Map<string, number[]>();
  private readonly chunkDoc: number[] = [];
  private readonly chunkYear: number[] = [];
  private readonly chunkInternal: number[] = [];
  private readonly lengths: number[] = [];
  private readonly textIds: number[] = [];
  private readonly textIdOf = new Map<string, number>();
  /** the previous build's postings and where its kept passages went: old passage number → new, or -1 */
  private previous: { data: PostingsData; remap: Int32Array } | null = null;

  get size(): number {
    return this.lengths.length;
  }

  /**
   * Adds the next passage. `textKey` identifies its wording: passages with the same wording (a template paragraph
   * every plan copies) count once in a term's document frequency, so a thousand copies of one narrative do not
   * make its words look common and drown the plan that is actually about them.
   */
  add(passage: PassageFields & { terms: ReadonlyMap<string, number>; code?: string | undefined }): void {
    this.addDocument(groupPostings([passage]), [passage]);
  }

  /** Adds a document's passages: their postings grouped by term (groupPostings) and their fields, in order. */
  addDocument(postings: DocumentPostings, passages: readonly PassageFields[]): void {
    const first = this.lengths.length;
    const { terms, ends, chunks, tf2 } = postings;
    let at = 0;
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      for (const end = ends[k]!; at < end; at++) list.push((first + chunks[at]!) * 256 + tf2[at]!);
    }
    passages.forEach((p, i) => {
      this.pushPassage(postings.lengths[i]!, p.doc, p.year ?? 0, p.internal ? 1 : 0);
      this.pushText(p.textKey);
    });
  }

  /**
   * Takes `count` passages of a previous build unchanged, from its passage `from` on, as the next passages of
   * document `doc`: their postings are merged from `previous` by `finish`, so they are neither analyzed again nor
   * held as lists. `textKeys` are their wording keys, in order. Every call must pass the same `previous`.
   */
  keep(previous: PostingsData, from: number, count: number, doc: number, textKeys: readonly string[]): void {
    if (this.previous && this.previous.data !== previous) throw new Error('passages can be kept from one build only');
    this.previous ??= { data: previous, remap: new Int32Array(previous.lengths.length).fill(-1) };
    const { remap } = this.previous;
    for (let i = 0; i < count; i++) {
      const old = from + i;
      remap[old] = this.lengths.length;
      this.pushPassage(previous.lengths[old]!, doc, previous.chunkYear[old]!, previous.chunkInternal[old]!);
      this.pushText(textKeys[i]!);
    }
  }

  private pushPassage(length: number, doc: number, year: number, internal: number): void {
    this.lengths.push(length);
    this.chunkDoc.push(doc);
    this.chunkYear.push(year);
    this.chunkInternal.push(internal);
  }

  private pushText(textKey: string): void {
    let textId = this.textIdOf.get(textKey);
    if (textId === undefined) {
      textId = this.textIdOf.size;
      this.textIdOf.set(textKey, textId);
    }
    this.textIds.push(textId);
  }

  finish(blockOffsets: Float64Array): PostingsData {
    const terms = this.mergedTerms();
    const old = this.previous;
    // sized for every posting and term; a term of the previous build whose passages all went is left out, so the
    // arrays may end up shorter (views of the filled part are written)
    let maxCount = old ? old.data.postingChunk.length : 0;
    let maxBytes = 0;
    for (const t of terms) {
      maxBytes += t.bytes.length;
      if (t.term !== null) maxCount += this.postings.get(t.term)!.length;
    }
    const termOffsets = new Uint32Array(terms.length + 1);
    const postingStart = new Uint32Array(terms.length + 1);
    const termBytes = new Uint8Array(maxBytes);
    const postingChunk = new Uint32Array(maxCount);
    const postingTf2 = new Uint8Array(maxCount);
    const termDf = new Float32Array(terms.length);
    const seen = new Int32Array(this.textIdOf.size).fill(-1);
    const textIds = Int32Array.from(this.textIds);
    const remap = old?.remap ?? new Int32Array(0);
    const oldStart = old?.data.postingStart ?? new Uint32Array(0);
    const oldChunk = old?.data.postingChunk ?? new Uint32Array(0);
    const oldTf2 = old?.data.postingTf2 ?? new Uint8Array(0);
    let n = 0;
    let at = 0;
    let bytes = 0;
    for (const t of terms) {
      const list = t.term === null ? EMPTY : this.postings.get(t.term)!;
      const from = at;
      // the kept passages' postings (renumbered) and the new ones, merged in passage order
      let p = t.old >= 0 ? oldStart[t.old]! : 0;
      const pEnd = t.old >= 0 ? oldStart[t.old + 1]! : 0;
      let q = 0;
      for (;;) {
        while (p < pEnd && remap[oldChunk[p]!]! < 0) p++;
        const fromOld = p < pEnd ? remap[oldChunk[p]!]! : -1;
        const fromNew = q < list.length ? Math.floor(list[q]! / 256) : -1;
        if (fromOld < 0 && fromNew < 0) break;
        if (fromOld >= 0 && (fromNew < 0 || fromOld < fromNew)) {
          postingChunk[at] = fromOld;
          postingTf2[at] = oldTf2[p]!;
          p++;
        } else {
          postingChunk[at] = fromNew;
          postingTf2[at] = list[q]! % 256;
          q++;
        }
        at++;
      }
      // the lists are no longer needed once copied: free them as we go, the arrays are the peak otherwise
      if (t.term !== null) this.postings.delete(t.term);
      if (at === from) continue;
      if (this.outOfOrder) sortPostings(postingChunk, postingTf2, from, at);
      let df = 0;
      for (let k = from; k < at; k++) {
        const textId = textIds[postingChunk[k]!]!;
        if (seen[textId] !== n) {
          seen[textId] = n;
          df++;
        }
      }
      termOffsets[n] = bytes;
      termBytes.set(t.bytes, bytes);
      bytes += t.bytes.length;
      postingStart[n] = from;
      termDf[n] = df;
      n++;
    }
    termOffsets[n] = bytes;
    postingStart[n] = at;
    return {
      distinctTexts: this.textIdOf.size,
      chunkDoc: Uint32Array.from(this.chunkDoc),
      chunkYear: Int32Array.from(this.chunkYear),
      chunkInternal: Uint8Array.from(this.chunkInternal),
      lengths: Float32Array.from(this.lengths),
      blockOffsets,
      termOffsets: termOffsets.subarray(0, n + 1),
      postingStart: postingStart.subarray(0, n + 1),
      postingChunk: postingChunk.subarray(0, at),
      postingTf2: postingTf2.subarray(0, at),
      termDf: termDf.subarray(0, n),
      termBytes: termBytes.subarray(0, bytes),
    };
  }

  /** kept passages came in another order than in the previous build: merged lists need sorting */
  private outOfOrder = false;

  /**
   * Every term of the new passages and every term of the previous build (those no kept passage holds are dropped
   * by `finish`), in byte order
   * (the previous build's terms already are): `old` is the term's number in the previous build or -1, `term` the
   * key of its new postings or null.
   */
  private mergedTerms(): { bytes: Uint8Array; old: number; term: string | null }[] {
    const fresh = inByteOrder([...this.postings.keys()]);
    const old = this.previous;
    if (!old) return fresh.map((f) => ({ bytes: f.bytes, old: -1, term: f.term }));
    const { termOffsets, termBytes } = old.data;
    const oldTerms = termOffsets.length - 1;
    let last = -1;
    for (const to of old.remap) {
      if (to < 0) continue;
      if (to < last) this.outOfOrder = true;
      last = to;
    }
    const out: { bytes: Uint8Array; old: number; term: string | null }[] = [];
    let f = 0;
    for (let t = 0; t < oldTerms; t++) {
      const bytes = termBytes.subarray(termOffsets[t], termOffsets[t + 1]);
      while (f < fresh.length && Buffer.compare(fresh[f]!.bytes, bytes) < 0) {
        out.push({ bytes: fresh[f]!.bytes, old: -1, term: fresh[f]!.term });
        f++;
      }
      if (f < fresh.length && Buffer.compare(fresh[f]!.bytes, bytes) === 0) {
        out.push({ bytes, old: t, term: fresh[f]!.term });
        f++;
      } else out.push({ bytes, old: t, term: null });
    }
    for (; f < fresh.length; f++) out.push({ bytes: fresh[f]!.bytes, old: -1, term: fresh[f]!.term });
    return out;
  }
}

const EMPTY: number[] = [];

/** A UTF-16 surrogate: the one place UTF-16 code unit order and UTF-8 byte order disagree. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Terms sorted in the byte order of their UTF-8 (the order postings.bin keeps them in, for binary search), each with
 * its bytes. Without astral characters (no surrogates) that is the strings' own order, which sorts natively; the
 * bytes are cut from one encoding of all the terms. (Encoding each term and sorting by Buffer.compare was seconds
 * of the main thread at the end of a thousand-plan ingest.)
 */
function inByteOrder(terms: string[]): { term: string; bytes: Uint8Array }[] {
  if (terms.some((t) => SURROGATE.test(t))) {
    return terms
      .map((term) => ({ term, bytes: Buffer.from(term, 'utf8') }))
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  }
  terms.sort();
  const joined = terms.join('');
  const all = Buffer.from(joined, 'utf8');
  const ascii = all.length === joined.length;
  let at = 0;
  return terms.map((term) => {
    const length = ascii ? term.length : Buffer.byteLength(term, 'utf8');
    const bytes = all.subarray(at, at + length);
    at += length;
    return { term, bytes };
  });
}

/** Sorts postings [from, to) by passage number (kept passages taken in another order than they had). */
function sortPostings(chunks: Uint32Array, tf2: Uint8Array, from: number, to: number): void {
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => chunks[a]! - chunks[b]!);
  const c = order.map((k) => chunks[k]!);
  const t = order.map((k) => tf2[k]!);
  chunks.set(c, from);
  tf2.set(t, from);
}
