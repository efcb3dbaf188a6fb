import { describe, expect, it } from 'vitest';
import { StemPostings, stemsOf } from '../../src/linking/stem-postings.ts';

const names = ['Manutenzione dei parchi urbani', 'Parchi gioco inclusivi', 'Biblioteca civica aperta la sera'];

describe('StemPostings', () => {
  const postings = new StemPostings(names);

  it('counts each name’s distinct stems', () => {
    expect([...postings.stemCount]).toEqual([3, 3, 4]);
  });

  it('counts how many of the asked stems each name shares, in order of first meeting', () => {
    const hits = postings.hits(stemsOf('i parchi urbani, il parco gioco e la biblioteca'));
    expect([...hits]).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
  });

  it('keeps only the names whose stems are all asked, and leaves no count behind for the next call', () => {
    expect(postings.covered(stemsOf('chi cura la manutenzione dei parchi urbani?'))).toEqual([0]);
    expect(postings.covered(stemsOf('parchi urbani'))).toEqual([]);
    expect(postings.covered(stemsOf('parchi urbani'), () => 2)).toEqual([0]);
    expect([...postings.hits(stemsOf('parchi'))]).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});
