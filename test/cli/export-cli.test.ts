import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../ingest/extractors/registry.ts';
import { loadDocument } from '../../ingest/loaders/load-document.ts';
import { buildModel } from '../../src/plan/build-model.ts';
import { exportView } from '../../src/plan/export-view.ts';
import { indexPaths } from '../../src/store/index-layout.ts';
import {
  PLANS_DIR,
  REGGIO,
  removeDir,
  SAMPLE_PLANS,
  SERRAVALLE,
  stagePlans,
  tempRoot,
} from '../ingest/support/sample-plans.ts';
import { type CliResult, runCli } from './support/run-cli.ts';

const EXPORT = 'src/cli/export.ts';

interface ExportedObjective {
  doc: string;
  code: string;
  title: string;
  owner: string | string[] | null;
  structure: string | null;
}
interface ExportedProject {
  doc: string;
  code: string;
  title: string;
  cdr: string;
  dirigente: string | null;
  budget: string | null;
}

describe('npm run --silent export -- --json', () => {
  let root: string;
  let env: Record<string, string>;
  let run: CliResult;
  let json: { objectives: ExportedObjective[]; projects: ExportedProject[] };

  beforeAll(async () => {
    root = await tempRoot('export-cli');
    env = { PLANS_DIR: join(root, 'plans'), INDEX_DIR: join(root, 'index'), DATA_DIR: root };
    await stagePlans(env.PLANS_DIR!);
    run = await runCli(EXPORT, ['--json'], env);
    json = JSON.parse(run.stdout);
  });
  afterAll(() => removeDir(root));

  it('builds the index first when there is none, and prints nothing but JSON on stdout', () => {
    expect(run.code).toBe(0);
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(existsSync(indexPaths(env.INDEX_DIR!).manifest)).toBe(true);
  });

  it('exports every objective with doc, code, title, owner and structure', () => {
    expect(json.objectives).toHaveLength(SAMPLE_PLANS.reduce((n, p) => n + p.objectives, 0));
    for (const o of json.objectives) {
      expect(SAMPLE_PLANS.map((p) => p.file)).toContain(o.doc);
      expect(o.code).toMatch(/\S/);
      expect(o.title).toMatch(/\S/);
      expect(typeof o.owner === 'string' || (Array.isArray(o.owner) && o.owner.length > 1)).toBe(true);
      expect(typeof o.structure).toBe('string');
    }
    for (const p of SAMPLE_PLANS) expect(json.objectives.filter((o) => o.doc === p.file)).toHaveLength(p.objectives);
  });

  it('writes codes exactly as the documents do, Serravalle objectives by their number', () => {
    const codes = new Set(json.objectives.map((o) => o.code));
    for (const code of ['2020-PL09', '2021_OB_8735_1', 'VI - 1', '04.03.01.02', '1', '5'])
      expect(codes).toContain(code);
    expect(json.objectives.filter((o) => o.doc === SERRAVALLE.file).map((o) => o.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('gives a single owner as a string and several owners as an array', () => {
    const find = (code: string) => json.objectives.find((o) => o.code === code);
    expect(find('2020-CP09')?.owner).toBe('Maccioni Marco');
    expect(find('VI - 5')?.owner).toEqual(['Maura Meschi', 'Luca Bonardi']);
  });

  it('exports every project with doc, code, title, cdr, dirigente and the budget as written, null when blank', () => {
    expect(json.projects).toHaveLength(REGGIO.projects);
    for (const p of json.projects) {
      expect(p.doc).toBe(REGGIO.file);
      expect(p.code).toMatch(/^\S+$/);
      expect(p.title).toMatch(/\S/);
      expect(p.cdr).toMatch(/\S/);
      expect(typeof p.dirigente).toBe('string');
      expect(p.budget === null || /^[\d.]+,\d\d$/.test(p.budget)).toBe(true);
    }
    const find = (code: string) => json.projects.find((p) => p.code === code);
    expect(find('2021_PD_8735')).toMatchObject({ budget: '1.920.000,00', dirigente: 'Corradini Germana', cdr: '87' });
    expect(find('2021_PD_8734')?.budget).toBeNull();
  });

  it('exports the index that is on disk', async () => {
    const model = JSON.parse(await readFile(indexPaths(env.INDEX_DIR!).model, 'utf8'));
    expect(json.objectives.map((o) => o.code)).toEqual(model.objectives.map((o: { code: string }) => o.code));
  });

  it('fails with status 1 and a message on stderr, printing nothing, when no plan can be read', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);
    const failed = await runCli(EXPORT, ['--json'], { ...env, PLANS_DIR: empty, INDEX_DIR: join(root, 'no-index') });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/export failed: No plan could be ingested/);
  });
});

describe('exportView', () => {
  it('keeps owner, structure and dirigente present, as null, when a document leaves them blank', async () => {
    const plan = extractPlan(await loadDocument(join(PLANS_DIR, SERRAVALLE.file)));
    const [first, ...rest] = plan.objectives;
    const { structure: _, ...withoutStructure } = first!;
    const reggio = extractPlan(await loadDocument(join(PLANS_DIR, REGGIO.file)));
    const [project, ...others] = reggio.projects;
    const { dirigente: __, ...withoutDirigente } = project!;
    const view = exportView(
      buildModel([
        { ...plan, objectives: [{ ...withoutStructure, owners: [] }, ...rest] },
        { ...reggio, projects: [withoutDirigente, ...others] },
      ]),
    );
    expect(view.objectives[0]).toMatchObject({ code: '1', owner: null, structure: null });
    expect(view.objectives[1]?.owner).toBe(plan.objectives[1]!.owners[0]);
    expect(view.projects[0]).toMatchObject({ code: project!.code, dirigente: null });
  });
});
