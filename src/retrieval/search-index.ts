/**
 * Hybrid passage search over a built index: BM25 keyword hits and vector hits fused by reciprocal rank,
 * plus a third ranked list of exact matches for the codes and names the question spells out. English
 * questions reach Italian passages through the glossary. Every hit carries its citation.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Citation } from '../answer/answer.ts';
import { PianobotError } from '../errors.ts';
import { fold } from '../plan/text.ts';
import { normalizeCode } from './analyze.ts';
import type { Chunk } from './chunk.ts';
import { type Embedder, isCorpusWeighted } from './embedder.ts';
import { entityMatcher } from './entity-mentions.ts';
import { bestExcerpt } from './excerpt.ts';
import { fuseRankings } from './fuse-rankings.ts';
import { ChunkStoreSchema, INDEX_FILES, type Manifest, ManifestSchema } from './index-format.ts';
import { KeywordIndex, type KeywordIndexData, queryTerms } from './keyword-index.ts';
import { LOCAL_EMBEDDER_ID } from './local-embedder.ts';
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
}

const REBUILD = 'rebuild it with `npm run ingest`';
/** hnswlib does not persist ef; it must be set on every load */
const EF_SEARCH = 128;
/** how deep each ranked list goes before fusion */
const CANDIDATES = 60;
/**
 * Weight of the vector list in the fusion (keyword and exact-match lists weigh 1). The local embedder reads the
 * same words BM25 does, so its list mostly repeats the keyword list and counts half; a semantic model counts fully.
 */
const vectorWeight = (embedder: Embedder) => (embedder.id === LOCAL_EMBEDDER_ID ? 0.5 : 1);
/** weight of a glossary phrase standing beside a question word the plans use, and in place of one they do not */
const EXPANSION_WEIGHT = 0.5;
const TRANSLATION_WEIGHT = 0.9;
/** fused score factor per strength point for passages of the entity the question names */
const ENTITY_BOOST = 0.1;

/** A filter prepared once per query, so that testing a passage folds nothing (it runs for every candidate). */
function compileFilter(filter: SearchFilter, foldedEntities: readonly string[]): (chunk: Chunk, i: number) => boolean {
  const entity = filter.entity ? fold(filter.entity) : null;
  const docs = filter.docs ? new Set(filter.docs) : null;
  return (chunk, i) =>
    (!entity || foldedEntities[i] === entity) && (!docs || docs.has(chunk.doc)) && matches(chunk, filter);
}

function matches(chunk: Chunk, filter: SearchFilter): boolean {
  if (chunk.internal && !filter.includeInternal) return false;
  if (filter.doc && chunk.doc !== filter.doc) return false;
  if (filter.kind && chunk.kind !== filter.kind) return false;
  if (filter.year !== undefined) {
    if (chunk.year !== undefined ? chunk.year !== filter.year : !chunk.years?.includes(filter.year)) return false;
  }
  return true;
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

  let chunks: Chunk[];
  let keywordData: KeywordIndexData;
  let queryEmbedder = embedder;
  const vectors = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
  try {
    chunks = ChunkStoreSchema.parse(await readJson(join(dir, INDEX_FILES.chunks))).chunks;
    // postings are too many to validate one by one; the shape check catches a foreign or truncated file
    const kw = (await readJson(join(dir, INDEX_FILES.keywords))) as KeywordIndexData;
    if (
      kw?.version !== 1 ||
      !Array.isArray(kw.lengths) ||
      kw.lengths.length !== chunks.length ||
      typeof kw.postings !== 'object'
    ) {
      throw new Error('keyword index does not match the chunk store');
    }
    keywordData = kw;
    vectors.readIndexSync(join(dir, INDEX_FILES.vectors));
    if (vectors.getCurrentCount() !== chunks.length) throw new Error('vector index does not match the chunk store');
    if (manifest.embedderStats) {
      if (!isCorpusWeighted(embedder)) throw new Error(`${embedder.id} cannot use corpus statistics`);
      queryEmbedder = embedder.withStats(new Uint8Array(await readFile(join(dir, INDEX_FILES.embedderStats))));
    }
  } catch (cause) {
    if (cause instanceof PianobotError) throw cause;
    throw new PianobotError(
      'INDEX_INCOMPATIBLE',
      `The search index in ${dir} is damaged (${(cause as Error).message}): ${REBUILD}.`,
      { cause },
    );
  }
  vectors.setEf(EF_SEARCH);
  const keywords = new KeywordIndex(keywordData);
  const byCode = new Map<string, number[]>();
  chunks.forEach((c, i) => {
    if (!c.code) return;
    const key = normalizeCode(c.code);
    byCode.set(key, [...(byCode.get(key) ?? []), i]);
  });

  const entities = entityMatcher(chunks.map((c) => c.entity));
  const foldedEntities = chunks.map((c) => fold(c.entity));

  return {
    size: chunks.length,
    async search(query, opts = {}) {
      const k = opts.k ?? 5;
      const filter = opts.filter ?? {};
      if (!query.trim() || chunks.length === 0 || k <= 0) return [];
      const accepts = compileFilter(filter, foldedEntities);
      const allowed = (i: number) => {
        const c = chunks[i];
        return c !== undefined && accepts(c, i);
      };

      const expanded = glossaryExpander().expansions(query);
      // a question word the plans never use (an English word) is translated: its glossary phrases take its weight
      const weighted = expanded.map((e) => ({
        phrases: e.phrases,
        weight: e.matched.some((w) => keywords.has(w)) ? EXPANSION_WEIGHT : TRANSLATION_WEIGHT,
      }));
      const expansions = [...new Set(expanded.flatMap((e) => e.phrases))];
      const terms = queryTerms(query, weighted);

      const bm25 = [...keywords.score(terms.groups, allowed)].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);

      const [qv] = await queryEmbedder.embed([[query, ...expansions].join('\n')]);
      if (!qv) return [];
      if (qv.length !== manifest.embedder.dimension) checkEmbedder(manifest, embedder, dir, qv.length);
      const knn = vectors.searchKnn(qv, Math.min(CANDIDATES, chunks.length), allowed);
      const dense = knn.neighbors.map((label, r) => [label, 1 - (knn.distances[r] ?? 1)] as [number, number]);

      // exact matches: records whose code the question names, then passages quoting its codes or names
      const bm25Score = new Map(bm25);
      const exact = new Set<number>();
      for (const code of terms.codes) for (const i of byCode.get(code) ?? []) if (allowed(i)) exact.add(i);
      const capitalized = capitalizedWords(query);
      const spelled = [...terms.codes, ...terms.pairs.filter((p) => isNamePair(p, capitalized))];
      const quoted = new Set<number>();
      for (const t of spelled) for (const i of keywords.chunksWith(t)) if (allowed(i) && !exact.has(i)) quoted.add(i);
      const byBm25 = (a: number, b: number) => (bm25Score.get(b) ?? 0) - (bm25Score.get(a) ?? 0);
      const exactList = [...[...exact].sort(byBm25), ...[...quoted].sort(byBm25)].slice(0, CANDIDATES);

      const named = entities.named(query);
      const fused = fuseRankings(
        [bm25.map(([i]) => i), dense.map(([i]) => i), exactList],
        [1, vectorWeight(embedder), 1],
      )
        .map(({ item, score }) => ({
          item,
          score: score * (1 + ENTITY_BOOST * (named.get(chunks[item]!.entity) ?? 0)),
        }))
        .sort((a, b) => b.score - a.score);
      const queryTermSet = terms.terms;
      return fused.slice(0, k).map(({ item, score }) => {
        const chunk = chunks[item]!;
        return {
          chunk,
          score: Math.round(score * 10000) / 10000,
          citation: citationOf(chunk, bestExcerpt(chunk.text, queryTermSet)),
        };
      });
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
