import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerEngine } from '../../src/answer/answer.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import type { Logger } from '../../src/logger.ts';
import { startWebServer } from '../../src/web/web-server.ts';

/** A web server on a free port with its feedback in a temp dir; `close()` stops it and removes the dir. */
export async function startTestServer(
  engine: AnswerEngine,
  env: Record<string, string> = {},
  options: { now?: () => number; log?: Logger } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pianobot-web-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const votesFile = join(dataDir, 'feedback', 'votes.jsonl');
  const feedback = new FeedbackStore(votesFile, { maxBytes: config.feedback.maxBytes });
  const server = await startWebServer({ config, engine, feedback, ...options });
  return {
    ...server,
    votesFile,
    feedback,
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
