/**
 * `npm run ingest [-- paths…] [--force]`: builds data/index from the plans — or, with DATABASE_URL, writes them into
 * PostgreSQL one document per transaction — with progress and a per-document report.
 */
import { loadConfig } from '../src/config.ts';
import { loadEnvFile } from '../src/load-env-file.ts';
import { createEmbedderFromConfig } from '../src/retrieval/embedder-from-config.ts';
import { createPool, describeUrl } from '../src/store/postgres/database.ts';
import { formatReport } from './format-report.ts';
import { ingestToPostgres } from './postgres/ingest-to-postgres.ts';
import { printable } from './printable.ts';
import { type IngestReport, runIngest } from './run-pipeline.ts';

const args = process.argv.slice(2);
const force = args.includes('--force');
const inputs = args.filter((a) => !a.startsWith('--'));
loadEnvFile();
const config = loadConfig();
const tty = process.stderr.isTTY;
const onProgress = (m: string) => (tty ? process.stderr.write(`\r\x1b[K${m}`) : process.stderr.write(`${m}\n`));

async function ingest(): Promise<{ report: IngestReport; where: string }> {
  const embedder = createEmbedderFromConfig(config);
  const plans = inputs.length ? inputs : [config.plansDir];
  if (!config.databaseUrl) {
    return {
      report: await runIngest({
        inputs: plans,
        indexDir: config.indexDir,
        embedder,
        force,
        // the langchain stack is only loaded when a model is configured
        ...(config.llm
          ? { modelExtractor: (await import('./extractors/model-extractor.ts')).createModelExtractor(config.llm) }
          : {}),
        maxFileBytes: config.maxPlanFileBytes,
        ...(config.ingestWorkers !== undefined ? { workers: config.ingestWorkers } : {}),
        onProgress,
      }),
      where: config.indexDir,
    };
  }
  const pool = createPool(config.databaseUrl);
  try {
    const report = await ingestToPostgres({
      inputs: plans,
      pool,
      embedder,
      force,
      maxFileBytes: config.maxPlanFileBytes,
      onProgress,
    });
    const extra = [
      report.unchanged ? `${report.unchanged} unchanged document(s) kept` : '',
      report.removed.length ? `removed: ${report.removed.join(', ')}` : '',
    ].filter(Boolean);
    return { report, where: `${describeUrl(config.databaseUrl)}${extra.length ? ` (${extra.join('; ')})` : ''}` };
  } finally {
    await pool.end();
  }
}

try {
  const { report, where } = await ingest();
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(formatReport(report, where));
  process.exitCode = report.errors.length ? 2 : 0;
} catch (error) {
  if (tty) process.stderr.write('\n');
  console.error(`Ingestion failed: ${printable((error as Error).message)}`);
  process.exitCode = 1;
}
