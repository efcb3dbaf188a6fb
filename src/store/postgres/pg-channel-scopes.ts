/**
 * The per-channel scopes (`/piani ambito`) in PostgreSQL, so a scope set through one replica restricts the answers
 * of every replica in that channel.
 */
import { type ChannelScope, ChannelScopeSchema, type ChannelScopeStore } from '../../scope/channel-scope-store.ts';
import type { Pool } from './database.ts';

export class PgChannelScopeStore implements ChannelScopeStore {
  constructor(private readonly pool: Pool) {}

  async get(channel: string): Promise<ChannelScope | undefined> {
    const { rows } = await this.pool.query<{ scope: unknown }>('SELECT scope FROM channel_scopes WHERE channel = $1', [
      channel,
    ]);
    // a row written by another version of pianobot that no longer parses counts as no scope, not as an error
    const parsed = ChannelScopeSchema.safeParse(rows[0]?.scope);
    return parsed.success ? parsed.data : undefined;
  }

  async put(channel: string, scope: ChannelScope): Promise<void> {
    const checked = ChannelScopeSchema.parse(scope);
    await this.pool.query(
      `INSERT INTO channel_scopes (channel, scope) VALUES ($1, $2)
       ON CONFLICT (channel) DO UPDATE SET scope = $2, at = now()`,
      [channel, JSON.stringify(checked)],
    );
  }
}
