/** `npm run --silent export -- --json`: the whole plan model as JSON on stdout (index built first if needed). */
import { readFile } from 'node:fs/promises';
import { runIngest } from '../../ingest/run-pipeline.ts';
import { loadConfig } from '../config.ts';
import { exportView } from '../plan/export-view.ts';
import { PlanModelSchema } from '../plan/model.ts';
import { createEmbedderFromConfig } from '../retrieval/embedder-from-config.ts';
import { indexPaths } from '../store/index-layout.ts';

try {
  const config = loadConfig();
  await runIngest({ inputs: [config.plansDir], indexDir: config.indexDir, embedder: createEmbedderFromConfig(config) });
  const model = PlanModelSchema.parse(JSON.parse(await readFile(indexPaths(config.indexDir).model, 'utf8')));
  process.stdout.write(`${JSON.stringify(exportView(model), null, process.argv.includes('--pretty') ? 2 : 0)}\n`);
} catch (error) {
  console.error(`export failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
