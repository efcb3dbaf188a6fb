import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';

import { PLANS_DIR } from '../support/plan-fixture.ts';

/** a row of a "Nome Soggetto / Relazione Personale / Impegno Personale" table */
const ALLOCATION_ROW = /^([^\t]+)\t(Dirigente|Posizione Organizzativa|Dipendente a tempo[^\t]*)\t\d+,\d{2} %$/;

/**
 * People the sample plans name only in staff allocation tables: a public answer that names one of them (unless the
 * citizen typed the name) has taken it from staff-only data.
 */
function allocationOnlyNames(): string[] {
  const lines = readdirSync(PLANS_DIR).flatMap((f) => readFileSync(join(PLANS_DIR, f), 'utf8').split('\n'));
  const allocated = new Set(lines.flatMap((l) => l.match(ALLOCATION_ROW)?.[1] ?? []));
  const elsewhere = lines.filter((l) => !ALLOCATION_ROW.test(l)).join('\n');
  return [...allocated].filter(
    (name) => !elsewhere.includes(name) && !/\s(sociali|tecnici|amministrativi)$/i.test(name),
  );
}

/** The HTTP API over the real engine, its index built from the sample plans into a temp dir. */
describe('web API with the real answer engine', () => {
  const staffOnly = allocationOnlyNames();
  let dir: string;
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-web-real-'));
    const config = loadConfig({ PORT: '0', PLANS_DIR, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir });
    const engine = await createEngine(config);
    server = await startWebServer({
      config,
      engine,
      feedback: new FeedbackStore(join(dir, 'feedback', 'votes.jsonl')),
    });
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, json: JSON.parse(text) };
  };

  it('answers "the budget for 2021_PD_8735" with 1.920.000,00 and a citation of the PEG 2021', async () => {
    const { json } = await ask({ q: 'the budget for 2021_PD_8735' });
    expect(json.answer).toContain('1.920.000,00');
    expect(json.found).toBe(true);
    expect(json.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ doc: '002_51402a20550dfbf2.txt' })]),
    );
    expect(json.answerId).toBeTruthy();
  });

  it('reports the index it answers from', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', documents: 5 });
    expect(health.objectives).toBeGreaterThan(0);
    expect(health.builtAt).toBeTruthy();
  });

  it('knows people who appear only in staff allocation tables (the premise of the next checks)', () => {
    expect(staffOnly).toEqual(expect.arrayContaining(['Venturi Lorella', 'Incerti Sara']));
  });

  it.each([
    'Chi lavora al progetto 2021_PD_8735?',
    'Quali progetti segue Venturi Lorella?',
    "Qual è l'impegno del personale sul progetto 2021_PD_8735?",
    'Ci sarà un assistente virtuale per i cittadini?',
  ])('keeps staff allocation data out of the public answer to "%s"', async (q) => {
    const { text } = await ask({ q, audience: 'public' });
    expect(text).not.toMatch(/Impegno Personale|Posizione Organizzativa|Dipendente a tempo/);
    expect(text).not.toContain('"internal":true');
    const leaked = staffOnly.filter((name) => text.includes(name) && !q.includes(name));
    expect(leaked).toEqual([]);
  });

  it('gives staff the allocation rows of the same project', async () => {
    const { text } = await ask({ q: 'Chi lavora al progetto 2021_PD_8735?', audience: 'staff' });
    expect(text).toContain('Venturi Lorella');
    expect(text).toContain('Posizione Organizzativa');
  });
});
