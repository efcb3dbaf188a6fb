/**
 * One document's share of the search index, made without the index: its passages chunked, analyzed (keyword terms
 * and local vector from the same analysis), hashed, serialized and compressed. Nothing here depends on the other
 * documents, so it runs on any thread (an ingest worker) and `SearchIndexWriter.addPrepared` only numbers and appends
 * what it made, in document order.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { squash } from '../../src/plan/text.ts';
import { type Analyzed, analyze, normalizeCode } from '../../src/retrieval/analyze.ts';
import { chunkIndexText } from '../../src/retrieval/chunk.ts';
import { PASSAGE_BLOCK, type StoredChunk } from '../../src/retrieval/index-format.ts';
import { type AnalyzedChunk, documentTerms } from '../../src/retrieval/keyword-index.ts';
import type { AnalyzedEmbedder } from '../../src/retrieval/local-embedder.ts';
import { chunkDocument } from '../chunking/chunk-document.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { type DocumentPostings, groupPostings } from './keyword-index-builder.ts';
import { quantize } from './vector-index.ts';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/**
 * A passage's wording without what one plan's copy of a template changes in another's: names (capitalized
 * words), numbers, years and dates. Passages with the same wording count once in a term's document frequency.
 */
export function wordingOf(text: string): string {
  return squash(text.replace(/\p{Lu}[\p{L}'’]*|\d+/gu, ' '));
}

/** The key a passage's wording counts under in document frequencies (see wordingOf). */
export const wordingKey = (text: string) => sha1(wordingOf(text)).slice(0, 16);

/** A document without a plan is still searchable as text. */
export function barePlan(doc: SourceDocument): ExtractedPlan {
  return {
    document: {
      file: doc.file,
      entity: '',
      kind: 'unknown',
      title: doc.file,
      years: [],
      layout: 'none',
      format: doc.format,
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    },
    structures: [],
    objectives: [],
    projects: [],
    totals: [],
    tables: [],
    warnings: [],
  };
}

/** Plain data (typed arrays, strings), so it crosses from a worker thread by structured clone. */
export interface PreparedPassages {
  file: string;
  sha256: string;
  entity: string;
  kind: ExtractedPlan['document']['kind'];
  years: number[];
  count: number;
  ids: string[];
  /** the passages' keyword postings, grouped by term */
  postings: DocumentPostings;
  /** the year each passage is about, 0 for none */
  passageYears: Int32Array;
  internal: Uint8Array;
  /** sha1 of each passage's index text (reusing vectors of unchanged passages) */
  hashes: string[];
  /** each passage's wording key (wordingKey) */
  wordings: string[];
  /** the passages' JSON lines, raw-deflated in blocks of PASSAGE_BLOCK (a document starts a block of its own) */
  blocks: Uint8Array[];
  /**
   * local vectors quantized to int8, `count` rows of the embedder's dimension, when the local embedder made them
   * here; a row is all zeros where `embedded` is 0 (a passage whose vector the writer takes from the previous index)
   */
  rows: Int8Array | null;
  embedded: Uint8Array;
  /** the index text of each passage the writer must still embed (an endpoint embedder), else null */
  indexTexts: (string | null)[] | null;
  /** thread time of each step */
  ms: { chunk: number; keywords: number; embed: number; write: number };
}

export interface PrepareOptions {
  /** the local embedder, to embed here; null: the writer embeds (an endpoint model) */
  local: { dimension: number; embedder: AnalyzedEmbedder } | null;
  /** hashes of this document's passages the previous index has vectors for: not embedded again */
  reusable?: ReadonlySet<string>;
}

/** Chunks, analyzes, embeds (with the local embedder) and serializes one document's passages. */
export function preparePassages(
  doc: SourceDocument,
  extracted: ExtractedPlan | null,
  options: PrepareOptions,
): PreparedPassages {
  const plan = extracted ?? barePlan(doc);
  const ms = { chunk: 0, keywords: 0, embed: 0, write: 0 };
  let t = performance.now();
  const lap = (stage: keyof typeof ms) => {
    const now = performance.now();
    ms[stage] += now - t;
    t = now;
  };
  const chunks = chunkDocument(doc, plan);
  lap('chunk');

  const count = chunks.length;
  // a document's passages share its entity and, many of them, a section path: each is analyzed once
  const headings = new Map<string, Analyzed>();
  const analyzeHeading = (text: string) => {
    let a = headings.get(text);
    if (!a) {
      a = analyze(text);
      headings.set(text, a);
    }
    return a;
  };
  const analyzed: AnalyzedChunk[] = chunks.map((c) => ({
    entity: analyzeHeading(c.entity),
    section: analyzeHeading(c.section),
    text: analyze(c.text),
  }));
  const hashes = chunks.map((c) => sha1(chunkIndexText(c)));
  const wordings = chunks.map((c) => wordingKey(c.text));
  const postings = groupPostings(
    chunks.map((c, i) => ({ terms: documentTerms(analyzed[i]!), code: c.code ? normalizeCode(c.code) : undefined })),
  );
  const passageYears = Int32Array.from(chunks, (c) => c.year ?? 0);
  const internal = Uint8Array.from(chunks, (c) => (c.internal ? 1 : 0));
  lap('keywords');

  const embedded = new Uint8Array(count);
  const todo = chunks.flatMap((_, i) => (options.reusable?.has(hashes[i]!) ? [] : [i]));
  let rows: Int8Array | null = null;
  let indexTexts: (string | null)[] | null = null;
  if (options.local) {
    const { dimension, embedder } = options.local;
    rows = new Int8Array(count * dimension);
    const vectors = embedder.embedAnalyzed(
      todo.map((i) => {
        const a = analyzed[i]!;
        return [a.entity, a.section, a.text];
      }),
    );
    todo.forEach((i, j) => {
      const v = vectors[j]!;
      if (v.length !== dimension)
        throw new Error(`passage ${chunks[i]!.id} has a vector of length ${v.length}, expected ${dimension}`);
      quantize(v, rows!.subarray(i * dimension, (i + 1) * dimension));
      embedded[i] = 1;
    });
  } else {
    indexTexts = chunks.map(() => null);
    for (const i of todo) indexTexts[i] = chunkIndexText(chunks[i]!);
  }
  lap('embed');

  const blocks: Uint8Array[] = [];
  for (let b = 0; b < count; b += PASSAGE_BLOCK) {
    const lines = chunks.slice(b, b + PASSAGE_BLOCK).map((c, k) => {
      const stored: StoredChunk = { ...c, hash: hashes[b + k]! };
      return JSON.stringify(stored);
    });
    blocks.push(deflateRawSync(Buffer.from(lines.join('\n'), 'utf8')));
  }
  lap('write');

  return {
    file: doc.file,
    sha256: doc.sha256,
    entity: plan.document.entity,
    kind: plan.document.kind,
    years: plan.document.years,
    count,
    ids: chunks.map((c) => c.id),
    postings,
    passageYears,
    internal,
    hashes,
    wordings,
    blocks,
    rows,
    embedded,
    indexTexts,
    ms,
  };
}
