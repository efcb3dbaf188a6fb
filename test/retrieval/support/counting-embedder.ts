import { createHash } from 'node:crypto';
import type { Embedder } from '../../../src/retrieval/embedder.ts';
import { type AnalyzedEmbedder, takesAnalyzed } from '../../../src/retrieval/local-embedder.ts';

/** Wraps an embedder and counts the texts it embeds. */
export function countingEmbedder(inner: Embedder): { embedder: Embedder; counter: { embedded: number } } {
  const counter = { embedded: 0 };
  const wrap = (e: Embedder): Embedder => {
    const w = Object.create(e) as Embedder;
    w.embed = async (texts: string[]) => {
      counter.embedded += texts.length;
      return e.embed(texts);
    };
    if (takesAnalyzed(e)) {
      (w as AnalyzedEmbedder).embedAnalyzed = (texts) => {
        counter.embedded += texts.length;
        return e.embedAnalyzed(texts);
      };
    }
    return w;
  };
  return { embedder: wrap(inner), counter };
}

/** A deterministic stand-in for an endpoint embedder: a hash of the text spread over `dimension` values. */
export function hashEmbedder(id: string, dimension: number): Embedder {
  return {
    id,
    dimension,
    async embed(texts) {
      return texts.map((t) => {
        const bytes = createHash('sha256').update(t).digest();
        const v = Array.from({ length: dimension }, (_, i) => (bytes[i % bytes.length]! - 127.5) / 127.5 + i * 1e-6);
        const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
        return v.map((x) => x / n);
      });
    },
  };
}

/** An embedder whose endpoint is down. */
export function failingEmbedder(id: string, dimension: number): Embedder {
  return {
    id,
    dimension,
    async embed() {
      throw new Error('embeddings endpoint unreachable');
    },
  };
}
