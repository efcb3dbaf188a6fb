/**
 * The default embedder: no model, no download, no network. A text becomes TF-IDF-weighted hashed features of
 * its stemmed words, word pairs, word prefixes and character 3/4-grams (robust to inflection and typos),
 * L2-normalized.
 * Deterministic: the same text and the same corpus statistics give the same vector.
 *
 * The IDF weights come from the corpus (`fit`) and travel with the index (`withStats`), so a question is
 * weighted exactly as the passages were.
 */
import { analyze, wordPairs } from './analyze.ts';
import type { CorpusWeightedEmbedder, Embedder } from './embedder.ts';

export const LOCAL_EMBEDDER_ID = 'local-tfidf-hash-v1';
export const LOCAL_EMBEDDER_DIMENSION = 2048;

/** Relative weight of each feature family in the final vector (each family is normalized first). */
const FAMILY_WEIGHTS = { word: 1, pair: 0.5, prefix: 0.6, char: 0.4 } as const;
type Family = keyof typeof FAMILY_WEIGHTS;

/** Document frequencies by feature hash; features seen in one document only are not stored (df 1 is the default). */
interface CorpusStats {
  documents: number;
  df: Map<number, number>;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finalizer: spreads FNV's weak low bits before they pick a bucket. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Feature hash → term frequency, per family. */
function features(text: string): Record<Family, Map<number, number>> {
  const { words, surface, codes } = analyze(text);
  const out: Record<Family, Map<number, number>> = {
    word: new Map(),
    pair: new Map(),
    prefix: new Map(),
    char: new Map(),
  };
  const add = (family: Family, key: string) => {
    const h = mix(fnv1a(`${family}:${key}`));
    const m = out[family];
    m.set(h, (m.get(h) ?? 0) + 1);
  };
  for (const w of words) add('word', w);
  for (const c of codes) add('word', c);
  for (const p of wordPairs(words)) add('pair', p);
  for (const w of surface) {
    if (/^\d+$/.test(w)) continue;
    if (w.length >= 6) add('prefix', w.slice(0, 5));
    const padded = `_${w}_`;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) add('char', padded.slice(i, i + n));
    }
  }
  return out;
}

function idf(stats: CorpusStats | null, h: number): number {
  if (!stats) return 1;
  const df = stats.df.get(h) ?? 1;
  return Math.log((stats.documents + 1) / (df + 1)) + 1;
}

function vectorize(text: string, dimension: number, stats: CorpusStats | null): number[] {
  const v = new Float64Array(dimension);
  const fams = features(text);
  for (const family of Object.keys(FAMILY_WEIGHTS) as Family[]) {
    const part = new Map<number, number>();
    let norm = 0;
    for (const [h, tf] of fams[family]) {
      const w = (1 + Math.log(tf)) * idf(stats, h) * (h >>> 31 ? -1 : 1);
      const bucket = h % dimension;
      part.set(bucket, (part.get(bucket) ?? 0) + w);
    }
    for (const x of part.values()) norm += x * x;
    if (norm === 0) continue;
    const scale = FAMILY_WEIGHTS[family] / Math.sqrt(norm);
    for (const [bucket, x] of part) v[bucket] = (v[bucket] ?? 0) + x * scale;
  }
  let total = 0;
  for (const x of v) total += x * x;
  const out = new Array<number>(dimension);
  const inv = total > 0 ? 1 / Math.sqrt(total) : 0;
  for (let i = 0; i < dimension; i++) out[i] = (v[i] ?? 0) * inv;
  return out;
}

function encodeStats(stats: CorpusStats): Uint8Array {
  const entries = [...stats.df].sort((a, b) => a[0] - b[0]);
  const words = new Uint32Array(2 + entries.length * 2);
  words[0] = stats.documents;
  words[1] = entries.length;
  entries.forEach(([h, df], i) => {
    words[2 + i] = h;
    words[2 + entries.length + i] = df;
  });
  return new Uint8Array(words.buffer);
}

function decodeStats(bytes: Uint8Array): CorpusStats {
  const aligned = new Uint8Array(bytes);
  const words = new Uint32Array(aligned.buffer, 0, Math.floor(aligned.byteLength / 4));
  const documents = words[0] ?? 0;
  const n = words[1] ?? 0;
  if (words.length !== 2 + n * 2) throw new Error('local embedder statistics are truncated');
  const df = new Map<number, number>();
  for (let i = 0; i < n; i++) df.set(words[2 + i]!, words[2 + n + i]!);
  return { documents, df };
}

class LocalHashEmbedder implements CorpusWeightedEmbedder {
  readonly id = LOCAL_EMBEDDER_ID;
  constructor(
    readonly dimension: number,
    private readonly stats: CorpusStats | null,
  ) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => vectorize(t, this.dimension, this.stats));
  }

  fit(texts: string[]): Uint8Array {
    const df = new Map<number, number>();
    for (const t of texts) {
      const fams = features(t);
      for (const family of Object.keys(fams) as Family[]) {
        for (const h of fams[family].keys()) df.set(h, (df.get(h) ?? 0) + 1);
      }
    }
    for (const [h, n] of df) if (n < 2) df.delete(h);
    return encodeStats({ documents: texts.length, df });
  }

  withStats(stats: Uint8Array): Embedder {
    return new LocalHashEmbedder(this.dimension, decodeStats(stats));
  }
}

export function localHashEmbedder(dimension = LOCAL_EMBEDDER_DIMENSION): CorpusWeightedEmbedder {
  return new LocalHashEmbedder(dimension, null);
}
