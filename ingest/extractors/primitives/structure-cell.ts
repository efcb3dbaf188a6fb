/**
 * Separates a structure cell from the objective title once a table row has been read as one run of text. A PDF
 * keeps no column boundaries, so the structure is found by the words administrations use to name their units (the
 * label pack's `unitHeads`), then confirmed against the structures the table names elsewhere.
 */
import type { Structure } from '../../../src/plan/model.ts';
import { fold } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';

const MAX_STRUCTURE_WORDS = 8;

export interface TitleAndStructure {
  title: string;
  structure?: string;
  /** How the structure was found; `split` means the cell was broken by a page break and rejoined. */
  how: 'known' | 'split' | 'unit-word' | 'none';
}

/** A unit name is short, and never a clause: no colons, no figures. */
export function isPlausibleStructure(s: string): boolean {
  const words = s.split(' ');
  return words.length <= MAX_STRUCTURE_WORDS && !/[:;\d]/.test(s);
}

/** The trailing unit name introduced by the last unit word, when it reads as a unit name; the title must not be empty. */
export function trailingUnit(text: string, pack: LabelPack = LEXICON): string | undefined {
  const heads = new Set(pack.unitHeads);
  const words = text.split(' ');
  for (let k = words.length - 1; k >= 1; k--) {
    if (heads.has(words[k]!)) {
      const unit = words.slice(k).join(' ');
      return isPlausibleStructure(unit) ? unit : undefined;
    }
  }
  return undefined;
}

/** The structures the table names, read from the rows whose structure is unambiguous. */
export function knownStructures(rowTexts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of rowTexts) {
    const unit = trailingUnit(text);
    if (unit) found.add(unit);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** True when the row text already ends with the name of a structure the table knows. */
export function endsWithKnownStructure(text: string, known: readonly string[]): boolean {
  return known.some((s) => text.length > s.length && text.endsWith(` ${s}`));
}

/**
 * Splits "title structure" text. Tried in order: a known structure at the end; a known structure broken in two by
 * a page break ("Supportare i Segreteria Generale processi decisionali … e Programmazione"); a trailing unit name.
 */
export function splitTitleAndStructure(text: string, known: readonly string[]): TitleAndStructure {
  for (const s of known) {
    if (text.length > s.length && text.endsWith(` ${s}`)) {
      return { title: text.slice(0, -s.length - 1).trim(), structure: s, how: 'known' };
    }
  }
  for (const s of known) {
    const words = s.split(' ');
    for (let k = 1; k < words.length; k++) {
      const head = ` ${words.slice(0, k).join(' ')} `;
      const tail = ` ${words.slice(k).join(' ')}`;
      if (!text.endsWith(tail)) continue;
      const body = text.slice(0, -tail.length);
      const at = body.lastIndexOf(head);
      if (at <= 0) continue;
      const before = body.slice(0, at).trim();
      const after = body.slice(at + head.length).trim();
      if (!before || !after) continue;
      return { title: `${before} ${after}`, structure: s, how: 'split' };
    }
  }
  const unit = trailingUnit(text);
  if (unit) return { title: text.slice(0, -unit.length - 1).trim(), structure: unit, how: 'unit-word' };
  return { title: text, how: 'none' };
}

/** Structure kind from its first word (`Servizi …`, `AREA …`); a unit of any other kind is 'other'. */
export function structureKind(name: string, pack: LabelPack = LEXICON): Structure['kind'] {
  const first = fold(name.trim().split(/\s+/)[0] ?? '');
  return pack.structureKinds[first] ?? 'other';
}
