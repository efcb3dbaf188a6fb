/**
 * Levels of the strategic tree named by their title words or number, structures named together, sub-records of an
 * office and counts of a plan's structures: frames and answers over the invented Roccalta plans, in this file's own
 * wording.
 */
import { describe, expect, it } from 'vitest';
import { findStructures } from '../../src/answer/link-entities.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { stem } from '../../src/answer/text-match.ts';
import { PACKS } from '../../src/lang/packs.ts';
import { levelsNamedIn } from '../../src/linking/find-levels.ts';
import { namedOfficeOf } from '../../src/linking/find-role.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { wordsOf } from '../../src/linking/phrases.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { roccaltaStore } from './roccalta-plan.ts';

const store = roccaltaStore();
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const levels = (q: string) => levelsNamedIn(q, store, null).map((l) => l.label);
const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
const answer = async (q: string) => (await routeQuestion(ctx, q)).answer;

describe('levels named by the words of their title', () => {
  it.each([
    ["obiettivi dell'obiettivo strategico cura sentieristica", ['02.01 CURA DELLA RETE SENTIERISTICA']],
    [
      'which objectives serve the public value tutela paesaggio?',
      ['2. VALORE PUBBLICO - TUTELA DEL PAESAGGIO MONTANO'],
    ],
    ["progetti dell'azione spettacolo dal vivo", ['Spettacolo dal vivo']],
    ["cosa prevede l'area montagna?", ['AREA MONTAGNA']],
  ])('%s', (q, expected) => expect(levels(q)).toEqual(expected));

  it('keeps only the level whose words the question holds the most of', () =>
    // "prevenzione incendi boschivi" is three words of 02.02 and one ("boschi") of the mandate line
    expect(levels("obiettivi dell'obiettivo strategico prevenzione incendi boschivi")).toEqual([
      '02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI',
    ]));

  it.each([
    'obiettivi sulla cura della rete sentieristica',
    'montagna: quali obiettivi?',
    'progetti di spettacolo dal vivo',
  ])('reads no level without a level word: %s', (q) => expect(levels(q)).toEqual([]));

  it('reads a longer title from its words, not from one word of it', () => {
    expect(levels("progetti dell'indirizzo accogliente")).toEqual([]);
    expect(levels("progetti dell'indirizzo borgo accogliente")).toEqual(['BORGO ACCOGLIENTE']);
    // the level word must be of the level's own kind: an area word opens no azione
    expect(levels("progetti dell'area spettacolo")).toEqual([]);
  });

  it('reads a whole title written before its level word, as English puts it', () => {
    expect(levels('list the projects in the spettacolo dal vivo action')).toEqual(['Spettacolo dal vivo']);
    // part of a title before the level word names nothing
    expect(levels('projects of the dal vivo action')).toEqual([]);
  });

  it('reads a one-word title only right after its level word', () => {
    expect(levels("obiettivi dell'area giuridica")).toEqual(['AREA GIURIDICA']);
    expect(levels("obiettivi giuridici dell'area")).toEqual([]);
  });
});

describe('levels named by their number', () => {
  it.each([
    ['obiettivi della linea di mandato 02', '02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI'],
    ['objectives of mandate line 2', '02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI'],
    ['obiettivi della linea 2 della provincia', '02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI'],
    ["quali obiettivi ha l'obiettivo strategico 01.01?", '01.01 SEMPLIFICARE LE PRATICHE DEI COMUNI'],
  ])('%s', (q, expected) => expect(levels(q)).toEqual([expected]));

  it('takes the number of the level its word names, not another level numbered the same', () =>
    // the valore pubblico "2." and the linea di mandato "02." share a number
    expect(levels('valore pubblico 2, che obiettivi?')).toEqual(['2. VALORE PUBBLICO - TUTELA DEL PAESAGGIO MONTANO']));

  it('blanks the number, so it is read as no amount', () => {
    expect(linkQuestion("gli obiettivi dell'obiettivo strategico 02.01", store).amounts).toEqual([]);
  });
});

describe('the frame and the query of a level', () => {
  it('drops an office linked only from the words of the level', () => {
    // "foreste" alone would name Servizio Foreste; here it is a word of no level, so the office stays
    const kept = linkQuestion("obiettivi del servizio foreste nell'area montagna", store);
    expect(kept.structures.map((s) => s.name)).toEqual(['Servizio Foreste']);
    expect(kept.levels.map((l) => l.label)).toEqual(['AREA MONTAGNA']);
  });

  it('reads no objective type from the level word ("obiettivo strategico")', () =>
    expect(linkQuestion("obiettivi dell'obiettivo strategico cura sentieristica", store).types).toEqual([]));

  it('filters the records on the level, with the other conditions', () => {
    const c = computationFor(linkQuestion('obiettivi della linea di mandato 02', store), store);
    expect(c?.kind).toBe('list');
    const result = c?.kind === 'list' ? runPlanQuery(ctx, c.query) : null;
    expect(result?.ok && result.records.map((r) => r.key)).toEqual([
      '02.01.01.01',
      '02.02.01.01',
      '02.01.01.02',
      '02.01.01.03',
    ]);
  });
});

describe('answers by level and by structure', () => {
  it('answers a level with no record word with its plan’s records', async () => {
    const a = await answer("di cosa si occupa l'area giuridica di Roccalta?");
    expect(a).toContain('01.01.01.01');
    expect(a).not.toContain('02.01.01.01');
  });

  it('lists the projects of an azione', async () => {
    const a = await answer("quali progetti ricadono nell'azione ospitalità diffusa?");
    expect(a).toContain('2025_PC_5201');
    expect(a).not.toContain('2025_PC_5101');
  });

  it('lists the projects of two centres named together', async () => {
    const a = await answer('mostrami i progetti dei centri di responsabilità 51 e 52');
    expect(a).toContain('2025_PC_5102');
    expect(a).toContain('2025_PC_5201');
  });

  it('lists the phases of an office’s objectives when they are asked in the plural', async () => {
    const a = await answer("le fasi dell'ufficio archivio");
    expect(a).toContain('Censimento delle pratiche');
    expect(a).not.toContain('Turni delle vedette');
  });

  it('counts the centres of a plan asked in English', async () => {
    const a = await answer('how many cost centres does the Comune di Borgofranco have?');
    expect(a).toContain('SERVIZIO CULTURA');
    expect(a).toContain('SERVIZIO TURISMO');
  });
});

describe('the office of a topic', () => {
  it('names the office whose records are about the topic, with them', async () => {
    const reply = await routeQuestion(ctx, 'quale ufficio segue le vedette antincendio?');
    expect(reply.intent).toBe('office_of_topic');
    const a = reply.answer;
    expect(a).toContain('Servizio Foreste');
    expect(a).toContain('02.02.01.01');
    expect(a).not.toContain('Ufficio Archivio');
  });

  it('leaves a yes-or-no question about the offices to the other routes: it asks no office of a topic', async () => {
    const reply = await routeQuestion(ctx, 'gli uffici di Roccalta hanno le vedette antincendio?');
    expect(reply.intent).not.toBe('office_of_topic');
  });

  it('reads the verb after the office word as no name of an office', () => {
    const office = (q: string) => namedOfficeOf(wordsOf(q), LEXICONS, () => false)?.phrase ?? null;
    expect(office('quale ufficio gestisce i sentieri?')).toBeNull();
    expect(office('which office handles the trails?')).toBeNull();
    expect(office("dov'è l'ufficio tributi?")).toBe('ufficio tributi');
  });
});

describe('lists asked of a structure or of a plan', () => {
  it('lists the objectives of an office named by part of its name', async () => {
    const reply = await routeQuestion(ctx, 'obiettivi degli alpeggi della Provincia di Roccalta');
    expect(reply.intent).toBe('objectives_of_structure');
    expect(reply.answer).toContain('02.01.01.02');
    expect(reply.answer).toContain('02.01.01.03');
    expect(reply.answer).not.toContain('Sopralluogo');
  });

  it('reads the topic after "cosa prevede … per", in the plans named', async () => {
    expect(linkQuestion('cosa prevede il comune di Borgofranco per le biblioteche?', store).topic).toEqual([
      stem('biblioteche'),
    ]);
    const a = await answer('cosa prevede il comune di Borgofranco per le biblioteche?');
    expect(a).toContain('2025_PC_5102');
    expect(a).not.toContain('2025_PC_5101');
    // beside the record its description, not its title again under the searched field's name
    expect(a).not.toMatch(/\btext:/);
  });
});

describe('questions about the plans loaded', () => {
  it('says what each plan holds: its records of each kind and its structures', async () => {
    const reply = await routeQuestion(ctx, 'che piani conosci?');
    expect(reply.intent).toBe('help');
    expect(reply.answer).toContain('Provincia di Roccalta');
    expect(reply.answer).toMatch(/6 obiettivi, 5 fasi, 4 strutture/);
    expect(reply.answer).toMatch(/4 progetti, 2 strutture/);
  });

  it('answers the year of one entity’s plan with that plan alone', async () => {
    const reply = await routeQuestion(ctx, 'di che anno è il piano di Borgofranco?');
    expect(reply.intent).toBe('help');
    expect(reply.answer).toContain('Comune di Borgofranco');
    expect(reply.answer).not.toContain('Provincia di Roccalta');
  });
});

describe('offices named in short', () => {
  it('names a long office by its kind word and the first word of its name', () =>
    expect(
      findStructures("obiettivi dell'ufficio concessioni", store, { docs: null, entity: null, year: null }).map(
        (s) => s.name,
      ),
    ).toEqual(['Ufficio Concessioni Demaniali e Canoni Idrici']));

  it('reads what an office does as no words of a record title', async () => {
    const a = await answer('quali progetti gestisce il centro 51?');
    for (const code of ['2025_PC_5101', '2025_PC_5102', '2025_PC_5103']) expect(a).toContain(code);
  });
});
