/**
 * `npm run db:migrate`: creates or upgrades pianobot's schema in DATABASE_URL (idempotent; servers also run it at
 * start) and says which migrations ran and which search mode the server allows.
 */
import { loadConfig } from '../config.ts';
import { loadEnvFile } from '../load-env-file.ts';
import { createPool, describeUrl, migrate } from '../store/postgres/database.ts';

loadEnvFile();
try {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set (postgres://user:pass@host:port/db)');
  const pool = createPool(config.databaseUrl);
  try {
    const info = await migrate(pool);
    console.log(
      `${describeUrl(config.databaseUrl)}: schema version ${info.version}` +
        (info.applied.length ? ` (applied ${info.applied.join(', ')})` : ' (already up to date)'),
    );
    console.log(
      `passage search: ${info.mode}${info.vectorExtension ? ' (the vector extension is available but not used)' : ' (no vector extension on this server)'}`,
    );
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
