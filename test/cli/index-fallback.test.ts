/**
 * A plan that turns unreadable keeps its last good version, the server says it is degraded, starts on the index on
 * disk when no plan can be read, and swaps in a newly built index while it runs — driven through `npm run ingest`,
 * `npm start` and HTTP.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { PLANS_DIR, REGGIO, removeDir, SAMPLE_PLANS, stagePlans, tempRoot } from '../ingest/support/sample-plans.ts';
import { runCli } from './support/run-cli.ts';
import { askOver, eventually, type StartedApp, startApp } from './support/start-app.ts';

const INGEST = 'ingest/run-ingest.ts';
const BUDGET_QUESTION = 'the budget for 2021_PD_8735';

describe('a plan overwritten with garbage', () => {
  let root: string;
  let env: Record<string, string>;
  let app: StartedApp | undefined;
  const garbage = (file: string) => writeFile(join(env.PLANS_DIR!, file), randomBytes(4096));

  beforeAll(async () => {
    root = await tempRoot('fallback');
    env = { PLANS_DIR: join(root, 'plans'), INDEX_DIR: join(root, 'index'), DATA_DIR: root, INDEX_WATCH_MS: '100' };
    await stagePlans(env.PLANS_DIR!);
    expect((await runCli(INGEST, [], env)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    app?.stop();
    await removeDir(root);
  });

  it('keeps its last good version in the new index, and the report says so', async () => {
    await garbage(REGGIO.file);
    const run = await runCli(INGEST, [], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      new RegExp(`KEPT LAST GOOD VERSION of ${REGGIO.file}: .*last good version is kept \\(PLAN_FILE_CORRUPT\\)`),
    );
    expect(run.stdout).toContain(`${REGGIO.file}  [${REGGIO.layout}]  ${REGGIO.entity}  (last good version`);
    const { store } = await loadIndex(env.INDEX_DIR!, createLocalEmbedder());
    expect(store.objectives.filter((o) => o.doc === REGGIO.file)).toHaveLength(REGGIO.objectives);
    expect(store.projects.filter((p) => p.doc === REGGIO.file)).toHaveLength(REGGIO.projects);
    expect(store.projectsByCode.has('2021pd8735')).toBe(true);
  }, 120_000);

  it('still keeps it on the next run, and on a forced rebuild', async () => {
    const again = await runCli(INGEST, ['--force'], env);
    expect(again.stdout).toMatch(/KEPT LAST GOOD VERSION of 002/);
    const { store } = await loadIndex(env.INDEX_DIR!, createLocalEmbedder());
    expect(store.projects.filter((p) => p.doc === REGGIO.file)).toHaveLength(REGGIO.projects);
  }, 120_000);

  it('npm start answers from the kept version and /api/health says "degraded" with the reason', async () => {
    app = await startApp(env);
    const health = await (await fetch(`${app.base}/api/health`)).json();
    expect(health.status).toBe('degraded');
    expect(health.reasons).toEqual([expect.stringMatching(new RegExp(`${REGGIO.file}.*last good version is kept`))]);
    expect(health.projects).toBe(REGGIO.projects);
    const { body } = await askOver(app.base, BUDGET_QUESTION);
    expect(body.answer).toContain('1.920.000,00');
  }, 120_000);

  it('the running server swaps in the index rebuilt from the fixed file, with no failed request meanwhile', async () => {
    const server = app!;
    const before = (await (await fetch(`${server.base}/api/health`)).json()).builtAt;
    await copyFile(join(PLANS_DIR, REGGIO.file), join(env.PLANS_DIR!, REGGIO.file));
    let asking = true;
    const statuses: number[] = [];
    const load = (async () => {
      while (asking) statuses.push((await askOver(server.base, BUDGET_QUESTION)).status);
    })();
    expect((await runCli(INGEST, [], env)).code).toBe(0);
    const health = await eventually(
      async () => (await fetch(`${server.base}/api/health`)).json(),
      (h) => h.builtAt !== before,
    );
    asking = false;
    await load;
    expect(health.status).toBe('ok');
    expect(health.reasons).toBeUndefined();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  }, 120_000);

  it('reloads on SIGHUP too', async () => {
    const server = app!;
    const before = (await (await fetch(`${server.base}/api/health`)).json()).builtAt;
    // a rebuild with the watch off: only the signal can make the server notice it
    server.stop();
    app = await startApp({ ...env, INDEX_WATCH_MS: '0' }, { singleProcess: true });
    expect((await runCli(INGEST, ['--force'], env)).code).toBe(0);
    app.child.kill('SIGHUP');
    const health = await eventually(
      async () => (await fetch(`${app!.base}/api/health`)).json(),
      (h) => h.builtAt !== before,
    );
    expect(health.status).toBe('ok');
    expect(app.stdout()).toMatch(/index reloaded/);
  }, 120_000);

  it('with every plan failing, npm start starts on the index on disk', async () => {
    app?.stop();
    for (const p of SAMPLE_PLANS) await garbage(p.file);
    app = await startApp(env);
    const health = await (await fetch(`${app.base}/api/health`)).json();
    expect(health.status).toBe('degraded');
    expect(health.reasons).toHaveLength(SAMPLE_PLANS.length);
    expect(health.documents).toBe(SAMPLE_PLANS.length);
    expect((await askOver(app.base, BUDGET_QUESTION)).body.answer).toContain('1.920.000,00');
  }, 120_000);

  it('with a plans folder that yields no plan at all, npm start still starts on the index on disk', async () => {
    app?.stop();
    const emptyPlans = join(root, 'other-plans');
    await mkdir(emptyPlans, { recursive: true });
    await writeFile(join(emptyPlans, 'nuovo.txt'), randomBytes(2048));
    app = await startApp({ ...env, PLANS_DIR: emptyPlans });
    const health = await (await fetch(`${app.base}/api/health`)).json();
    expect(health.status).toBe('degraded');
    expect(health.reasons[0]).toMatch(/No plan could be ingested/);
    expect((await askOver(app.base, BUDGET_QUESTION)).body.answer).toContain('1.920.000,00');
  }, 120_000);
});
