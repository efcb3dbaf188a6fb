/**
 * BM25 keyword search over chunks. Terms are stemmed accent-folded words, order-free word pairs (phrases and
 * names: `maura+mesc`) and whole codes (`2021_pd_8735`, `04.03.01.02`, `vi-1`, `31/12/2023`).
 * The index is built once at ingest (postings are stored) and only read here.
 */
import { type Analyzed, analyze, wordPairs } from './analyze.ts';
import type { PostingsData } from './index-format.ts';

export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** Where a passage sits counts as much as two mentions in its text: a heading names the topic. */
const SECTION_WEIGHT = 2;
const PAIR_WEIGHT = 0.5;

function addTerms(into: Map<string, number>, a: Analyzed, weight: number): void {
  const add = (t: string, w: number) => into.set(t, (into.get(t) ?? 0) + w);
  for (const w of a.words) add(w, weight);
  for (const c of a.codes) add(c, weight);
  for (const p of wordPairs(a.words)) add(p, weight * PAIR_WEIGHT);
}

/** A chunk's three parts analyzed once: the keyword terms and the local embedder's features both read them. */
export interface AnalyzedChunk {
  entity: Analyzed;
  section: Analyzed;
  text: Analyzed;
}

export function analyzeChunk(parts: { entity: string; section: string; text: string }): AnalyzedChunk {
  return { entity: analyze(parts.entity), section: analyze(parts.section), text: analyze(parts.text) };
}

/** Term frequencies of a chunk (entity, section path, text). */
export function documentTerms(parts: AnalyzedChunk): Map<string, number> {
  const terms = new Map<string, number>();
  addTerms(terms, parts.entity, 1);
  addTerms(terms, parts.section, SECTION_WEIGHT);
  addTerms(terms, parts.text, 1);
  return terms;
}

export interface QueryTerms {
  /**
   * Alternatives scored together: a chunk earns the best of a group, not the sum, so a glossary concept with five
   * synonyms counts once. Each word, code and word pair of the question is a group of its own.
   */
  groups: Map<string, number>[];
  /** every term of every group */
  terms: Set<string>;
  /** the codes the question names, normalized */
  codes: string[];
  /** word pairs of the question itself (names, phrases), for exact-match boosts */
  pairs: string[];
}

/** The phrases one glossary entry adds to a question, weighted by how much they stand in for its words. */
export interface WeightedExpansion {
  phrases: string[];
  weight: number;
}

/** Weighted terms of a question: its own words count fully, each glossary entry as one group of alternatives. */
export function queryTerms(question: string, expansions: readonly WeightedExpansion[] = []): QueryTerms {
  const groups: Map<string, number>[] = [];
  const single = (t: string, w: number) => groups.push(new Map([[t, w]]));
  const q = analyze(question);
  for (const w of new Set(q.words)) single(w, 1);
  for (const c of new Set(q.codes)) single(c, 1.5);
  const pairs = [...new Set(wordPairs(q.words))];
  for (const p of pairs) single(p, PAIR_WEIGHT);
  for (const e of expansions) {
    const group = new Map<string, number>();
    const put = (t: string, w: number) => group.set(t, Math.max(group.get(t) ?? 0, w));
    for (const phrase of e.phrases) {
      const a = analyze(phrase);
      for (const w of a.words) put(w, e.weight);
      for (const c of a.codes) put(c, e.weight);
      for (const p of wordPairs(a.words)) put(p, e.weight * 0.8);
    }
    if (group.size > 0) groups.push(group);
  }
  return { groups, terms: new Set(groups.flatMap((g) => [...g.keys()])), codes: q.codes, pairs };
}

const encoder = new TextEncoder();

/** Compares two byte strings the way the builder sorted the terms (Buffer.compare order). */
function compareBytes(a: Uint8Array, from: number, to: number, b: Uint8Array): number {
  const n = Math.min(to - from, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[from + i]! - b[i]!;
    if (d !== 0) return d;
  }
  return to - from - b.length;
}

/** Scores and candidates of one query, valid until the next query on the same index. */
export interface KeywordScores {
  /** chunk numbers by descending score, at most `limit` of them */
  top: number[];
  scoreOf(chunk: number): number;
}

/**
 * BM25 over the typed arrays of `postings.bin`. Scoring writes into arrays the size of the corpus that are
 * reused from query to query, so a query allocates nothing in proportion to the corpus.
 */
export class KeywordIndex {
  private readonly avgLength: number;
  private readonly scores: Float64Array;
  private readonly best: Float64Array;
  /** per chunk: the number of the last query (or group) that touched it, so the arrays need no clearing */
  private readonly stampScores: Uint32Array;
  private readonly stampBest: Uint32Array;
  private stamp = 0;
  /** k1 · (1 − b + b · length / average length) per chunk: the length part of BM25, fixed at load */
  private readonly lengthNorm: Float64Array;
  private readonly ok: Uint8Array;
  /** the chunks a query touched, and those a group of alternatives touched, in the order first seen */
  private readonly touched: Int32Array;
  private readonly inGroup: Int32Array;

  constructor(private readonly data: PostingsData) {
    const n = data.lengths.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += data.lengths[i]!;
    this.avgLength = n ? total / n : 1;
    this.scores = new Float64Array(n);
    this.best = new Float64Array(n);
    this.stampScores = new Uint32Array(n);
    this.stampBest = new Uint32Array(n);
    this.ok = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.inGroup = new Int32Array(n);
    const { k1, b } = BM25;
    this.lengthNorm = Float64Array.from(data.lengths, (l) => k1 * (1 - b + (b * l) / this.avgLength));
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** The term's number, or -1. */
  private find(term: string): number {
    const key = encoder.encode(term);
    const { termOffsets, termBytes } = this.data;
    let lo = 0;
    let hi = termOffsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(termBytes, termOffsets[mid]!, termOffsets[mid + 1]!, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether any chunk holds `term`. */
  has(term: string): boolean {
    return this.find(term) >= 0;
  }

  /** Chunk numbers holding `term` (ascending). */
  chunksWith(term: string): number[] {
    const t = this.find(term);
    if (t < 0) return [];
    return Array.from(this.data.postingChunk.subarray(this.data.postingStart[t], this.data.postingStart[t + 1]));
  }

  /**
   * BM25 score of every chunk that matches at least one term and passes `allowed` (best term of each group);
   * returns the best `limit` chunks. `allowed` is asked once per chunk and query, not once per posting: common
   * words have postings in most of a thousand plans' passages; it may also be that answer already written out, one
   * byte per chunk (1 = allowed). `within`: ascending, disjoint [from, to) chunk ranges holding every allowed chunk
   * (a filter on one plan), so only those parts of the posting lists are read.
   */
  score(
    groups: readonly ReadonlyMap<string, number>[],
    allowed: ((chunk: number) => boolean) | Uint8Array = () => true,
    limit = Number.POSITIVE_INFINITY,
    within: readonly (readonly [number, number])[] | null = null,
  ): KeywordScores {
    const { postingStart, postingChunk, postingTf2, termDf } = this.data;
    const { k1 } = BM25;
    // document frequencies count a wording once, so the corpus size does too
    const n = this.data.distinctTexts;
    const ok = typeof allowed === 'function' ? this.allowedBitmap(allowed) : allowed;
    const { scores, best, lengthNorm: norm, stampScores, stampBest, touched, inGroup } = this;
    const query = this.nextStamp();
    let touchedCount = 0;
    for (const group of groups) {
      const terms: { spans: number[]; weight: number }[] = [];
      for (const [term, qw] of group) {
        const t = this.find(term);
        if (t < 0) continue;
        const df = termDf[t]!;
        terms.push({
          spans: this.spans(postingStart[t]!, postingStart[t + 1]!, within),
          weight: qw * Math.log(1 + (n - df + 0.5) / (df + 0.5)),
        });
      }
      if (terms.length === 0) continue;
      if (terms.length === 1) {
        // one term: its score goes straight into the totals
        const { spans, weight } = terms[0]!;
        for (let sp = 0; sp < spans.length; sp += 2)
          touchedCount = this.addTermScores(spans[sp]!, spans[sp + 1]!, weight, ok, query, touchedCount);
        continue;
      }
      // several: each chunk keeps the best of them
      const g = this.nextStamp();
      let inGroupCount = 0;
      for (const { spans, weight } of terms) {
        for (let sp = 0; sp < spans.length; sp += 2)
          for (let p = spans[sp]!; p < spans[sp + 1]!; p++) {
            const chunk = postingChunk[p]!;
            if (ok[chunk] === 0) continue;
            const tf = postingTf2[p]! / 2;
            const s = (weight * tf * (k1 + 1)) / (tf + norm[chunk]!);
            if (stampBest[chunk] !== g) {
              stampBest[chunk] = g;
              best[chunk] = s;
              inGroup[inGroupCount++] = chunk;
            } else if (s > best[chunk]!) best[chunk] = s;
          }
      }
      for (let i = 0; i < inGroupCount; i++) {
        const chunk = inGroup[i]!;
        if (stampScores[chunk] !== query) {
          stampScores[chunk] = query;
          scores[chunk] = 0;
          touched[touchedCount++] = chunk;
        }
        scores[chunk]! += best[chunk]!;
      }
    }
    const top = topBy(touched.subarray(0, touchedCount), scores, limit);
    return {
      top,
      scoreOf: (chunk) => (this.stampScores[chunk] === query ? scores[chunk]! : 0),
    };
  }

  /**
   * The postings from `start` to `end` (one term's, ascending by chunk) as [from, to) pairs: all of them, or, when the
   * allowed chunks lie `within` a few ranges, only the postings inside those ranges, found by binary search.
   */
  private spans(start: number, end: number, within: readonly (readonly [number, number])[] | null): number[] {
    if (!within) return [start, end];
    const chunks = this.data.postingChunk;
    const firstAtLeast = (chunk: number, from: number) => {
      let lo = from;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (chunks[mid]! < chunk) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const out: number[] = [];
    let at = start;
    for (const [from, to] of within) {
      const a = firstAtLeast(from, at);
      const b = firstAtLeast(to, a);
      if (b > a) out.push(a, b);
      at = b;
    }
    return out;
  }

  /**
   * Adds one term's BM25 score for its postings `from` … `to` into the totals; returns the number of chunks touched.
   * A method of its own: the loop runs over tens of thousands of postings for a common word, and a small function is
   * optimized after its first long call, where the loop inside `score` ran unoptimized through its first queries.
   */
  private addTermScores(
    from: number,
    to: number,
    weight: number,
    ok: Uint8Array,
    query: number,
    count: number,
  ): number {
    const { postingChunk, postingTf2 } = this.data;
    const { lengthNorm: norm, stampScores, scores, touched } = this;
    const { k1 } = BM25;
    let touchedCount = count;
    for (let p = from; p < to; p++) {
      const chunk = postingChunk[p]!;
      if (ok[chunk] === 0) continue;
      const tf = postingTf2[p]! / 2;
      // the same expression, in the same order, as every other BM25 term here: scores must match to the last bit
      const s = (weight * tf * (k1 + 1)) / (tf + norm[chunk]!);
      if (stampScores[chunk] !== query) {
        stampScores[chunk] = query;
        scores[chunk] = s;
        touched[touchedCount++] = chunk;
      } else scores[chunk]! += s;
    }
    return touchedCount;
  }

  /** 1 for each chunk `allowed` accepts (a filter usually decides per document: this is cheap next to scoring). */
  private allowedBitmap(allowed: (chunk: number) => boolean): Uint8Array {
    const ok = this.ok;
    for (let i = 0; i < ok.length; i++) ok[i] = allowed(i) ? 1 : 0;
    return ok;
  }

  private nextStamp(): number {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.stamp = 1;
      this.stampScores.fill(0);
      this.stampBest.fill(0);
    }
    return this.stamp;
  }
}

/**
 * The `limit` items of highest score, best first (ties by chunk number, so results are stable): a heap of `limit`
 * items holding the best seen so far, its worst at the root, so each other item costs one comparison.
 */
export function topBy(items: ArrayLike<number> & Iterable<number>, scores: Float64Array, limit: number): number[] {
  const cmp = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  if (!(limit < items.length)) return Array.from(items).sort(cmp);
  if (limit <= 0) return [];
  // a before b in the ranking
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const heap = new Int32Array(limit);
  let size = 0;
  const siftDown = (from: number) => {
    let i = from;
    const item = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const worse = r < size && better(heap[l]!, heap[r]!) ? r : l;
      if (!better(item, heap[worse]!)) break;
      heap[i] = heap[worse]!;
      i = worse;
    }
    heap[i] = item;
  };
  for (const item of items) {
    if (size < limit) {
      // sift up: the worst item rises to the root
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, item)) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = item;
    } else {
      // most items lose to the current worst: one read of its score decides
      const worst = scores[heap[0]!]!;
      const score = scores[item]!;
      if (score < worst || (score === worst && item > heap[0]!)) continue;
      heap[0] = item;
      siftDown(0);
    }
  }
  return Array.from(heap).sort(cmp);
}
