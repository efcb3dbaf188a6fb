/**
 * Prints how well the generic extractor alone reads the real sample plans, scored against each sample's specific
 * extractor as gold: per sample and format, objectives with code (or id), owners and structure right, and the
 * share of the gold's indicators and phases read. Real plans from other entities look more like these than like
 * our own layout fixtures, so this is the harder measure of the generic reading.
 * Usage: npx tsx scripts/score-generic-on-samples.ts [--no-pdf]
 */
import { scoreSamples } from '../test/ingest/support/sample-score.ts';

const scores = await scoreSamples({ pdf: !process.argv.includes('--no-pdf') });
const total = { right: 0, objectives: 0 };
for (const s of scores) {
  total.right += s.right;
  total.objectives += s.objectives;
  console.log(
    `${s.file} [${s.format}] (${s.layout}): ${s.right}/${s.objectives} right · code ${s.codes} · owners ${s.owners} · structure ${s.structures} · indicators ${s.indicators.read}/${s.indicators.gold} · phases ${s.phases.read}/${s.phases.gold}`,
  );
  for (const f of s.faults) console.log(`    ${f}`);
}
console.log(`all: ${total.right}/${total.objectives} objectives right`);
