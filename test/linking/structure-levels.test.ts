/**
 * A level of the strategic tree asked of an office ("in quale area sta…", "su quale linea di mandato lavora…"), a level
 * named by a number the plans do not have, and the title words written beside a level's number: over the invented
 * Roccalta plans, in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { findPeople, findStructures } from '../../src/answer/link-entities.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { levelKindsSaid, levelsNamedIn, unknownLevelsIn } from '../../src/linking/find-levels.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { ROCCALTA, roccaltaStore } from './roccalta-plan.ts';

const store = roccaltaStore();
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('title words written beside a level’s number', () => {
  it('reads them as an echo of the level, up to the first word of no title', () => {
    const [level] = levelsNamedIn("l'obiettivo strategico 02.02 - incendi boschivi: chi se ne occupa?", store, null);
    expect(level?.label).toBe('02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI');
    expect(level?.echoWords).toEqual(['incendi', 'boschivi']);
  });

  it('reads none when the words after the number are not the title’s', () => {
    const [level] = levelsNamedIn('linea di mandato 2 (montagna sicura) obiettivi', store, null);
    expect(level?.label).toBe('02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI');
    expect(level?.echoWords).toEqual([]);
  });
});

describe('kind words of a level said in a question', () => {
  it('finds the kind, the longest phrase first', () => {
    const { said } = levelKindsSaid('a quale obiettivo strategico mira il servizio foreste?');
    expect(said.map((s) => s.level)).toEqual(['obiettivoStrategico']);
  });

  it('reads no kind word inside a name the question says', () =>
    expect(levelKindsSaid('progetti di AREA GIURIDICA', ['AREA GIURIDICA']).said).toEqual([]));
});

describe('a level asked of an office', () => {
  it('answers the office’s own area', async () => {
    const a = await ask('in quale area si trova il servizio foreste?');
    expect(a.intent).toBe('structure_levels');
    expect(a.answer).toContain('AREA MONTAGNA');
    expect(a.answer).not.toContain('AREA GIURIDICA');
  });

  it('answers a strategic level from the office’s records', async () => {
    const a = await ask('Alpeggi e Malghe: obiettivo strategico di riferimento?');
    expect(a.answer).toContain('02.01 CURA DELLA RETE SENTIERISTICA');
    expect(a.answer).not.toContain('02.02');
  });

  it('lists each level with the office’s codes under it when there are several', async () => {
    const a = await ask('which strategic objectives does the Servizio Foreste work on?');
    expect(a.intent).toBe('structure_levels');
    expect(a.answer).toContain('02.01 CURA DELLA RETE SENTIERISTICA — 02.01.01.01');
    expect(a.answer).toContain('02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI — 02.02.01.01');
  });

  it('adds the head when the question asks it too', async () => {
    const a = await ask('il servizio cultura in quale indirizzo lavora e chi è il dirigente?');
    expect(a.answer).toContain('BORGO DELLE ARTI');
    expect(a.answer).toContain('Dolci Irene');
  });

  it('leaves a level word that asks nothing to the other routes', async () =>
    expect((await ask('progetti del servizio cultura nelle aree verdi')).intent).not.toBe('structure_levels'));
});

describe('a level named by a number the plans do not have', () => {
  it('is read only at the depth of the kind’s numbers', () => {
    expect(unknownLevelsIn('obiettivi della linea di mandato 4', store, null).map((u) => u.number)).toEqual(['4']);
    expect(unknownLevelsIn('obiettivi della linea di mandato 2', store, null)).toEqual([]);
    expect(unknownLevelsIn("l'obiettivo strategico 02.01.07", store, null)).toEqual([]);
  });

  it('is said not found, with the levels of that kind there are', async () => {
    const a = await ask("quali obiettivi ha l'obiettivo strategico 03.04?");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('03.04');
    expect(a.answer).toContain('02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI');
  });
});

describe('an office named in English words', () => {
  it('is no unknown person', () =>
    expect(findPeople('show the objectives of the Legal Office in Roccalta', store).unknownName).toBeNull());
});

describe('names two plans write alike', () => {
  // the comune's cultura office sits in an area titled like the provincia's, without the kind word
  const twin = new PlanStore(
    PlanModelSchema.parse({
      ...ROCCALTA,
      structures: [
        ...ROCCALTA.structures.map((x) => (x.code === '51' ? { ...x, area: 'GIURIDICA' } : x)),
        { ...ROCCALTA.structures[1]!, name: 'Servizio Foreste-Vivai e Pascoli' },
      ],
      // a line whose title opens on the entity's own name
      objectives: [
        ...ROCCALTA.objectives,
        {
          ...ROCCALTA.objectives[0]!,
          code: '03.01.01.01',
          strategic: { lineaMandato: '03. LINEA DI MANDATO - LA PROVINCIA DI ROCCALTA PER I GIOVANI' },
        },
      ],
    }),
  );

  it('reads an area titled alike in two plans as the one of the plan of the other level named', () => {
    const named = levelsNamedIn("valore pubblico 1: obiettivi dell'area giuridica", twin, null);
    expect(named.map((l) => l.label)).toEqual([
      '1. VALORE PUBBLICO - QUALITÀ DEI SERVIZI AMMINISTRATIVI',
      'AREA GIURIDICA',
    ]);
    // alone, it is either plan's: no level is read
    expect(levelsNamedIn("obiettivi dell'area giuridica", twin, null)).toEqual([]);
  });

  it('names the longer office that holds the short one’s name and more of the question’s words', () => {
    const scope = { docs: null, entity: null, year: null };
    expect(findStructures('obiettivi del Servizio Foreste-Vivai', twin, scope).map((x) => x.name)).toEqual([
      'Servizio Foreste-Vivai e Pascoli',
    ]);
    expect(findStructures('obiettivi del Servizio Foreste', twin, scope).map((x) => x.name)).toEqual([
      'Servizio Foreste',
    ]);
  });
});

describe('levels of a kind asked of a plan', () => {
  it('lists the labels of the kind the plan’s records hang from, counted', async () => {
    const a = await ask('elenca le linee di mandato della Provincia di Roccalta');
    expect(a.intent).toBe('plan_levels');
    expect(a.answer).toContain('2 voci');
    expect(a.answer).toContain('01. LINEA DI MANDATO - UN ENTE VICINO AI PICCOLI COMUNI');
    expect(a.answer).toContain('02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI');
  });

  it('counts them when asked how many', async () => {
    const a = await ask('quante aree ha la Provincia di Roccalta?');
    expect(a.answer).toContain('AREA GIURIDICA');
    expect(a.answer).toContain('AREA MONTAGNA');
    expect(a.answer).toContain('2 voci');
  });

  it('leaves a level asked of a record named after it to the record', async () =>
    expect(
      (await ask('in che azione rientra il progetto Stagione teatrale del Comune di Borgofranco?')).intent,
    ).not.toBe('plan_levels'));

  it('answers the kind an office’s question opens on', async () => {
    const a = await ask('obiettivi strategici del servizio foreste');
    expect(a.intent).toBe('structure_levels');
    expect(a.answer).toContain('02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI');
  });
});

describe('a level title that opens on the entity’s name', () => {
  const twin = new PlanStore(
    PlanModelSchema.parse({
      ...ROCCALTA,
      objectives: [
        ...ROCCALTA.objectives,
        {
          ...ROCCALTA.objectives[0]!,
          code: '03.01.01.01',
          strategic: { lineaMandato: '03. LINEA DI MANDATO - LA PROVINCIA DI ROCCALTA PER I GIOVANI' },
        },
      ],
    }),
  );

  it('is not named by the entity alone', () => {
    expect(levelsNamedIn('quante linee di mandato ha la Provincia di Roccalta?', twin, null)).toEqual([]);
    expect(
      levelsNamedIn('obiettivi della linea di mandato la provincia di roccalta per i giovani', twin, null).map(
        (l) => l.label,
      ),
    ).toEqual(['03. LINEA DI MANDATO - LA PROVINCIA DI ROCCALTA PER I GIOVANI']);
  });
});

describe('a kind word said loosely before another kind’s title', () => {
  it('reads the level whose whole title follows it', () => {
    const [level] = levelsNamedIn('progetti del servizio cultura nella linea spettacolo dal vivo', store, null);
    expect([level?.level, level?.label]).toEqual(['azione', 'Spettacolo dal vivo']);
  });

  it('reads no one-word title that way', () =>
    expect(levelsNamedIn('obiettivi della linea montagna', store, null)).toEqual([]));
});

describe('people ranked by the records under a level', () => {
  it('are said with the offices they head in those plans', async () => {
    const a = await ask("chi lavora sull'indirizzo Borgo delle arti?");
    expect(a.answer).toContain('Dolci Irene (SERVIZIO CULTURA)');
    expect(a.answer).not.toContain('SERVIZIO TURISMO');
  });
});

describe('a level asked after the office', () => {
  it('is read from the kind word said last', async () =>
    expect((await ask('servizio foreste: area?')).answer).toContain('AREA MONTAGNA'));
});
