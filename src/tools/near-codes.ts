/**
 * The codes nearest a code that names no record: offered as suggestions beside a plain "not found", never answered
 * as if one of them were the code asked. A code is read as runs of letters, digits and other characters
 * (`2020-PL15` → `2020`, `-`, `PL`, `15`); a candidate is nearer the more leading runs it shares, then by how far
 * its first differing run is (numeric distance between numbers, edit distance otherwise), so `…_8736` suggests
 * `…_8735` and `…_8734` before `…_8501`, whatever order the plans list them in.
 */

import type { Objective, Project } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';

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
  return nearestAmong(code, groupCodes(candidates), () => true, limit);
}

/** Candidates grouped by the first run of their code, then by their runs' key: what `nearestAmong` reads. */
export interface CodeGroups<T extends CodeCandidate> {
  byFirstRun: Map<string, { key: string; runs: string[]; records: T[] }[]>;
}

/** The candidates grouped once (a store's records), so a code not found reads only codes of its own first run. */
export function groupCodes<T extends CodeCandidate>(candidates: readonly T[]): CodeGroups<T> {
  const byFirstRun = new Map<string, { key: string; runs: string[]; records: T[] }[]>();
  const byKey = new Map<string, { key: string; runs: string[]; records: T[] }>();
  for (const c of candidates) {
    const runs = runsOf(c.code);
    const key = runs.join('');
    const known = byKey.get(key);
    if (known) {
      known.records.push(c);
      continue;
    }
    const entry = { key, runs, records: [c] };
    byKey.set(key, entry);
    const first = runs[0] ?? '';
    const list = byFirstRun.get(first);
    if (list) list.push(entry);
    else byFirstRun.set(first, [entry]);
  }
  return { byFirstRun };
}

const storeGroups = new WeakMap<PlanStore, CodeGroups<Objective | Project>>();

/** The store's project and objective codes grouped for `nearestAmong` (projects first), once per store. */
export function codeGroupsOf(store: PlanStore): CodeGroups<Objective | Project> {
  let groups = storeGroups.get(store);
  if (!groups) {
    groups = groupCodes<Objective | Project>([...store.projects, ...store.objectives]);
    storeGroups.set(store, groups);
  }
  return groups;
}

/**
 * `nearestCodes` over grouped candidates, each code represented by its first record `keep` allows: only the codes of
 * the asked code's first run are read, the nearest `limit` kept in one pass as a stable sort would order them.
 */
export function nearestAmong<T extends CodeCandidate>(
  code: string,
  groups: CodeGroups<T>,
  keep: (record: T) => boolean,
  limit = 3,
): T[] {
  if (limit < 1) return [];
  const asked = runsOf(code);
  const askedKey = asked.join('');
  const best: { c: T; n: ReturnType<typeof nearness> }[] = [];
  for (const { key, runs, records } of groups.byFirstRun.get(asked[0] ?? '') ?? []) {
    // a code of another first run is no near miss (none is met), nor is the code asked itself
    if (key === askedKey) continue;
    const c = records.find(keep);
    if (!c) continue;
    const n = nearness(asked, runs);
    if (n.shared < 1) continue;
    const scored = { c, n };
    if (best.length === limit && order(scored, best[limit - 1]!) >= 0) continue;
    let i = best.length;
    while (i > 0 && order(scored, best[i - 1]!) < 0) i--;
    best.splice(i, 0, scored);
    if (best.length > limit) best.pop();
  }
  const most = best[0]?.n.shared ?? 0;
  return best.filter(({ n }) => n.shared >= most - 1).map(({ c }) => c);
}

/** Nearer first: more shared leading runs, then the same shape, then the smaller gap, then the code's order. */
function order(
  x: { c: CodeCandidate; n: ReturnType<typeof nearness> },
  y: { c: CodeCandidate; n: ReturnType<typeof nearness> },
): number {
  return (
    y.n.shared - x.n.shared ||
    Number(y.n.sameShape) - Number(x.n.sameShape) ||
    x.n.gap - y.n.gap ||
    x.c.code.localeCompare(y.c.code)
  );
}
