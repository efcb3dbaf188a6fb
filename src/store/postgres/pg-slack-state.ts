/**
 * The Slack state several replicas must share, in PostgreSQL: which deliveries were already claimed (so a retry that
 * a load balancer sends to another replica is not answered twice), the turns of each thread (so an untagged follow-up
 * keeps its context wherever it lands) and the posted answers the feedback and share buttons refer to.
 */
import { z } from 'zod';
import { AnswerSchema } from '../../answer/answer.ts';
import type { PostedAnswer, PostedAnswers } from '../../slack/answer-store.ts';
import type { DeliveryClaims } from '../../slack/dedupe.ts';
import type { ThreadHistory, Turn } from '../../slack/thread-memory.ts';
import type { Pool } from './database.ts';

const TurnSchema = z.object({ question: z.string(), answer: AnswerSchema.optional() });
const PostedSchema = z.object({ question: z.string(), answer: AnswerSchema });

/** Slack gives up retrying an event after about an hour; a day leaves room for clock skew and slow replicas. */
const DELIVERY_TTL_SECONDS = 24 * 3600;
/** how many claims between two sweeps of expired delivery keys */
const SWEEP_EVERY = 500;

export class PgDeliveryClaims implements DeliveryClaims {
  private claims = 0;

  constructor(
    private readonly pool: Pool,
    private readonly ttlSeconds = DELIVERY_TTL_SECONDS,
  ) {}

  /**
   * Inserts every key; the unique key makes concurrent claims of one delivery race safely: exactly one replica
   * inserts all of its keys and gets true. An expired key counts as unclaimed.
   */
  async claim(keys: readonly (string | undefined)[]): Promise<boolean> {
    const present = [...new Set(keys.filter((k): k is string => Boolean(k)))];
    if (present.length === 0) return true;
    if (++this.claims % SWEEP_EVERY === 0) await this.sweep();
    await this.pool.query('DELETE FROM slack_deliveries WHERE key = ANY($1) AND expires_at < now()', [present]);
    const { rowCount } = await this.pool.query(
      `INSERT INTO slack_deliveries (key, expires_at)
       SELECT k, now() + make_interval(secs => $2) FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO NOTHING`,
      [present, this.ttlSeconds],
    );
    return rowCount === present.length;
  }

  async sweep(): Promise<void> {
    await this.pool.query('DELETE FROM slack_deliveries WHERE expires_at < now()');
  }
}

export class PgThreadHistory implements ThreadHistory {
  constructor(
    private readonly pool: Pool,
    private readonly maxTurns = 10,
  ) {}

  async has(channel: string, threadTs: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM slack_turns WHERE channel = $1 AND thread_ts = $2 LIMIT 1',
      [channel, threadTs],
    );
    return rowCount === 1;
  }

  async history(channel: string, threadTs: string): Promise<Turn[]> {
    const { rows } = await this.pool.query<{ turn: unknown }>(
      `SELECT turn FROM (SELECT turn, seq FROM slack_turns WHERE channel = $1 AND thread_ts = $2
         ORDER BY seq DESC LIMIT $3) t ORDER BY seq`,
      [channel, threadTs, this.maxTurns],
    );
    // a turn written by another version of pianobot that no longer parses is skipped, not fatal
    return rows.flatMap((r) => {
      const parsed = TurnSchema.safeParse(r.turn);
      return parsed.success ? [parsed.data as Turn] : [];
    });
  }

  async remember(channel: string, threadTs: string, turn: Turn): Promise<void> {
    await this.pool.query('INSERT INTO slack_turns (channel, thread_ts, turn) VALUES ($1, $2, $3)', [
      channel,
      threadTs,
      JSON.stringify(turn),
    ]);
  }
}

export class PgPostedAnswers implements PostedAnswers {
  constructor(private readonly pool: Pool) {}

  async remember(id: string, posted: PostedAnswer): Promise<void> {
    await this.pool.query(
      'INSERT INTO slack_answers (id, posted) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET posted = $2, at = now()',
      [id, JSON.stringify(posted)],
    );
  }

  async get(id: string): Promise<PostedAnswer | undefined> {
    const { rows } = await this.pool.query<{ posted: unknown }>('SELECT posted FROM slack_answers WHERE id = $1', [id]);
    const parsed = PostedSchema.safeParse(rows[0]?.posted);
    return parsed.success ? (parsed.data as PostedAnswer) : undefined;
  }
}
