/**
 * `npm start` as a newcomer and an operator run it: the real entry point (src/main.ts) in a child process, reached
 * only over HTTP — the web chat without Slack tokens, and the Slack app in HTTP mode against a fake Slack.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { sendSlackRequest } from '../support/slack-signing.ts';
import { captureOutput } from './support/start-app.ts';

const REPO_ROOT = join(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const SIGNING_SECRET = 'start-test-secret';

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pianobot-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start without Slack tokens', () => {
  let app: Started;

  beforeAll(async () => {
    app = await start({ PORT: String(await freePort()) });
  }, 120_000);
  afterAll(() => app?.stop());

  it('prints the URL of the chat and the help desk', () => {
    expect(app.stdout()).toMatch(/http:\/\/[\w.]+:\d+\/ .*help desk http:\/\/[\w.]+:\d+\/helpdesk/);
  });

  it('listens on 127.0.0.1 when HOST is not set, and says the staff audience is open to this machine only', () => {
    expect(app.stdout()).toContain('http://127.0.0.1:');
    expect(app.stdout()).toMatch(/staff audience: open to callers on this machine/);
  });

  it('gives a local caller the staff answer with the allocation table', async () => {
    const body = await ask(app.base, 'personale assegnato al progetto 2021_PD_8735');
    expect(body.audience).toBe('staff');
    expect(JSON.stringify(body)).toContain('Venturi Lorella');
  });

  it('answers POST /api/ask "the budget for 2021_PD_8735" with 1.920.000,00 and a citation', async () => {
    const res = await fetch(`${app.base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'the budget for 2021_PD_8735' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string; citations: { doc: string; lines?: string }[] };
    expect(body.answer).toContain('1.920.000,00');
    expect(body.citations[0]).toMatchObject({ doc: '002_51402a20550dfbf2.txt' });
  });

  it('serves the staff chat page at /', async () => {
    const res = await fetch(`${app.base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('lang="it"');
  });
});

describe('npm start listening beyond loopback without STAFF_TOKEN', () => {
  let app: Started;

  beforeAll(async () => {
    app = await start({ PORT: String(await freePort()), HOST: '0.0.0.0' });
  }, 120_000);
  afterAll(() => app?.stop());

  it('says in the start log that the staff audience is off, and why', () => {
    expect(app.stdout()).toMatch(/staff audience off: listening on 0\.0\.0\.0 with no STAFF_TOKEN/);
  });

  it('answers a request for staff allocations with the public audience: no names, whatever the body says', async () => {
    const body = await ask(app.base, 'personale assegnato al progetto 2021_PD_8735', 'staff');
    expect(body.audience).toBe('public');
    expect(JSON.stringify(body)).not.toContain('Venturi Lorella');
  });
});

describe('npm start with Slack tokens and no app token (HTTP mode)', () => {
  let app: Started;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    app = await start({
      PORT: String(await freePort()),
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    });
  }, 120_000);
  afterAll(async () => {
    app?.stop();
    await slack?.close();
  });

  it('answers a signed app_mention in the thread of the question, with the figure', async () => {
    const res = await sendSlackRequest(
      `${app.base}/slack/events`,
      {
        json: {
          type: 'event_callback',
          team_id: 'T1',
          api_app_id: 'A1',
          event_id: 'Ev-start-1',
          event_time: 1700000000,
          event: {
            type: 'app_mention',
            user: 'U1',
            text: '<@UBOT> the budget for 2021_PD_8735',
            ts: '1700000000.000100',
            channel: 'C1',
            event_ts: '1700000000.000100',
          },
        },
      },
      { signingSecret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    const post = await slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C1', 30_000);
    expect(post.args.thread_ts).toBe('1700000000.000100');
    expect(JSON.stringify(post.args)).toContain('1.920.000,00');
  });

  it('rejects a forged signature with 401', async () => {
    const res = await sendSlackRequest(
      `${app.base}/slack/events`,
      { json: { type: 'url_verification', challenge: 'x' } },
      { signingSecret: 'not-the-secret' },
    );
    expect(res.status).toBe(401);
  });
});

interface Started {
  base: string;
  stdout(): string;
  stop(): void;
}

/** Starts src/main.ts on the sample plans with its index in the test's temp folder; resolves once it listens. */
async function start(env: Record<string, string>): Promise<Started> {
  const child: ChildProcess = spawn(TSX, ['src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PLANS_DIR: 'data/plans',
      INDEX_DIR: join(dataDir, 'index'),
      DATA_DIR: dataDir,
      HOST: '',
      LOG_LEVEL: 'error',
      EMBEDDINGS_MODEL: '',
      OPENAI_MODEL: '',
      SLACK_APP_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const base = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 100_000;
  // the audience line is the last one every start path prints; it can arrive in a later chunk than "ready"
  while (!(/listening|ready/.test(output.out()) && /staff audience/.test(output.out()))) {
    if (child.exitCode !== null) throw new Error(`pianobot exited (${child.exitCode}): ${output.err()}`);
    if (Date.now() > deadline) throw new Error(`pianobot did not start: ${output.out()}\n${output.err()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stdout: () => output.out(), stop: () => child.kill('SIGTERM') };
}

async function ask(base: string, q: string, audience?: string) {
  const res = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ q, ...(audience ? { audience } : {}) }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { answer: string; audience: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
