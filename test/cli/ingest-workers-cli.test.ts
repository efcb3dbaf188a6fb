import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexContent } from '../ingest/support/index-content.ts';
import { removeDir, SAMPLE_PLANS, stagePlans, tempRoot } from '../ingest/support/sample-plans.ts';
import { type CliResult, runCli } from './support/run-cli.ts';

const INGEST = 'ingest/run-ingest.ts';

describe('npm run ingest with INGEST_WORKERS', () => {
  let root: string;
  const runs: Record<string, { result: CliResult; indexDir: string }> = {};

  beforeAll(async () => {
    root = await tempRoot('ingest-workers-cli');
    const plans = join(root, 'plans');
    await stagePlans(plans);
    await writeFile(join(plans, 'vuoto.txt'), '');
    for (const workers of ['1', '2']) {
      const indexDir = join(root, `index-${workers}`);
      const env = { PLANS_DIR: plans, INDEX_DIR: indexDir, DATA_DIR: root, INGEST_WORKERS: workers };
      runs[workers] = { result: await runCli(INGEST, [], env), indexDir };
    }
  });
  afterAll(() => removeDir(root));

  it('prepares the plan files on that many worker threads (TypeScript workers started by the CLI)', () => {
    expect(runs['2']!.result.stderr).toContain('preparing documents on 2 worker threads');
    expect(runs['1']!.result.stderr).not.toContain('worker threads');
  });

  it('reports the same documents and the same skipped file as one thread', () => {
    const documents = (r: CliResult) => r.stdout.split('\n').filter((l) => /^\S+\.txt {2}\[/.test(l));
    expect(documents(runs['2']!.result)).toEqual(documents(runs['1']!.result));
    expect(documents(runs['2']!.result)).toHaveLength(SAMPLE_PLANS.length);
    expect(runs['2']!.result.stdout).toMatch(/SKIPPED vuoto\.txt: the file is empty \(PLAN_FILE_EMPTY\)/);
    expect(runs['2']!.result.code).toBe(2);
  });

  it('writes the same index as one thread, byte for byte', async () => {
    expect(await indexContent(runs['2']!.indexDir)).toEqual(await indexContent(runs['1']!.indexDir));
  });
});
