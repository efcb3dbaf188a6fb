/**
 * `npm run --silent check-plans [-- --json]`: the inconsistencies of the loaded plans (weights, totals, budgets,
 * dates, codes, missing owners / indicators / dates) and the ingest warnings, each with document and lines.
 */
import { parseArgs } from 'node:util';
import { checksJson, formatChecks } from '../checks/format-checks.ts';
import { runPlanChecks } from '../checks/run-checks.ts';
import { engineForCli } from './engine-for-cli.ts';

try {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const { engine } = await engineForCli();
  const store = engine.planStore;
  if (!store) throw new Error('the engine has no plan model');
  const findings = runPlanChecks(store);
  const documents = (file: string) => store.documentOf(file);
  process.stdout.write(
    values.json
      ? `${JSON.stringify(checksJson(findings, documents), null, 2)}\n`
      : `${formatChecks(findings, documents)}\n`,
  );
} catch (error) {
  const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(
    `check-plans: ${(error as Error).message}${usage ? '\nusage: npm run --silent check-plans [-- --json]' : ''}`,
  );
  process.exitCode = usage ? 2 : 1;
}
