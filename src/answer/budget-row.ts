/**
 * "quanto è previsto per il contributo regionale per i centri antiviolenza?": the row of a project's budget table
 * the question names by its description's words (or by its chapter number), with its amount in each column as
 * written. A row is named when the question holds most of its description's words; of rows named, the best-named
 * lead, all of them when several projects write the same description.
 */
import type { BudgetRow, Project } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import { stem } from './text-match.ts';

/**
 * At least this many of a description's words, and this share of them, name a row; a question holding many of them
 * (a long description quoted in part) names it with a smaller share.
 */
const MIN_WORDS = 3;
const MIN_SHARE = 0.7;
const MANY_WORDS = 5;
const MANY_SHARE = 0.5;
/** more rows named as well as each other than this: the words name a kind of row, not one */
const MAX_ROWS = 4;

// a dotted acronym is one word ("F.S.L." and "FSL")
const words = (s: string) =>
  fold(s)
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * A description's own words: a cross-reference to a paired chapter follows an equals sign, and a qualifier stands in
 * brackets ("(RILEVANTE AI FINI IVA)"); both are left out, so a question need not repeat them to name the row.
 */
function descriptionStems(description: string): string[] {
  const own = description.split('=')[0]!.replace(/\([^)]*\)/g, ' ');
  return [
    ...new Set(
      words(own)
        .filter((w) => w.length > 2 && !/\d/.test(w) && !STOPWORDS.has(w))
        .map(stem),
    ),
  ];
}

const ROW_STEMS = new WeakMap<BudgetRow, string[]>();
const stemsOf = (row: BudgetRow) => {
  let s = ROW_STEMS.get(row);
  if (!s) {
    s = descriptionStems(row.description);
    ROW_STEMS.set(row, s);
  }
  return s;
};

export interface NamedRow {
  project: Project;
  row: BudgetRow;
}

/** A store's budget rows by the stems of their descriptions and the numbers of their chapters (see `budgetRowIndex`). */
export interface BudgetRowIndex {
  byStem: Map<string, { project: Project; row: BudgetRow; at: number }[]>;
  byNumber: Map<string, { project: Project; row: BudgetRow; at: number }[]>;
}

/** Every row of the projects, indexed once (a thousand plans' rows are not all read for each question). */
export function budgetRowIndex(projects: readonly Project[]): BudgetRowIndex {
  const index: BudgetRowIndex = { byStem: new Map(), byNumber: new Map() };
  const add = (map: BudgetRowIndex['byStem'], key: string, entry: { project: Project; row: BudgetRow; at: number }) => {
    const list = map.get(key);
    if (!list) map.set(key, [entry]);
    else if (list.at(-1) !== entry) list.push(entry);
  };
  for (const [p, project] of projects.entries())
    for (const [r, row] of project.budgetRows.entries()) {
      const entry = { project, row, at: p * 100_000 + r };
      for (const w of words(row.capitolo)) add(index.byNumber, w, entry);
      for (const st of stemsOf(row)) add(index.byStem, st, entry);
    }
  return index;
}

/** The rows the question names among the projects' budget tables; [] when none is named clearly enough. */
export function namedBudgetRows(projects: Project[], question: string): NamedRow[] {
  return bestRows(question, (score) => {
    for (const project of projects) for (const row of project.budgetRows) score(project, row);
  });
}

/**
 * The same rows among the indexed projects `keep` allows: only rows sharing a word with the question are read, in
 * the order of the projects and their rows, as the walk of `namedBudgetRows` would meet them.
 */
export function namedBudgetRowsIn(
  index: BudgetRowIndex,
  question: string,
  keep: (project: Project) => boolean,
): NamedRow[] {
  return bestRows(question, (score, asked) => {
    const candidates = new Map<BudgetRow, { project: Project; row: BudgetRow; at: number }>();
    for (const map of [index.byNumber, index.byStem])
      for (const key of map === index.byNumber ? asked.numbers : asked.stems)
        for (const e of map.get(key) ?? []) if (keep(e.project)) candidates.set(e.row, e);
    for (const e of [...candidates.values()].sort((a, b) => a.at - b.at)) score(e.project, e.row);
  });
}

/** The best-named rows among those `walk` offers to its scorer; [] when none, or too many alike. */
function bestRows(
  question: string,
  walk: (
    score: (project: Project, row: BudgetRow) => void,
    asked: { stems: Set<string>; numbers: Set<string> },
  ) => void,
): NamedRow[] {
  const asked = words(question);
  const askedStems = new Set(asked.filter((w) => !/\d/.test(w)).map(stem));
  // a chapter number written in the question ("capitolo 31516") names its rows whatever else it says
  const numbers = new Set(asked.filter((w) => /^\d{5,}$/.test(w)));
  const scored: (NamedRow & { share: number })[] = [];
  const score = (project: Project, row: BudgetRow) => {
    if (numbers.size && words(row.capitolo).some((w) => numbers.has(w))) {
      scored.push({ project, row, share: 2 });
      return;
    }
    const stems = stemsOf(row);
    if (stems.length < MIN_WORDS) return;
    const matched = stems.filter((s) => askedStems.has(s)).length;
    const share = matched / stems.length;
    if ((matched >= MIN_WORDS && share >= MIN_SHARE) || (matched >= MANY_WORDS && share >= MANY_SHARE))
      scored.push({ project, row, share });
  };
  walk(score, { stems: askedStems, numbers });
  if (!scored.length) return [];
  const best = Math.max(...scored.map((s) => s.share));
  const top = scored.filter((s) => s.share === best);
  return top.length > MAX_ROWS ? [] : top.map(({ project, row }) => ({ project, row }));
}
