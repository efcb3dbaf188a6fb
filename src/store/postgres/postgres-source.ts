import { PianobotError } from '../../errors.ts';
import { type Logger, silentLogger } from '../../logger.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import type { PlanSource } from '../plan-source.ts';
import { PlanStore } from '../plan-store.ts';
import { connect, type Pool, type PoolClient } from './database.ts';
import { loadPlans } from './load-plans.ts';
import { openPgSearch } from './pg-search.ts';
import { PLANS_CHANNEL } from './plans-channel.ts';

/** wait between two attempts to LISTEN again after the connection was lost */
const RELISTEN_MS = 2_000;

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
      const failed = await pool.query<{ file: string; code: string; message: string }>(
        'SELECT file, code, message FROM ingest_errors ORDER BY file',
      );
      const model = stored.model;
      const count = (records: { doc: string }[], file: string) => records.filter((r) => r.doc === file).length;
      const kept = new Set(model.documents.map((d) => d.file));
      return {
        store: new PlanStore(model),
        search,
        info: { documents: model.documents.length, chunks: stored.chunks, builtAt: stored.builtAt },
        manifest: {
          version: 1,
          builtAt: stored.builtAt,
          codeVersion: `postgres:${stored.version}`,
          embedder: { id: embedder.id, dimension: embedder.dimension },
          documents: model.documents.map((d) => ({
            file: d.file,
            sha256: d.sha256,
            layout: d.layout,
            objectives: count(model.objectives, d.file),
            projects: count(model.projects, d.file),
          })),
          // a file whose new version failed still serves its previous rows
          errors: failed.rows.map((e) => ({ ...e, ...(kept.has(e.file) ? { kept: true } : {}) })),
          chunks: stored.chunks,
        },
        loadMs: performance.now() - started,
      };
    },
    async watch(onChange) {
      let stopped = false;
      let client: PoolClient | null = null;
      const onNotification = (msg: { channel: string; payload?: string | undefined }) => {
        if (msg.channel !== PLANS_CHANNEL) return;
        log.info('plans changed in the database', { payload: msg.payload });
        onChange();
      };
      const listen = async (): Promise<void> => {
        const c = await connect(pool);
        c.on('notification', onNotification);
        // a lost connection misses notices: listen again, then reload once in case a plan changed meanwhile
        c.once('error', (error) => {
          log.warn('lost the LISTEN connection to PostgreSQL: reconnecting', { error: String(error) });
          c.off('notification', onNotification);
          try {
            c.release(error);
          } catch {
            // the pool may already have discarded the broken client
          }
          client = null;
          const retry = () => {
            if (stopped) return;
            listen().then(onChange, () => setTimeout(retry, RELISTEN_MS).unref());
          };
          setTimeout(retry, RELISTEN_MS).unref();
        });
        await c.query(`LISTEN ${PLANS_CHANNEL}`);
        client = c;
      };
      await listen();
      return async () => {
        stopped = true;
        const c = client;
        client = null;
        if (!c) return;
        c.off('notification', onNotification);
        await c.query(`UNLISTEN ${PLANS_CHANNEL}`).catch(() => {});
        c.release();
      };
    },
    async close() {
      await pool.end();
    },
  };
}
