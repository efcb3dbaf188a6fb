import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { embeddedPlanSource } from './embedded-source.ts';
import type { PlanSource } from './plan-source.ts';
import { createPool, describeUrl, migrate, type Pool } from './postgres/database.ts';
import { postgresPlanSource } from './postgres/postgres-source.ts';

/**
 * PostgreSQL when DATABASE_URL is set (migrated first; the search mode is logged), the embedded index otherwise.
 * `pool` is passed when the caller already holds one (the server shares it with the Slack state).
 */
export async function openPlanSource(
  config: Pick<Config, 'databaseUrl' | 'indexDir'>,
  embedder: Embedder,
  log: Logger,
  pool?: Pool,
): Promise<PlanSource> {
  if (!config.databaseUrl && !pool) return embeddedPlanSource(config.indexDir, embedder);
  const own = pool ?? createPool(config.databaseUrl!);
  try {
    await migrateAndLog(own, config.databaseUrl, log);
  } catch (error) {
    if (!pool) await own.end();
    throw error;
  }
  const source = postgresPlanSource(own, embedder, log);
  // a pool the caller passed is the caller's to end
  return pool ? { ...source, close: async () => {} } : source;
}

export async function migrateAndLog(pool: Pool, url: string | undefined, log: Logger): Promise<void> {
  const info = await migrate(pool, { log });
  log.info('database ready', {
    database: url ? describeUrl(url) : undefined,
    schemaVersion: info.version,
    vectorExtension: info.vectorExtension,
    mode: info.mode,
  });
}
