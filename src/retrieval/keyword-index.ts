/**
 * BM25 keyword search over chunks. Terms are stemmed accent-folded words, order-free word pairs (phrases and
 * names: `maura+mesc`) and whole codes (`2021_pd_8735`, `04.03.01.02`, `vi-1`, `31/12/2023`).
 * The index is built once at ingest (postings are stored) and only read here.
 */
import { z } from 'zod';
import { analyze, wordPairs } from './analyze.ts';

export const KeywordIndexDataSchema = z.object({
  version: z.literal(1),
  k1: z.number(),
  b: z.number(),
  /** term-weighted length of each chunk, by chunk number */
  lengths: z.array(z.number()),
  /** term → flat [chunk, tf, chunk, tf, …] with chunks ascending */
  postings: z.record(z.string(), z.array(z.number())),
});
export type KeywordIndexData = z.infer<typeof KeywordIndexDataSchema>;

/** Where a passage sits counts as much as two mentions in its text: a heading names the topic. */
const SECTION_WEIGHT = 2;
const PAIR_WEIGHT = 0.5;

function addTerms(into: Map<string, number>, text: string, weight: number): void {
  const a = analyze(text);
  const add = (t: string, w: number) => into.set(t, (into.get(t) ?? 0) + w);
  for (const w of a.words) add(w, weight);
  for (const c of a.codes) add(c, weight);
  for (const p of wordPairs(a.words)) add(p, weight * PAIR_WEIGHT);
}

/** Term frequencies of a chunk (entity, section path, text). */
export function documentTerms(parts: { entity: string; section: string; text: string }): Map<string, number> {
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

export class KeywordIndex {
  private readonly avgLength: number;

  constructor(private readonly data: KeywordIndexData) {
    const n = data.lengths.length;
    this.avgLength = n ? data.lengths.reduce((s, x) => s + x, 0) / n : 1;
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Whether any chunk holds `term`. */
  has(term: string): boolean {
    return this.data.postings[term] !== undefined;
  }

  /** Chunk numbers holding `term` (ascending). */
  chunksWith(term: string): number[] {
    const p = this.data.postings[term];
    if (!p) return [];
    const out: number[] = [];
    for (let i = 0; i < p.length; i += 2) out.push(p[i]!);
    return out;
  }

  /** BM25 score of every chunk that matches at least one term and passes `allowed` (best term of each group). */
  score(
    groups: readonly ReadonlyMap<string, number>[],
    allowed: (chunk: number) => boolean = () => true,
  ): Map<number, number> {
    const { k1, b, lengths, postings } = this.data;
    const n = lengths.length;
    const scores = new Map<number, number>();
    for (const group of groups) {
      const best = new Map<number, number>();
      for (const [term, qw] of group) {
        const p = postings[term];
        if (!p) continue;
        const df = p.length / 2;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < p.length; i += 2) {
          const chunk = p[i]!;
          if (!allowed(chunk)) continue;
          const tf = p[i + 1]!;
          const norm = tf + k1 * (1 - b + (b * (lengths[chunk] ?? 0)) / this.avgLength);
          const s = (qw * idf * (tf * (k1 + 1))) / norm;
          if (s > (best.get(chunk) ?? 0)) best.set(chunk, s);
        }
      }
      for (const [chunk, s] of best) scores.set(chunk, (scores.get(chunk) ?? 0) + s);
    }
    return scores;
  }
}
