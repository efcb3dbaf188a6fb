/**
 * `npm run --silent export -- --json`: the whole plan model as JSON on stdout — from PostgreSQL when DATABASE_URL is
 * set, otherwise from the index (built first if needed).
 */
import { readFile } from 'node:fs/promises';
import { runIngest } from '../../ingest/run-pipeline.ts';
import { loadConfig } from '../config.ts';
import { exportView } from '../plan/export-view.ts';
import { type PlanModel, PlanModelSchema } from '../plan/model.ts';
import { createEmbedderFromConfig } from '../retrieval/embedder-from-config.ts';
import { indexPaths } from '../store/index-layout.ts';
import { createPool, migrate } from '../store/postgres/database.ts';
import { loadPlans } from '../store/postgres/load-plans.ts';

async function readModel(config: ReturnType<typeof loadConfig>): Promise<PlanModel> {
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl);
    try {
      await migrate(pool);
      return (await loadPlans(pool)).model;
    } finally {
      await pool.end();
    }
  }
  await runIngest({ inputs: [config.plansDir], indexDir: config.indexDir, embedder: createEmbedderFromConfig(config) });
  return PlanModelSchema.parse(JSON.parse(await readFile(indexPaths(config.indexDir).model, 'utf8')));
}

try {
  const model = await readModel(loadConfig());
  process.stdout.write(`${JSON.stringify(exportView(model), null, process.argv.includes('--pretty') ? 2 : 0)}\n`);
} catch (error) {
  console.error(`export failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
