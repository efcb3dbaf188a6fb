/**
 * The connection pool to DATABASE_URL and the schema migrations, run at start by every process that opens the
 * database (idempotent: a version already applied is skipped; concurrent starts wait on an advisory lock).
 */
import pg from 'pg';
import { PianobotError } from '../../errors.ts';
import { type Logger, silentLogger } from '../../logger.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** key of the advisory lock that serialises migrations across replicas */
const MIGRATION_LOCK = 7_351_246_001;

/** How passages are ranked, decided by what the server offers. */
export type VectorMode = 'full-text + stored-vector re-rank';

export interface DatabaseInfo {
  applied: number[];
  version: number;
  /** whether the server could install pgvector (CREATE EXTENSION vector) */
  vectorExtension: boolean;
  mode: VectorMode;
}

export function createPool(url: string): Pool {
  const pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // an idle client losing its connection must not crash the process; the next query reconnects
  pool.on('error', () => {});
  return pool;
}

/** Redacts the password for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** Runs the migrations the database has not seen yet and reports which search mode runs. */
export async function migrate(
  pool: Pool,
  options: { log?: Logger; migrations?: readonly Migration[] } = {},
): Promise<DatabaseInfo> {
  const log = options.log ?? silentLogger;
  const migrations = options.migrations ?? MIGRATIONS;
  const client = await connect(pool);
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (cause) {
        await client.query('ROLLBACK');
        throw new PianobotError(
          'DATABASE_UNAVAILABLE',
          `Migration ${m.version} (${m.name}) failed: ${(cause as Error).message}`,
          { cause },
        );
      }
      applied.push(m.version);
      log.info('database migrated', { version: m.version, name: m.name });
    }
    const vectorExtension =
      (await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")).rowCount === 1;
    const version = Math.max(0, ...done, ...applied);
    return { applied, version, vectorExtension, mode: 'full-text + stored-vector re-rank' };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** A pooled client, or DATABASE_UNAVAILABLE saying which server could not be reached. */
export async function connect(pool: Pool): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (cause) {
    const { host, port, database } = pool.options;
    const where = pool.options.connectionString
      ? describeUrl(pool.options.connectionString)
      : `${host}:${port}/${database}`;
    throw new PianobotError(
      'DATABASE_UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${where}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await connect(pool);
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
