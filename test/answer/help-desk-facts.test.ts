/**
 * The help desk's facts and plan contents by year: what a sentence must hold to state a capacity (a figure) or opening
 * hours (a time of day), the years a record speaks of (its own years, its yearly sheets, its phases' dates), and the
 * plain "not found" for a year a record does not speak of. Over the small invented plan, with passages of its own
 * served by a keyword stand-in for the index; questions in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { holdsField, statesKind } from '../../src/answer/routes/passage-route.ts';
import type { AskedField } from '../../src/lang/language-pack.ts';
import { packFor } from '../../src/lang/packs.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import { phasesReachYear, recordYears, yearMissingFrom } from '../../src/query/record-years.ts';
import type { Chunk } from '../../src/retrieval/chunk.ts';
import type { SearchHit, SearchIndex } from '../../src/retrieval/search-index.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const passage = (line: number, text: string): Chunk => ({
  id: `a.txt:${line}-${line}`,
  doc: 'a.txt',
  entity: 'Comune di Lago Verde',
  kind: 'piano_obiettivi',
  form: 'narrative',
  section: 'Piano > Servizi',
  lineStart: line,
  lineEnd: line,
  text,
});

const PASSAGES = [
  passage(
    90,
    "Il rifugio notturno del lungolago riapre nel 2022 dopo i lavori. L'apertura del rifugio è curata dal terzo settore.",
  ),
  passage(91, 'La ristrutturazione del rifugio notturno costa 250.000,00 euro.'),
  passage(92, 'La casa famiglia del borgo offre 12 posti letto per nuclei in difficoltà.'),
];

/** The passages sharing more words of four letters or more with the query first. */
const keywordSearch: SearchIndex = {
  size: PASSAGES.length,
  async search(query, opts) {
    const words = new Set(fold(query).match(/[a-z]{4,}/g) ?? []);
    return PASSAGES.map((chunk) => ({
      chunk,
      score: (fold(chunk.text).match(/[a-z]{4,}/g) ?? []).filter((w) => words.has(w)).length,
    }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, opts?.k ?? 3)
      .map(
        ({ chunk, score }): SearchHit => ({
          chunk,
          score,
          citation: { doc: chunk.doc, lines: `${chunk.lineStart}`, section: chunk.section } as SearchHit['citation'],
        }),
      );
  },
};

// an objective with one sheet per year (2022 and 2023), beside the small plan's dated phases
const model = PlanModelSchema.parse({
  ...SMALL_MODEL,
  objectives: [
    ...SMALL_MODEL.objectives,
    {
      doc: 'a.txt',
      code: 'LV-SO09',
      title: 'Orti sociali di quartiere',
      type: 'SVILUPPO',
      owners: ['Neri Carla'],
      structure: 'Servizio Biblioteche',
      years: [2022, 2023],
      phases: [
        { year: 2022, title: 'Mappatura dei terreni liberi', span: { doc: 'a.txt', lineStart: 60, lineEnd: 60 } },
        {
          year: 2023,
          title: 'Assegnazione dei lotti alle famiglie',
          span: { doc: 'a.txt', lineStart: 61, lineEnd: 61 },
        },
      ],
      indicators: [],
      span: { doc: 'a.txt', lineStart: 58, lineEnd: 62 },
    },
  ],
});
const store = new PlanStore(model);
const ctx: ToolContext = { store, search: keywordSearch, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);
const objective = (code: string) => store.objectives.find((o) => o.code === code)!;

describe('what a sentence must hold to state the fact asked', () => {
  it('a capacity needs a figure that is no date or year', () => {
    expect(statesKind('Dispone di 12 posti letto.', 'figure')).toBe(true);
    expect(statesKind('Carenza di posti dal 01/02/2022.', 'figure')).toBe(false);
    expect(statesKind('Mancano posti nel 2022.', 'figure')).toBe(false);
  });

  it('opening hours need a time of day, not a date written with dots', () => {
    expect(statesKind('Aperto con orario 9.30 – 12.30.', 'time')).toBe(true);
    expect(statesKind('Apre alle 8:00.', 'time')).toBe(true);
    expect(statesKind("L'apertura è prevista entro il 31.12.2023.", 'time')).toBe(false);
    expect(statesKind('Il progetto vale 1.920.000,00 euro.', 'time')).toBe(false);
  });

  it("a fee is a figure: a sentence naming users' contributions without an amount states none", () => {
    const fee = packFor('it').lexicon.askedFields.find((f) => f.id === 'fee')!;
    expect(holdsField('Si verificheranno le compartecipazioni degli utenti al servizio.', fee, [])).toBe(false);
    expect(holdsField('La retta mensile è di 320,00 euro.', fee, [])).toBe(true);
  });

  it('a passage naming the fact without stating it does not hold it', () => {
    const hours: AskedField = { id: 'hours', name: 'orari', cues: [], evidence: ['apertur', 'orari'], states: 'time' };
    expect(holdsField("L'apertura del rifugio è curata dal terzo settore.", hours, [])).toBe(false);
    expect(holdsField('Orari di apertura: 18.00 – 8.00.', hours, [])).toBe(true);
  });
});

describe('help desk questions whose fact no passage states', () => {
  it('a capacity not written is not found, and no amount of another kind is quoted beside it', async () => {
    const a = await ask('quanti posti letto ha il rifugio notturno del lungolago?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/non ho trovato/i);
    expect(a.answer).not.toContain('250.000,00');
  });

  it('a capacity written beside its figure is quoted', async () => {
    const a = await ask('quanti posti letto ci sono nella casa famiglia del borgo?');
    expect(a.answer).toContain('12 posti letto');
    expect(a.found).toBe(true);
  });

  it('the opening of a facility is no opening hours', async () => {
    const a = await ask('a che ora apre il rifugio notturno del lungolago?');
    expect(a.found).toBe(false);
  });
});

describe('the years a record speaks of', () => {
  it('a record of a one-year plan reaches the years its phases run into', () => {
    expect(recordYears(store, objective('LV-BI02'))).toEqual([2022, 2023]);
    expect(phasesReachYear(store, objective('LV-BI02'), [2023])).toBe(true);
    expect(yearMissingFrom(store, objective('LV-BI02'), 2023)).toBeNull();
    expect(yearMissingFrom(store, objective('LV-BI01'), 2025)).toEqual([2022]);
  });

  it('a record with yearly sheets speaks of its own years', () => {
    expect(recordYears(store, objective('LV-SO09'))).toEqual([2022, 2023]);
    expect(yearMissingFrom(store, objective('LV-SO09'), null)).toBeNull();
  });
});

describe('plan contents asked by year', () => {
  it("a year's sheet lists that year's activities only", async () => {
    const a = await ask('LV-SO09: attività del piano operativo 2023');
    expect(a.answer).toContain('Assegnazione dei lotti alle famiglie');
    expect(a.answer).not.toContain('Mappatura dei terreni liberi');
  });

  it('a year the record does not speak of is not found, then what it gives', async () => {
    const a = await ask('fasi 2025 di LV-SO09');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/2025/);
    expect(a.answer).toContain('2022, 2023');
  });

  it('a record named by its words, of a plan of other years, is read in the year its phases run into', async () => {
    // the year alone would choose the other entity's 2023 plan; the catalogue's phase runs into 2023
    const a = await ask('catalogo digitale: cosa è previsto nel 2023?');
    expect(a.answer).toContain('Scansione');
  });

  it('a year beside the code of a record whose phases run into it reads the record in that year', async () => {
    const a = await ask('LV-BI02, cosa è in programma nel 2023?');
    expect(a.answer).toContain('Scansione');
    expect(a.intent).not.toBe('not_found_record_year');
  });
});
