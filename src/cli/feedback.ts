/**
 * `npm run feedback` prints the 👍 / 👎 counts by channel (Slack, web, help desk, CLI) and the latest negative votes
 * with their question and answer, from `<DATA_DIR>/feedback/votes.jsonl` (or PostgreSQL when DATABASE_URL is set).
 * `npm run feedback -- --latest 20` shows more negative votes; `--json` prints the summary as JSON.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.ts';
import { FeedbackStore, type FeedbackSummary } from '../feedback/feedback-store.ts';
import { squash } from '../plan/text.ts';
import { createPool, describeUrl, migrate } from '../store/postgres/database.ts';
import { PgFeedbackStore } from '../store/postgres/pg-feedback-store.ts';

export function feedbackFile(dataDir: string): string {
  return join(dataDir, 'feedback', 'votes.jsonl');
}

const clip = (s: string, max: number) => {
  const flat = squash(s);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The report as people read it: totals, one line per channel, then the latest negative votes newest first. */
export function formatFeedbackReport(summary: FeedbackSummary, file: string): string {
  const total = summary.up + summary.down;
  if (total === 0) return `Nessun voto ancora (${file}).\n`;
  const lines = [`Voti: ${total}  ·  👍 ${summary.up}  ·  👎 ${summary.down}`, '', 'Per canale:'];
  const channels = Object.entries(summary.byChannel).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...channels.map(([c]) => c.length));
  for (const [channel, counts] of channels) {
    lines.push(
      `  ${channel.padEnd(width)}  👍 ${String(counts.up).padStart(4)}  👎 ${String(counts.down).padStart(4)}`,
    );
  }
  lines.push('', summary.latestNegative.length ? 'Ultimi voti negativi:' : 'Nessun voto negativo.');
  for (const v of summary.latestNegative) {
    lines.push(`  ${v.at.slice(0, 16).replace('T', ' ')}  ${v.channel}  ${v.user}  (risposta ${v.answerId})`);
    lines.push(`    D: ${clip(v.question, 160) || '—'}`);
    lines.push(`    R: ${clip(v.answer, 200) || '—'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const at = argv.indexOf('--latest');
  const latest = at >= 0 ? Number(argv[at + 1]) : 10;
  if (!Number.isInteger(latest) || latest < 0) {
    console.error('usage: npm run feedback [-- --latest N] [--json]');
    process.exitCode = 2;
    return;
  }
  const file = config.databaseUrl ? describeUrl(config.databaseUrl) : feedbackFile(config.dataDir);
  let summary: FeedbackSummary;
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl);
    try {
      await migrate(pool);
      summary = await new PgFeedbackStore(pool).summary(latest);
    } finally {
      await pool.end();
    }
  } else summary = new FeedbackStore(file, { maxBytes: config.feedback.maxBytes }).summary(latest);
  process.stdout.write(
    argv.includes('--json') ? `${JSON.stringify(summary, null, 2)}\n` : formatFeedbackReport(summary, file),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    console.error(`pianobot: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
