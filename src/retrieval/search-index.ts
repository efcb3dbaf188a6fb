/**
 * Hybrid passage search over a built index: BM25 keyword hits and vector hits fused by reciprocal rank,
 * plus a third ranked list of exact matches for the codes and names the question spells out. English
 * questions reach Italian passages through the glossary. Every hit carries its citation.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import hnswlib from 'hnswlib-node';
import type { Citation } from '../answer/answer.ts';
import { PianobotError } from '../errors.ts';
import { fold } from '../plan/text.ts';
import { analyze } from './analyze.ts';
import type { Chunk } from './chunk.ts';
import type { Embedder } from './embedder.ts';
import { entityMatcher } from './entity-mentions.ts';
import { bestExcerpt } from './excerpt.ts';
import { fuseRankings } from './fuse-rankings.ts';
import {
  blockOf,
  CODE_TERM_PREFIX,
  decodePostings,
  INDEX_FILES,
  type IndexedDoc,
  type Manifest,
  ManifestSchema,
  type PostingsData,
  StoredChunkSchema,
} from './index-format.ts';
import { KeywordIndex, queryTerms } from './keyword-index.ts';
import { isLocalEmbedder } from './local-embedder.ts';
import { glossaryExpander } from './query-expansion.ts';

export interface SearchFilter {
  /** entity name, compared without case and accents (e.g. "Provincia di Prato") */
  entity?: string;
  year?: number;
  doc?: string;
  /** only these documents (e.g. the plans the public help desk may quote) */
  docs?: string[];
  /** document kind: peg, piano_obiettivi, piao_performance, unknown */
  kind?: string;
  /** staff allocation tables are left out unless this is true */
  includeInternal?: boolean;
}

export interface SearchHit {
  chunk: Chunk;
  score: number;
  citation: Citation;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, opts?: { k?: number; filter?: SearchFilter }): Promise<SearchHit[]>;
  /**
   * The first passages, in the order of the plans, that write a word: a lookup no ranking answers ("where is the
   * acronym spelt out?" — a word every passage of a plan repeats ranks its definition nowhere). Optional: an index
   * without it answers no such lookup.
   */
  withWord?(word: string, opts?: { limit?: number; filter?: SearchFilter }): SearchHit[];
}

const REBUILD = 'rebuild it with `npm run ingest`';
/** hnswlib does not persist ef; it must be set on every load */
const EF_SEARCH = 128;
/** how deep each ranked list goes before fusion */
const CANDIDATES = 60;
/**
 * How many of the keyword list's best passages the local embedder's vectors rerank, and the weight of its list
 * (keyword and exact-match lists weigh 1; a semantic model's list counts fully). Its vectors carry no IDF, so a
 * common word ("obiettivo") weighs in them as much as a rare code: a deeper pool or a heavier list let them
 * outvote the keyword list on code questions. 30 and 0.3 keep every retrieval test and recall@3 92.3 %,
 * recall@5 98.1 %, MRR 0.830 on the retrieval questions (100 and 0.5: 94.2 %, 98.1 %, but a code question lost).
 */
const RERANK_POOL = 30;
const vectorWeight = (embedder: Embedder) => (isLocalEmbedder(embedder) ? 0.3 : 1);
/** weight of a glossary phrase standing beside a question word the plans use, and in place of one they do not */
const EXPANSION_WEIGHT = 0.5;
const TRANSLATION_WEIGHT = 0.9;
/** fused score factor per strength point for passages of the entity the question names */
const ENTITY_BOOST = 0.1;

/** A filter prepared once per query: a test for one passage, and the same answer for every passage at once. */
interface CompiledFilter {
  (i: number): boolean;
  /** writes 1 for each allowed passage into `into` (one byte per passage) and returns it */
  bitmap(into: Uint8Array): Uint8Array;
  /** ascending [from, to) passage ranges of the allowed documents, or null when they are most of the index */
  ranges(): [number, number][] | null;
}

/**
 * What depends on the document is decided once per document, so testing a passage reads three typed arrays (it runs
 * for every passage of every query at a thousand plans: the bitmap does it in one loop without a call per passage).
 */
function compileFilter(
  filter: SearchFilter,
  docs: readonly IndexedDoc[],
  foldedEntities: readonly string[],
  p: PostingsData,
  /** whether each document's passages are exactly first … first + chunks - 1 (checked once at load) */
  rangesHold: boolean,
): CompiledFilter {
  const entity = filter.entity ? fold(filter.entity) : null;
  const only = filter.docs ? new Set(filter.docs) : null;
  const year = filter.year;
  const docOk = new Uint8Array(docs.length);
  const docYearOk = new Uint8Array(docs.length);
  docs.forEach((d, n) => {
    const ok =
      (!entity || foldedEntities[n] === entity) &&
      (!only || only.has(d.file)) &&
      (!filter.doc || d.file === filter.doc) &&
      (!filter.kind || d.kind === filter.kind);
    docOk[n] = ok ? 1 : 0;
    docYearOk[n] = year === undefined || d.years.includes(year) ? 1 : 0;
  });
  const { chunkDoc, chunkInternal, chunkYear } = p;
  const internalOk = filter.includeInternal === true;
  const everyDoc = docOk.every((ok) => ok === 1);
  const test = (i: number) => {
    const d = chunkDoc[i]!;
    if (docOk[d] === 0) return false;
    if (chunkInternal[i] === 1 && !internalOk) return false;
    if (year !== undefined) {
      const own = chunkYear[i]!;
      if (own !== 0 ? own !== year : docYearOk[d] === 0) return false;
    }
    return true;
  };
  return Object.assign(test, {
    ranges(): [number, number][] | null {
      const out: [number, number][] = [];
      let covered = 0;
      for (const [n, d] of docs.entries()) {
        if (docOk[n] === 0 || d.chunks === 0) continue;
        covered += d.chunks;
        const last = out.at(-1);
        if (last && last[1] === d.first) last[1] = d.first + d.chunks;
        else out.push([d.first, d.first + d.chunks]);
      }
      // sorted: a manifest lists documents in passage order, but nothing here depends on it
      out.sort((a, b) => a[0] - b[0]);
      return rangesHold && covered * 4 < p.chunkDoc.length ? out : null;
    },
    bitmap(into: Uint8Array): Uint8Array {
      const n = into.length;
      // no condition at all (a staff question over every plan): one native fill instead of a test per passage
      if (year === undefined && internalOk && everyDoc) return into.fill(1);
      if (year === undefined) {
        for (let i = 0; i < n; i++) into[i] = docOk[chunkDoc[i]!]! && (internalOk || chunkInternal[i] !== 1) ? 1 : 0;
      } else {
        for (let i = 0; i < n; i++) into[i] = test(i) ? 1 : 0;
      }
      return into;
    },
  });
}

export function citationOf(chunk: Chunk, excerpt: string): Citation {
  const citation: Citation = {
    doc: chunk.doc,
    section: chunk.section,
    lines: chunk.lineStart === chunk.lineEnd ? `${chunk.lineStart}` : `${chunk.lineStart}-${chunk.lineEnd}`,
    excerpt,
  };
  if (chunk.entity) citation.entity = chunk.entity;
  if (chunk.page !== undefined) citation.page = chunk.page;
  if (chunk.internal) citation.internal = true;
  return citation;
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

function checkEmbedder(manifest: Manifest, embedder: Embedder, dir: string, dimension = embedder.dimension): void {
  const built = manifest.embedder;
  if (built.id !== embedder.id || (dimension > 0 && built.dimension !== dimension)) {
    throw new PianobotError(
      'INDEX_INCOMPATIBLE',
      `The search index in ${dir} was built with the embedder ${built.id} (dimension ${built.dimension}), ` +
        `but the configured embedder is ${embedder.id} (dimension ${dimension || 'unknown'}): ${REBUILD}.`,
    );
  }
}

export async function openSearchIndex(dir: string, embedder: Embedder): Promise<SearchIndex> {
  const manifestFile = join(dir, INDEX_FILES.manifest);
  if (!existsSync(manifestFile)) {
    throw new PianobotError('INDEX_MISSING', `No search index in ${dir}: run \`npm run ingest\` first.`);
  }
  const parsed = ManifestSchema.safeParse(await readJson(manifestFile));
  if (!parsed.success) {
    throw new PianobotError('INDEX_INCOMPATIBLE', `The search index in ${dir} has an unknown format: ${REBUILD}.`, {
      cause: parsed.error,
    });
  }
  const manifest = parsed.data;
  checkEmbedder(manifest, embedder, dir);

  let postings: PostingsData;
  let vectorLeg: VectorLeg;
  try {
    postings = decodePostings(await readFile(join(dir, INDEX_FILES.postings)));
    if (postings.lengths.length !== manifest.chunks) throw new Error('postings do not match the manifest');
    vectorLeg =
      manifest.vectors === 'int8'
        ? await int8Leg(join(dir, INDEX_FILES.vectorsInt8), manifest.embedder.dimension, manifest.chunks)
        : hnswLeg(join(dir, INDEX_FILES.vectorsHnsw), manifest.embedder.dimension, manifest.chunks);
  } catch (cause) {
    if (cause instanceof PianobotError) throw cause;
    throw new PianobotError(
      'INDEX_INCOMPATIBLE',
      `The search index in ${dir} is damaged (${(cause as Error).message}): ${REBUILD}.`,
      { cause },
    );
  }
  const size = manifest.chunks;
  const docs = manifest.docs;
  const keywords = new KeywordIndex(postings);
  const entities = entityMatcher(docs.map((d) => d.entity));
  const foldedEntities = docs.map((d) => fold(d.entity));
  // a filter on a few documents reads only their part of each posting list when the manifest's ranges are exact
  const rangesHold =
    docs.every((d, n) => {
      if (d.first + d.chunks > size) return false;
      for (let i = d.first; i < d.first + d.chunks; i++) if (postings.chunkDoc[i] !== n) return false;
      return true;
    }) && docs.reduce((sum, d) => sum + d.chunks, 0) === size;
  const entityOf = (i: number) => docs[postings.chunkDoc[i]!]?.entity ?? '';
  const passagesFile = join(dir, INDEX_FILES.passages);
  /** the allowed passages of the query being scored, one byte each (nothing awaits while it is in use) */
  const allowedScratch = new Uint8Array(size);

  /**
   * Passages are read from disk only when they are hits, and the last hits are kept (PassageCache): a question's
   * passages are read again by its own routes and by the next questions on the same subject, and inflating their
   * 30 KB blocks was most of a passage answer's time. Only a bounded share of the corpus's text sits in memory.
   */
  const cache = new PassageCache(PASSAGE_CACHE_CHARS);
  function readChunks(items: readonly number[]): Chunk[] {
    const kept = items.map((i) => cache.get(i));
    const missing = items.filter((_, n) => !kept[n]);
    const read = new Map(missing.length ? readFromDisk(missing) : []);
    for (const [i, chunk] of read) cache.set(i, chunk);
    return items.map((i, n) => kept[n] ?? read.get(i)!);
  }

  /** the blocks inflated last (a passage's neighbours are the next question's hits as often as not) */
  const blocks = new Map<number, string[]>();
  function readFromDisk(items: readonly number[]): [number, Chunk][] {
    let fd: number | null = null;
    const lines = (block: number) => {
      let got = blocks.get(block);
      if (got) {
        blocks.delete(block);
      } else {
        fd ??= openSync(passagesFile, 'r');
        const start = postings.blockOffsets[block]!;
        const length = postings.blockOffsets[block + 1]! - start;
        const bytes = Buffer.alloc(length);
        if (readSync(fd, bytes, 0, length, start) !== length) throw new Error(`passage block ${block} is truncated`);
        got = inflateRawSync(bytes).toString('utf8').split('\n');
        if (blocks.size >= BLOCKS_KEPT) blocks.delete(blocks.keys().next().value!);
      }
      // most recently used last
      blocks.set(block, got);
      return got;
    };
    try {
      return items.map((i) => {
        const doc = docs[postings.chunkDoc[i]!];
        if (!doc) throw new Error(`passage ${i} has no document`);
        const at = blockOf(doc, i);
        const line = lines(at.block)[at.line];
        if (line === undefined) throw new Error(`passage ${i} is missing`);
        const { hash: _hash, ...chunk } = StoredChunkSchema.parse(JSON.parse(line));
        return [i, chunk];
      });
    } catch (cause) {
      throw new PianobotError(
        'INDEX_INCOMPATIBLE',
        `The search index in ${dir} is damaged (${(cause as Error).message}): ${REBUILD}.`,
        { cause },
      );
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }

  return {
    size,
    withWord(word, opts = {}) {
      const term = analyze(word).words[0];
      if (!term || size === 0) return [];
      const allowed = compileFilter(opts.filter ?? {}, docs, foldedEntities, postings, rangesHold);
      const items = keywords
        .chunksWith(term)
        .filter((i) => allowed(i))
        .slice(0, opts.limit ?? 20);
      return readChunks(items).map((chunk) => ({ chunk, score: 0, citation: citationOf(chunk, '') }));
    },
    async search(query, opts = {}) {
      const k = opts.k ?? 5;
      const filter = opts.filter ?? {};
      if (!query.trim() || size === 0 || k <= 0) return [];
      const allowed = compileFilter(filter, docs, foldedEntities, postings, rangesHold);

      const expanded = glossaryExpander().expansions(query);
      // a question word the plans never use (an English word) is translated: its glossary phrases take its weight
      const weighted = expanded.map((e) => ({
        phrases: e.phrases,
        weight: e.matched.some((w) => keywords.has(w)) ? EXPANSION_WEIGHT : TRANSLATION_WEIGHT,
      }));
      const expansions = [...new Set(expanded.flatMap((e) => e.phrases))];
      const terms = queryTerms(query, weighted);

      const [qv] = await embedder.embed([[query, ...expansions].join('\n')]);
      if (!qv) return [];
      if (qv.length !== manifest.embedder.dimension) checkEmbedder(manifest, embedder, dir, qv.length);

      // from here on nothing awaits: the keyword scores live in arrays the next query reuses
      const scored = keywords.score(terms.groups, allowed.bitmap(allowedScratch), RERANK_POOL, allowed.ranges());
      const bm25 = scored.top.slice(0, CANDIDATES);
      const dense = vectorLeg.rank(qv, scored.top, allowed);

      // exact matches: records whose code the question names, then passages quoting its codes or names
      const exact = new Set<number>();
      for (const code of terms.codes)
        for (const i of keywords.chunksWith(CODE_TERM_PREFIX + code)) if (allowed(i)) exact.add(i);
      const capitalized = capitalizedWords(query);
      const spelled = [...terms.codes, ...terms.pairs.filter((p) => isNamePair(p, capitalized))];
      const quoted = new Set<number>();
      for (const t of spelled) for (const i of keywords.chunksWith(t)) if (allowed(i) && !exact.has(i)) quoted.add(i);
      const byBm25 = (a: number, b: number) => scored.scoreOf(b) - scored.scoreOf(a) || a - b;
      const exactList = [...[...exact].sort(byBm25), ...[...quoted].sort(byBm25)].slice(0, CANDIDATES);

      const named = entities.named(query);
      const fused = fuseRankings([bm25, dense, exactList], [1, vectorWeight(embedder), 1])
        .map(({ item, score }) => ({
          item,
          score: score * (1 + ENTITY_BOOST * (named.get(entityOf(item)) ?? 0)),
        }))
        .sort((a, b) => b.score - a.score || a.item - b.item)
        .slice(0, k);
      const chunks = readChunks(fused.map((f) => f.item));
      const queryTermSet = terms.terms;
      return fused.map(({ score }, n) => {
        const chunk = chunks[n]!;
        return {
          chunk,
          score: Math.round(score * 10000) / 10000,
          citation: citationOf(chunk, bestExcerpt(chunk.text, queryTermSet)),
        };
      });
    },
  };
}

/** inflated passage blocks kept (each about 30 KB of text) */
const BLOCKS_KEPT = 16;

/** Characters of passage text kept read (about 4 MB): a few hundred passages, whatever the size of the corpus. */
const PASSAGE_CACHE_CHARS = 2_000_000;

/**
 * The passages read last, by passage number, up to a budget of text characters; the least recently used go first.
 * The chunks are shared by the hits that return them, so nothing may change them (nothing does: hits are read).
 */
class PassageCache {
  private readonly entries = new Map<number, Chunk>();
  private chars = 0;
  constructor(private readonly budget: number) {}
  get(i: number): Chunk | undefined {
    const chunk = this.entries.get(i);
    if (chunk) {
      // a Map keeps insertion order: moving the entry to the end makes the first one the least recently used
      this.entries.delete(i);
      this.entries.set(i, chunk);
    }
    return chunk;
  }
  set(i: number, chunk: Chunk): void {
    if (this.entries.has(i)) return;
    this.entries.set(i, chunk);
    this.chars += chunk.text.length;
    for (const [oldest, old] of this.entries) {
      if (this.chars <= this.budget || oldest === i) break;
      this.entries.delete(oldest);
      this.chars -= old.text.length;
    }
  }
}

/** The vector list of the fusion: passage numbers, most similar to the question first. */
interface VectorLeg {
  rank(query: readonly number[], keywordTop: readonly number[], allowed: (i: number) => boolean): number[];
}

/**
 * The local embedder's vectors rerank the keyword list's best RERANK_POOL passages: they read the same words as
 * BM25 (plus n-grams), so what they add is order among those candidates — searching all vectors found nothing
 * more (recall@3 on the retrieval questions identical with a pool of 100, 300 or 1,000 and with all vectors,
 * measured with the 2,048-dimension embedder).
 */
async function int8Leg(file: string, dimension: number, count: number): Promise<VectorLeg> {
  const bytes = await readFile(file);
  if (bytes.length !== dimension * count) throw new Error('vectors do not match the manifest');
  const rows = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    rank(query, keywordTop) {
      const scored = keywordTop.map((i) => {
        let dot = 0;
        let norm = 0;
        const row = i * dimension;
        for (let j = 0; j < dimension; j++) {
          const x = rows[row + j]!;
          dot += x * query[j]!;
          norm += x * x;
        }
        return [i, norm > 0 ? dot / Math.sqrt(norm) : 0] as const;
      });
      return scored
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, CANDIDATES)
        .map(([i]) => i);
    },
  };
}

/** An endpoint model's vectors find passages the keywords miss (synonyms, paraphrase): a search over all of them. */
function hnswLeg(file: string, dimension: number, count: number): VectorLeg {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  index.readIndexSync(file);
  if (index.getCurrentCount() !== count) throw new Error('vector index does not match the manifest');
  index.setEf(EF_SEARCH);
  return {
    rank(query, _keywordTop, allowed) {
      if (count === 0) return [];
      return index.searchKnn([...query], Math.min(CANDIDATES, count), allowed).neighbors;
    },
  };
}

/**
 * The capitalised words of the question ("Maura Meschi"), folded, sorted and without repeats, so that whether one of
 * them starts with a stem is a binary search, not a comparison with every word. Built once per query.
 */
function capitalizedWords(query: string): string[] {
  const words = (query.match(/\p{Lu}[\p{L}'’]+/gu) ?? [])
    .map((w) => fold(w).replace(/['’].*$/, ''))
    .filter((w) => w.length > 1);
  return [...new Set(words)].sort();
}

/** true when a word of the sorted list starts with `stem`: those words sit together, from where `stem` would go */
function someStartsWith(sorted: string[], stem: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < stem) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo]?.startsWith(stem) ?? false;
}

/** A word pair of the question written with capitals in it ("Maura Meschi"): a name to match exactly. */
function isNamePair(pair: string, capitalized: string[]): boolean {
  if (capitalized.length < 2) return false;
  const [a, b] = pair.split('+');
  const hit = (stem: string | undefined) => stem !== undefined && someStartsWith(capitalized, stem);
  return hit(a) && hit(b);
}
