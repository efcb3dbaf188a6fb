import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/retrieval/fuse-rankings.ts';

describe('reciprocal-rank fusion', () => {
  it('ranks an item found by both lists above items found by one', () => {
    const fused = fuseRankings([
      [1, 2, 3],
      [4, 2, 5],
    ]);
    expect(fused[0]?.item).toBe(2);
  });

  it('keeps the first-seen order for ties, so the same lists always fuse the same way', () => {
    expect(fuseRankings([[7], [8]]).map((x) => x.item)).toEqual([7, 8]);
  });

  it('weights lists', () => {
    expect(fuseRankings([[1], [2]], [0.5, 1]).map((x) => x.item)).toEqual([2, 1]);
  });
});
