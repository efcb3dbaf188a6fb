/**
 * A structure and its owner written in one cell or line, as a flattened table gives them ("Servizi Sociali e
 * Immigrazione Sardi Valentina"): the owner is a trailing run of capitalised words, and the split point is chosen
 * with what the rest of the document says. Also the loose comparison of structure names that narrow columns
 * abbreviate or misspell.
 */
import { fold } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';

const NAME_TOKEN = /^\p{Lu}[\p{L}'’]+$/u;

/** A run of two to four capitalised words and nothing else: a person's name on a line or cell of its own. */
export function isNameRun(text: string): boolean {
  const tokens = text.split(' ');
  return tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => NAME_TOKEN.test(t));
}

/** Words of a structure name compared loosely: a narrow column abbreviates ("Protez") and misspells ("Risorese"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const min = Math.min(a.length, b.length);
  if (min >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  let common = 0;
  while (common < min && a[common] === b[common]) common++;
  return common >= 4;
}

const words = (s: string) => fold(s).replace(/[,;:]/g, ' ').split(/\s+/).filter(Boolean);

/** The same structure name, abbreviated or misspelt word by word. */
export function sameStructure(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => sameWord(w, wb[i]!));
}

/** The same structure name written two ways, not just abbreviated: "Risorese Umane…" against "Risorse Umane…". */
export function isMisspelling(a: string, b: string): boolean {
  if (!sameStructure(a, b)) return false;
  const wb = words(b);
  return words(a).some((w, i) => {
    const v = wb[i]!;
    return !w.startsWith(v) && !v.startsWith(w);
  });
}

export interface OwnerSplit {
  structure: string;
  owner: string;
}

/** Ways to read "structure owner" on one line: the owner is the trailing run of 2–4 capitalised words. */
function splitCandidates(rest: string, pack: LabelPack): OwnerSplit[] {
  const connectors = new Set(pack.connectors);
  const tokens = rest.split(' ');
  const out: OwnerSplit[] = [];
  for (let n = 2; n <= 4 && n < tokens.length; n++) {
    const owner = tokens.slice(-n);
    const structure = tokens.slice(0, -n);
    if (!owner.every((t) => NAME_TOKEN.test(t))) break;
    if (connectors.has(fold(structure[structure.length - 1]!))) continue;
    out.push({ structure: structure.join(' '), owner: owner.join(' ') });
  }
  return out;
}

/**
 * Builds the reader of one-line "structure owner" cells, given every such cell of the document (`rests`) and the
 * structure names it writes elsewhere. The split point is chosen with what the rest of the document says: known
 * structure names, and owners that are certain in another cell; a two-word owner wins a tie ("Lavori Pubblici e
 * Mobilità Carosella Maria Teresa" needs the structure name to come out right).
 */
export function ownerSplitter(
  rests: readonly string[],
  knownStructures: readonly string[],
  pack: LabelPack = LEXICON,
): (rest: string) => OwnerSplit | null {
  const structureScore = (c: OwnerSplit) => (knownStructures.some((s) => sameStructure(s, c.structure)) ? 4 : 0);
  const certainOwners = new Set<string>();
  for (const rest of rests) {
    const cands = splitCandidates(rest, pack);
    const matched = cands.filter((c) => structureScore(c) > 0);
    const sure = cands.length === 1 ? cands[0] : matched.length === 1 ? matched[0] : undefined;
    if (sure) certainOwners.add(fold(sure.owner));
  }
  return (rest) => {
    let best: OwnerSplit | null = null;
    let bestScore = -1;
    for (const c of splitCandidates(rest, pack)) {
      const tokens = c.owner.split(' ').length;
      const score = structureScore(c) + (certainOwners.has(fold(c.owner)) ? 2 : 0) + (tokens === 2 ? 1 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  };
}
