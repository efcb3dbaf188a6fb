import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSamples, type SamplePlan, synthesize, writeScaleCorpus } from '../../bench/scale-corpus.ts';
import { detectLayout, extractPlan } from '../../ingest/extractors/registry.ts';
import { loadDocument } from '../../ingest/loaders/load-document.ts';
import { derivePeople } from '../../src/plan/derive-people.ts';
import type { ExtractedPlan } from '../../src/plan/model.ts';

const PLANS = 'data/plans';
const N = 10;

let samples: SamplePlan[];
let sampleExtractions: ExtractedPlan[];
let outDir: string;
let written: string[];
let synthetic: { file: string; layout: string; plan: ExtractedPlan; detected: string }[];

beforeAll(async () => {
  samples = await loadSamples(PLANS);
  sampleExtractions = await Promise.all(samples.map(async (s) => extractPlan(await loadDocument(join(PLANS, s.file)))));
  outDir = await mkdtemp(join(tmpdir(), 'pianobot-scale-test-'));
  const plans = await writeScaleCorpus({ n: N, seed: 7, outDir, plansDir: PLANS });
  written = (await readdir(outDir)).sort();
  synthetic = await Promise.all(
    plans.map(async (p) => {
      const doc = await loadDocument(join(outDir, p.file));
      return { file: p.file, layout: p.layout, plan: extractPlan(doc), detected: detectLayout(doc).layout };
    }),
  );
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the scale corpus generator', () => {
  it('writes exactly the requested number of plan files, cycling through every sample layout', () => {
    expect(written).toHaveLength(N);
    expect(new Set(synthetic.map((s) => s.layout))).toEqual(new Set(samples.map((s) => s.layout)));
  });

  it('gives the same documents for the same seed and different ones for another seed', async () => {
    const again = synthesize(samples, 3, 7);
    expect(again.text).toBe(await readFile(join(outDir, again.file), 'utf8'));
    expect(synthesize(samples, 3, 8).text).not.toBe(again.text);
  });

  it('keeps each sample layout recognisable: the registry detects the layout of the sample it came from', () => {
    for (const s of synthetic) expect(s.detected, s.file).toBe(s.layout);
  });

  it('never reuses an objective or project code of the samples (numbered-only objectives are local to a plan)', () => {
    const sampleCodes = new Set(sampleExtractions.flatMap((p) => [...p.objectives, ...p.projects].map((x) => x.code)));
    for (const s of synthetic) {
      expect(s.plan.objectives.length, s.file).toBeGreaterThan(0);
      const codes = [...s.plan.objectives, ...s.plan.projects].map((x) => x.code).filter((c) => !/^\d+$/.test(c));
      expect(
        codes.filter((c) => sampleCodes.has(c)),
        s.file,
      ).toEqual([]);
    }
  });

  it('gives every synthetic plan another entity, other people and years outside the samples', () => {
    const entities = new Set(sampleExtractions.map((p) => p.document.entity));
    const people = new Set(derivePeople(sampleExtractions).map((p) => p.key));
    const years = new Set(sampleExtractions.flatMap((p) => p.document.years));
    for (const s of synthetic) {
      expect(entities.has(s.plan.document.entity), s.file).toBe(false);
      expect(
        derivePeople([s.plan])
          .map((p) => p.key)
          .filter((k) => people.has(k)),
        s.file,
      ).toEqual([]);
      expect(s.plan.document.years.length, s.file).toBeGreaterThan(0);
      expect(
        s.plan.document.years.filter((y) => years.has(y)),
        s.file,
      ).toEqual([]);
    }
  });

  it('still yields people to ask about where the sample names them', () => {
    for (const s of synthetic.filter((x) => x.layout !== 'piao-performance')) {
      expect(derivePeople([s.plan]).length, s.file).toBeGreaterThan(0);
    }
  });
});
