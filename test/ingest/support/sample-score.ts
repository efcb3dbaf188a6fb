/**
 * Scores the generic extractor on the real sample plans, with each sample's specific extractor as gold: the samples
 * are documents written by real entities, so they show how the generic reading fares on layouts we did not write.
 * An objective counts as right when the generic reading has it under the same code (or, where the gold gives the
 * objective a stable id, under the same title), with the same owners and — where the gold states one — the same
 * structure (an owner that is the gold's structure itself counts as the structure). Indicators and phases are counted apart: how many of the gold's the generic reading has on the
 * objectives it found.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genericExtractor } from '../../../ingest/extractors/generic.ts';
import { detectLayout } from '../../../ingest/extractors/registry.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { ExtractedPlan, Objective } from '../../../src/plan/model.ts';
import { personKey } from '../../../src/plan/names.ts';
import { fold, squash } from '../../../src/plan/text.ts';
import { makePdf } from '../../support/make-pdf.ts';
import { PLANS_DIR } from '../../support/plan-fixture.ts';

export interface SampleScore {
  file: string;
  format: 'txt' | 'pdf';
  layout: string;
  objectives: number;
  /** code (or id), owners and structure all right */
  right: number;
  codes: number;
  owners: number;
  structures: number;
  indicators: { gold: number; read: number };
  phases: { gold: number; read: number };
  /** what the generic reading got wrong, for the first objectives */
  faults: string[];
}

const same = (a: string | undefined, b: string | undefined) => fold(squash(a ?? '')) === fold(squash(b ?? ''));
/**
 * Owners as people: where a specific extractor names a unit as the owner (the structure is all the document gives
 * as responsible), that unit is scored as the structure, not again as an owner.
 */
const ownerKeys = (o: Objective, gold: Objective) =>
  o.owners
    .filter((p) => !gold.structure || !same(p, gold.structure))
    .map(personKey)
    .sort()
    .join('|');

function find(gold: Objective, plan: ExtractedPlan): Objective | undefined {
  if (gold.codeAssigned) return plan.objectives.find((o) => same(o.title, gold.title));
  return plan.objectives.find((o) => !o.codeAssigned && same(o.code, gold.code));
}

/** Scores the generic reading of one document against the specific extractor's reading of the same document. */
export function scoreAgainstGold(gold: ExtractedPlan, generic: ExtractedPlan, file: string, format: 'txt' | 'pdf') {
  const s: SampleScore = {
    file,
    format,
    layout: gold.document.layout,
    objectives: gold.objectives.length,
    right: 0,
    codes: 0,
    owners: 0,
    structures: 0,
    indicators: { gold: 0, read: 0 },
    phases: { gold: 0, read: 0 },
    faults: [],
  };
  for (const g of gold.objectives) {
    s.indicators.gold += g.indicators.length;
    s.phases.gold += g.phases.length;
    const o = find(g, generic);
    const fault: string[] = [];
    if (!o) fault.push('not found');
    else {
      s.codes += 1;
      s.indicators.read += Math.min(o.indicators.length, g.indicators.length);
      s.phases.read += Math.min(o.phases.length, g.phases.length);
      const ownersRight = ownerKeys(g, g) === ownerKeys(o, g);
      const structureRight = !g.structure || same(g.structure, o.structure);
      if (ownersRight) s.owners += 1;
      else fault.push(`owners [${o.owners.join(', ')}] ≠ [${g.owners.join(', ')}]`);
      if (structureRight) s.structures += 1;
      else fault.push(`structure "${o.structure ?? ''}" ≠ "${g.structure}"`);
      if (ownersRight && structureRight) s.right += 1;
    }
    if (fault.length && s.faults.length < 8) s.faults.push(`${g.code}: ${fault.join('; ')}`);
  }
  return s;
}

/** Every sample plan, read as text and (unless `pdf` is false) as its office-suite PDF rendering, and scored. */
export async function scoreSamples(options: { pdf?: boolean } = {}): Promise<SampleScore[]> {
  const out: SampleScore[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'generic-samples-'));
  try {
    for (const file of (await readdir(PLANS_DIR)).filter((f) => f.endsWith('.txt')).sort()) {
      const path = join(PLANS_DIR, file);
      const docs: [SourceDocument, 'txt' | 'pdf'][] = [[await loadDocument(path), 'txt']];
      if (options.pdf !== false) {
        const pdfPath = join(tmp, file.replace(/\.txt$/, '.pdf'));
        await writeFile(pdfPath, await makePdf(await readFile(path, 'utf8')));
        docs.push([await loadDocument(pdfPath), 'pdf']);
      }
      for (const [doc, format] of docs) {
        const gold = detectLayout(doc).extract(doc);
        out.push(scoreAgainstGold(gold, genericExtractor.extract(doc), file, format));
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return out;
}
