/**
 * The confirmed person ↔ Slack user table in PostgreSQL, so a user who confirms "Sei …? Conferma" on one replica is
 * that person on every replica (App Home, digest).
 */
import { SlackUserIdSchema, type SlackUserTable } from '../../people/slack-user-table.ts';
import { inTransaction, type Pool } from './database.ts';

export class PgSlackUserTable implements SlackUserTable {
  constructor(private readonly pool: Pool) {}

  async personOf(userId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ person: string }>('SELECT person FROM slack_people WHERE user_id = $1', [
      userId,
    ]);
    return rows[0]?.person;
  }

  async userOf(person: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ user_id: string }>('SELECT user_id FROM slack_people WHERE person = $1', [
      person,
    ]);
    return rows[0]?.user_id;
  }

  async confirm(userId: string, person: string): Promise<void> {
    SlackUserIdSchema.parse(userId);
    if (!person.trim()) throw new Error('a confirmed person needs a name');
    // the user's earlier row goes, and whoever held this person before is replaced, in one step
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM slack_people WHERE user_id = $1 OR person = $2', [userId, person]);
      await client.query('INSERT INTO slack_people (person, user_id) VALUES ($1, $2)', [person, userId]);
    });
  }
}
