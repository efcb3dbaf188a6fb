/**
 * Passage search in PostgreSQL, with the ranking of the embedded index: three ranked lists fused by reciprocal
 * rank — full-text hits (the `pianobot_it` tsvector under GIN, question words and glossary phrases OR-ed), the
 * same candidates re-ranked by the cosine of their stored vectors with the question's, and exact matches of the
 * codes and names the question spells (b-tree on the code, phrase queries, pg_trgm for a mistyped code). Without
 * pgvector there is no index over the vectors: they only re-rank the candidates the other two lists bring.
 */
import { PianobotError } from '../../errors.ts';
import { fold } from '../../plan/text.ts';
import { normalizeCode, plainText } from '../../retrieval/analyze.ts';
import type { Chunk } from '../../retrieval/chunk.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import { entityMatcher } from '../../retrieval/entity-mentions.ts';
import { bestExcerpt } from '../../retrieval/excerpt.ts';
import { fuseRankings } from '../../retrieval/fuse-rankings.ts';
import { queryTerms } from '../../retrieval/keyword-index.ts';
import { LOCAL_EMBEDDER_ID } from '../../retrieval/local-embedder.ts';
import { glossaryExpander } from '../../retrieval/query-expansion.ts';
import { citationOf, type SearchFilter, type SearchIndex } from '../../retrieval/search-index.ts';
import { STOPWORDS } from '../../retrieval/stopwords.ts';
import type { Pool } from './database.ts';
import { cosine, decodeVector, norm } from './sparse-vector.ts';

/** how deep each ranked list goes before fusion (as in the embedded index) */
const CANDIDATES = 60;
/** a mistyped code is matched by trigram similarity above this */
const TYPO_SIMILARITY = 0.45;
/** weights of the keyword, vector and exact-match lists; the local embedder's list mostly repeats the keywords */
const weights = (embedder: Embedder) => [1, embedder.id === LOCAL_EMBEDDER_ID ? 0.5 : 1, 1];
const ENTITY_BOOST = 0.1;
/** how many full-text matches (best by matched IDF) are scored by BM25 */
const RESCORED = 200;
const AVG_LENGTH = `(SELECT avg_length FROM search_meta)`;
/** a lexeme in more than this share of the passages does not make a passage a candidate */
const COMMON_SHARE = 0.3;
/** a pair of the question's words found together counts half the rarer word, as word pairs do in the embedded index */
const PAIR_WEIGHT = 0.5;

interface PassageRow {
  id: string;
  doc: string;
  entity: string;
  year: number | null;
  years: number[] | null;
  kind: Chunk['kind'];
  form: Chunk['form'];
  section: string;
  code: string | null;
  title: string | null;
  line_start: number;
  line_end: number;
  page: number | null;
  text: string;
  internal: boolean;
  embedding: Buffer;
}

export interface PgSearchIndex extends SearchIndex {
  readonly mode: string;
}

/** Opens passage search over the database the store version was read from; checks the embedder matches. */
export async function openPgSearch(pool: Pool, embedder: Embedder): Promise<PgSearchIndex> {
  const meta = (
    await pool.query<{ embedder_id: string; dimension: number; size: string }>(
      'SELECT embedder_id, dimension, (SELECT count(*) FROM passages) AS size FROM search_meta',
    )
  ).rows[0];
  if (!meta) throw new PianobotError('INDEX_MISSING', 'The database has no passages: run `npm run ingest` first.');
  if (meta.embedder_id !== embedder.id || (embedder.dimension > 0 && embedder.dimension !== meta.dimension)) {
    throw new PianobotError(
      'INDEX_INCOMPATIBLE',
      `The passages in the database were embedded with ${meta.embedder_id} (dimension ${meta.dimension}), but the ` +
        `configured embedder is ${embedder.id}: run \`npm run ingest -- --force\`.`,
    );
  }
  const entities = entityMatcher(
    (await pool.query<{ entity: string }>('SELECT DISTINCT entity FROM documents')).rows.map((r) => r.entity),
  );
  const [keywordWeight, vectorWeight, exactWeight] = weights(embedder);

  return {
    size: Number(meta.size),
    mode: 'full-text candidates re-ranked by stored vectors',
    async search(query, opts = {}) {
      const k = opts.k ?? 5;
      if (!query.trim() || k <= 0) return [];
      const expansions = [
        ...new Set(
          glossaryExpander()
            .expansions(query)
            .flatMap((e) => e.phrases),
        ),
      ];
      const terms = queryTerms(query);
      const words = ftsWords([query, ...expansions].join(' '));
      const codes = terms.codes;
      // a date is written 31/12/2023 or 31.12.2023; the parser keeps either whole
      const spelled = codes.flatMap((c) => (/^\d\d\/\d\d\/\d{4}$/.test(c) ? [c, c.replaceAll('/', '.')] : [c]));
      const names = namePairs(query);

      const filter = opts.filter ?? {};
      // the keyword list and the exact-match list are independent queries: they run side by side
      const [keywordRows, exactRows] = await Promise.all([
        words.length ? keywordMatches(pool, words, filter) : [],
        codes.length || names.length ? exactMatches(pool, { codes, spelled, names, words }, filter) : [],
      ]);
      const keywordList = keywordRows.map((r) => r.id);
      // within the records of a named code, and within the passages quoting one, the keyword ranking decides
      const keywordRank = new Map(keywordList.map((id, i) => [id, i]));
      const byKeywords = (x: { id: string }, y: { id: string }) =>
        (keywordRank.get(x.id) ?? keywordList.length) - (keywordRank.get(y.id) ?? keywordList.length);
      const exactList = [
        ...exactRows.filter((r) => r.exact).sort(byKeywords),
        ...exactRows.filter((r) => !r.exact).sort(byKeywords),
      ].map((r) => r.id);
      const rows = new Map([...keywordRows, ...exactRows].map((r) => [r.id, r]));
      const ids = [...rows.keys()];
      if (ids.length === 0) return [];

      const [qv] = await embedder.embed([[query, ...expansions].join('\n')]);
      const qn = qv ? norm(qv) : 0;
      const vectorList = qv
        ? ids
            .map((id) => ({ id, score: cosine(qv, decodeVector(rows.get(id)!.embedding), qn) }))
            .filter((x) => x.score > 0)
            .sort((a, b) => b.score - a.score)
            .map((x) => x.id)
        : [];

      const named = entities.named(query);
      const at = new Map(ids.map((id, i) => [id, i]));
      const positions = (list: string[]) => list.map((id) => at.get(id)!);
      return fuseRankings(
        [positions(keywordList), positions(vectorList), positions(exactList)],
        [keywordWeight!, vectorWeight!, exactWeight!],
      )
        .map(({ item: i, score }) => {
          const item = ids[i]!;
          return { item, score: score * (1 + ENTITY_BOOST * (named.get(rows.get(item)!.entity) ?? 0)) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map(({ item, score }) => {
          const chunk = toChunk(rows.get(item)!);
          return {
            chunk,
            score: Math.round(score * 10000) / 10000,
            citation: citationOf(chunk, bestExcerpt(chunk.text, terms.terms)),
          };
        });
    },
  };
}

const COLUMNS = [
  'id',
  'doc',
  'entity',
  'year',
  'years',
  'kind',
  'form',
  'section',
  'code',
  'title',
  'line_start',
  'line_end',
  'page',
  'text',
  'internal',
  'embedding',
];

/** Full-text candidates ranked by BM25 over the tsvector (IDF from lexeme_df), best first. */
async function keywordMatches(pool: Pool, words: string[], filter: SearchFilter): Promise<PassageRow[]> {
  const where = new FilterSql(filter);
  const { lexemes, scored, pairs } = await weightedLexemes(pool, words.join(' '));
  if (lexemes.length === 0) return [];
  const pairBonus = pairs
    .map((p) => `(CASE WHEN c.tsv @@ ${where.param(p.query)}::tsquery THEN ${p.weight} ELSE 0 END)`)
    .join(' + ');
  const any = lexemes.map((l) => `${where.param(l.query)}::tsquery`);
  const cheap = lexemes.map((l, i) => `(CASE WHEN tsv @@ ${any[i]} THEN ${l.idf} ELSE 0 END)`).join(' + ');
  const idfs = scored.map((l) => `(${where.param(l.word)}, ${l.idf}::float8)`).join(', ');
  // BM25 (k1 1.2, b 0.75) on the best candidates by matched IDF; a heading (weight A) counts as two mentions
  const { rows } = await pool.query<PassageRow>(
    `WITH c AS (SELECT ${COLUMNS.join(', ')}, tsv FROM passages WHERE tsv @@ (${any.join(' || ')}) ${where.sql}
                ORDER BY ${cheap} DESC, id LIMIT ${RESCORED})
     SELECT ${COLUMNS.map((c) => `c.${c}`).join(', ')} FROM c, LATERAL (
       SELECT sum(q.idf * u.tf * 2.2 / (u.tf + 1.2 * (0.25 + 0.75 * (SELECT sum(cardinality(positions)) FROM unnest(c.tsv)) / ${AVG_LENGTH}))) AS score
       FROM (SELECT lexeme, (SELECT sum(CASE WHEN x = 'A' THEN 2 ELSE 1 END) FROM unnest(weights) x) AS tf
             FROM unnest(c.tsv)) u
       JOIN (VALUES ${idfs}) q(lexeme, idf) ON q.lexeme = u.lexeme) s
     ORDER BY coalesce(s.score, 0) ${pairBonus ? `+ ${pairBonus}` : ''} DESC, c.id LIMIT ${CANDIDATES}`,
    where.params,
  );
  return rows;
}

/**
 * Records of the codes the question names first, then the passages quoting one of its codes or names (best for the
 * whole question first); a code that names no record is looked up by trigram similarity, for typos.
 */
async function exactMatches(
  pool: Pool,
  q: { codes: string[]; spelled: string[]; names: string[]; words: string[] },
  filter: SearchFilter,
): Promise<(PassageRow & { exact: boolean })[]> {
  const w = new FilterSql(filter);
  const codeParam = w.param(q.codes);
  const phrases = [...q.spelled, ...q.names].map((p) => `phraseto_tsquery('pianobot_it', ${w.param(p)})`).join(' || ');
  const rank = q.words.length ? `ts_rank_cd(tsv, to_tsquery('pianobot_it', ${w.param(q.words.join(' | '))}), 1)` : '0';
  const { rows } = await pool.query<PassageRow & { exact: boolean }>(
    `SELECT ${COLUMNS.join(', ')}, code_key = ANY(${codeParam}) AS exact FROM passages
     WHERE (code_key = ANY(${codeParam}) OR tsv @@ (${phrases})) ${w.sql}
     ORDER BY exact DESC, ${rank} DESC, id LIMIT ${CANDIDATES}`,
    w.params,
  );
  if (q.codes.length && !rows.some((r) => r.exact)) rows.push(...(await typoMatches(pool, q.codes, filter)));
  return rows;
}

/**
 * The question's lexemes (as the tsvector holds them) with their IDF. Lexemes in most passages say nothing about
 * which passage is meant and would make every passage a candidate: they are left out.
 */
interface Lexeme {
  word: string;
  query: string;
  idf: number;
}

async function weightedLexemes(
  pool: Pool,
  text: string,
): Promise<{
  /** the lexemes that make a passage a candidate */
  lexemes: Lexeme[];
  /** the lexemes that score a candidate (common ones too) */
  scored: Lexeme[];
  pairs: { query: string; weight: number }[];
}> {
  const { rows } = await pool.query<{ word: string; at: number; ndoc: number | null; n: number }>(
    `SELECT l.lexeme AS word, l.positions[1] AS at, d.ndoc, (SELECT passages FROM search_meta) AS n
     FROM unnest(to_tsvector('pianobot_it', lower($1))) AS l LEFT JOIN lexeme_df d ON d.word = l.lexeme
     ORDER BY at`,
    [text],
  );
  const quote = (w: string) => `'${w.replaceAll("'", "''")}'`;
  const known = rows
    .filter((r) => r.ndoc !== null && r.ndoc > 0)
    .map((r) => ({
      word: r.word,
      query: quote(r.word),
      common: r.ndoc! > COMMON_SHARE * Math.max(r.n, 1),
      idf: Math.round(Math.log(1 + (r.n - r.ndoc! + 0.5) / (r.ndoc! + 0.5)) * 1000) / 1000,
    }));
  // neighbouring words of the question found near each other in a passage (names, phrases), either order
  const pairs = known.slice(1).map((b, i) => {
    const a = known[i]!;
    const near = (x: string, y: string) => `${quote(x)} <-> ${quote(y)} | ${quote(x)} <2> ${quote(y)}`;
    return { query: `${near(a.word, b.word)} | ${near(b.word, a.word)}`, weight: PAIR_WEIGHT * Math.max(a.idf, b.idf) };
  });
  const rare = known.filter((k) => !k.common);
  return { lexemes: rare.length ? rare : known, scored: known, pairs };
}

/** Passages whose code is a near miss of a code the question spells (one wrong or missing character). */
async function typoMatches(
  pool: Pool,
  codes: string[],
  filter: SearchFilter,
): Promise<(PassageRow & { exact: boolean })[]> {
  const w = new FilterSql(filter);
  const codeParam = w.param(codes.map(normalizeCode));
  const { rows } = await pool.query<PassageRow & { exact: boolean }>(
    `SELECT ${COLUMNS.join(', ')}, false AS exact FROM passages, unnest(${codeParam}::text[]) c
     WHERE code_key % c AND similarity(code_key, c) >= ${TYPO_SIMILARITY} ${w.sql}
     ORDER BY similarity(code_key, c) DESC, id LIMIT 5`,
    w.params,
  );
  return rows;
}

/** The filter as SQL conditions (each starting with AND) and their parameters. */
class FilterSql {
  readonly params: unknown[] = [];
  readonly sql: string;

  constructor(filter: SearchFilter) {
    const c: string[] = [];
    if (!filter.includeInternal) c.push('NOT internal');
    if (filter.doc) c.push(`doc = ${this.param(filter.doc)}`);
    if (filter.docs) c.push(`doc = ANY(${this.param(filter.docs)})`);
    if (filter.kind) c.push(`kind = ${this.param(filter.kind)}`);
    if (filter.entity) c.push(`entity_key = ${this.param(fold(filter.entity))}`);
    if (filter.year !== undefined) {
      const y = this.param(filter.year);
      c.push(`(CASE WHEN year IS NOT NULL THEN year = ${y} ELSE ${y} = ANY(coalesce(years, '{}')) END)`);
    }
    this.sql = c.map((x) => `AND ${x}`).join(' ');
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** The question's words for to_tsquery: folded, no stopwords, only letters and digits (nothing to escape). */
function ftsWords(text: string): string[] {
  const words = fold(plainText(text))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w) && !(/^\d+$/.test(w) && w.length < 3));
  return [...new Set(words)];
}

/**
 * Names the question spells with capitals ("Maura Meschi", "Provincia di Prato"), as phrases in both orders: each
 * pair of neighbouring capitalised words, with the short lower-case word between them if any.
 */
function namePairs(query: string): string[] {
  const runs = [...query.matchAll(/\p{Lu}[\p{L}'’]+(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{L}'’]+)+/gu)].map((m) => m[0]);
  const pairs: string[] = [];
  for (const run of runs) {
    const steps = [...run.matchAll(/(\p{Lu}[\p{L}'’]+)(?=(\s+(?:\p{Ll}{1,3}\s+)?)(\p{Lu}[\p{L}'’]+))/gu)];
    for (const m of steps) pairs.push(`${m[1]}${m[2]}${m[3]}`, `${m[3]} ${m[1]}`);
  }
  return pairs;
}

function toChunk(r: PassageRow): Chunk {
  const chunk: Chunk = {
    id: r.id,
    doc: r.doc,
    entity: r.entity,
    kind: r.kind,
    form: r.form,
    section: r.section,
    lineStart: r.line_start,
    lineEnd: r.line_end,
    text: r.text,
  };
  if (r.year !== null) chunk.year = r.year;
  if (r.years !== null) chunk.years = r.years;
  if (r.code !== null) chunk.code = r.code;
  if (r.title !== null) chunk.title = r.title;
  if (r.page !== null) chunk.page = r.page;
  if (r.internal) chunk.internal = true;
  return chunk;
}
