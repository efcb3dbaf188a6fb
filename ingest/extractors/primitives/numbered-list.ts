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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = String.raw`^\s*(?:(?:n\.?|nr\.?|n°)\s*(\d{1,3})\b[.)]?|(\d{1,3})\s*[).])\s+`;
const WEIGHT = String.raw`(\d{1,3}(?:,\d+)?\s*%?)\s*$`;

const patterns = new WeakMap<LabelPack, { item: RegExp; open: RegExp; tail: RegExp; loose: RegExp; header: RegExp }>();

/** The item, opening and wrapped-tail patterns, with the pack's weight labels allowed before the weight. */
function patternsOf(pack: LabelPack) {
  let p = patterns.get(pack);
  if (!p) {
    const labels = [...pack.labels.weight].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const weight = String.raw`(?:\.{2,}|…+|\s[–—-]|\s{2,})\s*(?:(?:${labels.join('|')})\s*:?\s*)?${WEIGHT}`;
    p = {
      // PDF text keeps no leader dots nor runs of spaces: the weight after one space
      loose: new RegExp(`${NUMBER}(.+?)\\s(?:(?:${labels.join('|')})\\s*:?\\s*)?${WEIGHT}`, 'i'),
      header: new RegExp(`\\s(?:${labels.join('|')})\\s*$`, 'i'),
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
  return [...lists, ...looseLists(lines, taken, lists, pack)];
}

/**
 * Lists whose weight follows the title after a single space, as PDF text gives them. A number at a title's end
 * could be part of the title, so a run counts only under a header ending in a weight label ("Obiettivi
 * assegnati … Peso") or when its weights add up to 100.
 */
function looseLists(
  lines: readonly string[],
  taken: ReadonlySet<number>,
  found: readonly ListItem[][],
  pack: LabelPack,
): ListItem[][] {
  const { loose, open, header } = patternsOf(pack);
  const used = new Set(found.flat().flatMap((item) => [item.line, item.lineEnd]));
  const out: ListItem[][] = [];
  let run: ListItem[] = [];
  let headed = false;
  const close = () => {
    const sum = run.reduce((n, item) => n + Number.parseFloat(item.weight.replace(',', '.')), 0);
    if (run.length >= 2 && (headed || Math.abs(sum - 100) < 0.01)) out.push(run);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i) || used.has(i)) {
      close();
      headed = false;
      continue;
    }
    const line = lines[i]!;
    let item: ListItem | null = null;
    const m = line.match(loose);
    if (m) item = { line: i, lineEnd: i, n: m[1] ?? m[2]!, title: cleanTitle(m[3]!), weight: m[4]!.trim() };
    else if (line.match(open)) {
      // a title wrapped over up to two more lines, or its weight alone below it (an office PDF writes the weight
      // cell after the title cell)
      let joined = line.trim();
      for (let j = i + 1; j <= i + 2 && !item; j++) {
        const next = lines[j];
        if (next === undefined || next.trim() === '' || next.match(open) || taken.has(j)) break;
        joined = `${joined} ${next.trim()}`;
        const t = joined.match(loose);
        if (t) item = { line: i, lineEnd: j, n: t[1] ?? t[2]!, title: cleanTitle(t[3]!), weight: t[4]!.trim() };
      }
    }
    if (item) {
      run.push(item);
      i = item.lineEnd;
      continue;
    }
    if (line.trim() === '') continue;
    close();
    headed = header.test(line);
  }
  close();
  return out;
}
