/**
 * The area a structure belongs to ("AREA TECNICA" above its servizi), looked up by the structure's plan and name or
 * code: the level of a plan's tree a record sits under through its office, beside its strategic links.
 */
import type { Structure } from './model.ts';
import { fold } from './text.ts';

export type AreaLookup = (doc: string, name?: string | null) => string | undefined;

/** A lookup of the area of a structure by its plan and name (or code), built once per structure list. */
export function areaLookup(structures: readonly Structure[]): AreaLookup {
  const byKey = new Map<string, string>();
  for (const s of structures) {
    if (!s.area) continue;
    byKey.set(`${s.doc}\u0000${fold(s.name)}`, s.area);
    if (s.code) byKey.set(`${s.doc}\u0000${fold(s.code)}`, s.area);
  }
  return (doc, name) => (name ? byKey.get(`${doc}\u0000${fold(name)}`) : undefined);
}
