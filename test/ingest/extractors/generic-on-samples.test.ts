/**
 * The generic extractor alone on the real sample plans, scored against each sample's specific extractor as gold
 * (scripts/score-generic-on-samples.ts prints the detail). The samples are documents written by real entities, the
 * closest we have to the plans we will be sent; the floors below are the level the generic reading reached, so a
 * change that reads fewer of them right fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type SampleScore, scoreSamples } from '../support/sample-score.ts';

/** objectives right (code or id, owners, structure), per sample and format, as reached */
const FLOORS: Record<string, { txt: number; pdf: number; objectives: number }> = {
  '000_dd772a8f217c4819.txt': { txt: 17, pdf: 18, objectives: 24 },
  '001_73b0fc146c050a42.txt': { txt: 5, pdf: 5, objectives: 5 },
  '002_51402a20550dfbf2.txt': { txt: 114, pdf: 111, objectives: 130 },
  '003_3c291b98105b86e1.txt': { txt: 31, pdf: 33, objectives: 34 },
  '004_57a0b84c466d2a35.txt': { txt: 10, pdf: 10, objectives: 10 },
};

describe('generic extractor on the real sample plans', () => {
  let scores: SampleScore[] = [];
  beforeAll(async () => {
    scores = await scoreSamples({ pdf: true });
  }, 120_000);

  it('scores every sample, as text and as its office PDF, against its specific extractor', () => {
    expect(scores.map((s) => `${s.file} ${s.format}`).sort()).toEqual(
      Object.keys(FLOORS).flatMap((f) => [`${f} pdf`, `${f} txt`]),
    );
    for (const s of scores) expect(s.objectives, `${s.file} ${s.format}`).toBe(FLOORS[s.file]!.objectives);
  });

  it('reads at least as many objectives right as it reached, per sample and format', () => {
    for (const s of scores) {
      const floor = FLOORS[s.file]![s.format];
      expect(s.right, `${s.file} [${s.format}]: ${s.faults.join(' | ')}`).toBeGreaterThanOrEqual(floor);
    }
  });

  it.each(['txt', 'pdf'] as const)(
    'reads at least 87 %% of the objectives of the %s samples right overall',
    (format) => {
      const of = scores.filter((s) => s.format === format);
      const right = of.reduce((n, s) => n + s.right, 0);
      const total = of.reduce((n, s) => n + s.objectives, 0);
      expect(right / total).toBeGreaterThanOrEqual(0.87);
    },
  );
});
