/** `npm run ingest [-- paths…] [--force]`: builds data/index from the plans, with progress and a per-document report. */
import { loadConfig } from '../src/config.ts';
import { createEmbedderFromConfig } from '../src/retrieval/embedder-from-config.ts';
import { formatReport } from './format-report.ts';
import { printable } from './printable.ts';
import { runIngest } from './run-pipeline.ts';

const args = process.argv.slice(2);
const force = args.includes('--force');
const inputs = args.filter((a) => !a.startsWith('--'));
const config = loadConfig();
const tty = process.stderr.isTTY;

try {
  const report = await runIngest({
    inputs: inputs.length ? inputs : [config.plansDir],
    indexDir: config.indexDir,
    embedder: createEmbedderFromConfig(config),
    force,
    // the langchain stack is only loaded when a model is configured
    ...(config.llm
      ? { modelExtractor: (await import('./extractors/model-extractor.ts')).createModelExtractor(config.llm) }
      : {}),
    maxFileBytes: config.maxPlanFileBytes,
    onProgress: (m) => (tty ? process.stderr.write(`\r\x1b[K${m}`) : process.stderr.write(`${m}\n`)),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(formatReport(report, config.indexDir));
  process.exitCode = report.errors.length ? 2 : 0;
} catch (error) {
  if (tty) process.stderr.write('\n');
  console.error(`Ingestion failed: ${printable((error as Error).message)}`);
  process.exitCode = 1;
}
