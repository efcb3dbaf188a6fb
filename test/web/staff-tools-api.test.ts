import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { startTestServer } from './test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** JSON as the assertions walk it: any field of any depth (the shapes are what the tests check). */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = any;

describe('staff tools over HTTP (real engine over the sample plans)', () => {
  let server: Server;
  let indexDir: string;
  let engine: Awaited<ReturnType<typeof createEngine>>;
  const get = async (path: string) => {
    const res = await fetch(server.url + path);
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-staff-web-'));
    engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' }));
    server = await startTestServer(engine, { TODAY: '2020-05-15' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  it("gives a named person's objectives and what falls due for them, from the configured day", async () => {
    const { status, body } = await get('/api/staff/person?name=Rosanna%20Lotti&days=30');
    expect(status).toBe(200);
    expect(body.person).toBe('Lotti Rosanna');
    expect(body.digest.from).toBe('2020-05-15');
    const items = body.digest.people[0].objectives.flatMap((o: Json) =>
      o.items.map((i: Json) => `${o.code}@${i.date}`),
    );
    expect(items).toEqual([
      '2020-PE09@31/05/2020',
      '2020-UG08@31/05/2020',
      '2020-UG09@31/05/2020',
      '2020-UG09@31/05/2020',
    ]);
    expect(body.overview.objectives.map((o: Json) => o.code)).toContain('2020-PE09');
    expect(body.overview.objectives[0].source).toBe('Piano degli obiettivi 2020 — Comune di Prato');
  });

  it('says which name it could not find, and refuses a missing name', async () => {
    expect((await get('/api/staff/person?name=Nessuno%20Mai')).status).toBe(404);
    const bad = await get('/api/staff/person?name=');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
  });

  it('lists the plan checks with their sources', async () => {
    const { status, body } = await get('/api/staff/checks');
    expect(status).toBe(200);
    expect(body.summary.errors).toBe(3);
    expect(body.findings[0]).toMatchObject({ ref: '2020-PL10', doc: '000_dd772a8f217c4819.txt' });
    expect(body.findings[0].source).toMatch(/^Piano degli obiettivi 2020 — Comune di Prato, righe /);
  });

  it("renders a project's budget by capitolo as SVG with a text alternative holding every figure as written", async () => {
    const { status, body } = await get('/api/staff/chart?ref=2021_PD_8735');
    expect(status).toBe(200);
    expect(body.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body.svg).toContain('Cap. 31270 Art. 00');
    expect(body.alternative.summary).toContain('Grafico a barre');
    expect(body.alternative.rows).toContainEqual([
      expect.stringContaining('Cap. 31270 Art. 00'),
      'Spese Correnti',
      '1.800.000,00',
    ]);
    expect(body.citations[0].label).toBe('PEG 2021 — Comune di Reggio Emilia, righe 2293–2330');
  });

  it("draws an objective's phases as a timeline, and says why when there is nothing to draw", async () => {
    const timeline = await get('/api/staff/chart?ref=2020-PL10');
    expect(timeline.status).toBe(200);
    expect(timeline.body.alternative.summary).toMatch(/^Linea del tempo: .* 5 fasi/);
    const none = await get('/api/staff/chart?ref=2021_OB_8735_1');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('non ha abbastanza fasi con date');
    // offered under an answer, "nothing to draw" is not an error
    const quiet = await fetch(`${server.url}/api/staff/chart?ref=2021_OB_8735_1&ifany=1`);
    expect(quiet.status).toBe(204);
    // under an answer that is not about a budget or phases (who owns it), no chart
    const owner = await fetch(`${server.url}/api/staff/chart?ref=2020-PL10&ifany=1&intent=objective_owner`);
    expect(owner.status).toBe(204);
    const phases = await fetch(`${server.url}/api/staff/chart?ref=2020-PL10&ifany=1&intent=objective_phases`);
    expect(phases.status).toBe(200);
  });

  it('keeps the staff tools behind the staff login when the server has one', async () => {
    const guarded = await startWebServer({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: indexDir }),
      engine,
      feedback: new FeedbackStore(join(indexDir, 'votes.jsonl')),
      authorizeStaff: (req) => req.headers.authorization === 'Bearer staff-secret-123456',
    });
    try {
      const refused = await fetch(`${guarded.url}/api/staff/checks`);
      expect(refused.status).toBe(403);
      const allowed = await fetch(`${guarded.url}/api/staff/checks`, {
        headers: { authorization: 'Bearer staff-secret-123456' },
      });
      expect(allowed.status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});
