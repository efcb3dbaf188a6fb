import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from '../web/test-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-staff-token-0123456789';

/** The staff chat page with STAFF_TOKEN set: it asks for the token once, keeps it for the session, and sends it. */
describe.skipIf(!existsSync(CHROMIUM))('staff chat behind STAFF_TOKEN in a real browser', () => {
  const engine = new FakeWebEngine();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    server = await startTestServer(engine, { STAFF_TOKEN: TOKEN });
    userDataDir = mkdtempSync(join(tmpdir(), 'pianobot-chromium-login-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('asks for the token once, then gets staff answers with it for the rest of the session', async () => {
    const page = await context.newPage();
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.message());
      void dialog.accept(TOKEN);
    });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('pianobot-staff-token'))).toBe(TOKEN);

    await page.getByLabel('La tua domanda').fill('personale di 2021_PD_8735');
    await page.keyboard.press('Enter');
    await page.locator('.turn .answer').first().waitFor();
    expect(engine.calls.at(-1)?.options?.audience).toBe('staff');

    await page.reload();
    await page.getByLabel('La tua domanda').fill('budget di 2021_PD_8735');
    await page.keyboard.press('Enter');
    await page.locator('.turn .answer').first().waitFor();
    expect(engine.calls.at(-1)?.options?.audience).toBe('staff');
    expect(prompts).toHaveLength(1);
    expect(await page.locator('#audience-note').count()).toBe(0);
    await page.close();
  });

  it('gets public answers when the token is refused, and says so', async () => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept('not-the-token-at-all'));
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('#audience-note').textContent()).toContain('risposte pubbliche');
    await page.getByLabel('La tua domanda').fill('personale di 2021_PD_8735');
    await page.keyboard.press('Enter');
    await page.locator('.turn .answer').first().waitFor();
    expect(engine.calls.at(-1)?.options?.audience).toBe('public');
    await page.close();
  });
});
