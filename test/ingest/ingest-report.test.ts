/**
 * `npm run ingest` says per document what it understood — objectives with an owner or structure and without,
 * budgets — and flags a document where little was, so an administrator knows which answers rest on records.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../cli/support/run-cli.ts';
import { LAYOUTS_DIR } from './support/layout-score.ts';

let root: string;
let run: CliResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingest-report-'));
  const plans = join(root, 'plans');
  await mkdir(plans);
  await copyFile(join(LAYOUTS_DIR, 'a-2.txt'), join(plans, 'a-2.txt'));
  await writeFile(
    join(plans, 'verbale.txt'),
    'Comune di Esempio\nVerbale della riunione di servizio\n\nSi discute del piano e delle priorità per il prossimo anno.\n',
  );
  run = await runCli('ingest/run-ingest.ts', [], { PLANS_DIR: plans, INDEX_DIR: join(root, 'index'), DATA_DIR: root });
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the ingest report', () => {
  it('says what was understood of a plan read by the generic extractor', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /a-2\.txt {2}\[generic\] {2}Provincia di Monteluce\n.*objectives 2 .*phases 5\n {2}understood: 2 objectives with owner or structure, 0 without · 2 budgets\n/,
    );
  });

  it('flags a document of which little was understood', () => {
    expect(run.stdout).toMatch(
      /verbale\.txt[^\n]*\n[^\n]*\n {2}understood: 0 objectives[^\n]*\n {2}LITTLE UNDERSTOOD: no objective or project read/,
    );
    expect(run.stdout).not.toMatch(/a-2\.txt[^\n]*\n[^\n]*\n[^\n]*\n {2}LITTLE UNDERSTOOD/);
  });
});
