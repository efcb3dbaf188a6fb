/**
 * What the linking layer knows about the loaded plans, learned once per model: the shapes of its codes, its entities
 * by name and kind, the objective types it uses. Nothing here is written for a particular plan: a new plan brings
 * its own vocabulary.
 */
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';

export interface EntityName {
  /** as the plans write it: "Comune di X" */
  entity: string;
  /** the entity's own kind word, folded: comune, provincia… */
  kind: string;
  /** the place name, folded: "x" */
  name: string;
  files: string[];
}

export interface ModelVocabulary {
  /** token-class signatures of every code in the model (letters → A, digits → 9, spaces dropped) */
  codeShapes: ReadonlySet<string>;
  entities: EntityName[];
  /** objective types as the plans write them, folded and de-duplicated */
  objectiveTypes: string[];
}

/** A code's shape: `2020-XY09` → `9999-AA99`; spaces around separators do not count. */
export function codeShape(code: string): string {
  let out = '';
  for (const ch of fold(code)) {
    if (ch >= 'a' && ch <= 'z') out += 'A';
    else if (ch >= '0' && ch <= '9') out += '9';
    else if (ch !== ' ') out += ch === '–' ? '-' : ch;
  }
  return out;
}

/** A shape that only digits make (`9`, `99`) says nothing: any number has it. */
const isDistinctive = (shape: string) => /[^9]/.test(shape) || shape.length >= 6;

const cache = new WeakMap<PlanStore, ModelVocabulary>();

export function vocabularyOf(store: PlanStore): ModelVocabulary {
  const known = cache.get(store);
  if (known) return known;
  const shapes = new Set<string>();
  const add = (code: string | undefined) => {
    if (!code) return;
    const shape = codeShape(code);
    if (isDistinctive(shape)) shapes.add(shape);
  };
  for (const o of store.objectives) {
    add(o.code);
    for (const i of o.indicators) add(i.code);
  }
  for (const p of store.projects) add(p.code);

  const byEntity = new Map<string, EntityName>();
  for (const d of store.model.documents) {
    const folded = fold(d.entity).trim();
    const m = folded.match(/^(\S+)\s+(?:di|del|della|dei|delle|of)\s+(.+)$/);
    const entry = byEntity.get(d.entity) ?? {
      entity: d.entity,
      kind: m ? m[1]! : '',
      name: m ? m[2]! : folded,
      files: [],
    };
    entry.files.push(d.file);
    byEntity.set(d.entity, entry);
  }
  const types = [...new Set(store.objectives.map((o) => (o.type ? fold(o.type).trim() : '')).filter(Boolean))];
  const vocabulary = { codeShapes: shapes, entities: [...byEntity.values()], objectiveTypes: types };
  cache.set(store, vocabulary);
  return vocabulary;
}
