import { describe, expect, it } from 'vitest';
import { findStructures } from '../../src/answer/link-entities.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { distinctiveNameWords, nameStem, structureIndexOf } from '../../src/linking/structure-index.ts';
import type { Structure } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
// the same offices in each plan, as a province's member towns have them, plus a few of their own
const NAMES = [
  'Servizio Politiche Giovanili',
  'Settore Lavori Pubblici e Manutenzioni',
  'Ufficio Tributi',
  'Corpo P.M',
  'Servizio Cultura Sport e Turismo',
  'Area Servizi Demografici',
];
const structures: Structure[] = ['a.txt', 'b.txt', 'c.txt'].flatMap((doc, d) =>
  NAMES.map((name, i) => ({ doc, name, code: String(50 + i + d), kind: 'servizio' as const, span: span(doc, i + 1) })),
);
const store = new PlanStore({ ...SMALL_MODEL, structures });

/** What findStructures did before the index: every structure's name words tested against the question. */
function scanned(question: string, docs: string[] | null): Structure[] {
  const q = fold(question);
  const scored = structures
    .filter((s) => !docs || docs.includes(s.doc))
    .map((s) => {
      const words = distinctiveNameWords(s.name);
      const hit = words.filter((w) => new RegExp(`\\b${nameStem(w)}`).test(q)).length;
      return { s, score: words.length ? hit / words.length : 0, hit };
    })
    .filter(
      (x) =>
        x.score >= 0.99 ||
        (x.score >= 0.6 && x.hit >= 2) ||
        (x.score >= 0.5 && fold(x.s.name).split(/\s+/).length <= 3),
    );
  const best = Math.max(0, ...scored.map((x) => x.score));
  return scored.filter((x) => x.score === best && best > 0).map((x) => x.s);
}

describe('structure index', () => {
  it.each([
    ['chi guida le politiche giovanili?', null, 3],
    ['obiettivi dei lavori pubblici e delle manutenzioni', null, 3],
    ['quanto incassano i tributi', ['b.txt'], 1],
    ['cultura, sport e turismo nel 2024', ['a.txt', 'c.txt'], 2],
    ['servizi demografici!', null, 3],
    ['una domanda che non nomina nessun ufficio', null, 0],
  ] as const)('finds the structures a scan of every name finds: %s', (question, docs, count) => {
    const scope = { docs: docs ? [...docs] : null, entity: null, year: null };
    const found = findStructures(question, store, scope);
    expect(found).toEqual(scanned(question, scope.docs));
    expect(found).toHaveLength(count);
  });

  it('finds a structure by its code, only in the plans in scope', () => {
    const scope = { docs: ['b.txt'], entity: null, year: null };
    expect(findStructures('il servizio 52', store, scope).map((s) => [s.doc, s.name])).toEqual([
      ['b.txt', 'Settore Lavori Pubblici e Manutenzioni'],
    ]);
  });

  it('finds an acronym by the initials of the words it stands for, and a name said in full, in model order', () => {
    const named = linkQuestion('obiettivi della polizia municipale e di ufficio tributi', store).structures;
    expect(named.filter((s) => s.name === 'Corpo P.M').map((s) => s.doc)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(named.filter((s) => s.name === 'Ufficio Tributi').map((s) => s.doc)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('is built once per store', () => {
    expect(structureIndexOf(store)).toBe(structureIndexOf(store));
  });
});
