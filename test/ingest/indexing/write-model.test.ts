import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../../ingest/extractors/registry.ts';
import { ModelWriter } from '../../../ingest/indexing/write-model.ts';
import { buildModel } from '../../../src/plan/build-model.ts';
import type { ExtractedPlan } from '../../../src/plan/model.ts';
import { PlanModelSchema } from '../../../src/plan/model.ts';
import { loadRealPlans } from '../../retrieval/support/real-plans.ts';

let dir: string;
let plans: ExtractedPlan[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pianobot-model-'));
  const { docs } = await loadRealPlans();
  plans = docs.map((d) => extractPlan(d));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ModelWriter', () => {
  it('writes, plan by plan, the very model buildModel makes of all the plans at once', async () => {
    const file = join(dir, 'model.json');
    const writer = new ModelWriter(file);
    for (const p of plans) writer.add(p);
    const { layout } = writer.finish('2024-05-01T00:00:00.000Z');
    const bytes = await readFile(file);
    const written = PlanModelSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(written).toEqual(buildModel(plans, '2024-05-01T00:00:00.000Z'));
    expect(written.people.length).toBeGreaterThan(0);
    // the layout the server reads it by: the documents, and each list's items, cut where a plan's records start
    const text = (a: number, b: number) => bytes.subarray(a, b).toString('utf8');
    expect(layout.bytes).toBe(bytes.length);
    expect(JSON.parse(text(...layout.documents))).toEqual(written.documents);
    for (const [name, { items, cuts }] of Object.entries(layout.lists)) {
      expect(JSON.parse(`[${text(...items)}]`), name).toEqual(written[name as keyof typeof layout.lists]);
      const pieces = [...cuts, items[1] + 1].slice(1).map((end, i) => JSON.parse(`[${text(cuts[i]!, end - 1)}]`));
      expect(pieces.flat(), name).toEqual(written[name as keyof typeof layout.lists]);
    }
    expect(layout.lists.objectives.cuts).toHaveLength(plans.filter((p) => p.objectives.length).length);
    // the part files it wrote the records into are gone
    expect(await readdir(dir)).toEqual(['model.json']);
  });

  it('leaves no part files behind when a build is abandoned', async () => {
    const sub = await mkdtemp(join(dir, 'abandoned-'));
    const writer = new ModelWriter(join(sub, 'model.json'));
    writer.add(plans[0]!);
    writer.removeParts();
    expect(await readdir(sub)).toEqual([]);
  });
});
