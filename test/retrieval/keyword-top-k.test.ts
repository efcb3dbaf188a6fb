import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/scale-corpus.ts';
import { PostingsBuilder } from '../../ingest/indexing/keyword-index-builder.ts';
import { wordingOf } from '../../ingest/indexing/prepare-passages.ts';
import { decodePostings, encodePostings, PASSAGE_BLOCK } from '../../src/retrieval/index-format.ts';
import { analyzeChunk, documentTerms, KeywordIndex, queryTerms, topBy } from '../../src/retrieval/keyword-index.ts';

// words of the plans' register, drawn at random into passages; copies of a passage in other "plans" make exact ties
const WORDS =
  'sportello anziani manutenzione strade scuole bilancio personale formazione digitale servizi sociali biblioteca verde parchi rifiuti tributi cultura sport giovani trasporti illuminazione cimiteri mense asili sicurezza protezione civile'.split(
    ' ',
  );

function seededCorpus(seed: number, passages: number): string[] {
  const random = mulberry32(seed);
  const texts: string[] = [];
  for (let i = 0; i < passages; i++) {
    // one passage in three repeats an earlier one, as a template paragraph copied by another plan
    if (texts.length > 0 && random() < 0.33) {
      texts.push(texts[Math.floor(random() * texts.length)]!);
      continue;
    }
    const length = 3 + Math.floor(random() * 12);
    texts.push(Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' '));
  }
  return texts;
}

function indexOf(texts: string[]): KeywordIndex {
  const builder = new PostingsBuilder();
  for (const [i, text] of texts.entries()) {
    builder.add({
      terms: documentTerms(analyzeChunk({ entity: '', section: '', text })),
      doc: i % 7,
      internal: i % 11 === 0,
      textKey: wordingOf(text),
    });
  }
  // the passage blocks are not read here: offsets of empty blocks
  const blocks = new Float64Array(Math.ceil(texts.length / PASSAGE_BLOCK) + 1);
  return new KeywordIndex(decodePostings(Buffer.concat(encodePostings(builder.finish(blocks)))));
}

describe('topBy', () => {
  it('returns the same items in the same order as sorting them all, ties broken by the lower number', () => {
    const random = mulberry32(7);
    const scores = Float64Array.from({ length: 500 }, () => Math.floor(random() * 20) / 4);
    const items = Array.from({ length: 500 }, (_, i) => i).sort(() => random() - 0.5);
    const sorted = [...items].sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const limit of [1, 5, 30, 499, 500, 1000]) expect(topBy(items, scores, limit)).toEqual(sorted.slice(0, limit));
    expect(topBy(items, scores, 0)).toEqual([]);
  });
});

describe('KeywordIndex.score', () => {
  const texts = seededCorpus(2024, 600);
  const index = indexOf(texts);
  const questions = [
    'sportello digitale per gli anziani',
    'manutenzione strade e illuminazione',
    'servizi sociali giovani sport cultura',
    'bilancio',
  ];

  it.each(questions)('keeps the exhaustive ranking’s best passages when it keeps only a few: %s', (question) => {
    const { groups } = queryTerms(question);
    const all = index.score(groups).top;
    expect(all.length).toBeGreaterThan(30);
    const top = index.score(groups, () => true, 30);
    expect(top.top).toEqual(all.slice(0, 30));
  });

  it('gives the same scores whether the filter is a test per passage or one byte per passage', () => {
    const allowed = (i: number) => i % 3 !== 0;
    const bitmap = Uint8Array.from({ length: texts.length }, (_, i) => (allowed(i) ? 1 : 0));
    for (const question of questions) {
      const { groups } = queryTerms(question);
      const byTest = index.score(groups, allowed, 30);
      const byTestTop = byTest.top;
      const byTestScores = byTestTop.map((i) => byTest.scoreOf(i));
      const byBitmap = index.score(groups, bitmap, 30);
      expect(byBitmap.top).toEqual(byTestTop);
      expect(byBitmap.top.map((i) => byBitmap.scoreOf(i))).toEqual(byTestScores);
      expect(byBitmap.top.every(allowed)).toBe(true);
    }
  });

  it('reads only the ranges holding the allowed passages and finds what reading every posting finds', () => {
    const within = [
      [100, 150],
      [300, 360],
    ] as const;
    const bitmap = Uint8Array.from({ length: texts.length }, (_, i) =>
      within.some(([from, to]) => i >= from && i < to) && i % 5 !== 0 ? 1 : 0,
    );
    for (const question of questions) {
      const { groups } = queryTerms(question);
      const everything = index.score(groups, bitmap, 30);
      const expected = everything.top.map((i) => [i, everything.scoreOf(i)]);
      const ranged = index.score(groups, bitmap, 30, within);
      expect(ranged.top.map((i) => [i, ranged.scoreOf(i)])).toEqual(expected);
      expect(expected.length).toBeGreaterThan(5);
    }
  });

  it('scores copies of one passage alike and lists them in passage order', () => {
    const { groups } = queryTerms('sportello anziani');
    const scored = index.score(groups);
    const copies = scored.top.filter((i) => texts[i] === texts[scored.top[0]!]);
    expect(copies.length).toBeGreaterThan(0);
    expect(new Set(copies.map((i) => scored.scoreOf(i))).size).toBe(1);
    expect(copies).toEqual([...copies].sort((a, b) => a - b));
  });
});
