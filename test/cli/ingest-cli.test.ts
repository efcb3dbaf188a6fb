import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import {
  leftovers,
  removeDir,
  SAMPLE_PLANS,
  SERRAVALLE,
  stagePlans,
  tempRoot,
} from '../ingest/support/sample-plans.ts';
import { type CliResult, runCli } from './support/run-cli.ts';

const INGEST = 'ingest/run-ingest.ts';

describe('npm run ingest', () => {
  let root: string;
  let env: Record<string, string>;
  let first: CliResult;

  beforeAll(async () => {
    root = await tempRoot('ingest-cli');
    env = { PLANS_DIR: join(root, 'plans'), INDEX_DIR: join(root, 'index'), DATA_DIR: root };
    await stagePlans(env.PLANS_DIR!);
    await writeFile(join(env.PLANS_DIR!, 'vuoto.txt'), '');
    await writeFile(join(env.PLANS_DIR!, 'piano.docx'), Buffer.from('PK\u0003\u0004 word/document.xml'));
    await writeFile(join(env.PLANS_DIR!, 'rotto.pdf'), randomBytes(2048));
    first = await runCli(INGEST, [], env);
  });
  afterAll(() => removeDir(root));

  it('ingests the plans folder by default and ends with one report line per document: layout, entity, counts', () => {
    for (const p of SAMPLE_PLANS) {
      expect(first.stdout).toContain(`${p.file}  [${p.layout}]  ${p.entity}`);
      expect(first.stdout).toMatch(
        new RegExp(
          `${p.file}.*\\n  objectives ${p.objectives} · projects ${p.projects} · indicators \\d+ · phases \\d+`,
        ),
      );
    }
    expect(first.stdout).toMatch(/^Ingested 5 document\(s\) into .*index in \d+ ms — \d+ passages/);
  });

  it('names every skipped file with the reason', () => {
    expect(first.stdout).toMatch(/SKIPPED vuoto\.txt: the file is empty \(PLAN_FILE_EMPTY\)/);
    expect(first.stdout).toMatch(/SKIPPED piano\.docx: .*unsupported file type "\.docx".*\(PLAN_FILE_UNSUPPORTED\)/);
    expect(first.stdout).toMatch(/SKIPPED rotto\.pdf: .*\(PLAN_FILE_CORRUPT\)/);
  });

  it('exits with status 2 when some files were skipped', () => {
    expect(first.code).toBe(2);
  });

  it('shows progress on stderr, one file at a time', () => {
    expect(first.stderr).toContain(`[1/8] ${SAMPLE_PLANS[0]!.file}`);
    expect(first.stderr).toMatch(/skipped: vuoto\.txt/);
  });

  it('writes a loadable index into INDEX_DIR, leaving nothing else beside it', async () => {
    const { store } = await loadIndex(env.INDEX_DIR!, createLocalEmbedder());
    expect(store.objectives).toHaveLength(SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0));
    expect(await leftovers(root)).toEqual([]);
  });

  it('says the index is up to date when run again on the same files, still naming the skipped ones', async () => {
    const again = await runCli(INGEST, [], env);
    expect(again.stdout).toMatch(/is up to date/);
    expect(again.stdout).toMatch(/SKIPPED vuoto\.txt/);
    expect(again.code).toBe(2);
  });

  it('ingests only the paths it is given', async () => {
    const run = await runCli(INGEST, [join(env.PLANS_DIR!, SERRAVALLE.file), '--force'], {
      ...env,
      INDEX_DIR: join(root, 'only-serravalle'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Ingested 1 document\(s\)/);
    expect(run.stdout).toContain(`${SERRAVALLE.file}  [${SERRAVALLE.layout}]`);
    expect(run.stdout).not.toContain(SAMPLE_PLANS[0]!.file);
  });

  it('fails with status 1, naming the files and why, when nothing can be ingested', async () => {
    const run = await runCli(INGEST, [join(env.PLANS_DIR!, 'vuoto.txt'), join(env.PLANS_DIR!, 'rotto.pdf')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Ingestion failed: .*vuoto\.txt: the file is empty.*rotto\.pdf/);
    expect(run.stderr).toMatch(/previous index .* unchanged/);
    // the index of the full run still serves
    const { store } = await loadIndex(env.INDEX_DIR!, createLocalEmbedder());
    expect(store.model.documents).toHaveLength(SAMPLE_PLANS.length);
  });
});
