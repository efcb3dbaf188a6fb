/**
 * GET /api/suggestions over a real engine: the staff page's suggested questions are built from the plans served
 * (here one invented plan, not a sample), and every one of them is answered through POST /api/ask.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

const plans = mkdtempSync(join(tmpdir(), 'pianobot-suggest-plans-'));
copyFileSync(join(import.meta.dirname, '../fixtures/layouts/x-a-3.txt'), join(plans, 'unione-performance-2025.txt'));
let app: RealWebApp;

beforeAll(async () => {
  app = await startRealWebApp('pianobot-suggest-', plans);
}, 60_000);
afterAll(async () => {
  await app.stop();
  rmSync(plans, { recursive: true, force: true });
});

const suggestions = async (query: string) => {
  const res = await fetch(`${app.url}/api/suggestions${query}`);
  return { status: res.status, body: (await res.json()) as { lang?: string; questions?: string[] } };
};

describe('GET /api/suggestions', () => {
  it('builds the questions from the plan served: its codes and people, in the language asked', async () => {
    const it = await suggestions('?lang=it');
    expect(it.status).toBe(200);
    const joined = it.body.questions!.join('\n');
    expect(joined).toContain('US-25-01');
    expect(joined).toContain('Fabio Zanella');
    expect(joined).toContain('Quali piani conosci?');
    const en = await suggestions('?lang=en');
    expect(en.body.questions!.join('\n')).toContain('Which plans do you know?');
  });

  it('answers every question it suggests', async () => {
    const { body } = await suggestions('');
    expect(body.questions!.length).toBeGreaterThan(2);
    for (const q of body.questions!) {
      const a = await app.ask(q);
      expect(a.found, q).toBe(true);
    }
  });

  it('refuses a language it has no pack for', async () => {
    expect((await suggestions('?lang=fr')).status).toBe(400);
  });
});
