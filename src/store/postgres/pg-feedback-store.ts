import {
  type FeedbackLog,
  type FeedbackSummary,
  type FeedbackVote,
  FeedbackVoteSchema,
} from '../../feedback/feedback-store.ts';
import type { Pool } from './database.ts';

/** Feedback votes in PostgreSQL, one per user and answer (the primary key refuses a second one from any replica). */
export class PgFeedbackStore implements FeedbackLog {
  constructor(private readonly pool: Pool) {}

  async record(vote: Omit<FeedbackVote, 'at'> & { at?: string }): Promise<boolean> {
    const v = FeedbackVoteSchema.parse({ ...vote, at: vote.at ?? new Date().toISOString() });
    const { rowCount } = await this.pool.query(
      `INSERT INTO feedback_votes (channel, "user", answer_id, vote, question, answer, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [v.channel, v.user, v.answerId, v.vote, v.question, v.answer, v.at],
    );
    return rowCount === 1;
  }

  async hasVoteOn(answerId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM feedback_votes WHERE answer_id = $1 LIMIT 1', [answerId]);
    return (rowCount ?? 0) > 0;
  }

  async summary(latest = 10): Promise<FeedbackSummary> {
    const counts = await this.pool.query<{ channel: string; vote: 'up' | 'down'; n: string }>(
      'SELECT channel, vote, count(*) AS n FROM feedback_votes GROUP BY channel, vote',
    );
    const byChannel: FeedbackSummary['byChannel'] = {};
    let up = 0;
    let down = 0;
    for (const r of counts.rows) {
      byChannel[r.channel] ??= { up: 0, down: 0 };
      byChannel[r.channel]![r.vote] += Number(r.n);
      if (r.vote === 'up') up += Number(r.n);
      else down += Number(r.n);
    }
    const negative = await this.pool.query(
      `SELECT channel, "user", answer_id AS "answerId", vote, question, answer, at FROM feedback_votes
       WHERE vote = 'down' ORDER BY seq DESC LIMIT $1`,
      [latest],
    );
    return { up, down, byChannel, latestNegative: negative.rows.map((r) => FeedbackVoteSchema.parse(r)) };
  }
}
