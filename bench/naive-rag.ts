/**
 * The usual "chunk + embed + top-k" retrieval, as a baseline for the benchmark: fixed ~1,000-character chunks
 * with 200 characters of overlap, the same default embedder as pianobot, exact top-5 by cosine similarity and
 * no plan model. What it retrieves is the whole context an LLM would get to answer from.
 */
import type { Embedder } from '../src/retrieval/embedder.ts';

export const NAIVE_CHUNK_SIZE = 1000;
export const NAIVE_CHUNK_OVERLAP = 200;
export const NAIVE_TOP_K = 5;

export interface NaiveChunk {
  doc: string;
  text: string;
}

export interface NaiveHit {
  chunk: NaiveChunk;
  score: number;
}

export interface NaiveRag {
  readonly chunks: readonly NaiveChunk[];
  retrieve(question: string, k?: number): Promise<NaiveHit[]>;
}

/**
 * Fixed-size character windows; a window ends at the last whitespace of its final tenth when there is one,
 * as character splitters do, so words are not cut in half.
 */
export function chunkText(text: string, size = NAIVE_CHUNK_SIZE, overlap = NAIVE_CHUNK_OVERLAP): string[] {
  if (overlap >= size) throw new Error(`chunk overlap (${overlap}) must be smaller than the chunk size (${size})`);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf(' ', end);
      const nl = text.lastIndexOf('\n', end);
      const at = Math.max(cut, nl);
      if (at > start + size * 0.9) end = at;
    }
    const piece = text.slice(start, end).trim();
    if (piece) out.push(piece);
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
  }
  return out;
}

export async function buildNaiveRag(
  docs: readonly { file: string; text: string }[],
  embedder: Embedder,
): Promise<NaiveRag> {
  const chunks: NaiveChunk[] = docs.flatMap((d) => chunkText(d.text).map((text) => ({ doc: d.file, text })));
  const texts = chunks.map((c) => c.text);
  const vectors = await embedder.embed(texts);
  const dim = vectors[0]?.length ?? 0;
  const matrix = new Float32Array(chunks.length * dim);
  const norms = new Float32Array(chunks.length);
  vectors.forEach((v, i) => {
    let n = 0;
    for (let j = 0; j < dim; j++) {
      const x = v[j] ?? 0;
      matrix[i * dim + j] = x;
      n += x * x;
    }
    norms[i] = Math.sqrt(n) || 1;
  });

  return {
    chunks,
    async retrieve(question: string, k = NAIVE_TOP_K): Promise<NaiveHit[]> {
      const [q = []] = await embedder.embed([question]);
      let qn = 0;
      for (const x of q) qn += x * x;
      qn = Math.sqrt(qn) || 1;
      const scores = new Float32Array(chunks.length);
      for (let i = 0; i < chunks.length; i++) {
        let dot = 0;
        const row = i * dim;
        for (let j = 0; j < dim; j++) dot += matrix[row + j]! * (q[j] ?? 0);
        scores[i] = dot / (norms[i]! * qn);
      }
      const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, k);
      return order.map((i) => ({ chunk: chunks[i]!, score: scores[i]! }));
    },
  };
}
