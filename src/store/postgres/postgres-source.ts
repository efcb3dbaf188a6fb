import { PianobotError } from '../../errors.ts';
import { type Logger, silentLogger } from '../../logger.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import type { PlanSource } from '../plan-source.ts';
import { PlanStore } from '../plan-store.ts';
import { connect, type Pool } from './database.ts';
import { loadPlans } from './load-plans.ts';
import { openPgSearch } from './pg-search.ts';
import { PLANS_CHANNEL } from './plans-channel.ts';

/**
 * The plans in PostgreSQL: the model is read into an in-memory PlanStore (lookups stay in-process and fast), passage
 * search runs as SQL. Replicas LISTEN for the NOTIFY that each ingest transaction sends on commit.
 */
export function postgresPlanSource(pool: Pool, embedder: Embedder, log: Logger = silentLogger): PlanSource {
  return {
    kind: 'postgres',
    async open() {
      const started = performance.now();
      const stored = await loadPlans(pool);
      if (stored.model.documents.length === 0) {
        throw new PianobotError(
          'INDEX_MISSING',
          'The database has no plans yet: run `npm run ingest` with the same DATABASE_URL first.',
        );
      }
      const search = await openPgSearch(pool, embedder);
      return {
        store: new PlanStore(stored.model),
        search,
        info: { documents: stored.model.documents.length, chunks: stored.chunks, builtAt: stored.builtAt },
        loadMs: performance.now() - started,
      };
    },
    async watch(onChange) {
      const client = await connect(pool);
      const onNotification = (msg: { channel: string; payload?: string | undefined }) => {
        if (msg.channel !== PLANS_CHANNEL) return;
        log.info('plans changed in the database', { payload: msg.payload });
        onChange();
      };
      client.on('notification', onNotification);
      await client.query(`LISTEN ${PLANS_CHANNEL}`);
      return async () => {
        client.off('notification', onNotification);
        await client.query(`UNLISTEN ${PLANS_CHANNEL}`).catch(() => {});
        client.release();
      };
    },
    async close() {
      await pool.end();
    },
  };
}
