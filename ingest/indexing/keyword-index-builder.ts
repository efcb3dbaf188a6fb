import type { Chunk } from '../../src/retrieval/chunk.ts';
import { documentTerms, type KeywordIndexData } from '../../src/retrieval/keyword-index.ts';

/** BM25 postings for chunks in index order (chunk number = position). */
export function buildKeywordIndex(chunks: readonly Chunk[]): KeywordIndexData {
  const postings: Record<string, number[]> = {};
  const lengths: number[] = [];
  chunks.forEach((chunk, n) => {
    const terms = documentTerms({ entity: chunk.entity, section: chunk.section, text: chunk.text });
    let length = 0;
    for (const [term, tf] of terms) {
      length += tf;
      let list = postings[term];
      if (!list) {
        list = [];
        postings[term] = list;
      }
      list.push(n, Math.round(tf * 100) / 100);
    }
    lengths.push(Math.round(length * 100) / 100);
  });
  return { version: 1, k1: 1.2, b: 0.75, lengths, postings };
}
