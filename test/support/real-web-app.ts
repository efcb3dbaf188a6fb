/**
 * The web app over the real answer engine, its index built from plan files into a temp dir: what the HTTP tests
 * that ask questions of the sample plans start, so each states only its questions and what it expects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { PLANS_DIR } from './plan-fixture.ts';

export interface AskedAnswer {
  answer: string;
  found: boolean;
  intent: string;
  citations: unknown[];
}

export interface RealWebApp {
  url: string;
  /** POST /api/ask with the question; the reply must be a 200 */
  ask(q: string): Promise<AskedAnswer>;
  stop(): Promise<void>;
}

export async function startRealWebApp(tempPrefix: string, plansDir = PLANS_DIR): Promise<RealWebApp> {
  const dir = mkdtempSync(join(tmpdir(), tempPrefix));
  const config = loadConfig({
    PORT: '0',
    PLANS_DIR: plansDir,
    INDEX_DIR: join(dir, 'index'),
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
  });
  const engine = await createEngine(config);
  const server = await startWebServer({ config, engine, feedback: new FeedbackStore(join(dir, 'votes.jsonl')) });
  return {
    url: server.url,
    async ask(q) {
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as AskedAnswer;
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
