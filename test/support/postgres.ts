/**
 * A real PostgreSQL for the integration tests: TEST_DATABASE_URL names a server and a role allowed to create
 * databases (`.ci/run` starts Debian's PostgreSQL 15 and sets it). Each test file gets its own throw-away database.
 * Without TEST_DATABASE_URL the PostgreSQL tests are skipped with a visible reason — except in CI (CI=true), where
 * that is a failure: CI must never pass by silently not testing the database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

if (!TEST_DATABASE_URL && process.env.CI === 'true') {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: .ci/run must start PostgreSQL for these tests');
}

/** `describe` when a server is configured, otherwise a skipped block whose name says why. */
export const describePostgres: typeof describe = TEST_DATABASE_URL
  ? describe
  : (((name: string, ...rest: unknown[]) =>
      (describe.skip as (...a: unknown[]) => void)(
        `${name} — skipped: set TEST_DATABASE_URL=postgres://… to run the PostgreSQL tests`,
        ...rest,
      )) as unknown as typeof describe);

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the test server, dropped (with its connections) by `drop()`. */
export async function createThrowawayDatabase(prefix = 'pianobot_test'): Promise<ThrowawayDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        // FORCE cannot end a backend of another role (an autovacuum worker that just started on the new database):
        // that one finishes on its own within moments, so try again a few times before failing
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (attempt >= 20 || !/member of the role|being accessed by other users/.test(String(error))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
