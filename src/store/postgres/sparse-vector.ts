/**
 * Embeddings as stored beside their passages: only the non-zero entries, as little-endian (int32 index, float32
 * value) pairs. Hashed vectors with few buckets used take a fraction of a dense float array; the local embedder's
 * 384-dimension vectors are mostly dense, and a dense endpoint embedding simply stores every entry.
 */

export function encodeVector(v: readonly number[]): Buffer {
  let nonZero = 0;
  for (const x of v) if (x !== 0) nonZero++;
  const buf = Buffer.alloc(nonZero * 8);
  let at = 0;
  v.forEach((x, i) => {
    if (x === 0) return;
    buf.writeInt32LE(i, at);
    buf.writeFloatLE(x, at + 4);
    at += 8;
  });
  return buf;
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export function decodeVector(buf: Uint8Array): SparseVector {
  if (buf.byteLength % 8 !== 0) throw new Error(`a stored vector has ${buf.byteLength} bytes, not a multiple of 8`);
  const n = buf.byteLength / 8;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const index = new Int32Array(n);
  const value = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    index[i] = view.getInt32(i * 8, true);
    value[i] = view.getFloat32(i * 8 + 4, true);
  }
  return { index, value };
}

/** Cosine similarity of a dense query vector with a stored vector (both as the embedder made them). */
export function cosine(query: readonly number[], stored: SparseVector, queryNorm: number): number {
  let dot = 0;
  let norm = 0;
  for (let i = 0; i < stored.index.length; i++) {
    const x = stored.value[i]!;
    dot += x * (query[stored.index[i]!] ?? 0);
    norm += x * x;
  }
  return norm === 0 || queryNorm === 0 ? 0 : dot / (Math.sqrt(norm) * queryNorm);
}

export const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
