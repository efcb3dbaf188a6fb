/**
 * `npm run search -- "query" [--k 5] [--json] [--internal]`: the best passages of the plans with scores and
 * citations, from the search index under INDEX_DIR (or PostgreSQL when DATABASE_URL is set). `--json` prints `{hits: [{doc, section, lines, page, score, text}]}`
 * and nothing else on stdout; `--internal` includes staff allocation tables.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { PianobotError } from '../errors.ts';
import { createEmbedderFromConfig } from '../retrieval/embedder-from-config.ts';
import { INDEX_FILES } from '../retrieval/index-format.ts';
import { openSearchIndex, type SearchHit } from '../retrieval/search-index.ts';
import { createPool, migrate } from '../store/postgres/database.ts';
import { openPgSearch } from '../store/postgres/pg-search.ts';

const USAGE = 'usage: npm run search -- "query" [--k 5] [--json] [--internal]';

export function hitsAsJson(hits: readonly SearchHit[]): string {
  return JSON.stringify({
    hits: hits.map((h) => ({
      doc: h.chunk.doc,
      section: h.chunk.section,
      lines: h.citation.lines ?? `${h.chunk.lineStart}-${h.chunk.lineEnd}`,
      page: h.chunk.page ?? null,
      score: h.score,
      text: h.chunk.text,
    })),
  });
}

export function hitsAsText(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'No passage found.';
  return hits
    .map((h, i) => {
      const c = h.citation;
      const where = [c.doc, c.entity, `lines ${c.lines}`, c.page !== undefined ? `p. ${c.page}` : null]
        .filter(Boolean)
        .join(' · ');
      const excerpt = (c.excerpt ?? '').replace(/\t+/g, ' | ').replace(/\n/g, '\n     ');
      return `${i + 1}. [${h.score.toFixed(4)}] ${c.section}\n   ${where}${c.internal ? ' · internal' : ''}\n     ${excerpt}`;
    })
    .join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { k: { type: 'string' }; json: { type: 'boolean' }; internal: { type: 'boolean' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { k: { type: 'string' }, json: { type: 'boolean' }, internal: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const query = parsed.positionals.join(' ').trim();
  const k = parsed.values.k === undefined ? 5 : Number(parsed.values.k);
  if (!query || !Number.isInteger(k) || k <= 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }

  const config = loadConfig(process.env);
  const filter = { includeInternal: parsed.values.internal ?? false };
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl);
    try {
      await migrate(pool);
      const hits = await (await openPgSearch(pool, createEmbedderFromConfig(config))).search(query, { k, filter });
      process.stdout.write(`${parsed.values.json ? hitsAsJson(hits) : hitsAsText(hits)}\n`);
      return 0;
    } finally {
      await pool.end();
    }
  }
  const dir = join(config.indexDir, 'search');
  if (!existsSync(join(dir, INDEX_FILES.manifest))) {
    process.stderr.write(`No search index in ${dir}: run \`npm run ingest\` first.\n`);
    return 1;
  }
  const index = await openSearchIndex(dir, createEmbedderFromConfig(config));
  const hits = await index.search(query, { k, filter });
  process.stdout.write(`${parsed.values.json ? hitsAsJson(hits) : hitsAsText(hits)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof PianobotError ? err.message : String((err as Error)?.stack ?? err)}\n`);
      process.exitCode = 1;
    },
  );
}
