/**
 * The routes that answer about the plans' structures and about pianobot itself, over the small invented plan:
 * structures of a kind listed from the model, the work of one structure, plans asked for by year, a year no plan
 * covers, and who-is-asking clauses that say nothing asked. Questions in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { smallStore } from '../query/small-plan.ts';

const ctx: ToolContext = { store: smallStore(), search: null, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('structures listed from the model', () => {
  it('lists the offices of one entity, also those the plan files as centri di responsabilità', async () => {
    const a = await ask('mi elenchi gli uffici del Comune di Monteluce?');
    expect(a.intent).toBe('structure_list');
    expect(a.answer).toContain('Ufficio Mobilità');
    expect(a.answer).toContain('Ufficio Abitare');
    expect(a.answer).not.toContain('Servizio Biblioteche');
  });

  it('lists in English, with the head of each structure', async () => {
    const a = await ask('which services does the Comune di Lago Verde have?');
    expect(a.answer).toContain('Servizio Biblioteche');
    expect(a.answer).toContain('Neri Carla');
    expect(a.answer).not.toContain('Ufficio Abitare');
  });

  it('does not take one office asked for, or a structure named by its kind word, for a list', async () => {
    expect((await ask('quale ufficio segue il trasporto sociale?')).intent).not.toBe('structure_list');
    expect((await ask('totale dei cdr 41 e 42')).intent).not.toBe('structure_list');
  });

  it('does not list structures when the kind word sits deep in a question about something else', async () => {
    expect((await ask('which towns saw their library services moved to the region last year?')).intent).not.toBe(
      'structure_list',
    );
    expect((await ask('quanto ha speso Monteluce per gli sportelli dei servizi?')).intent).not.toBe('structure_list');
    // one word of its own before the kind word still asks for the list
    expect((await ask('Monteluce: quali uffici ha il Comune di Monteluce?')).intent).toBe('structure_list');
  });

  it('answers what a structure does with the objectives filed under it', async () => {
    const a = await ask('di che cosa si occupa il Servizio Biblioteche?');
    expect(a.answer).toContain('LV-BI01');
    expect(a.answer).toContain('LV-BI02');
  });

  it('answers what a centro di responsabilità does with its projects', async () => {
    const a = await ask('what does the Ufficio Mobilità do?');
    expect(a.answer).toContain('2023_PX_4101');
    expect(a.answer).toContain('2023_PX_4102');
    expect(a.answer).not.toContain('2023_PX_4201');
  });
});

describe('questions about pianobot', () => {
  it('lists only the plans of the year asked', async () => {
    const a = await ask('che piani hai per il 2023?');
    expect(a.intent).toBe('help');
    expect(a.answer).toContain('Comune di Monteluce');
    expect(a.answer).not.toContain('Comune di Lago Verde');
  });

  it('says plainly when no plan covers the year asked, then what is there', async () => {
    const a = await ask('which plans do you know for 2031?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/not found/);
    expect(a.answer).toContain('Comune di Monteluce');
  });

  it('drops who is asking before the question', async () => {
    const a = await ask('buonasera, sono un revisore dei conti: quali documenti conosci?');
    expect(a.intent).toBe('help');
    const b = await ask("hi, I'm a reporter at a local paper. What documents do you know?");
    expect(b.intent).toBe('help');
  });
});

describe('a year the plans in scope do not cover', () => {
  it('is said plainly for the records of an entity, with the years its plans cover', async () => {
    const a = await ask('progetti del 2030 del Comune di Monteluce');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('2030');
    expect(a.answer).toContain('2023');
    expect(a.answer).not.toContain('2023_PX_');
  });
});

describe('people the plans of an entity name', () => {
  it('lists the people of the role asked, in the entity asked', async () => {
    const a = await ask('chi sono i dirigenti del Comune di Monteluce?');
    expect(a.intent).toBe('people_of_entity');
    expect(a.answer).toContain('Gialli Piero');
    expect(a.answer).toContain('Viola Anna');
    expect(a.answer).not.toContain('Neri Carla');
  });

  it('leaves a count, or a question that says more, to the other routes', async () => {
    expect((await ask('quante persone lavorano al Comune di Monteluce?')).intent).not.toBe('people_of_entity');
    expect((await ask('are the Monteluce offices open to people in wheelchairs?')).intent).not.toBe('people_of_entity');
  });
});

describe('an office with a record set apart by its words', () => {
  it('lists the office records but that one, not the record its words name', async () => {
    const a = await ask('list the projects of centre 41 except the Centri estivi one');
    expect(a.answer).toContain('2023_PX_4101');
    expect(a.answer).not.toContain('2023_PX_4102');
  });
});
