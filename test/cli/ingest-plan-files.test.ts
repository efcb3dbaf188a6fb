/**
 * What `npm run ingest` takes from the plans folder: regular files only (no symbolic links, FIFOs), none over the
 * size limit, UTF-8 text only; file names shown escaped in the report; leftover build folders removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { removeDir, SERRAVALLE, stagePlans, tempRoot } from '../ingest/support/sample-plans.ts';
import { type CliResult, runCli } from './support/run-cli.ts';

const INGEST = 'ingest/run-ingest.ts';
const FORGED_NAME = 'nota\nIngested 99 document(s) into x — forged.txt';

/** a pid no process has, for a build folder an interrupted ingestion left behind */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('npm run ingest on a plans folder with files it must not take', () => {
  let root: string;
  let env: Record<string, string>;
  let run: CliResult;
  const secret = 'riga segreta fuori dalla cartella dei piani';

  beforeAll(async () => {
    root = await tempRoot('plan-files');
    const plans = join(root, 'plans');
    env = { PLANS_DIR: plans, INDEX_DIR: join(root, 'index'), DATA_DIR: root, MAX_PLAN_FILE_MB: '0.5' };
    await stagePlans(plans, [SERRAVALLE.file]);
    await writeFile(join(root, 'outside.txt'), `${secret}\n`.repeat(20));
    await symlink(join(root, 'outside.txt'), join(plans, 'collegamento.txt'));
    execFileSync('mkfifo', [join(plans, 'tubo.txt')]);
    await writeFile(join(plans, 'enorme.txt'), 'riga di testo del piano\n'.repeat(40_000)); // ~0.9 MB
    await writeFile(
      join(plans, 'latino.txt'),
      Buffer.concat([
        Buffer.from('Piano\nObiettivi\nResponsabile: '),
        Buffer.from([0x4e, 0x69, 0xe0, 0x20]),
        Buffer.from('\n'),
      ]),
    );
    await writeFile(join(plans, FORGED_NAME), Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]));
    await mkdir(join(root, `index.tmp-${deadPid()}-1700000000000`, 'search'), { recursive: true });
    run = await runCli(INGEST, [], env);
  }, 120_000);
  afterAll(() => removeDir(root));

  it('refuses a symbolic link and never indexes what it points to', async () => {
    expect(run.stdout).toMatch(/SKIPPED collegamento\.txt: refused, a symbolic link .*\(PLAN_FILE_REFUSED\)/);
    const { store, search } = await loadIndex(env.INDEX_DIR!, createLocalEmbedder());
    expect(store.model.documents.map((d) => d.file)).toEqual([SERRAVALLE.file]);
    const hits = await search.search(secret, { k: 5 });
    expect(JSON.stringify(hits)).not.toContain('riga segreta');
  });

  it('refuses a FIFO (which would block the read forever) as not a regular file', () => {
    expect(run.stdout).toMatch(/SKIPPED tubo\.txt: refused, not a regular file .*\(PLAN_FILE_REFUSED\)/);
  });

  it('refuses a file over MAX_PLAN_FILE_MB, saying its size and the limit', () => {
    expect(run.stdout).toMatch(
      /SKIPPED enorme\.txt: refused, 0\.9 MB is over the limit of 0\.5 MB .*\(PLAN_FILE_TOO_LARGE\)/,
    );
  });

  it('reports invalid UTF-8 with its line instead of replacing it silently', () => {
    expect(run.stdout).toMatch(/SKIPPED latino\.txt: not valid UTF-8 at line 3 \(byte 0xE0\).*\(PLAN_FILE_ENCODING\)/);
  });

  it('shows a file name with a newline escaped on one line, so it cannot forge report lines', () => {
    expect(run.stdout).toContain('SKIPPED nota\\nIngested 99 document(s) into x — forged.txt:');
    expect(run.stdout.split('\n').some((line) => line.startsWith('Ingested 99'))).toBe(false);
    expect(run.stderr.split('\n').some((line) => line.startsWith('Ingested 99'))).toBe(false);
  });

  it('removes the build folder an interrupted ingestion left, and says so', async () => {
    expect(run.stdout).toMatch(/removed index\.tmp-\d+-1700000000000 left by an interrupted ingestion/);
    expect((await readdir(root)).filter((n) => n.startsWith('index.'))).toEqual([]);
  });

  it('ingests the good plan beside them and exits with status 2', () => {
    expect(run.stdout).toContain(`${SERRAVALLE.file}  [${SERRAVALLE.layout}]`);
    expect(run.code).toBe(2);
  });
});
