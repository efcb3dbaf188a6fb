/** `npm start` (src/main.ts) as a child process, reached only over HTTP, for the tests that drive the real server. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '../../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

export interface StartedApp {
  base: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  stop(): void;
}

/**
 * Starts the app with `env` over a quiet default environment (local embedder, no LLM, no Slack) and resolves once it
 * says it listens. PORT is picked free unless given.
 */
export async function startApp(
  env: Record<string, string>,
  options: { singleProcess?: boolean } = {},
): Promise<StartedApp> {
  const port = env.PORT ?? String(await freePort());
  // the tsx binary runs the app in a child process and relays only SIGINT / SIGTERM; a test that signals the app
  // itself (SIGHUP) runs it as one node process with tsx as a loader, as an operator's `kill -HUP <pid>` would reach
  const [command, args] = options.singleProcess
    ? [process.execPath, ['--import', 'tsx', 'src/main.ts']]
    : [TSX, ['src/main.ts']];
  const child: ChildProcess = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      EMBEDDINGS_MODEL: '',
      OPENAI_MODEL: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const deadline = Date.now() + 100_000;
  while (!/listening|ready/.test(output.out())) {
    if (child.exitCode !== null) throw new Error(`pianobot exited (${child.exitCode}): ${output.err()}`);
    if (Date.now() > deadline) throw new Error(`pianobot did not start: ${output.out()}\n${output.err()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    stdout: () => output.out(),
    stderr: () => output.err(),
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

/** Waits until `check` holds, polling; for state another process changes (no timing is asserted). */
export async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function askOver(base: string, q: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ q }),
  });
  return { status: res.status, body: (await res.json()) as { answer: string; audience: string; found: boolean } };
}

/** Everything a child process has written so far, on each stream. */
export function captureOutput(child: ChildProcess): { out(): string; err(): string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return { out: () => out, err: () => err };
}
