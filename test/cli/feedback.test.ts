import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackFile, formatFeedbackReport } from '../../src/cli/feedback.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';

const run = promisify(execFile);

describe('npm run feedback', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pianobot-feedback-'));
    const store = new FeedbackStore(feedbackFile(dataDir));
    const vote = { question: 'the budget for 2021_PD_8735', answer: 'Il budget è 1.920.000,00' };
    store.record({ channel: 'slack', user: 'U1', answerId: 'a1', vote: 'up', ...vote, at: '2024-05-02T10:00:00.000Z' });
    store.record({
      channel: 'slack',
      user: 'U2',
      answerId: 'a1',
      vote: 'down',
      ...vote,
      at: '2024-05-02T11:00:00.000Z',
    });
    store.record({
      channel: 'web',
      user: 'anon-1',
      answerId: 'w1',
      vote: 'down',
      question: 'e i suoi indicatori?',
      answer: 'Non ho trovato…',
      at: '2024-05-03T09:30:00.000Z',
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints totals, counts by channel and the latest negative votes, newest first', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/feedback.ts'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(stdout).toContain('Voti: 3  ·  👍 1  ·  👎 2');
    expect(stdout).toMatch(/slack\s+👍\s+1\s+👎\s+1/);
    expect(stdout).toMatch(/web\s+👍\s+0\s+👎\s+1/);
    const newest = stdout.indexOf('e i suoi indicatori?');
    const older = stdout.indexOf('D: the budget for 2021_PD_8735');
    expect(newest).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newest);
  });

  it('prints the summary as JSON with --json, limited by --latest', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/feedback.ts', '--json', '--latest', '1'],
      {
        env: { ...process.env, DATA_DIR: dataDir },
      },
    );
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      up: 1,
      down: 2,
      byChannel: { slack: { up: 1, down: 1 }, web: { up: 0, down: 1 } },
    });
    expect(summary.latestNegative).toHaveLength(1);
  });

  it('says there are no votes yet when the file does not exist', () => {
    const empty = new FeedbackStore(join(dataDir, 'nothing.jsonl')).summary();
    expect(formatFeedbackReport(empty, 'votes.jsonl')).toBe('Nessun voto ancora (votes.jsonl).\n');
  });
});
