/**
 * Lists scoped by an office and a level of the plan's tree, in the wordings people use: a level's title in quotes, an
 * office whose name shares words with the level's title, an office whose name opens a longer one, a level's kind
 * written short; and what is said when the office or the level is not there. Over the invented Roccalta plans, with
 * two offices added, in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { blankLevelWords, levelsNamedIn, unknownLevelTitlesIn } from '../../src/linking/find-levels.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { unknownStructureName } from '../../src/linking/unknown-structure-number.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { ROCCALTA } from './roccalta-plan.ts';

const LM2 = '02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI';
const base = ROCCALTA.structures[1]!;
const model = structuredClone(ROCCALTA);
// an office named like the line of mandate's title, and one whose name opens with another office's
model.structures.push(
  { ...base, name: 'Servizio Rifugi e Bivacchi', area: undefined },
  { ...base, name: 'Servizio Foreste-Vedette e Antincendio', area: undefined },
);
model.objectives.push(
  {
    ...model.objectives[4]!,
    code: '02.01.01.04',
    title: 'Riapertura del rifugio di vetta',
    structure: 'Servizio Rifugi e Bivacchi',
    owners: ['Servizio Rifugi e Bivacchi'],
  },
  {
    ...model.objectives[2]!,
    code: '02.02.01.02',
    title: 'Torrette di avvistamento',
    structure: 'Servizio Foreste-Vedette e Antincendio',
    owners: ['Servizio Foreste-Vedette e Antincendio'],
  },
);
const store = new PlanStore(PlanModelSchema.parse(model));
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const frame = (q: string) => linkQuestion(normalizeQuestion(q, store), store);
const ask = (q: string) => routeQuestion(ctx, q);

describe('a level named in quotes', () => {
  it('is read with its quoted words, which then ask for no title', () => {
    const f = frame("progetti del cdr 51 sotto l'azione 'Spettacolo dal vivo'");
    expect(f.levels.map((l) => l.label)).toEqual(['Spettacolo dal vivo']);
    expect(f.quoted).toEqual([]);
    const c = computationFor(f, store);
    expect(c?.kind).toBe('list');
  });

  it('lists the office’s records under it only', async () => {
    const a = await ask('projects of centre 51 under the action "Lettura e biblioteche"');
    expect(a.answer).toContain('2025_PC_5102');
    expect(a.answer).not.toContain('2025_PC_5101');
  });
});

describe('title words of a level, and the office named after them', () => {
  it('blanks the words only where they named the level', () => {
    const q = 'linea di mandato 2 - rifugi e boschi - per il Servizio Rifugi e Bivacchi';
    const levels = levelsNamedIn(q, store, null);
    expect(levels[0]?.label).toBe(LM2);
    const blanked = blankLevelWords(q, levels);
    expect(blanked).toContain('Servizio Rifugi e Bivacchi');
    expect(blanked).not.toMatch(/- rifugi/);
  });

  it('still names the office', () => {
    const f = frame('obiettivi della linea di mandato 2 – rifugi e boschi – del Servizio Rifugi e Bivacchi');
    expect(f.structures.map((s) => s.name)).toEqual(['Servizio Rifugi e Bivacchi']);
  });
});

describe('an office whose name opens a longer one', () => {
  it('names the longer office only when written as its opening', () => {
    expect(frame('obiettivi del Servizio Foreste-Vedette').structures.map((s) => s.name)).toEqual([
      'Servizio Foreste-Vedette e Antincendio',
    ]);
  });

  it('names both when the shorter one is written on its own too', () => {
    const names = frame('obiettivi del Servizio Foreste e del Servizio Foreste-Vedette').structures.map((s) => s.name);
    expect(names).toContain('Servizio Foreste');
    expect(names).toContain('Servizio Foreste-Vedette e Antincendio');
  });
});

describe('a level named by one word of its title', () => {
  it('is the one level of the kind whose title opens with it, written right after the kind word', () =>
    expect(frame("progetti dell'azione ospitalità del cdr 52").levels.map((l) => l.label)).toEqual([
      'Ospitalità diffusa',
    ]));
});

describe('a level named by its whole title, without its kind word', () => {
  it('scopes the list of the office named', () =>
    expect(frame('spettacolo dal vivo e cdr 51: che progetti?').levels.map((l) => l.label)).toEqual([
      'Spettacolo dal vivo',
    ]));

  it('names no level without an office named', () => expect(frame('progetti spettacolo dal vivo').levels).toEqual([]));
});

describe('a level’s kind written short', () => {
  it('is spelt out', () =>
    expect(normalizeQuestion('ob. strat. 02.01 del Servizio Foreste', store)).toContain('obiettivo strategico 02.01'));
});

describe('a level named by words no level of its kind has', () => {
  const unknown = (q: string) => unknownLevelTitlesIn(q, store, null).map((u) => u.said);

  it('is found when a title holds one of its words but none both', () =>
    expect(unknown("progetti dell'azione Spettacolo itinerante del cdr 51")).toEqual(['Spettacolo itinerante']));

  it('is found, as written', () =>
    expect(unknown("progetti dell'azione Nautica sportiva del cdr 51")).toEqual(['Nautica sportiva']));

  it.each([
    // a word of an azione's title
    "progetti dell'azione spettacolo del cdr 51",
    // which azione is asked, not one named
    'in quale azione rientra la stagione teatrale?',
    // an office's words after the kind word said loosely
    "l'azione cultura del comune",
  ])('is not read in: %s', (q) => expect(unknown(q)).toEqual([]));

  it('is said not found, with the levels of its kind', async () => {
    const a = await ask("progetti dell'azione Nautica sportiva del cdr 51");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('Nautica sportiva');
    expect(a.answer).toContain('Spettacolo dal vivo');
  });
});

describe('an office named as no office is', () => {
  const unknown = (q: string) => unknownStructureName(q, store, null)?.said ?? null;

  it('is found when written as a name', () =>
    expect(unknown('obiettivi del Servizio Pesca della Provincia di Roccalta')).toBe('Servizio Pesca'));

  it.each(['obiettivi del Servizio Foreste', 'obiettivi del servizio pesca', 'progetti del Servizio 51'])(
    'is not read in: %s',
    (q) => expect(unknown(q)).toBeNull(),
  );

  it('is said not found beside a level, with the offices there are', async () => {
    const a = await ask('obiettivi del Servizio Pesca nella linea di mandato 2');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('Servizio Pesca');
    expect(a.answer).toContain('Servizio Foreste');
  });

  it('says a centre number not there beside a level named', async () => {
    const a = await ask("progetti del cdr 59 nell'azione Spettacolo dal vivo");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('cdr 59');
  });
});

describe('an entity’s records asked with its plan named', () => {
  it('answers what the plan holds for an office', async () => {
    const a = await ask("what's in the Borgofranco plan for the Servizio Turismo?");
    expect(a.answer).toContain('2025_PC_5201');
    expect(a.answer).not.toContain('2025_PC_5101');
  });

  it('lists them', async () => {
    const a = await ask('objectives in the Roccalta PIAO');
    for (const code of ['01.01.01.01', '02.02.01.01', '02.01.01.03']) expect(a.answer).toContain(code);
    expect(a.answer).not.toContain('2025_PC_5101');
  });

  it.each(['objectives in the Roccalta PIAO', 'gli obiettivi nel piano della Provincia di Roccalta'])('%s', (q) =>
    expect(frame(q).listAll).toBe(true),
  );
});
