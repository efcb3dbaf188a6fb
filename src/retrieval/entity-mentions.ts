/**
 * Which of the indexed entities a question names: "Provincia di Prato", "in Prato", "a Serravalle", "the Provincia".
 * Passages of a named entity are preferred, never required (a question may compare two entities).
 */
import { analyze } from './analyze.ts';

/** Words that say what kind of body an entity is, not which one. */
const KIND_WORDS = new Set(
  ['comun', 'provinc', 'region', 'citta', 'metropolitan', 'union', 'municipi', 'ente'].map(
    (w) => analyze(w).words[0] ?? w,
  ),
);

interface EntityWords {
  entity: string;
  name: string[];
  kind: string[];
}

export interface EntityMatcher {
  /** entity → strength (1: its name or, when unique, its kind is named; 2: both) for the entities the question names most clearly */
  named(question: string): Map<string, number>;
}

export function entityMatcher(entities: readonly string[]): EntityMatcher {
  const known: EntityWords[] = [...new Set(entities)]
    .filter((e) => e.trim() !== '')
    .map((entity) => {
      const words = analyze(entity).words;
      return { entity, name: words.filter((w) => !KIND_WORDS.has(w)), kind: words.filter((w) => KIND_WORDS.has(w)) };
    });
  const kindCount = new Map<string, number>();
  for (const e of known) for (const k of e.kind) kindCount.set(k, (kindCount.get(k) ?? 0) + 1);

  return {
    named(question) {
      const words = new Set(analyze(question).words);
      const scores = new Map<string, number>();
      for (const e of known) {
        const nameSaid = e.name.length > 0 && e.name.every((w) => words.has(w));
        const kindSaid = e.kind.length > 0 && e.kind.every((w) => words.has(w));
        const uniqueKind = kindSaid && e.kind.every((k) => kindCount.get(k) === 1);
        const score = nameSaid ? (kindSaid ? 2 : 1) : uniqueKind ? 1 : 0;
        if (score > 0) scores.set(e.entity, score);
      }
      const best = Math.max(0, ...scores.values());
      return new Map([...scores].filter(([, s]) => s === best));
    },
  };
}
