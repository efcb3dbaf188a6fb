/**
 * The five sample plans as the indexing tests see them: loaded from data/plans, each with a plan that
 * describes the document but lists no records (what the generic fallback gives), so every line is
 * chunked as narrative or table. Document facts below are read from the plans themselves.
 */
import { join } from 'node:path';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { DocumentKind, ExtractedPlan } from '../../../src/plan/model.ts';

export { PLANS_DIR } from '../../support/plan-fixture.ts';

import { PLANS_DIR } from '../../support/plan-fixture.ts';

export const PLAN_FACTS: Record<string, { entity: string; kind: DocumentKind; title: string; years: number[] }> = {
  '000_dd772a8f217c4819.txt': {
    entity: 'Comune di Prato',
    kind: 'piano_obiettivi',
    title: 'Preventivo obiettivi 2020',
    years: [2020],
  },
  '001_73b0fc146c050a42.txt': {
    entity: 'Comune di Serravalle Pistoiese',
    kind: 'peg',
    title: 'Piano esecutivo di gestione 2018',
    years: [2018],
  },
  '002_51402a20550dfbf2.txt': {
    entity: 'Comune di Reggio Emilia',
    kind: 'peg',
    title: 'Piano Esecutivo di Gestione 2021',
    years: [2021],
  },
  '003_3c291b98105b86e1.txt': {
    entity: 'Provincia di Prato',
    kind: 'piao_performance',
    title: 'PIAO 2024-2026 sottosezione performance',
    years: [2024, 2025, 2026],
  },
  '004_57a0b84c466d2a35.txt': {
    entity: 'Comune di Chiavari',
    kind: 'piano_obiettivi',
    title: 'Obiettivi anni 2019-2020',
    years: [2019, 2020],
  },
};

export const PLAN_FILES = Object.keys(PLAN_FACTS);

/** A plan that describes `doc` and holds no records; `records` may add hand-built objectives or projects. */
export function planWithoutRecords(
  doc: SourceDocument,
  records: Partial<Pick<ExtractedPlan, 'objectives' | 'projects' | 'tables'>> = {},
): ExtractedPlan {
  const facts = PLAN_FACTS[doc.file] ?? { entity: '', kind: 'unknown' as const, title: doc.file, years: [] };
  return {
    document: {
      file: doc.file,
      ...facts,
      layout: 'test',
      format: doc.format,
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    },
    structures: [],
    objectives: records.objectives ?? [],
    projects: records.projects ?? [],
    totals: [],
    tables: records.tables ?? [],
    warnings: [],
  };
}

export async function loadRealPlans(
  files: readonly string[] = PLAN_FILES,
): Promise<{ docs: SourceDocument[]; plans: ExtractedPlan[] }> {
  const docs = await Promise.all(files.map((f) => loadDocument(join(PLANS_DIR, f))));
  return { docs, plans: docs.map((d) => planWithoutRecords(d)) };
}
