import { describe, expect, it } from 'vitest';
import { TextMatcher } from '../../src/answer/text-match.ts';

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
