/**
 * Who works in a structure, and cost verbs read as the budget, over the small invented plan. Questions in this
 * file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

/** the small plan with named staff: two people on both of centre 41's projects, one more on the second only */
const TEAMS: Record<string, [string, string, string][]> = {
  '2023_PX_4101': [
    ['Gialli Piero', 'Dirigente', '2,00 %'],
    ['Fabbri Ugo', 'Dipendente', '40,00 %'],
  ],
  '2023_PX_4102': [
    ['Gialli Piero', 'Dirigente', '3,00 %'],
    ['Fabbri Ugo', 'Dipendente', '60,00 %'],
    ['Moro Ines', 'Posizione Organizzativa', '25,00 %'],
  ],
  '2023_PX_4201': [['Sala Dario', 'Dipendente', '100,00 %']],
  '2023_PX_4202': [['Conti Lia', 'Dipendente', '50,00 %']],
};
const store = new PlanStore({
  ...SMALL_MODEL,
  // an office with a staff word in its own name
  structures: [
    ...SMALL_MODEL.structures,
    {
      doc: 'a.txt',
      name: 'Unità di Staff Sindaco',
      kind: 'servizio',
      head: 'Neri Carla',
      span: { doc: 'a.txt', lineStart: 3, lineEnd: 3 },
    },
  ],
  projects: SMALL_MODEL.projects.map((p) => ({
    ...p,
    staff: (TEAMS[p.code] ?? []).map(([name, relation, text], i) => ({
      name,
      relation,
      commitment: { text, value: Number.parseFloat(text.replace(',', '.')) },
      span: { doc: p.doc, lineStart: 60 + i, lineEnd: 60 + i },
    })),
  })),
});
const staffCtx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const publicCtx: ToolContext = { ...staffCtx, includeInternal: false };
const ask = (q: string, ctx = staffCtx) => routeQuestion(ctx, q);

describe('the people who work in a structure', () => {
  it('lists the names of its projects’ staff tables, each with its projects and commitment as written', async () => {
    const a = await ask("chi c'è a lavorare nell'Ufficio Mobilità?");
    expect(a.intent).toBe('structure_staff');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Fabbri Ugo — Dipendente: 2023_PX_4101 40,00 %, 2023_PX_4102 60,00 %');
    expect(a.answer).toContain('Moro Ines — Posizione Organizzativa: 2023_PX_4102 25,00 %');
    expect(a.answer).toMatch(/\b3 nomi distinti\b.*calcolato/);
    // the head is said apart, not as one of the rows, and the other centre's staff is not there
    expect(a.answer).toMatch(/Gialli Piero \(compare anche nelle tabelle del personale di 2 progetti\)/);
    expect(a.answer).not.toMatch(/• Gialli Piero/);
    expect(a.answer).not.toContain('Sala Dario');
  });

  it('reads a commitment word as the staff, even after a kind of record', async () => {
    const a = await ask("chi risulta impegnato sui progetti dell'Ufficio Abitare?");
    expect(a.intent).toBe('structure_staff');
    expect(a.answer).toContain('Sala Dario');
  });

  it('reads being part of a structure, asked of people, as its staff', async () => {
    expect((await ask("chi fa parte dell'Ufficio Abitare?")).intent).toBe('structure_staff');
    expect((await ask('who belongs to the Ufficio Abitare?')).intent).toBe('structure_staff');
    // asked of records, it is their list
    expect((await ask("quali progetti fanno parte dell'Ufficio Abitare?")).intent).not.toBe('structure_staff');
    expect((await ask('quali uffici fanno parte del Comune di Monteluce?')).intent).not.toBe('structure_staff');
  });

  it('counts them in English, saying the count is computed from the tables', async () => {
    const a = await ask('how many employees does the Ufficio Abitare have?');
    expect(a.intent).toBe('structure_staff');
    expect(a.answer).toMatch(/\b2 distinct names\b.*computed/);
    expect(a.answer).toContain('Sala Dario');
    expect(a.answer).toContain('Conti Lia — Dipendente: 2023_PX_4202 50,00 %');
    expect(a.answer).toContain('Viola Anna');
  });

  it('says plainly that no staff is listed where the plan has no staff table, and gives the head', async () => {
    const a = await ask('quanti dipendenti ha il Servizio Biblioteche?');
    expect(a.intent).toBe('not_found_structure_staff');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/nessun/);
    expect(a.answer).toContain('Neri Carla');
  });

  it('leaves questions about records, the head or a number of projects to their own routes', async () => {
    expect((await ask("chi è il dirigente dell'Ufficio Mobilità?")).intent).not.toMatch(/structure_staff/);
    expect((await ask("quanti progetti sono assegnati all'Ufficio Mobilità?")).intent).not.toMatch(/structure_staff/);
    expect((await ask('di cosa si occupa il Servizio Biblioteche?')).intent).not.toMatch(/structure_staff/);
    // "staff" is a word of the office's name here, not a question about its staff
    expect((await ask("obiettivi dell'Unità di Staff Sindaco")).intent).not.toMatch(/structure_staff/);
  });

  it('shows no staff table to the public audience', async () => {
    const a = await ask("chi lavora nell'Ufficio Mobilità?", publicCtx);
    expect(a.intent).not.toMatch(/structure_staff/);
    expect(a.answer).not.toContain('Fabbri Ugo');
  });
});

describe('verbs of cost read as the budget', () => {
  it('lists the projects of a centre with the budget of each', async () => {
    const a = await ask("quanto costano i progetti dell'Ufficio Mobilità?");
    expect(a.answer).toContain('1.200.000,00');
    expect(a.answer).toContain('350.000,50');
  });

  it('keeps the cost of a thing that is no record from the list of an office one of its words names', async () => {
    const a = await ask("quanto costa l'abbonamento della mobilità?");
    expect(a.answer).not.toContain('1.200.000,00');
    expect(a.found).toBe(false);
  });

  it("lists a person's projects with the budget of each when their cost is asked", async () => {
    const a = await ask('quanto costano i progetti diretti da Viola Anna?');
    expect(a.answer).toContain('2023_PX_4201');
    expect(a.answer).toMatch(/budget: 0,00/);
    expect(a.answer).not.toContain('2023_PX_4101');
  });

  it('reads the cost verb in another tense too', async () => {
    const a = await ask("quanto verranno a costare i progetti dell'Ufficio Abitare?");
    expect(a.answer).toContain('0,00');
    expect(a.answer).toContain('2023_PX_4202');
  });
});
