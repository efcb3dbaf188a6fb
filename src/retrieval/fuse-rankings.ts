/** The usual reciprocal-rank-fusion constant: damps the head so no single list dominates. */
const RRF_K = 60;

/**
 * Reciprocal-rank fusion: each list gives an item 1 / (RRF_K + rank); the sums rank the union.
 * Ties keep the order in which items were first seen, so fusion is deterministic.
 */
export function fuseRankings(
  lists: readonly (readonly number[])[],
  weights: readonly number[] = [],
): { item: number; score: number }[] {
  const scores = new Map<number, number>();
  lists.forEach((list, l) => {
    const w = weights[l] ?? 1;
    list.forEach((item, rank) => {
      scores.set(item, (scores.get(item) ?? 0) + w / (RRF_K + rank + 1));
    });
  });
  return [...scores].map(([item, score]) => ({ item, score })).sort((a, b) => b.score - a.score);
}
