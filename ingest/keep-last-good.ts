import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ExtractedPlan, type PlanModel, PlanModelSchema } from '../src/plan/model.ts';
import { type IndexManifest, indexPaths } from '../src/store/index-layout.ts';
import { type SourceDocument, SourceDocumentSchema } from './loaders/source-document.ts';

export interface KeptDocument {
  doc: SourceDocument;
  plan: ExtractedPlan;
}

/**
 * The last good version of plan files from the index being replaced: a plan that was indexed and is now unreadable
 * or corrupt keeps its text (from the index's `sources/`) and its extracted records (from its model, by `doc`), so a
 * broken copy never deletes a good plan. Reads the previous model once, and only when a file needs it.
 */
export function lastGoodVersions(indexDir: string, previous: Pick<IndexManifest, 'documents'> | null) {
  const paths = indexPaths(indexDir);
  let model: Promise<PlanModel | null> | undefined;
  const previousModel = () => {
    model ??= readFile(paths.model, 'utf8')
      .then((text) => PlanModelSchema.parse(JSON.parse(text)))
      .catch(() => null);
    return model;
  };
  return async (file: string): Promise<KeptDocument | null> => {
    const entry = previous?.documents.find((d) => d.file === file);
    if (!entry) return null;
    const [source, whole] = await Promise.all([
      readFile(join(paths.sources, `${entry.sha256}.json`), 'utf8')
        .then((text) => SourceDocumentSchema.parse(JSON.parse(text)))
        .catch(() => null),
      previousModel(),
    ]);
    const document = whole?.documents.find((d) => d.file === file);
    if (!source || !whole || !document) return null;
    const mine = <T extends { doc: string }>(records: T[]) => records.filter((r) => r.doc === file);
    return {
      doc: source,
      plan: {
        document,
        structures: mine(whole.structures),
        objectives: mine(whole.objectives),
        projects: mine(whole.projects),
        totals: mine(whole.totals),
        tables: mine(whole.tables),
        warnings: mine(whole.warnings),
      },
    };
  };
}
