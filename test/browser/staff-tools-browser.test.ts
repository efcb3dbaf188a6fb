import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { PLANS_DIR } from '../support/plan-fixture.ts';
import { startTestServer } from '../web/test-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The staff tools of the chat page in real Chromium: charts with their text alternative, digest view, checks. */
describe.skipIf(!existsSync(CHROMIUM))('staff tools in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let context: BrowserContext;
  let userDataDir: string;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-staff-browser-'));
    const engine = await createEngine(loadConfig({ PLANS_DIR, INDEX_DIR: indexDir }));
    server = await startTestServer(engine, { TODAY: '2020-05-15' });
    userDataDir = mkdtempSync(join(tmpdir(), 'pianobot-chromium-staff-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1100, height: 900 },
      locale: 'it-IT',
      bypassCSP: false,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const dir of [userDataDir, indexDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Page & { errors: string[] }> {
    const page = (await context.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
    // axe-core comes in as an init script: the page's content security policy stays on, so the chart image is
    // shown exactly as a user's browser would allow it
    await page.addInitScript({ content: AXE_SOURCE });
    await page.goto(`${server.url}/`);
    return page;
  }

  it('draws the budget of a project under the answer about it, as an image whose alt text and data table say it all', async () => {
    const page = await open();
    await page.getByLabel('La tua domanda').fill('Qual è il budget del progetto 2021_PD_8735?');
    await page.keyboard.press('Enter');
    const chart = page.locator('.turn figure.chart').first();
    await chart.waitFor({ timeout: 20_000 });
    const img = chart.locator('img');
    // the picture really rendered (the SVG decoded as an image, under the page's own content security policy)
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 100)).toBe(true);
    expect(await img.getAttribute('alt')).toMatch(/^Grafico a barre: Budget per capitolo — progetto 2021_PD_8735\./);
    expect(await chart.locator('figcaption').textContent()).toBe('Budget per capitolo — progetto 2021_PD_8735');
    // the data table is there for screen readers and for anyone who opens it, with the amounts as written
    const table = chart.locator('table');
    expect(await table.isVisible()).toBe(false);
    await chart.locator('summary').click();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.textContent()).toContain('1.800.000,00');
    const name = await page.evaluate(() => {
      const img = document.querySelector('.turn figure.chart img') as HTMLImageElement;
      return { role: img.getAttribute('role'), alt: img.alt.length };
    });
    expect(name.alt).toBeGreaterThan(40);
    await chart.screenshot({ path: screenshot('chart-budget.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("draws an objective's phases as a timeline from the chart tool and passes the accessibility audit", async () => {
    const page = await open();
    await page.getByLabel('Codice di progetto o obiettivo, «cdr 85» o «aree»').fill('2020-PL10');
    await page.getByRole('button', { name: 'Disegna' }).click();
    const chart = page.locator('#chart-result figure.chart');
    await chart.waitFor();
    expect(await chart.locator('img').getAttribute('alt')).toMatch(/^Linea del tempo: Fasi dell'obiettivo 2020-PL10/);
    await chart.locator('summary').click();
    expect(await chart.locator('tbody tr').count()).toBe(5);
    await chart.screenshot({ path: screenshot('chart-timeline.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("shows a person's deadlines (in scadenza) and objectives, and the plan checks with a control for the rest", async () => {
    const page = await open();
    await page.getByLabel('Cognome e nome').fill('Lotti Rosanna');
    await page.getByRole('button', { name: 'Mostra' }).click();
    const person = page.locator('#person-result');
    await expect.poll(() => person.textContent()).toContain('31/05/2020 — fase: Analisi dei bisogni (in scadenza)');
    expect(await person.textContent()).toContain('in scadenza dal 15/05/2020 al 14/06/2020');

    await page.getByRole('button', { name: 'Verifica i piani' }).click();
    const checks = page.locator('#checks-result');
    await checks.locator('.check').first().waitFor();
    const visible = () => checks.locator('.check:visible').count();
    expect(await visible()).toBe(10);
    const more = checks.getByRole('button', { name: /… e altri \d+/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await visible()).toBe(20);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  async function axeViolations(page: Page) {
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe?: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
      if (!axe) return null;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    });
    if (!result) throw new Error('axe-core could not be injected');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }
});

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

function screenshot(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
