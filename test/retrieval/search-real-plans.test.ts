/**
 * Passage search over the five sample plans, built the way ingest builds it (extracted plans, local embedder),
 * into a temporary directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../ingest/extractors/registry.ts';
import { buildSearchIndex } from '../../ingest/indexing/build-search-index.ts';
import type { SourceDocument } from '../../ingest/loaders/source-document.ts';
import { fold } from '../../src/plan/text.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { openSearchIndex, type SearchIndex } from '../../src/retrieval/search-index.ts';
import { loadRealPlans } from './support/real-plans.ts';
import { answers, loadRetrievalQuestions, rankOfAnswer } from './support/retrieval-questions.ts';

const PIAO = '003_3c291b98105b86e1.txt';
const REGGIO = '002_51402a20550dfbf2.txt';

let dir: string;
let docs: SourceDocument[];
let index: SearchIndex;
const questions = loadRetrievalQuestions();
const question = (id: string) => questions.find((q) => q.id === id)!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pianobot-search-'));
  ({ docs } = await loadRealPlans());
  await buildSearchIndex({
    docs,
    plans: docs.map((d) => extractPlan(d)),
    outDir: join(dir, 'search'),
    embedder: createLocalEmbedder(),
  });
  index = await openSearchIndex(join(dir, 'search'), createLocalEmbedder());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the retrieval question set', () => {
  it('points every question at lines of the plans that hold its quote', () => {
    for (const q of questions) {
      const quoted = q.answers.some((a) => {
        const doc = docs.find((d) => d.file === a.doc);
        return (
          doc !== undefined && fold(doc.lines.slice(a.lines[0] - 1, a.lines[1]).join('\n')).includes(fold(q.quote))
        );
      });
      expect(quoted, `${q.id}: "${q.quote}" is not in its answer lines`).toBe(true);
    }
  });
});

describe('passage search on the sample plans', () => {
  it.each([
    // accessibility (Provincia di Prato PIAO, "Accessibilità fisica e digitale")
    'acc-it-1',
    'acc-it-2',
    'acc-en-2',
    'acc-en-3',
    'acc-en-4',
    // the help desk chatbot
    'hd-it-1',
    'hd-en-1',
    'hd-en-2',
    // the Passepartout project (Serravalle)
    'pp-it-1',
    'pp-en-1',
    'pp-it-2',
    // the PIAO staff table (employees at 31.12.2023)
    'staff-it-1',
    'staff-en-1',
    // objective descriptions
    'obj-it-1',
    'obj-en-1',
    'obj-it-2',
    'obj-en-2',
    'obj-it-11',
    'obj-en-7',
    'obj-it-8',
    'code-en-1',
  ])('puts the passage answering %s in the top 3', async (id) => {
    const q = question(id);
    const rank = await rankOfAnswer(index, q, 3);
    expect(rank, `${id}: ${q.q}`).not.toBeNull();
  });

  it('reaches a recall@5 of at least 90% and a recall@3 of at least 85% over the whole question set', async () => {
    const ranks = await Promise.all(questions.map((q) => rankOfAnswer(index, q, 5)));
    const recall = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
    console.info(
      `retrieval questions: ${questions.length}, recall@3 ${(recall(3) * 100).toFixed(1)}%, recall@5 ${(recall(5) * 100).toFixed(1)}%`,
    );
    expect(recall(5)).toBeGreaterThanOrEqual(0.9);
    expect(recall(3)).toBeGreaterThanOrEqual(0.85);
  });

  it('cites every hit with document, entity, section, lines and a quoted excerpt of the passage', async () => {
    const [hit] = await index.search("Are the Provincia's offices wheelchair accessible?", { k: 1 });
    expect(hit).toBeDefined();
    const { chunk, citation } = hit!;
    expect(citation).toMatchObject({ doc: PIAO, entity: 'Provincia di Prato', section: chunk.section });
    expect(citation.lines).toBe(
      chunk.lineStart === chunk.lineEnd ? `${chunk.lineStart}` : `${chunk.lineStart}-${chunk.lineEnd}`,
    );
    expect(citation.page).toBeUndefined();
    expect(citation.excerpt!.length).toBeGreaterThan(40);
    expect(chunk.text.replace(/…$/, '')).toContain(citation.excerpt!.replace(/…$/, '').split('\n')[0]!);
  });

  it('quotes from a long passage the part that matches the question', async () => {
    const [hit] = await index.search('Le sedi della Provincia sono prive di barriere architettoniche?', { k: 1 });
    expect(hit!.citation.excerpt).toContain('barriere architettoniche');
  });

  it('finds a record by its code however it is spaced or cased', async () => {
    for (const q of ['VI-1', 'vi - 1', 'obiettivo VI - 1']) {
      const [hit] = await index.search(q, { k: 1 });
      expect(hit?.chunk.code, q).toBe('VI - 1');
    }
    const [pl09] = await index.search('obiettivo PL09', { k: 1 });
    expect(pl09?.chunk.code).toBe('2020-PL09');
    const [dotted] = await index.search('04.03.01.02', { k: 1 });
    expect(dotted?.chunk.code).toBe('04.03.01.02');
  });

  it('finds the objectives of a person named surname-first', async () => {
    const hits = await index.search('Meschi Maura', { k: 5 });
    expect(hits.length).toBe(5);
    for (const h of hits) expect(h.chunk.doc).toBe('004_57a0b84c466d2a35.txt');
  });

  it('keeps staff allocation tables out unless internal passages are asked for', async () => {
    const q = question('code-it-3');
    const publicHits = await index.search(q.q, { k: 10 });
    expect(publicHits.some((h) => h.chunk.internal)).toBe(false);
    const staffHits = await index.search(q.q, { k: 5, filter: { includeInternal: true } });
    const staff = staffHits.find((h) => answers(h, q));
    expect(staff?.chunk.internal).toBe(true);
    expect(staff?.citation.internal).toBe(true);
  });

  it('filters by entity, document, documents, kind and year', async () => {
    const q = 'smart working';
    const byEntity = await index.search(q, { k: 5, filter: { entity: 'provincia di prato' } });
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((h) => h.chunk.entity === 'Provincia di Prato')).toBe(true);
    const byDoc = await index.search(q, { k: 5, filter: { doc: REGGIO } });
    expect(byDoc.every((h) => h.chunk.doc === REGGIO)).toBe(true);
    const byDocs = await index.search(q, { k: 5, filter: { docs: [REGGIO, PIAO] } });
    expect(byDocs.every((h) => [REGGIO, PIAO].includes(h.chunk.doc))).toBe(true);
    const byKind = await index.search(q, { k: 5, filter: { kind: 'piano_obiettivi' } });
    expect(byKind.every((h) => h.chunk.kind === 'piano_obiettivi')).toBe(true);
    const byYear = await index.search(q, { k: 5, filter: { year: 2021 } });
    expect(byYear.length).toBeGreaterThan(0);
    expect(
      byYear.every((h) => h.chunk.year === 2021 || (h.chunk.year === undefined && h.chunk.years?.includes(2021))),
    ).toBe(true);
    expect(await index.search(q, { k: 5, filter: { doc: 'not-indexed.txt' } })).toEqual([]);
  });

  it('prefers the passages of the entity a question names', async () => {
    const hits = await index.search('smart working Provincia di Prato', { k: 3 });
    expect(hits[0]?.chunk.entity).toBe('Provincia di Prato');
  });

  it('returns nothing for an empty question and at most k hits otherwise', async () => {
    expect(await index.search('   ')).toEqual([]);
    expect((await index.search('obiettivi', { k: 7 })).length).toBe(7);
  });
});
