/**
 * The levels of a plan's strategic tree a record sits under (valore pubblico, linea di mandato, indirizzo, obiettivo
 * strategico / operativo, azione, area), as the plan writes them, with the area of the structure it belongs to: what
 * a question may name to ask for "the objectives of the mandate line …" or "the projects of the action …".
 */
import type { StrategicLink, Structure } from './model.ts';
import { fold } from './text.ts';

/** the strategic link fields that name a level of the tree; a DUP reference number ("5--10") names none */
const LEVEL_FIELDS = [
  'valorePubblico',
  'lineaMandato',
  'indirizzo',
  'obiettivoStrategico',
  'obiettivoOperativo',
  'azione',
  'area',
] as const satisfies readonly (keyof StrategicLink)[];

export type LevelField = (typeof LEVEL_FIELDS)[number];

/** The levels a record sits under: its strategic link's, then the area of its structure when the plan gives one. */
export function levelsOfRecord(strategic: StrategicLink | undefined, area: string | undefined): string[] {
  const out: string[] = [];
  for (const f of LEVEL_FIELDS) {
    const v = strategic?.[f];
    if (v && !out.includes(v)) out.push(v);
  }
  if (area && !out.some((v) => fold(v) === fold(area))) out.push(area);
  return out;
}

/** Each level value with its field: the strategic link's, and the area as `area`. */
export function levelEntries(
  strategic: StrategicLink | undefined,
  area: string | undefined,
): { field: LevelField; value: string }[] {
  const out: { field: LevelField; value: string }[] = [];
  for (const f of LEVEL_FIELDS) {
    const v = strategic?.[f];
    if (v) out.push({ field: f, value: v });
  }
  if (area) out.push({ field: 'area', value: area });
  return out;
}

/** A lookup of the area of a structure by its plan and name (or code), built once per structure list. */
export function areaLookup(
  structures: readonly Structure[],
): (doc: string, name?: string | null) => string | undefined {
  const byKey = new Map<string, string>();
  for (const s of structures) {
    if (!s.area) continue;
    byKey.set(`${s.doc}\u0000${fold(s.name)}`, s.area);
    if (s.code) byKey.set(`${s.doc}\u0000${fold(s.code)}`, s.area);
  }
  return (doc, name) => (name ? byKey.get(`${doc}\u0000${fold(name)}`) : undefined);
}
