import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';

const PLANS_DIR = new URL('../../data/plans/', import.meta.url).pathname;
/** a row of a "Nome Soggetto / Relazione Personale / Impegno Personale" table, e.g. "Venturi Lorella  Posizione Organizzativa  10,00 %" */
const ALLOCATION_ROW = /Impegno Personale|Posizione Organizzativa|Dipendente a tempo|Venturi Lorella\W+\d/;

/** The HTTP API over the real engine, its index built from the sample plans into a temp dir. */
describe('web API with the real answer engine', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-web-real-'));
    const config = loadConfig({ PORT: '0', PLANS_DIR, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir });
    const engine = await createEngine(config);
    server = await startWebServer({ config, engine, feedback: new FeedbackStore(join(dir, 'feedback', 'votes.jsonl')) });
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/ask`, { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return { text: await res.clone().text(), json: await res.json() };
  };

  it('answers "budget of 2021_PD_8735" with 1.920.000,00 and a citation of the PEG 2021', async () => {
    const { json } = await ask({ q: 'budget of 2021_PD_8735' });
    expect(json.answer).toContain('1.920.000,00');
    expect(json.found).toBe(true);
    expect(json.citations).toEqual(expect.arrayContaining([expect.objectContaining({ doc: '002_51402a20550dfbf2.txt' })]));
    expect(json.answerId).toBeTruthy();
  });

  it('reports the index it answers from', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', documents: 5 });
    expect(health.objectives).toBeGreaterThan(0);
    expect(health.builtAt).toBeTruthy();
  });

  it.each([
    'Chi lavora al progetto 2021_PD_8735?',
    'Quali progetti segue Venturi Lorella?',
  ])('keeps staff allocation rows out of the public answer to "%s"', async (q) => {
    const { text } = await ask({ q, audience: 'public' });
    expect(text).not.toMatch(ALLOCATION_ROW);
    expect(text).not.toContain('"internal":true');
  });

  it('gives staff the allocation rows of the same project', async () => {
    const { text } = await ask({ q: 'Chi lavora al progetto 2021_PD_8735?', audience: 'staff' });
    expect(text).toMatch(ALLOCATION_ROW);
  });
});
