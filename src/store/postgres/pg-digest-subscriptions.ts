/**
 * The weekly digest opt-ins in PostgreSQL: an opt-in made on one replica holds on all of them, and the day sent is
 * claimed with one conditional UPDATE, so of several replicas checking the schedule exactly one sends each digest.
 */
import {
  type DigestSubscription,
  DigestSubscriptionSchema,
  type DigestSubscriptionStore,
} from '../../digest/digest-subscriptions.ts';
import type { Pool } from './database.ts';

interface Row {
  user_id: string;
  subscription: unknown;
  last_sent: string | null;
}

function parse(row: Row): DigestSubscription | undefined {
  // a row written by another version of pianobot that no longer parses is skipped, not fatal
  const parsed = DigestSubscriptionSchema.safeParse({
    ...(row.subscription as object),
    ...(row.last_sent ? { lastSent: row.last_sent } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

export class PgDigestSubscriptions implements DigestSubscriptionStore {
  constructor(private readonly pool: Pool) {}

  async all(): Promise<[string, DigestSubscription][]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM digest_subscriptions ORDER BY user_id');
    return rows.flatMap((r) => {
      const sub = parse(r);
      return sub ? [[r.user_id, sub] as [string, DigestSubscription]] : [];
    });
  }

  async get(userId: string): Promise<DigestSubscription | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM digest_subscriptions WHERE user_id = $1', [userId]);
    return rows[0] ? parse(rows[0]) : undefined;
  }

  async subscribe(userId: string, sub: Omit<DigestSubscription, 'lastSent'>): Promise<void> {
    const { lastSent: _, ...checked } = DigestSubscriptionSchema.parse(sub);
    // a new schedule keeps the day last sent (last_sent untouched): never twice on one day
    await this.pool.query(
      `INSERT INTO digest_subscriptions (user_id, subscription) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET subscription = $2, at = now()`,
      [userId, JSON.stringify(checked)],
    );
  }

  async unsubscribe(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM digest_subscriptions WHERE user_id = $1', [userId]);
  }

  async claimSend(userId: string, day: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE digest_subscriptions SET last_sent = $2 WHERE user_id = $1 AND last_sent IS DISTINCT FROM $2',
      [userId, day],
    );
    return rowCount === 1;
  }

  async releaseSend(userId: string, day: string, previous: string | undefined): Promise<void> {
    await this.pool.query('UPDATE digest_subscriptions SET last_sent = $3 WHERE user_id = $1 AND last_sent = $2', [
      userId,
      day,
      previous ?? null,
    ]);
  }
}
