/**
 * No record lost: every code a sample plan writes as the heading of a record (a project's code alone on its line,
 * an objective's code before its title, the value of a `Codice obiettivo:` label) is the code of a record in the
 * extracted model — the guard for a project such as Reggio Emilia's 2021_PG_8747 going missing — and the check
 * itself does report a record the model lacks.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../../ingest/extractors/registry.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { ExtractedPlan } from '../../../src/plan/model.ts';
import { PLANS_DIR } from '../../support/plan-fixture.ts';
import { missingRecords, recordHeadings } from '../support/record-headings.ts';
import { SAMPLE_PLANS } from '../support/sample-plans.ts';

const read = new Map<string, { doc: SourceDocument; plan: ExtractedPlan }>();
beforeAll(async () => {
  for (const { file } of SAMPLE_PLANS) {
    const doc = await loadDocument(join(PLANS_DIR, file));
    read.set(file, { doc, plan: extractPlan(doc) });
  }
});
const sample = (file: string) => read.get(file)!;

const textDoc = (text: string): SourceDocument => {
  const lines = text.split('\n');
  return { file: 'x.txt', path: 'x.txt', format: 'txt', text, lines, pageOfLine: null, sha256: '' };
};

describe('record headings of the sample plans', () => {
  it.each(SAMPLE_PLANS.map((p) => p.file))('every record heading of %s is a record of the model', (file) => {
    const { doc, plan } = sample(file);
    expect(missingRecords(doc, plan)).toEqual([]);
  });

  it('finds the headings of the plans that write codes before their records', () => {
    const counts = Object.fromEntries(SAMPLE_PLANS.map((p) => [p.layout, recordHeadings(sample(p.file).doc).length]));
    expect(counts['reggio-peg']).toBeGreaterThanOrEqual(59 + 130);
    expect(counts['prato-obiettivi']).toBeGreaterThanOrEqual(24);
    expect(counts['schede-obiettivo']).toBeGreaterThanOrEqual(10);
  });

  it('reports a project whose record is dropped, at the line of its heading', () => {
    const reggio = SAMPLE_PLANS.find((p) => p.layout === 'reggio-peg')!;
    const { doc, plan } = sample(reggio.file);
    const dropped = plan.projects.find((p) => p.code === '2021_PG_8747')!;
    const without = { ...plan, projects: plan.projects.filter((p) => p !== dropped) };
    expect(missingRecords(doc, without)).toEqual([{ code: '2021_PG_8747', line: dropped.span.lineStart }]);
  });
});

describe('recordHeadings', () => {
  it('reads a code alone, a code before a title and a labelled code, not a value of another label', () => {
    const doc = textDoc(
      [
        'Piano 2030',
        'PDO_2030',
        'AB-12',
        'Titolo del progetto',
        'AB-13 Riordino degli archivi comunali',
        'Codice obiettivo:',
        'Q - 7',
        'Riferimento DUP',
        'CD-99',
        'AB-14 12 == 1.000,00',
      ].join('\n'),
    );
    expect(recordHeadings(doc)).toEqual([
      { code: 'AB-12', line: 3 },
      { code: 'AB-13', line: 5 },
      { code: 'Q - 7', line: 7 },
    ]);
  });
});
