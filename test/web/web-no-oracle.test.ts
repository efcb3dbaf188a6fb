/**
 * The public audience cannot tell a staff member's name from an unknown one: a person the plans name only in staff
 * allocation tables gets the very reply a name in no plan gets. Over HTTP, with the real engine on the sample plans.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { PLANS_DIR } from '../support/plan-fixture.ts';

const ALLOCATION_ROW = /^([^\t]+)\t(Dirigente|Posizione Organizzativa|Dipendente a tempo[^\t]*)\t\d+,\d{2} %$/;

/** "Surname Firstname" of people the sample plans name only in staff allocation tables */
function allocationOnlyNames(): string[] {
  const lines = readdirSync(PLANS_DIR).flatMap((f) => readFileSync(join(PLANS_DIR, f), 'utf8').split('\n'));
  const allocated = new Set(lines.flatMap((l) => l.match(ALLOCATION_ROW)?.[1] ?? []));
  const elsewhere = lines.filter((l) => !ALLOCATION_ROW.test(l)).join('\n');
  return [...allocated].filter(
    (name) => /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(name) && !elsewhere.includes(name.split(' ')[0]!),
  );
}

const TEMPLATES = [
  (n: string) => `Su quali progetti lavora ${n}?`,
  (n: string) => `Chi è ${n}?`,
  (n: string) => `Quanto tempo dedica ${n} ai progetti?`,
  (n: string) => `Which projects does ${n} work on?`,
];

describe('public answers about people', () => {
  const staffOnly = allocationOnlyNames().slice(0, 3);
  let dir: string;
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-oracle-'));
    const config = loadConfig({ PORT: '0', PLANS_DIR, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir });
    server = await startWebServer({
      config,
      engine: await createEngine(config),
      feedback: new FeedbackStore(join(dir, 'feedback', 'votes.jsonl')),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** the public reply with the asked name replaced, so that replies about two names can be compared */
  async function publicReply(question: string, name: string) {
    const res = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: question, audience: 'public' }),
    });
    expect(res.status).toBe(200);
    const { answer, citations, found, intent, focus, lang } = await res.json();
    return JSON.parse(
      JSON.stringify({ answer, citations, found, intent, focus, lang }).replaceAll(name, '<NAME>'),
    ) as Record<string, unknown>;
  }

  it('has staff-only names to try', () => {
    expect(staffOnly.length).toBeGreaterThan(0);
  });

  it('answers "which projects does <staff-only name> work on?" exactly as for a name in no plan', async () => {
    for (const name of staffOnly) {
      // same first name, a surname in no plan: the only difference is whether the person exists
      const unknown = `Zanfrotti ${name.split(' ')[1]}`;
      const staff = await publicReply(TEMPLATES[0]!(name), name);
      expect(staff.intent).toBe('not_found_person');
      expect(staff).toEqual(await publicReply(TEMPLATES[0]!(unknown), unknown));
    }
  });

  it.each(TEMPLATES.map((template, i) => [i, template] as const))(
    'takes the same path for a staff-only name as for an unknown one, identical when it is "not found" (form %i)',
    async (_i, template) => {
      for (const name of staffOnly) {
        const unknown = `Zanfrotti ${name.split(' ')[1]}`;
        const staff = await publicReply(template(name), name);
        const other = await publicReply(template(unknown), unknown);
        // passages quoted for free text depend on the words asked, so only their kind is compared
        expect([staff.intent, staff.found]).toEqual([other.intent, other.found]);
        if (other.intent === 'not_found_person') expect(staff).toEqual(other);
        expect(JSON.stringify(staff)).not.toMatch(/\d+,\d{2} %/);
      }
    },
  );
});
