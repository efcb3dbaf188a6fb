/**
 * The structures a plan names through its objectives (a Centro di Responsabilità, a settore, a PIAO STRUTTURA), one
 * record per name (accent- and case-folded), in the order the document first names them. What a structure is said to
 * be is read only where the document leaves no doubt:
 * - its head, when every objective of the structure has one and the same single owner (two owners, or an objective
 *   with none, and no head is claimed);
 * - its area, when every objective of the structure that has an area has the same one.
 */
import type { Objective, SourceSpan, Structure } from '../../../src/plan/model.ts';
import { fold } from '../../../src/plan/text.ts';

export interface StructureMention {
  name: string;
  span: SourceSpan;
}

export interface StructureOptions {
  kind: (name: string) => Structure['kind'];
  /** the role a head is given; none: the owners are not people who head the structure */
  headRole?: string;
}

export function structuresOf(
  doc: string,
  mentions: readonly StructureMention[],
  objectives: readonly Objective[],
  options: StructureOptions,
): Structure[] {
  const byKey = new Map<string, Structure>();
  for (const { name, span } of mentions) {
    const key = fold(name);
    if (!name || byKey.has(key)) continue;
    const structure: Structure = { doc, name, kind: options.kind(name), span };
    const own = objectives.filter((o) => o.structure !== undefined && fold(o.structure) === key);
    const owners = new Set(own.map((o) => o.owners.join(' / ')));
    const only = [...owners][0];
    if (options.headRole && owners.size === 1 && only && !only.includes(' / ')) {
      structure.head = only;
      structure.headRole = options.headRole;
    }
    const areas = new Set(own.flatMap((o) => (o.strategic?.area ? [o.strategic.area] : [])));
    if (areas.size === 1) structure.area = [...areas][0]!;
    byKey.set(key, structure);
  }
  return [...byKey.values()];
}

/** Each objective's structure, where its record opens. */
export const mentionsOf = (objectives: readonly Objective[]): StructureMention[] =>
  objectives.flatMap((o) => (o.structure ? [{ name: o.structure, span: o.span }] : []));
