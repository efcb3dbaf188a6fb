import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { startTestServer } from '../web/test-server.ts';

const CHROMIUM = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** set by `npm run screenshots` (vitest.screenshots.config.ts): where the README's screenshots live */
    screenshotsDir?: string;
  }
}
/** `npm test` leaves the checkout alone: its screenshots go to a temp folder that is removed afterwards */
const REFRESH_DIR = inject('screenshotsDir');

import { PLANS_DIR } from '../support/plan-fixture.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Real headless Chromium (Debian's package) against the real server and the real engine over the sample plans, as
 * `npm start` serves them; the screenshots in the README come from here (`npm run screenshots`). Skipped where
 * Chromium is not installed, except when refreshing the screenshots.
 */
describe.skipIf(!existsSync(CHROMIUM) && !REFRESH_DIR)('web pages in a real browser', () => {
  let server: Server;
  let context: BrowserContext;
  let userDataDir: string;
  let indexDir: string;
  let screenshotsDir: string;
  const screenshot = (name: string) => join(screenshotsDir, name);

  beforeAll(async () => {
    screenshotsDir = REFRESH_DIR ?? mkdtempSync(join(tmpdir(), 'pianobot-screenshots-'));
    mkdirSync(screenshotsDir, { recursive: true });
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-browser-index-'));
    const engine = await createEngine(loadConfig({ PLANS_DIR, INDEX_DIR: indexDir }));
    server = await startTestServer(engine);
    userDataDir = mkdtempSync(join(tmpdir(), 'pianobot-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 900 },
      locale: 'it-IT',
      // the pages forbid inline scripts; the audit injects axe-core as one
      bypassCSP: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    const temps = [userDataDir, indexDir, REFRESH_DIR ? undefined : screenshotsDir];
    for (const dir of temps) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url + path);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

  describe('staff chat', () => {
    it('offers suggestions built from the plans served, and a click on one answers it', async () => {
      const page = await open('/');
      const buttons = page.locator('ul.suggestions button.suggestion');
      // the page's plan-independent buttons are replaced by the questions the server builds from the plans
      const served = (await (await fetch(`${server.url}/api/suggestions?lang=it`)).json()) as { questions: string[] };
      expect(served.questions.length).toBeGreaterThan(2);
      await expect.poll(() => buttons.allTextContents()).toEqual(served.questions);
      const named = served.questions[0]!;
      await buttons.filter({ hasText: named }).first().click();
      const turn = page.locator('.turn').nth(0);
      await turn.locator('.answer').waitFor();
      expect(await turn.locator('.turn-question').textContent()).toContain(named);
      expect(await turn.locator('.answer').textContent()).not.toMatch(/non ho trovato/i);
      expect(errorsOf(page)).toEqual([]);
      await page.close();
    });

    it('shows the answer to a typed question with its sources and an expandable excerpt', async () => {
      const page = await open('/');
      const field = page.getByLabel('La tua domanda');
      await field.fill('Qual è il budget del progetto 2021_PD_8735?');
      await page.keyboard.press('Enter');

      const first = page.locator('.turn').nth(0);
      await expect.poll(() => first.locator('.answer').textContent()).toContain('1.920.000,00');
      await expect.poll(() => page.locator('#announcer').textContent()).toContain('1.920.000,00');
      expect(await first.locator('.turn-question').textContent()).toContain(
        'Qual è il budget del progetto 2021_PD_8735?',
      );
      // the document a reader can open, not the stored file's hash name
      expect(await first.locator('.source-where').first().textContent()).toMatch(
        /^PEG 2021 — Comune di Reggio Emilia, (righe|riga) \d+/,
      );
      // the sources are listed in full, so the answer's own "Fonti:" line is not repeated
      expect(await first.locator('.answer').textContent()).not.toContain('Fonti:');
      expect(await field.inputValue()).toBe('');

      await field.fill("Cosa dice il PIAO sull'accessibilità digitale?");
      await page.keyboard.press('Enter');
      const second = page.locator('.turn').nth(1);
      await second.locator('.answer').waitFor();
      const source = second
        .locator('.source')
        .filter({ has: page.locator('details') })
        .first();
      expect(await source.locator('.source-where').textContent()).toMatch(
        /^PIAO 2024–2026 — Provincia di Prato, (righe|riga) \d+/,
      );
      const excerpt = source.locator('blockquote');
      expect(await excerpt.isVisible()).toBe(false);
      await source.locator('summary').click();
      expect(await excerpt.isVisible()).toBe(true);
      expect((await excerpt.textContent())?.length).toBeGreaterThan(20);

      await page.screenshot({ path: screenshot('chat.png'), fullPage: true });
      expectPng(screenshot('chat.png'));
      expect(errorsOf(page)).toEqual([]);
      await page.close();
    });

    it('shows staff the staff allocation of a project, marked as internal in words', async () => {
      const page = await open('/');
      await page.getByLabel('La tua domanda').fill('Chi lavora al progetto 2021_PD_8735?');
      await page.keyboard.press('Enter');
      const turn = page.locator('.turn').first();
      await turn.locator('.answer').waitFor();
      expect(await turn.locator('.answer').textContent()).toContain('Posizione Organizzativa');
      expect(await turn.locator('.source-title').allTextContents()).toContainEqual(
        expect.stringContaining('(uso interno)'),
      );
      await page.close();
    });

    it('marks an English answer as English on the Italian page', async () => {
      const page = await open('/');
      const field = page.getByLabel('La tua domanda');
      await field.fill('What is the budget of project 2021_PD_8735?');
      await field.press('Enter');
      const answer = page.locator('.turn .answer').first();
      await expect.poll(() => answer.textContent()).toContain('1.920.000,00');
      expect(await answer.getAttribute('lang')).toBe('en');
      expect(await page.locator('html').getAttribute('lang')).toBe('it');
      await page.close();
    });

    it('sends the earlier turns with a follow-up question', async () => {
      const page = await open('/');
      const field = page.getByLabel('La tua domanda');
      await field.fill('Qual è il budget del progetto 2021_PD_8735?');
      await field.press('Enter');
      await page.locator('.turn .answer').first().waitFor();
      const request = page.waitForRequest('**/api/ask');
      await field.fill('e i suoi indicatori?');
      await field.press('Enter');
      const sent = (await request).postDataJSON();
      expect(sent.history).toEqual([
        {
          question: 'Qual è il budget del progetto 2021_PD_8735?',
          answer: expect.objectContaining({ intent: 'project_budget', found: true, citations: [] }),
        },
      ]);
      await page.close();
    });

    it('says so plainly, in an alert, when the question cannot be answered', async () => {
      const page = await open('/');
      await page.route('**/api/ask', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":{"code":"ENGINE_UNAVAILABLE","message":"Indice mancante"}}',
        }),
      );
      await page.getByLabel('La tua domanda').fill('budget?');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Indice mancante');
      await page.close();
    });
  });

  describe('citizens’ help desk', () => {
    it('is usable with the keyboard alone: ask, read the answer, say it helped', async () => {
      const page = await open('/helpdesk');
      await tabUntil(page, (el) => el.id === 'question');
      await page.keyboard.type("Cosa prevede il PIAO per l'accessibilità digitale?");
      await page.keyboard.press('Enter');

      const turn = page.locator('.turn').first();
      await turn.locator('.answer').waitFor();
      await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Risposta: ./);
      expect(await turn.locator('.sources h4').textContent()).toBe('Dove abbiamo trovato questa informazione');
      expect(await turn.locator('.source-where').first().textContent()).toMatch(
        /^PIAO 2024–2026 — Provincia di Prato, (righe|riga) \d+/,
      );

      await tabUntil(page, (el) => el.textContent === 'Sì');
      await expectVisibleFocus(page);
      await page.keyboard.press('Enter');

      const thanks = turn.locator('.feedback-thanks');
      await expect.poll(() => thanks.textContent()).toBe('Grazie per il tuo parere!');
      expect(await thanks.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect.poll(() => server.feedback.summary().byChannel.helpdesk).toEqual({ up: 1, down: 0 });

      await page.screenshot({ path: screenshot('helpdesk.png'), fullPage: true });
      expectPng(screenshot('helpdesk.png'));
      expect(errorsOf(page)).toEqual([]);
      await page.close();
    });

    it('never shows a staff-only source, even if the server sent one', async () => {
      const page = await open('/helpdesk');
      await page.route('**/api/ask', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.citations.push({
          doc: '002_51402a20550dfbf2.txt',
          section: 'Personale',
          excerpt: 'Venturi Lorella 10,00 %',
          internal: true,
        });
        await route.fulfill({ response, json: body });
      });
      await page.getByLabel('Scrivi qui la tua domanda').fill('Qual è il budget del progetto 2021_PD_8735?');
      await page.keyboard.press('Enter');
      await page.locator('.turn .answer').first().waitFor();
      expect(await page.locator('.source').count()).toBeGreaterThan(0);
      expect(await page.locator('.source-title').allTextContents()).not.toContainEqual(
        expect.stringContaining('Personale'),
      );
      expect(await page.content()).not.toContain('Venturi Lorella');
      await page.close();
    });

    it('offers larger text with a toggle that says whether it is on', async () => {
      const page = await open('/helpdesk');
      const toggle = page.getByRole('button', { name: 'Testo più grande' });
      const size = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      const before = await size();
      await toggle.press('Enter');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await size()).toBeGreaterThan(before * 1.25);
      await page.reload();
      expect(await page.getByRole('button', { name: 'Testo più grande' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: 'Testo più grande' }).click();
      await page.close();
    });
  });

  describe.each([
    ['/', 'La tua domanda', 'staff chat'],
    ['/helpdesk', 'Scrivi qui la tua domanda', 'help desk'],
  ])('accessibility of %s', (path, label, name) => {
    it(`has no serious or critical WCAG 2.1 AA violations in the ${name}, with an answer on screen`, async () => {
      const page = await open(path);
      // an answer quoted from passages, so an excerpt can be opened
      await page.getByLabel(label).fill("Cosa dice il PIAO sull'accessibilità digitale?");
      await page.keyboard.press('Enter');
      await page.locator('.turn .answer').first().waitFor();
      await page.locator('.turn summary').first().click();
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await page.close();
    });

    it(`reflows without horizontal scrolling at 200% zoom and at 320 px in the ${name}`, async () => {
      const page = await open(path);
      await page.getByLabel(label).fill("Cosa prevede il PIAO per l'accessibilità digitale?");
      await page.keyboard.press('Enter');
      await page.locator('.turn .answer').first().waitFor();
      for (const width of [550, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  });

  async function axeViolations(page: Page) {
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
      return axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }
});

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** A screenshot was written: a PNG file of some size, not an empty or half-written one. */
function expectPng(path: string): void {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
}

/** Presses Tab until the focused element matches, failing if it takes more than 15 presses. */
async function tabUntil(page: Page, match: (el: HTMLElement) => boolean): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(`(${match.toString()})(document.activeElement)`);
    if (found) return;
  }
  throw new Error('the element was not reached with Tab');
}

/** Keyboard focus must be visible: an outline or a ring, not only a colour change. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return { outline: s.outlineStyle, width: Number.parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(style.outline).not.toBe('none');
  expect(style.width).toBeGreaterThanOrEqual(2);
}
