import { describe, expect, it } from 'vitest';
import { kthLargest, TextMatcher } from '../../src/answer/text-match.ts';

// record titles in the plans' own style; the queries below are this test's wording
const TITLES = [
  'Riorganizzazione archivio protocollo',
  'Manutenzione straordinaria palestre scolastiche',
  'Sportello telematico edilizia',
];

const titlesFor = (query: string) => new TextMatcher(TITLES, (t) => t).rank(query, 3).map((r) => r.item);

describe('TextMatcher', () => {
  // the change sits in the first six letters, which the stem keeps: only the one-typo neighbours can find these
  it.each([
    ['manotenzione', 'Manutenzione straordinaria palestre scolastiche'],
    ['protecollo', 'Riorganizzazione archivio protocollo'],
    ['telenatico', 'Sportello telematico edilizia'],
  ])('finds a record through a word with one letter changed: %s', (query, title) => {
    expect(titlesFor(query)).toEqual([title]);
  });

  it('does not stretch a word two edits away onto a record', () => {
    expect(titlesFor('menotenzione')).toEqual([]);
  });

  it('ranks the record holding more of the query first, and leaves out records holding none of it', () => {
    expect(titlesFor('palestre scolastiche archivio')).toEqual([
      'Manutenzione straordinaria palestre scolastiche',
      'Riorganizzazione archivio protocollo',
    ]);
  });

  it('answers a long query of words no record has with nothing, not with a guess', () => {
    const noise = Array.from({ length: 400 }, (_, i) => `parolaignota${i}`).join(' ');
    expect(titlesFor(noise)).toEqual([]);
  });
});

describe('TextMatcher.rank with a limit', () => {
  // many records, many of them copies (a thousand plans repeat the same titles): ties everywhere
  const words = 'archivio protocollo palestre scolastiche sportello telematico edilizia verde pubblico strade'.split(
    ' ',
  );
  const titles = Array.from({ length: 300 }, (_, i) =>
    [0, 1, 2].map((j) => words[(i * (j + 3) + j * 7 + (i % 5)) % words.length]).join(' '),
  );
  const matcher = new TextMatcher(titles, (t) => t);

  it.each(['archivio protocollo edilizia', 'palestre verde', 'strade'])(
    'returns the first records of the full ranking, in its order: %s',
    (query) => {
      const full = matcher.rank(query, Number.POSITIVE_INFINITY);
      expect(full.length).toBeGreaterThan(20);
      for (const limit of [1, 5, 15]) expect(matcher.rank(query, limit)).toEqual(full.slice(0, limit));
    },
  );
});

describe('kthLargest', () => {
  it('is the k-th value from the top, counting ties, and lets every value pass when there are k or fewer', () => {
    expect(kthLargest([3, 1, 3, 2], 2)).toBe(3);
    expect(kthLargest([3, 1, 3, 2], 3)).toBe(2);
    expect(kthLargest([3, 1], 2)).toBe(Number.NEGATIVE_INFINITY);
  });
});
