import { CODE_TERM_PREFIX, type PostingsData } from '../../src/retrieval/index-format.ts';

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

  get size(): number {
    return this.lengths.length;
  }

  /**
   * Adds the next passage. `textKey` identifies its wording: passages with the same wording (a template paragraph
   * every plan copies) count once in a term's document frequency, so a thousand copies of one narrative do not
   * make its words look common and drown the plan that is actually about them.
   */
  add(passage: {
    terms: ReadonlyMap<string, number>;
    code?: string | undefined;
    doc: number;
    year?: number | undefined;
    internal?: boolean | undefined;
    textKey: string;
  }): void {
    const n = this.lengths.length;
    let length = 0;
    for (const [term, tf] of passage.terms) {
      length += tf;
      this.push(term, n, Math.min(255, Math.round(tf * 2)));
    }
    if (passage.code) this.push(CODE_TERM_PREFIX + passage.code, n, 0);
    this.lengths.push(Math.round(length * 100) / 100);
    this.chunkDoc.push(passage.doc);
    this.chunkYear.push(passage.year ?? 0);
    this.chunkInternal.push(passage.internal ? 1 : 0);
    let textId = this.textIdOf.get(passage.textKey);
    if (textId === undefined) {
      textId = this.textIdOf.size;
      this.textIdOf.set(passage.textKey, textId);
    }
    this.textIds.push(textId);
  }

  private push(term: string, chunk: number, tf2: number): void {
    const packed = chunk * 256 + tf2;
    const list = this.postings.get(term);
    if (list) list.push(packed);
    else this.postings.set(term, [packed]);
  }

  finish(blockOffsets: Float64Array): PostingsData {
    const encoded = [...this.postings.keys()].map((term) => ({ term, bytes: Buffer.from(term, 'utf8') }));
    encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    const terms = encoded.length;
    const termOffsets = new Uint32Array(terms + 1);
    const postingStart = new Uint32Array(terms + 1);
    let bytes = 0;
    let count = 0;
    for (const [i, e] of encoded.entries()) {
      termOffsets[i] = bytes;
      postingStart[i] = count;
      bytes += e.bytes.length;
      count += this.postings.get(e.term)!.length;
    }
    termOffsets[terms] = bytes;
    postingStart[terms] = count;
    const termBytes = new Uint8Array(bytes);
    const postingChunk = new Uint32Array(count);
    const postingTf2 = new Uint8Array(count);
    const termDf = new Float32Array(terms);
    const seen = new Int32Array(this.textIdOf.size).fill(-1);
    for (const [i, e] of encoded.entries()) {
      termBytes.set(e.bytes, termOffsets[i]);
      const list = this.postings.get(e.term)!;
      let at = postingStart[i]!;
      let df = 0;
      for (const packed of list) {
        const chunk = Math.floor(packed / 256);
        postingChunk[at] = chunk;
        postingTf2[at] = packed % 256;
        at++;
        const textId = this.textIds[chunk]!;
        if (seen[textId] !== i) {
          seen[textId] = i;
          df++;
        }
      }
      termDf[i] = df;
      // the lists are no longer needed once copied: free them as we go, the arrays are the peak otherwise
      this.postings.delete(e.term);
    }
    return {
      distinctTexts: this.textIdOf.size,
      chunkDoc: Uint32Array.from(this.chunkDoc),
      chunkYear: Int32Array.from(this.chunkYear),
      chunkInternal: Uint8Array.from(this.chunkInternal),
      lengths: Float32Array.from(this.lengths),
      blockOffsets,
      termOffsets,
      postingStart,
      postingChunk,
      postingTf2,
      termDf,
      termBytes,
    };
  }
}
