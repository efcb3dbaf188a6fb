/**
 * The codes nearest a code that names no record: offered as suggestions beside a plain "not found", never answered
 * as if one of them were the code asked. A code is read as runs of letters, digits and other characters
 * (`2020-PL15` → `2020`, `-`, `PL`, `15`); a candidate is nearer the more leading runs it shares, then by how far
 * its first differing run is (numeric distance between numbers, edit distance otherwise), so `…_8736` suggests
 * `…_8735` and `…_8734` before `…_8501`, whatever order the plans list them in.
 */

import { fold } from '../plan/text.ts';

export interface CodeCandidate {
  code: string;
  title: string;
}

/** Runs of one character class: letters, digits, anything else (spaces dropped: `VI - 1` is `vi`, `-`, `1`). */
function runsOf(code: string): string[] {
  return (
    fold(code)
      .replace(/\s+/g, '')
      .match(/[a-z]+|\d+|[^a-z\d]+/g) ?? []
  );
}

/** each candidate's runs, read once: the candidates are the plans' (immutable) records, asked again at every code not found */
const runsOfRecord = new WeakMap<object, string[]>();
function cachedRuns(c: CodeCandidate): string[] {
  let runs = runsOfRecord.get(c);
  if (!runs) {
    runs = runsOf(c.code);
    runsOfRecord.set(c, runs);
  }
  return runs;
}

/** Edit distance of two short strings (codes' runs are a few characters long). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** How near a candidate's runs are to the asked code's: shared leading runs (more is nearer), then the gap. */
function nearness(asked: string[], candidate: string[]): { shared: number; gap: number; sameShape: boolean } {
  let shared = 0;
  while (shared < asked.length && shared < candidate.length && asked[shared] === candidate[shared]) shared++;
  const a = asked[shared];
  const c = candidate[shared];
  const gap =
    a === undefined || c === undefined
      ? Math.abs(asked.length - candidate.length)
      : /^\d+$/.test(a) && /^\d+$/.test(c)
        ? Math.abs(Number(a) - Number(c))
        : editDistance(a, c) * 1000;
  return { shared, gap, sameShape: asked.length === candidate.length };
}

/**
 * Up to `limit` candidates nearest `code`, nearest first. A candidate must share at least the first run (a code of
 * another shape or year is no near miss), and candidates sharing fewer runs than the best by more than one are left
 * out.
 */
export function nearestCodes<T extends CodeCandidate>(code: string, candidates: readonly T[], limit = 3): T[] {
  const asked = runsOf(code);
  const askedKey = asked.join('');
  const seen = new Set<string>();
  const scored = candidates
    .map((c) => ({ c, runs: cachedRuns(c) }))
    // a code of another first run is no near miss: left out before anything is compared
    .filter(({ runs }) => runs[0] === asked[0])
    .filter(({ runs }) => {
      const key = runs.join('');
      if (key === askedKey || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ c, runs }) => ({ c, n: nearness(asked, runs) }))
    .filter(({ n }) => n.shared >= 1)
    .sort(
      (x, y) =>
        y.n.shared - x.n.shared ||
        Number(y.n.sameShape) - Number(x.n.sameShape) ||
        x.n.gap - y.n.gap ||
        x.c.code.localeCompare(y.c.code),
    );
  const best = scored[0]?.n.shared ?? 0;
  return scored
    .filter(({ n }) => n.shared >= best - 1)
    .slice(0, limit)
    .map(({ c }) => c);
}
