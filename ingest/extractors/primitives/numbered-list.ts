/**
 * Numbered lists of objectives with their weight at the end of the line — `n. 1 Riapertura della sala studio
 * ........ 20`, `1) Gestione della palestra comunale – 25%` — usually under one owner written once above them.
 * Only runs of two or more items that all end in a weight are lists: prose numbering has no weights.
 */

export interface ListItem {
  /** 0-based line */
  line: number;
  n: string;
  title: string;
  weight: string;
}

const ITEM =
  /^\s*(?:(?:n\.?|nr\.?|n°)\s*(\d{1,3})\b[.)]?|(\d{1,3})\s*[).])\s+(.+?)\s*(?:\.{2,}|…+|\s[–—-]|\s{2,})\s*(\d{1,3}(?:,\d+)?\s*%?)\s*$/i;

export function readNumberedLists(lines: readonly string[], taken: ReadonlySet<number> = new Set()): ListItem[][] {
  const lists: ListItem[][] = [];
  let run: ListItem[] = [];
  let gap = 0;
  const close = () => {
    if (run.length >= 2) lists.push(run);
    run = [];
  };
  lines.forEach((line, i) => {
    if (taken.has(i)) return;
    const m = line.match(ITEM);
    if (m) {
      run.push({ line: i, n: m[1] ?? m[2]!, title: m[3]!.replace(/[\s.…]+$/, '').trim(), weight: m[4]!.trim() });
      gap = 0;
      return;
    }
    if (line.trim() === '' && ++gap <= 1) return;
    close();
    gap = 0;
  });
  close();
  return lists;
}
