/**
 * Help, meta and facts written in another record's or passage's text: acronyms spelt out, a year asked of a body the
 * question names, a record's text without the kind of answer asked, a place said in the sentence before, the plans of
 * a place written bare. Over the small invented plan with passages of its own (its own names and wording).
 */
import { describe, expect, it } from 'vitest';
import { acronymAsked, capitalisedRun, spelledOut } from '../../src/answer/acronym-definition.ts';
import { detectIntents } from '../../src/answer/intent.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { bestSentenceOf } from '../../src/answer/routes/detail-route.ts';
import { askedFieldOf, holdsField } from '../../src/answer/routes/passage-route.ts';
import { en } from '../../src/lang/en.ts';
import { it as itPack } from '../../src/lang/it.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import type { Chunk } from '../../src/retrieval/chunk.ts';
import type { SearchHit, SearchIndex } from '../../src/retrieval/search-index.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const passage = (doc: string, entity: string, line: number, text: string): Chunk => ({
  id: `${doc}:${line}-${line}`,
  doc,
  entity,
  kind: 'piano_obiettivi',
  form: 'narrative',
  section: 'Piano > Premessa',
  lineStart: line,
  lineEnd: line,
  text,
});

const PASSAGES = [
  passage('c.txt', 'Provincia di Lago Verde', 90, 'Il DUIT guida ogni scelta del piano provinciale per il triennio.'),
  passage(
    'c.txt',
    'Provincia di Lago Verde',
    91,
    'Dal 2026 il piano viene assorbito nel Documento Unico di Indirizzo Territoriale (DUIT) della Provincia.',
  ),
  passage(
    'a.txt',
    'Comune di Lago Verde',
    92,
    "L'Associazione Girasole è stata fondata nel 1998 da un gruppo di famiglie.",
  ),
  passage(
    'a.txt',
    'Comune di Lago Verde',
    93,
    'La Cooperativa Arcobaleno gestisce il doposcuola insieme alle famiglie del centro storico.',
  ),
  passage('c.txt', 'Provincia di Lago Verde', 94, 'Organico complessivo al 31.12.2025: 80 unità di personale.'),
  passage('a.txt', 'Comune di Lago Verde', 96, 'Il centro storico ospita il mercato settimanale del giovedì.'),
  passage(
    'a.txt',
    'Comune di Lago Verde',
    95,
    'Il bando per le botteghe storiche, aperto dalla Regione Montalba fin dal 2017, sostiene i negozi del centro.',
  ),
];
const hitOf = (chunk: Chunk, score = 0): SearchHit => ({
  chunk,
  score,
  citation: { doc: chunk.doc, lines: `${chunk.lineStart}`, section: chunk.section } as SearchHit['citation'],
});

/** passages sharing more words of four letters or more with the query first; `withWord` in the order written */
const keywordSearch: SearchIndex = {
  size: PASSAGES.length,
  async search(query, opts) {
    const words = new Set(fold(query).match(/[a-z]{4,}/g) ?? []);
    return PASSAGES.map((chunk) => ({
      chunk,
      score: (fold(chunk.text).match(/[a-z]{4,}/g) ?? []).filter((w) => words.has(w)).length,
    }))
      .sort((a, b) => b.score - a.score)
      .slice(0, opts?.k ?? 3)
      .map(({ chunk, score }) => hitOf(chunk, score));
  },
  withWord(word) {
    return PASSAGES.filter((c) =>
      fold(c.text)
        .split(/[^a-z]+/)
        .includes(fold(word)),
    ).map((c) => hitOf(c));
  },
};

const store = new PlanStore(
  PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: [
      ...SMALL_MODEL.objectives,
      {
        doc: 'a.txt',
        code: 'LV-CD09',
        title: 'Centro diurno Polaris',
        description: 'Il centro accoglie persone anziane sole durante il giorno. Offre pasti caldi e attività motorie.',
        owners: ['Neri Carla'],
        phases: [],
        indicators: [
          {
            description: 'Famiglie accompagnate con la Fondazione Tramonto',
            target: { text: '12', value: 12, date: null },
            span: { doc: 'a.txt', lineStart: 41, lineEnd: 41 },
          },
        ],
        span: { doc: 'a.txt', lineStart: 40, lineEnd: 42 },
      },
      {
        doc: 'a.txt',
        code: 'LV-SR10',
        title: 'Recupero di un edificio dismesso',
        description:
          "Si completa il recupero dell'edificio della ex scuola Mazzanti. L'edificio ospiterà la nuova sede dello sportello lavoro. I lavori finiscono in estate.",
        owners: ['Neri Carla'],
        phases: [],
        indicators: [],
        span: { doc: 'a.txt', lineStart: 44, lineEnd: 46 },
      },
    ],
  }),
);
const ctx: ToolContext = { store, search: keywordSearch, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('an acronym asked, spelt out in the plans own words', () => {
  it('quotes the sentence spelling it out, not the first passage that repeats it', async () => {
    const a = await ask('scusa, cosa significa DUIT?');
    expect(a.intent).toBe('definition');
    expect(a.answer).toContain('Documento Unico di Indirizzo Territoriale');
    expect(a.found).toBe(true);
  });

  it('is no definition question when the question asks something else of its own', () => {
    const lexicons = [itPack.lexicon, en.lexicon];
    const none = () => false;
    expect(acronymAsked("cos'è il DUIT?", lexicons, none)).toBe('DUIT');
    expect(acronymAsked('what does DUIT stand for', lexicons, none)).toBe('DUIT');
    expect(acronymAsked('cosa prevede il DUIT per le scuole?', lexicons, none)).toBeNull();
    expect(acronymAsked("cos'è l'indicatore del DUIT sulle scuole?", lexicons, none)).toBeNull();
  });

  it('reads the words in brackets after it or before it, and a title written in capitals', () => {
    expect(spelledOut('Il Registro Unico Sportivo (RUS) è aggiornato.', 'RUS')).toBe('Registro Unico Sportivo');
    expect(spelledOut('Il RUS (Registro Unico Sportivo) è aggiornato.', 'RUS')).toBe('Registro Unico Sportivo');
    expect(spelledOut('Il registro (RUS) è aggiornato.', 'RUS')).toBeNull();
    expect(capitalisedRun('ALLEGATO 2 Piano Operativo di Zona 2027', 'POZ')).toBe('Piano Operativo di Zona');
    expect(capitalisedRun('piano operativo di zona', 'POZ')).toBeNull();
  });
});

describe('a year asked of a body the question names', () => {
  it('is not another body year', async () => {
    const a = await ask('quando è nata la Cooperativa Arcobaleno?');
    expect(a.found).toBe(false);
    expect(a.answer).not.toContain('1998');
  });

  it('is quoted where the passage names that body', async () => {
    const a = await ask("in che anno è stata fondata l'Associazione Girasole?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain('1998');
  });

  it('is not an indicator target that only names the body', async () => {
    const a = await ask('quando è nata la Fondazione Tramonto?');
    expect(a.intent).not.toBe('indicator_by_words');
    expect(a.answer).not.toContain('12');
  });
});

describe('a record text without the kind of answer asked', () => {
  it('says the record does not state it (found: false)', async () => {
    const a = await ask("in che anno ha aperto il centro dell'obiettivo LV-CD09?");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('LV-CD09');
  });

  it('a place said in the sentence before is quoted with the sentence on the subject', () => {
    const record = store.objectives.find((o) => o.code === 'LV-SR10')!;
    const best = bestSentenceOf(record, 'dove avrà sede lo sportello lavoro?', store);
    expect(best?.sentence).toContain('ex scuola Mazzanti');
    expect(best?.sentence).toContain('sportello lavoro');
  });
});

describe('an address asked', () => {
  it('is a street or a building named, not the place asked about named again', () => {
    const field = askedFieldOf('dove si trova il centro giovani?', 'it')!;
    expect(field.id).toBe('address');
    expect(holdsField('Lo sportello è sito in via Verdi n. 4, al primo piano.', field, [])).toBe(true);
    expect(holdsField('I pasti sono distribuiti nella sede del Centro Giovani.', field, [])).toBe(false);
    expect(holdsField('Il servizio è garantito in via continuativa.', field, [])).toBe(false);
    expect(holdsField('Il sito web del centro è aggiornato ogni mese.', field, [])).toBe(false);
  });
});

describe('a fact of the entity its plans do not state', () => {
  it('is looked for by its own words once per index, whatever the question', async () => {
    const queries: string[] = [];
    const counting: SearchIndex = {
      size: keywordSearch.size,
      search: (query, opts) => {
        queries.push(query);
        return keywordSearch.search(query, opts);
      },
    };
    const own: ToolContext = { ...ctx, search: counting };
    const first = await routeQuestion(own, 'quanti dipendenti ha il Comune di Monteluce?');
    expect(first.found).toBe(false);
    expect(first.answer).toContain('Provincia di Lago Verde');
    const before = queries.length;
    const again = await routeQuestion(own, 'numero di dipendenti del Comune di Monteluce?');
    expect(again.answer).toBe(first.answer);
    // the question's own search only: the fact's searches are kept
    expect(queries.length - before).toBeLessThan(before);
  });
});

describe('a body with no plan that the plans text names', () => {
  it('is asked a year the passages give, not told it has no plan', async () => {
    const a = await ask('da che anno esiste il bando per le botteghe storiche della Regione Montalba?');
    expect(a.intent).not.toBe('not_found_entity');
    expect(a.answer).toContain('2017');
  });

  it('asked for its own records still has no plan', async () => {
    expect((await ask('obiettivi della Regione Montalba')).intent).toBe('not_found_entity');
  });
});

describe('a yes or no question answered by a passage', () => {
  it('gets the passage that answers, not others sharing a word of it', async () => {
    const a = await ask('la Cooperativa Arcobaleno gestisce il doposcuola del centro storico?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('gestisce il doposcuola');
    expect(a.answer).not.toContain('mercato settimanale');
  });
});

describe('help and meta', () => {
  it('the plans of a place written bare are every entity of that place', async () => {
    const a = await ask('quali piani hai per Lago Verde?');
    expect(a.intent).toBe('help');
    expect(a.answer).toContain('Comune di Lago Verde');
    expect(a.answer).toContain('Provincia di Lago Verde');
    expect(a.answer).not.toContain('Comune di Monteluce');
  });

  it('a verb opening with a cost word is no cost', () => {
    expect(detectIntents('quando è stata costituita la consulta giovani?')).not.toContain('budget');
    expect(detectIntents('quanto costa il corso di nuoto?')).toContain('budget');
  });
});
