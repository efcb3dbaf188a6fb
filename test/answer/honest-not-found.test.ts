/**
 * Honest "not found": a code no record has (the nearest codes only as suggestions), a fact of the entity its plans do
 * not state (or state at another date), the cost of a thing no passage prices, a field a record leaves blank, a
 * provincia the plans do not have, a question about offices that is no request for their list. Over the small
 * invented plan with passages of its own served by a keyword stand-in for the index; questions in this file's own
 * wording.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import type { Chunk } from '../../src/retrieval/chunk.ts';
import type { SearchHit, SearchIndex } from '../../src/retrieval/search-index.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { groupCodes, nearestAmong, nearestCodes } from '../../src/tools/near-codes.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const passage = (doc: string, entity: string, line: number, text: string): Chunk => ({
  id: `${doc}:${line}-${line}`,
  doc,
  entity,
  kind: 'piano_obiettivi',
  form: 'narrative',
  section: 'Piano > Organizzazione',
  lineStart: line,
  lineEnd: line,
  text,
});

const PASSAGES = [
  passage(
    'c.txt',
    'Provincia di Lago Verde',
    80,
    'Organico complessivo al 31.12.2023: 120 unità di personale, di cui 70 donne.',
  ),
  passage(
    'a.txt',
    'Comune di Lago Verde',
    81,
    'La mensa dei poveri è gestita insieme alle associazioni del terzo settore.',
  ),
  passage('b.txt', 'Comune di Monteluce', 82, 'Il restauro della piazza del mercato costa 300.000,00 euro.'),
  passage('a.txt', 'Comune di Lago Verde', 83, 'I dipendenti seguono un corso sulla sicurezza informatica.'),
];

/** The passages of the entity asked for, those sharing more words of four letters or more with the query first. */
const keywordSearch: SearchIndex = {
  size: PASSAGES.length,
  async search(query, opts) {
    const words = new Set(fold(query).match(/[a-z]{4,}/g) ?? []);
    return PASSAGES.filter((chunk) => !opts?.filter?.entity || chunk.entity === opts.filter.entity)
      .map((chunk) => ({
        chunk,
        score: (fold(chunk.text).match(/[a-z]{4,}/g) ?? []).filter((w) => words.has(w)).length,
      }))
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

const store = new PlanStore(
  PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: SMALL_MODEL.objectives.map((o) =>
      o.code === 'LV-SP03'
        ? {
            ...o,
            description:
              'Le società sportive le usano nei giorni feriali. Il sabato restano a disposizione con orario 15.00 – 19.00.',
          }
        : o,
    ),
  }),
);
const ctx: ToolContext = { store, search: keywordSearch, allowedDocs: null, includeInternal: true };
const ask = (q: string) => routeQuestion(ctx, q);

describe('the codes nearest a code no record has', () => {
  const codes = ['AB-77/3', 'AB-77/12', 'AB-78/1', 'AB-77/4', 'CD-77/3', 'AB-7/3'].map((code) => ({
    code,
    title: code,
  }));

  it('shares the most leading parts first, then the nearest number', () => {
    expect(nearestCodes('AB-77/5', codes).map((c) => c.code)).toEqual(['AB-77/4', 'AB-77/3', 'AB-77/12']);
  });

  it('grouped once per store, stands for each code by the first copy the asker may see', () => {
    const groups = groupCodes([...codes, { code: 'ab-77/4', title: 'a second copy' }]);
    expect(nearestAmong('AB-77/5', groups, () => true).map((c) => c.title)).toEqual(['AB-77/4', 'AB-77/3', 'AB-77/12']);
    const hidden = (c: { title: string }) => c.title !== 'AB-77/4';
    expect(nearestAmong('AB-77/5', groups, hidden).map((c) => c.title)).toEqual([
      'a second copy',
      'AB-77/3',
      'AB-77/12',
    ]);
    expect(nearestAmong('AB-77/5', groups, () => false)).toEqual([]);
  });

  it('offers no code of another lead and never the code asked', () => {
    expect(nearestCodes('ZZ-77/3', codes)).toEqual([]);
    expect(nearestCodes('AB-77/3', codes).map((c) => c.code)).not.toContain('AB-77/3');
  });

  it('are offered as suggestions beside a plain not found, not answered as the code asked', async () => {
    const a = await ask('chi segue il progetto 2023_PX_4103?');
    expect(a.found).toBe(false);
    expect(a.intent).toBe('not_found_code');
    const suggestion = a.answer.split('\n').find((l) => l.includes('2023_PX_4102'))!;
    expect(a.answer.indexOf('2023_PX_4102')).toBeGreaterThan(a.answer.indexOf('2023_PX_4103'));
    expect(suggestion).toBeDefined();
    expect(a.answer).not.toContain('Gialli Piero');
  });
});

describe('a fact of the entity as a whole', () => {
  it('is quoted where the plans of the entity state it, asked in other words', async () => {
    const a = await ask('quanta gente lavora alla Provincia di Lago Verde?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('120');
  });

  it('is not found for an entity whose plans do not state it, and says whose do, without their figure', async () => {
    const a = await ask('quanti dipendenti ha il Comune di Lago Verde?');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('Provincia di Lago Verde');
    expect(a.answer).not.toContain('120');
  });

  it('is found for the year of its date, though the plan covers later years', async () => {
    const a = await ask('quanti erano i dipendenti della Provincia di Lago Verde nel 2023?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('120');
  });

  it('is not found for a year other than the date it is stated at, which is what it shows', async () => {
    const a = await ask('quanti dipendenti avrà la Provincia di Lago Verde nel 2024?');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('31.12.2023');
  });
});

describe('the cost of a thing', () => {
  it('is not found when no sentence prices it, and no other amount is put beside that', async () => {
    const a = await ask('quanto costa la mensa a Monteluce?');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('costo di mensa');
    expect(a.answer).not.toContain('300.000,00');
  });

  it('is found where a sentence prices it', async () => {
    const a = await ask('quanto costa il restauro della piazza a Monteluce?');
    expect(a.answer).toContain('300.000,00');
    expect(a.found).toBe(true);
  });
});

describe('a field the record leaves blank', () => {
  it('is not found, though the record is shown', async () => {
    const a = await ask('a quanto ammonta il budget del progetto 2023_PX_4202?');
    expect(a.found).toBe(false);
    expect(a.answer).toContain('2023_PX_4202');
  });
});

describe('entities and offices', () => {
  it('a provincia the plans do not have is no other provincia of theirs', () => {
    expect(linkQuestion('le sedi della provincia di Valfonda sono accessibili?', store).unknownEntity).toBe('Valfonda');
    expect(linkQuestion('gli uffici della provincia sono accessibili?', store).unknownEntity).toBeNull();
  });

  it('a question about offices is no request for their list; their list still is', async () => {
    expect((await ask('gli uffici del Comune di Monteluce sono aperti anche di sabato mattina?')).intent).not.toBe(
      'structure_list',
    );
    expect((await ask('quali uffici ha il Comune di Monteluce?')).intent).toBe('structure_list');
  });
});

describe('a fact a record writes in its own text', () => {
  it('is quoted from the record its words name, not looked for in passages only', async () => {
    const a = await ask('fino a che ora posso portare i ragazzi nelle palestre scolastiche di sabato?');
    expect(a.intent).toBe('record_detail');
    expect(a.answer.split('\n')[0]).toContain('19.00');
    expect(a.found).toBe(true);
  });
});
