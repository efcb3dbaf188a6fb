/**
 * Runs one of pianobot's command-line entry points as a child process, the way `npm run …` does (through tsx),
 * with an environment that points every path at the test's temp folders and turns off anything networked.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '../../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [script, ...args],
      {
        cwd: REPO_ROOT,
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        // local embedder, no LLM, no Slack: nothing may reach the network
        env: {
          ...process.env,
          EMBEDDINGS_MODEL: '',
          OPENAI_MODEL: '',
          OPENAI_API_KEY: '',
          SLACK_BOT_TOKEN: '',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
