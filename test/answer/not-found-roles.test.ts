/**
 * Honest answers to what the plans hold in no field: a role only a passage may name the holder of, an office the
 * plans do not have, a person they never write, who a service is for. Over the small invented plan with a few
 * passages of its own served by a keyword stand-in for the index; questions in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { withDeletions } from '../../src/answer/text-match.ts';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { correct } from '../../src/linking/typo-vocabulary.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
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
  section: 'Piano > Organizzazione',
  lineStart: line,
  lineEnd: line,
  text,
});

const PASSAGES = [
  passage(
    70,
    "Il tesoriere comunale, Rosi Bruno, cura i pagamenti dell'ente. Il segretario comunale coordina i dirigenti.",
  ),
  passage(71, 'La biblioteca civica apre anche la sera per gli studenti universitari.'),
];

/** Every passage, those sharing more words of four letters or more with the question first: as a real index ranks. */
const keywordSearch: SearchIndex = {
  size: PASSAGES.length,
  async search(query) {
    const words = new Set(fold(query).match(/[a-z]{4,}/g) ?? []);
    return PASSAGES.map((chunk) => ({
      chunk,
      score: (fold(chunk.text).match(/[a-z]{4,}/g) ?? []).filter((w) => words.has(w)).length,
    }))
      .sort((a, b) => b.score - a.score)
      .map(
        ({ chunk, score }): SearchHit => ({
          chunk,
          score,
          citation: { doc: chunk.doc, lines: `${chunk.lineStart}`, section: chunk.section } as SearchHit['citation'],
        }),
      );
  },
};

const OFFICE_OWNED = {
  ...SMALL_MODEL.objectives[0]!,
  code: 'LV-VP01',
  title: 'Manutenzione delle aiuole',
  owners: ['Ufficio Giardini Storici'],
  structure: 'Ufficio Giardini Storici',
  phases: [],
  indicators: [],
};

const model = PlanModelSchema.parse({
  ...SMALL_MODEL,
  structures: [
    ...SMALL_MODEL.structures,
    {
      doc: 'a.txt',
      name: 'Ufficio Giardini Storici',
      kind: 'ufficio',
      span: { doc: 'a.txt', lineStart: 3, lineEnd: 3 },
    },
  ],
  objectives: [...SMALL_MODEL.objectives, OFFICE_OWNED].map((o) =>
    o.code === 'LV-BI01'
      ? {
          ...o,
          description:
            "L'apertura serale è pensata per gli studenti e per le famiglie con figli piccoli. Il costo del personale è coperto dal bilancio.",
        }
      : o,
  ),
});
const store = new PlanStore(model);
const ctx: ToolContext = { store, search: keywordSearch, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('a role no record field holds', () => {
  it('is answered by the passage naming a person of the plans beside it', async () => {
    const a = await ask('chi è il tesoriere del Comune di Lago Verde?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Rosi Bruno');
  });

  it('is said plainly to be named nowhere when the passages only speak of the role', async () => {
    const a = await ask('come si chiama il segretario comunale di Lago Verde?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Non ho trovato nei piani chi ricopra il ruolo di «segretario comunale»/);
  });

  it('says so in English too', async () => {
    const a = await ask("what's the name of Lago Verde's town clerk?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Not found: the plans name no one as "clerk"/);
  });
});

describe('an office the plans do not have', () => {
  it('is not found, and the offices the plans in scope do have are named', async () => {
    const a = await ask("chi guida l'ufficio cimiteri del Comune di Lago Verde?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Non ho trovato «ufficio cimiteri»/);
    expect(a.answer).toContain('Servizio Biblioteche');
  });
});

describe('a person the plans never write', () => {
  it('is said to be nobody in the plans before any title sharing a word with the name is offered', async () => {
    const a = await ask('di cosa è responsabile Ottavia Serale?');
    expect(a.intent).toBe('not_found_person');
    expect(a.found).toBe(false);
  });
});

describe('who a service is for', () => {
  it("quotes the record's sentence saying whom it serves before its fields, not its owner", async () => {
    const a = await ask("chi ha diritto all'apertura serale delle biblioteche?");
    expect(a.answer.split('\n')[0]).toContain('studenti e per le famiglie');
    expect(a.answer).not.toMatch(/^Il responsabile/);
  });
});

describe('the words of the language are words, not typos', () => {
  it('never corrects a word the language packs use into a name', () => {
    const vocabulary = {
      known: new Set<string>(),
      byDeletion: new Map([...withDeletions('chiara')].map((d) => [d, ['chiara']])),
    };
    expect(correct('chiama', vocabulary)).toBeNull();
    expect(correct('chiarra', vocabulary)).toBe('chiara');
  });

  it('drops who is asking, but not a second clause that is part of what is asked', () => {
    expect(normalizeQuestion('sono una pensionata, chi cura il catalogo digitale?', store)).toBe(
      'chi cura il catalogo digitale?',
    );
    expect(normalizeQuestion('sono una pensionata e non ho internet, il comune mi aiuta?', store)).toBe(
      'sono una pensionata e non ho internet, il comune mi aiuta?',
    );
  });

  it('keeps thanks that leave only chatter as the whole question', () => {
    expect(normalizeQuestion('many thanks, really!', store)).toBe('many thanks, really!');
    expect(normalizeQuestion('grazie tante', store)).toBe('grazie tante');
    expect(normalizeQuestion('grazie, chi cura il catalogo digitale?', store)).toBe('chi cura il catalogo digitale?');
  });
});

describe('an amount asked that no passage states', () => {
  it('is said not to be there without quoting a passage that holds another amount', async () => {
    const extra = passage(72, 'La ristrutturazione della sala lettura costa 250.000,00 euro.');
    PASSAGES.push(extra);
    try {
      const a = await ask('quanto si paga di tariffa per la sala lettura di Lago Verde?');
      expect(a.found).toBe(false);
      expect(a.answer).toMatch(/^Non ho trovato nei piani un dato su «rette e tariffe»/);
      expect(a.answer).not.toContain('250.000,00');
    } finally {
      PASSAGES.pop();
    }
  });

  it('asks the holder of a role by name with the name-asking words at the end too', async () => {
    const a = await ask('il sindaco di Lago Verde come si chiama?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Non ho trovato nei piani chi ricopra il ruolo di «sindaco»/);
  });
});

describe('an entity with no plan typed in lower case', () => {
  it('is still an entity with no plan when the place is a word neither the plans nor the language use', async () => {
    const a = await ask('obiettivi del comune di torrevecchia');
    expect(a.intent).toBe('not_found_entity');
    expect(a.answer).toContain('Torrevecchia');
  });

  it('is no entity when the word after the kind is a word the plans write', async () => {
    expect((await ask('obiettivi del comune di monteluce')).intent).not.toBe('not_found_entity');
    expect((await ask('biblioteche del comune di apertura serale')).intent).not.toBe('not_found_entity');
  });
});

describe('an office whose objectives name no person', () => {
  it('says the plans name no one at its head, and gives its objectives', async () => {
    const a = await ask("chi dirige l'Ufficio Giardini Storici di Lago Verde?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Non ho trovato nei piani una persona a capo di Ufficio Giardini Storici/);
    expect(a.answer).toContain('LV-VP01');
  });
});
