/**
 * Structures named as people name them, records named by their words beside their structure, phases and year sheets
 * named by their wording, and a record's sentence that answers: over the invented Valbruna plan, in this file's own
 * wording.
 */
import { describe, expect, it } from 'vitest';
import { findStructures } from '../../src/answer/link-entities.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { structureIndexOf, withOfficeNames } from '../../src/linking/structure-index.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { valbrunaStore } from './valbruna-plan.ts';

const store = valbrunaStore();
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);
const everywhere = { docs: null, entity: null, year: null };

describe('offices named in other words', () => {
  it('adds the plans’ words for an office said in English or by a common synonym', () => {
    expect(withOfficeNames('who is in charge of the local police?')).toContain(' polizia municipale ');
    expect(withOfficeNames('chi guida i vigili urbani?')).toContain(' polizia municipale ');
    expect(withOfficeNames('what does the finance office do?')).toContain(' finanziari ');
    expect(withOfficeNames('quando apre la biblioteca?')).not.toContain('polizia');
  });

  it('finds a structure whose name the plan misspelt, by the word as people write it', () => {
    const found = findStructures('gli obiettivi delle risorse umane', store, everywhere);
    expect(found.map((s) => s.name)).toEqual(['Risorese Umane e Organizzazione']);
    expect(structureIndexOf(store).byMisspelling.size).toBeGreaterThan(0);
  });

  it('finds it from English too', () => {
    const found = findStructures('human resources and organisation, please', store, everywhere);
    expect(found.map((s) => s.name)).toContain('Risorese Umane e Organizzazione');
  });
});

describe('structures in answers', () => {
  it('names who looks after an office called by its English name, read through its acronym', async () => {
    const a = await ask('who looks after the local police of the Comune di Valbruna?');
    expect(a.answer).toContain('Conti Marta');
    expect(a.answer).not.toContain('Fanti Ugo');
  });

  it('takes a place two entities share as the one holding the structure named in full', async () => {
    const a = await ask('la Polizia Provinciale di Valbruna di cosa si occupa?');
    expect(a.answer).toContain('PV-01');
  });

  it('answers the record the other words name, not the structure’s whole list', async () => {
    const a = await ask("Viabilità e Verde: com'è l'obiettivo sui ponti?");
    expect(a.answer).toContain('VB-VV1');
    expect(a.answer).not.toContain('VB-VV2');
    const b = await ask("mi dici l'obiettivo delle risorse umane sul lavoro agile?");
    expect(b.answer).toContain('VB-RU2');
    expect(b.answer).not.toContain('VB-RU1');
  });

  it('reads the English words through the glossary, leaving out those no title holds', async () => {
    const a = await ask('Viabilità e Verde in Valbruna: which is the objective about rebuilding the bridges?');
    expect(a.answer).toContain('VB-VV1');
    expect(a.answer).not.toContain('VB-VV2');
  });

  it('still lists a structure’s records when no other word names one of them', async () => {
    const a = await ask('quali obiettivi ha Viabilità e Verde?');
    expect(a.answer).toContain('VB-VV1');
    expect(a.answer).toContain('VB-VV2');
  });

  it('reads "the social services department" as one structure, not a list of services', async () => {
    const a = await ask('what does the social services department of Valbruna work on?');
    expect(a.intent).not.toBe('structure_list');
    expect(a.answer).toContain('VB-SS1');
    expect(a.answer).toContain('VB-SS2');
  });

  it('gives the head and the objectives when both are asked', async () => {
    const a = await ask('chi dirige Viabilità e Verde e quali sono i suoi obiettivi?');
    expect(a.answer).toContain('Sarti Elena');
    expect(a.answer).toContain('VB-VV1');
  });
});

describe('sub-records and sentences named by their words', () => {
  it('finds a phase by its ordinal written as a word', async () => {
    const a = await ask('i ponti comunali: quando finisce il secondo lotto dei lavori?');
    expect(a.answer).toContain('31/03/2023');
    expect(a.answer.split('\n')[0]).not.toContain('30/06/2022');
  });

  it('gives only the sheet of the year asked', async () => {
    const a = await ask('aree verdi curate: valore atteso 2023?');
    expect(a.answer).toContain('18');
    expect(a.answer).not.toContain('30 giugno 2022');
  });

  it('quotes the sentence holding the act asked for', async () => {
    const law = await ask('manutenzione del verde nei giardini: in base a quale decreto?');
    expect(law.answer).toContain('D. Lgs. 152/2006');
  });

  it('quotes a sentence that opens a list together with its items', async () => {
    const a = await ask('manutenzione del verde nei giardini: quali aree sono coinvolte?');
    expect(a.answer).toContain('via Fiume');
    expect(a.answer).toContain('stazione');
  });
});
