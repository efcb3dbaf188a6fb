/**
 * `npm run ingest` with DATABASE_URL: reads, extracts, chunks and embeds each changed plan file and writes it into
 * PostgreSQL in its own transaction (see write-plan.ts). Unchanged files (same sha256, same code, same embedder)
 * are skipped; a file that fails keeps its previous rows; documents no longer among the inputs are removed.
 */
import { PianobotError } from '../../src/errors.ts';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { ExtractedPlanSchema } from '../../src/plan/model.ts';
import { type Chunk, chunkIndexText } from '../../src/retrieval/chunk.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { inTransaction, migrate, type Pool } from '../../src/store/postgres/database.ts';
import { chunkDocument } from '../chunking/chunk-document.ts';
import { codeVersion } from '../code-version.ts';
import { type DocumentReport, reportOf } from '../document-report.ts';
import { detectLayout } from '../extractors/registry.ts';
import { loadDocument } from '../loaders/load-document.ts';
import { listPlanFiles } from '../loaders/plan-files.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { type IngestReport, sha256Of } from '../run-pipeline.ts';
import { bumpVersion, writePlan } from './write-plan.ts';

export interface PgIngestOptions {
  inputs: string[];
  pool: Pool;
  embedder: Embedder;
  /** re-ingest every file, even unchanged ones */
  force?: boolean;
  /** larger plan files are refused (MAX_PLAN_FILE_MB) */
  maxFileBytes?: number;
  onProgress?: (message: string) => void;
}

export interface PgIngestReport extends IngestReport {
  /** files unchanged since the last ingest, left as they were */
  unchanged: number;
  /** documents removed because they are no longer among the inputs */
  removed: string[];
  databaseBytes: number;
}

const EMBED_BATCH = 64;

interface Meta {
  embedder_id: string;
  dimension: number;
}

/** Document frequencies of the lexemes, for the keyword ranking's IDF (one pass over the tsvectors). */
export async function refreshLexemeStats(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('DELETE FROM lexeme_df');
    await client.query("INSERT INTO lexeme_df (word, ndoc) SELECT word, ndoc FROM ts_stat('SELECT tsv FROM passages')");
    await client.query(
      'UPDATE search_meta SET passages = (SELECT count(*) FROM passages), avg_length = (SELECT coalesce(avg((SELECT sum(cardinality(positions)) FROM unnest(tsv))), 1) FROM passages)',
    );
  });
}

export async function ingestToPostgres(options: PgIngestOptions): Promise<PgIngestReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const { pool } = options;
  await migrate(pool);
  const version = codeVersion();
  // symbolic links, special files and files over the size limit are refused before a byte is read
  const { files, refused } = await listPlanFiles(options.inputs, options.maxFileBytes);
  const hashed = await Promise.all(
    files.map(async ({ path, file }) => ({ path, file, sha256: await sha256Of(path).catch(() => null) })),
  );

  const stored = new Map(
    (
      await pool.query<{ file: string; sha256: string; code_version: string; embedder_id: string }>(
        'SELECT file, sha256, code_version, embedder_id FROM documents',
      )
    ).rows.map((r) => [r.file, r]),
  );
  const failedBefore = new Map(
    (await pool.query<{ file: string; sha256: string | null }>('SELECT file, sha256 FROM ingest_errors')).rows.map(
      (r) => [r.file, r.sha256],
    ),
  );
  const meta = (await pool.query<Meta>('SELECT embedder_id, dimension FROM search_meta')).rows[0] ?? null;
  // another embedder means new vectors for every passage: everything is embedded again
  const full = Boolean(options.force) || !meta || meta.embedder_id !== options.embedder.id;

  const todo = hashed.filter(({ file, sha256 }) => {
    if (full) return true;
    const s = stored.get(file);
    if (s) return s.sha256 !== sha256 || s.code_version !== version || s.embedder_id !== options.embedder.id;
    return !(failedBefore.has(file) && failedBefore.get(file) === sha256);
  });

  const loaded: { doc: SourceDocument; plan: ExtractedPlan; chunks: Chunk[] }[] = [];
  const reports: DocumentReport[] = [];
  const errors: IngestReport['errors'] = refused.map(({ file, code, message }) => ({
    file,
    code,
    message,
    ...(stored.has(file) ? { kept: true } : {}),
  }));
  for (const [i, { path, file, sha256 }] of todo.entries()) {
    progress(`[${i + 1}/${todo.length}] ${file}`);
    const t0 = performance.now();
    try {
      const doc = await loadDocument(path);
      const plan = ExtractedPlanSchema.parse(detectLayout(doc).extract(doc));
      loaded.push({ doc, plan, chunks: chunkDocument(doc, plan) });
      reports.push(reportOf(plan, performance.now() - t0, 'file'));
    } catch (error) {
      const code = error instanceof PianobotError ? error.code : 'PLAN_FILE_CORRUPT';
      const message = error instanceof PianobotError ? error.message : `${file}: ${(error as Error).message}`;
      errors.push({ file, code, message, ...(stored.has(file) ? { kept: true } : {}) });
      await pool.query(
        `INSERT INTO ingest_errors (file, sha256, code, message) VALUES ($1, $2, $3, $4)
         ON CONFLICT (file) DO UPDATE SET sha256 = $2, code = $3, message = $4, at = now()`,
        [file, sha256, code, message],
      );
      progress(`  skipped: ${message}`);
    }
  }
  const unchangedErrors = hashed.filter((h) => !todo.includes(h) && failedBefore.has(h.file)).map((h) => h.file);
  if (unchangedErrors.length) {
    const { rows } = await pool.query<{ file: string; code: string; message: string }>(
      'SELECT file, code, message FROM ingest_errors WHERE file = ANY($1)',
      [unchangedErrors],
    );
    errors.push(...rows);
  }
  if (loaded.length === 0 && stored.size === 0) {
    const why = errors.length ? `: ${errors.map((e) => e.message).join('; ')}` : ' (no plan files found)';
    throw new PianobotError('INDEX_MISSING', `No plan could be ingested from ${options.inputs.join(', ')}${why}.`);
  }

  progress(`indexing ${loaded.length} documents…`);
  progress(`chunked ${loaded.length} documents into ${loaded.reduce((n, l) => n + l.chunks.length, 0)} passages`);
  // the embedder is stateless (a passage's vector depends on its own text only): a plan is embedded alone
  const embedder = options.embedder;

  let metaWritten = !full && meta !== null;
  let chunks = 0;
  for (const [i, { plan, chunks: own }] of loaded.entries()) {
    const vectors: number[][] = [];
    const texts = own.map(chunkIndexText);
    for (let b = 0; b < texts.length; b += EMBED_BATCH)
      vectors.push(...(await embedder.embed(texts.slice(b, b + EMBED_BATCH))));
    await inTransaction(pool, async (client) => {
      if (!metaWritten) {
        const dimension = vectors[0]?.length ?? options.embedder.dimension;
        await client.query(
          `INSERT INTO search_meta (id, embedder_id, dimension, stats) VALUES (true, $1, $2, NULL)
           ON CONFLICT (id) DO UPDATE SET embedder_id = $1, dimension = $2, stats = NULL, built_at = now()`,
          [options.embedder.id, dimension],
        );
      }
      await writePlan(client, { plan, chunks: own, vectors, codeVersion: version, embedderId: options.embedder.id });
    });
    metaWritten = true;
    chunks += own.length;
    progress(`embedded ${i + 1}/${loaded.length} documents`);
  }

  const inputs = new Set([...hashed.map((h) => h.file), ...refused.map((r) => r.file)]);
  const removed = [...stored.keys()].filter((f) => !inputs.has(f));
  for (const file of removed) {
    await inTransaction(pool, async (client) => {
      await client.query('DELETE FROM documents WHERE file = $1', [file]);
      await bumpVersion(client, file);
    });
  }
  await pool.query('DELETE FROM ingest_errors WHERE NOT (file = ANY($1))', [[...inputs]]);
  if (loaded.length || removed.length) await refreshLexemeStats(pool);
  progress(`search index written: ${chunks} passages`);

  const totals = await pool.query<{ chunks: string; bytes: string }>(
    'SELECT (SELECT count(*) FROM passages) AS chunks, pg_database_size(current_database()) AS bytes',
  );
  return {
    upToDate: loaded.length === 0 && removed.length === 0 && errors.length === 0,
    documents: reports,
    errors,
    chunks: Number(totals.rows[0]?.chunks ?? 0),
    indexBytes: Number(totals.rows[0]?.bytes ?? 0),
    databaseBytes: Number(totals.rows[0]?.bytes ?? 0),
    unchanged: hashed.length - todo.length,
    removed,
    ms: performance.now() - started,
  };
}
