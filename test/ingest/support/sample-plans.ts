/**
 * The five sample plans as the ingestion tests see them: where they are, what each one is (layout and record
 * counts read from the documents themselves) and small helpers to stage them in throw-away folders, so that no
 * test ever touches data/index.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { PLANS_DIR } from '../../support/plan-fixture.ts';

import { PLANS_DIR } from '../../support/plan-fixture.ts';
export const REPO_ROOT = join(import.meta.dirname, '../../..');

export interface SamplePlan {
  file: string;
  layout: string;
  entity: string;
  objectives: number;
  projects: number;
}

export const SAMPLE_PLANS: readonly SamplePlan[] = [
  {
    file: '000_dd772a8f217c4819.txt',
    layout: 'prato-obiettivi',
    entity: 'Comune di Prato',
    objectives: 24,
    projects: 0,
  },
  {
    file: '001_73b0fc146c050a42.txt',
    layout: 'serravalle-peg',
    entity: 'Comune di Serravalle Pistoiese',
    objectives: 5,
    projects: 0,
  },
  {
    file: '002_51402a20550dfbf2.txt',
    layout: 'reggio-peg',
    entity: 'Comune di Reggio Emilia',
    objectives: 130,
    projects: 59,
  },
  {
    file: '003_3c291b98105b86e1.txt',
    layout: 'piao-performance',
    entity: 'Provincia di Prato',
    objectives: 34,
    projects: 0,
  },
  {
    file: '004_57a0b84c466d2a35.txt',
    layout: 'schede-obiettivo',
    entity: 'Comune di Chiavari',
    objectives: 10,
    projects: 0,
  },
];

export const PRATO = SAMPLE_PLANS[0]!;
export const SERRAVALLE = SAMPLE_PLANS[1]!;
export const REGGIO = SAMPLE_PLANS[2]!;

/** A fresh folder under the system temp dir; remove it with `rm(dir, { recursive: true, force: true })`. */
export function tempRoot(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `pianobot-${prefix}-`));
}

/** Copies sample plans into `dir` (created if needed) and returns their new paths. */
export async function stagePlans(
  dir: string,
  files: readonly string[] = SAMPLE_PLANS.map((p) => p.file),
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    files.map(async (file) => {
      await copyFile(join(PLANS_DIR, file), join(dir, file));
      return join(dir, file);
    }),
  );
}

/** Build or swap directories an ingestion run left beside the index (`index.tmp-…`, `index.old-…`). */
export async function leftovers(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter((name) => /\.(tmp|old)-/.test(name));
}

export const removeDir = (dir: string | undefined) =>
  dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
