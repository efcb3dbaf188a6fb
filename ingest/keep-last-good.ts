import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type ExtractedPlan, ExtractedPlanSchema, type PlanModel, PlanModelSchema } from '../src/plan/model.ts';
import { type IndexManifest, indexPaths } from '../src/store/index-layout.ts';
import { readCachedSource } from './loaders/source-cache.ts';
import type { SourceDocument } from './loaders/source-document.ts';
import { readSegmentCatalog } from './segment-catalog.ts';

export interface KeptDocument {
  doc: SourceDocument;
  plan: ExtractedPlan;
}

const RECORD_KEYS = ['structures', 'objectives', 'projects', 'totals', 'tables', 'warnings'] as const;

/**
 * The last good version of plan files from the index being replaced: a plan that was indexed and is now unreadable
 * or corrupt keeps its text (from the index's `sources/`) and its extracted records, so a broken copy never deletes
 * a good plan. The records are read from the plan's byte ranges of model.json (segments.json) when the index has
 * them, otherwise from the whole previous model, read once and only when a file needs it.
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
  const catalog = readSegmentCatalog(paths.segments);

  /** one plan's records, read by its byte ranges; null when the catalog does not have it or the bytes are off */
  const fromSegment = async (file: string, sha256: string): Promise<ExtractedPlan | null> => {
    const entry = (await catalog)?.docs.find((d) => d.file === file && d.sha256 === sha256);
    const lists = (await catalog)?.lists;
    if (!entry || !lists) return null;
    let fd: number | undefined;
    try {
      fd = openSync(paths.model, 'r');
      const list = (key: (typeof RECORD_KEYS)[number]) => {
        const [a, b] = entry.model.ranges[key];
        const bytes = Buffer.alloc(b - a);
        readSync(fd!, bytes, 0, b - a, lists[key] + a);
        return JSON.parse(`[${bytes.toString('utf8')}]`);
      };
      const plan = { document: entry.model.document, ...Object.fromEntries(RECORD_KEYS.map((k) => [k, list(k)])) };
      // checked again: the plan re-enters a build, and these bytes were not validated since they were written
      const checked = ExtractedPlanSchema.safeParse(plan);
      return checked.success ? checked.data : null;
    } catch {
      return null;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };

  return async (file: string): Promise<KeptDocument | null> => {
    const entry = previous?.documents.find((d) => d.file === file);
    if (!entry) return null;
    const source = await readCachedSource(paths.sources, entry.sha256);
    if (!source) return null;
    const plan = await fromSegment(file, entry.sha256);
    if (plan) return { doc: source, plan };
    const whole = await previousModel();
    const document = whole?.documents.find((d) => d.file === file);
    if (!whole || !document) return null;
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
