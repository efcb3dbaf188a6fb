import { describe, expect, it } from 'vitest';
import { PostingsBuilder } from '../../../ingest/indexing/keyword-index-builder.ts';
import { wordingOf } from '../../../ingest/indexing/prepare-passages.ts';
import {
  CODE_TERM_PREFIX,
  decodePostings,
  encodePostings,
  type PostingsData,
} from '../../../src/retrieval/index-format.ts';
import { analyzeChunk, documentTerms, KeywordIndex } from '../../../src/retrieval/keyword-index.ts';

/** A template paragraph two towns copy with their own names and years, and a paragraph of a third plan. */
const ALFA = 'Il Comune di Alfa attiva nel 2031 uno sportello Help Desk per gli anziani e i disabili.';
const BETA = 'Il Comune di Beta attiva nel 2047 uno sportello Help Desk per gli anziani e i disabili.';
const OTHER = 'Manutenzione delle strade provinciali e sportello unico per le imprese.';

function build(texts: { text: string; doc: number; code?: string; internal?: boolean; year?: number }[]) {
  const builder = new PostingsBuilder();
  for (const t of texts) {
    builder.add({
      terms: documentTerms(analyzeChunk({ entity: '', section: '', text: t.text })),
      code: t.code,
      doc: t.doc,
      year: t.year,
      internal: t.internal,
      textKey: wordingOf(t.text),
    });
  }
  // one block of passages is enough here
  return decodePostings(Buffer.concat(encodePostings(builder.finish(Float64Array.from([0, 0])))));
}

function dfOf(postings: PostingsData, term: string): number {
  const { termOffsets, termBytes, termDf } = postings;
  for (let t = 0; t + 1 < termOffsets.length; t++) {
    if (Buffer.from(termBytes.subarray(termOffsets[t], termOffsets[t + 1])).toString('utf8') === term)
      return termDf[t]!;
  }
  return 0;
}

describe('PostingsBuilder', () => {
  it('gives two towns’ copies of one template the same wording', () => {
    expect(wordingOf(ALFA)).toBe(wordingOf(BETA));
    expect(wordingOf(ALFA)).not.toBe(wordingOf(OTHER));
  });

  it('counts a wording once in a term’s document frequency, however many plans copy it', () => {
    const postings = build([
      { text: ALFA, doc: 0 },
      { text: BETA, doc: 1 },
      { text: OTHER, doc: 2 },
    ]);
    expect(postings.distinctTexts).toBe(2);
    const index = new KeywordIndex(postings);
    expect(index.chunksWith('desk')).toEqual([0, 1]);
    expect(index.chunksWith('sportell')).toEqual([0, 1, 2]);
    // both copies are still found, and "desk" weighs as a word of one wording in two
    expect(dfOf(postings, 'desk')).toBe(1);
    expect(dfOf(postings, 'sportell')).toBe(2);
  });

  it('reads back, through the binary layout, the filter fields and the code lists of each passage', () => {
    const postings = build([
      { text: ALFA, doc: 0, code: 'vi-1', year: 2031 },
      { text: OTHER, doc: 3, internal: true },
    ]);
    expect([...postings.chunkDoc]).toEqual([0, 3]);
    expect([...postings.chunkYear]).toEqual([2031, 0]);
    expect([...postings.chunkInternal]).toEqual([0, 1]);
    const index = new KeywordIndex(postings);
    expect(index.chunksWith(`${CODE_TERM_PREFIX}vi-1`)).toEqual([0]);
    expect(index.has('strad')).toBe(true);
    expect(index.has('autostrad')).toBe(false);
    // a filter leaves a passage out of the scores
    expect(index.score([new Map([['sportell', 1]])], (i) => i !== 0).top).toEqual([1]);
  });

  it.each([
    ['plain words', ['zona', 'albo', 'zz', 'a1', 'mobilita']],
    ['accented and symbol codes', ['città', 'citta', 'cittá', '€uro', 'ª', '\uffff']],
    ['astral characters beside the last BMP ones', ['\uffff', '😀', '\ue000', 'a😀', 'a\uffff', 'a']],
  ])('lays out %s in UTF-8 byte order, each found again by its term', (_name, words) => {
    const builder = new PostingsBuilder();
    words.forEach((w, i) => {
      builder.add({ terms: new Map([[w, 1]]), doc: i, textKey: w });
    });
    const postings = decodePostings(Buffer.concat(encodePostings(builder.finish(Float64Array.from([0, 0])))));
    const { termOffsets, termBytes } = postings;
    const stored = Array.from({ length: termOffsets.length - 1 }, (_, t) =>
      Buffer.from(termBytes.subarray(termOffsets[t], termOffsets[t + 1])),
    );
    expect(stored.map((b) => b.toString('utf8'))).toEqual(
      [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    const index = new KeywordIndex(postings);
    words.forEach((w, i) => {
      expect(index.chunksWith(w)).toEqual([i]);
    });
  });
});
