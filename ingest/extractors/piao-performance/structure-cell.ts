/**
 * Separates the STRUTTURA cell from the objective title once a synthesis-table row has been read as one run of
 * text. A PDF keeps no column boundaries, so the structure is found by the words Italian administrations use to
 * name their units, then confirmed against the structures the table names elsewhere.
 */

/** First words of an organisational unit's name (or of the role standing in for one). */
const UNIT_HEADS = new Set([
  'Servizio',
  'Servizi',
  'Ufficio',
  'Uffici',
  'Settore',
  'Area',
  'Staff',
  'Segreteria',
  'Polizia',
  'Dirigente',
  'Direzione',
  'Unità',
  'U.O.',
  'Comando',
  'Avvocatura',
  'Sportello',
  'Gabinetto',
  'Corpo',
]);

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
export function trailingUnit(text: string): string | undefined {
  const words = text.split(' ');
  for (let k = words.length - 1; k >= 1; k--) {
    if (UNIT_HEADS.has(words[k]!)) {
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

/** Structure kind from its first word; anything that is not a servizio/ufficio/settore/area is 'other'. */
export function structureKind(name: string): 'servizio' | 'ufficio' | 'settore' | 'area' | 'other' {
  const first = name.split(' ')[0] ?? '';
  if (/^Serviz(?:io|i)$/.test(first)) return 'servizio';
  if (/^Uffic(?:io|i)$/.test(first)) return 'ufficio';
  if (first === 'Settore') return 'settore';
  if (first === 'Area') return 'area';
  return 'other';
}
