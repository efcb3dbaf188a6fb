/**
 * Numbered lists of objectives with their weight at the end of the line — `n. 1 Riapertura della sala studio
 * ........ 20`, `1) Gestione della palestra comunale – 25%`, `2. Evasione delle pratiche …… peso 40` — usually
 * under one owner written once above them. An item's title may wrap, its weight then ending the last line. Only runs
 * of two or more items that all end in a weight are lists: prose numbering has no weights.
 */
import { type LabelPack, LEXICON } from './label-lexicon.ts';

export interface ListItem {
  /** 0-based first line */
  line: number;
  /** 0-based last line (the one with the weight) */
  lineEnd: number;
  n: string;
  title: string;
  weight: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = String.raw`^\s*(?:(?:n\.?|nr\.?|n°)\s*(\d{1,3})\b[.)]?|(\d{1,3})\s*[).])\s+`;
const WEIGHT = String.raw`(\d{1,3}(?:,\d+)?\s*%?)\s*$`;

const patterns = new WeakMap<LabelPack, { item: RegExp; open: RegExp; tail: RegExp }>();

/** The item, opening and wrapped-tail patterns, with the pack's weight labels allowed before the weight. */
function patternsOf(pack: LabelPack) {
  let p = patterns.get(pack);
  if (!p) {
    const labels = [...pack.labels.weight].sort((a, b) => b.length - a.length).map(escape);
    const weight = String.raw`(?:\.{2,}|…+|\s[–—-]|\s{2,})\s*(?:(?:${labels.join('|')})\s*:?\s*)?${WEIGHT}`;
    p = {
      item: new RegExp(`${NUMBER}(.+?)\\s*${weight}`, 'i'),
      open: new RegExp(`${NUMBER}(.+?)\\s*$`, 'i'),
      tail: new RegExp(`^\\s*(.*?)\\s*${weight}`, 'i'),
    };
    patterns.set(pack, p);
  }
  return p;
}

const cleanTitle = (s: string) => s.replace(/[\s.…]+$/, '').trim();

export function readNumberedLists(
  lines: readonly string[],
  taken: ReadonlySet<number> = new Set(),
  pack: LabelPack = LEXICON,
): ListItem[][] {
  const { item, open, tail } = patternsOf(pack);
  const lists: ListItem[][] = [];
  let run: ListItem[] = [];
  let gap = 0;
  const close = () => {
    if (run.length >= 2) lists.push(run);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    const line = lines[i]!;
    const m = line.match(item);
    if (m) {
      run.push({ line: i, lineEnd: i, n: m[1] ?? m[2]!, title: cleanTitle(m[3]!), weight: m[4]!.trim() });
      gap = 0;
      continue;
    }
    // a title wrapped over up to two more lines, the weight ending the last one
    const o = line.match(open);
    if (o) {
      const parts = [o[3]!];
      let found: ListItem | null = null;
      for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
        const next = lines[j]!;
        if (next.trim() === '' || next.match(open)) break;
        const t = next.match(tail);
        if (t) {
          if (t[1]) parts.push(t[1]);
          found = { line: i, lineEnd: j, n: o[1] ?? o[2]!, title: cleanTitle(parts.join(' ')), weight: t[2]!.trim() };
          break;
        }
        parts.push(next.trim());
      }
      if (found) {
        run.push(found);
        gap = 0;
        i = found.lineEnd;
        continue;
      }
    }
    if (line.trim() === '' && ++gap <= 1) continue;
    close();
    gap = 0;
  }
  close();
  return lists;
}
