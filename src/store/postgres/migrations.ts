/**
 * The PostgreSQL schema as an ordered list of migrations. Each runs once, in its own transaction, and is recorded
 * in `schema_migrations`; never edit a released migration, append a new one.
 *
 * The plan model is stored as tables, one row per record with typed key columns and its source span
 * (`line_start`, `line_end`, `page`); `record` holds the rest of the zod-validated record as JSON. Nested lists
 * have their own tables (phases and indicators of objectives, budget rows and staff of projects) and are not
 * repeated inside the parent's `record`. Every table hangs off `documents` with ON DELETE CASCADE, so replacing
 * a plan is "delete the document, insert it again" in one transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** the span columns every record table has */
const SPAN = `line_start integer NOT NULL, line_end integer NOT NULL, page integer`;
const DOC = `doc text NOT NULL REFERENCES documents(file) ON DELETE CASCADE`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'plan model, passages and search',
    sql: `
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Italian stemming of unaccented words: "attività" and "attivita" are one term (unaccent keeps the case, so the
-- text is lower-cased before it reaches the stemmer)
CREATE TEXT SEARCH CONFIGURATION pianobot_it (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION pianobot_it
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, italian_stem;

CREATE TABLE documents (
  file text PRIMARY KEY,
  sha256 text NOT NULL,
  entity text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  years integer[] NOT NULL,
  layout text NOT NULL,
  format text NOT NULL,
  code_version text NOT NULL,
  embedder_id text NOT NULL,
  chunks integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  record jsonb NOT NULL
);

CREATE TABLE structures (${DOC}, ord integer NOT NULL, name text NOT NULL, code text, kind text NOT NULL,
  head text, ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, ord));

CREATE TABLE objectives (${DOC}, ord integer NOT NULL, code text NOT NULL, code_key text NOT NULL,
  title text NOT NULL, structure text, year integer, project_code text, ${SPAN}, record jsonb NOT NULL,
  PRIMARY KEY (doc, ord));
CREATE INDEX objectives_code_key ON objectives (code_key);
CREATE INDEX objectives_code_trgm ON objectives USING gin (code_key gin_trgm_ops);

CREATE TABLE phases (${DOC}, objective_ord integer NOT NULL, ord integer NOT NULL, title text NOT NULL,
  end_text text, end_iso date, ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, objective_ord, ord),
  FOREIGN KEY (doc, objective_ord) REFERENCES objectives (doc, ord) ON DELETE CASCADE);

CREATE TABLE indicators (${DOC}, objective_ord integer NOT NULL, ord integer NOT NULL, code text,
  description text NOT NULL, target_text text, ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, objective_ord, ord),
  FOREIGN KEY (doc, objective_ord) REFERENCES objectives (doc, ord) ON DELETE CASCADE);

CREATE TABLE projects (${DOC}, ord integer NOT NULL, code text NOT NULL, code_key text NOT NULL,
  title text NOT NULL, cdr text NOT NULL, dirigente text, budget_text text, budget_value double precision, ${SPAN},
  record jsonb NOT NULL, PRIMARY KEY (doc, ord));
CREATE INDEX projects_code_key ON projects (code_key);
CREATE INDEX projects_code_trgm ON projects USING gin (code_key gin_trgm_ops);

CREATE TABLE budget_rows (${DOC}, project_ord integer NOT NULL, ord integer NOT NULL, capitolo text NOT NULL,
  description text NOT NULL, ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, project_ord, ord),
  FOREIGN KEY (doc, project_ord) REFERENCES projects (doc, ord) ON DELETE CASCADE);

CREATE TABLE staff_allocations (${DOC}, project_ord integer NOT NULL, ord integer NOT NULL, name text NOT NULL,
  person_key text NOT NULL, relation text NOT NULL, commitment_text text NOT NULL, commitment_value double precision,
  ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, project_ord, ord),
  FOREIGN KEY (doc, project_ord) REFERENCES projects (doc, ord) ON DELETE CASCADE);
CREATE INDEX staff_allocations_person ON staff_allocations (person_key);

CREATE TABLE totals (${DOC}, ord integer NOT NULL, level text NOT NULL, label text NOT NULL, amount_text text,
  amount_value double precision, ${SPAN}, record jsonb NOT NULL, PRIMARY KEY (doc, ord));

CREATE TABLE data_tables (${DOC}, ord integer NOT NULL, title text NOT NULL, ${SPAN}, record jsonb NOT NULL,
  PRIMARY KEY (doc, ord));

CREATE TABLE warnings (${DOC}, ord integer NOT NULL, message text NOT NULL, record jsonb NOT NULL,
  PRIMARY KEY (doc, ord));

-- the people each document names (the answering side merges them across documents with derivePeople)
CREATE TABLE people (${DOC}, key text NOT NULL, name text NOT NULL, spellings text[] NOT NULL,
  record jsonb NOT NULL, PRIMARY KEY (doc, key));
CREATE INDEX people_key ON people (key);
CREATE INDEX people_name_trgm ON people USING gin (key gin_trgm_ops);

CREATE TABLE passages (
  id text PRIMARY KEY,
  ${DOC},
  ord integer NOT NULL,
  entity text NOT NULL,
  entity_key text NOT NULL,
  year integer,
  years integer[],
  kind text NOT NULL,
  form text NOT NULL,
  section text NOT NULL,
  code text,
  code_key text,
  title text,
  ${SPAN},
  text text NOT NULL,
  internal boolean NOT NULL DEFAULT false,
  -- sparse embedding: little-endian (int32 index, float32 value) pairs, re-ranks the full-text candidates
  embedding bytea NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pianobot_it', lower(entity)), 'B') ||
    setweight(to_tsvector('pianobot_it', lower(section)), 'A') ||
    setweight(to_tsvector('pianobot_it', lower(text)), 'D')
  ) STORED
);
CREATE INDEX passages_tsv ON passages USING gin (tsv);
CREATE INDEX passages_doc ON passages (doc, ord);
CREATE INDEX passages_code_key ON passages (code_key) WHERE code_key IS NOT NULL;
CREATE INDEX passages_code_trgm ON passages USING gin (code_key gin_trgm_ops) WHERE code_key IS NOT NULL;

-- one row: the embedder the passages were embedded with, its corpus statistics, and the store's version
CREATE TABLE search_meta (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  embedder_id text NOT NULL,
  dimension integer NOT NULL,
  stats bytea,
  version bigint NOT NULL DEFAULT 0,
  built_at timestamptz NOT NULL DEFAULT now()
);

-- how many passages hold each lexeme, refreshed after every ingest run: the IDF that ts_rank lacks
CREATE TABLE lexeme_df (word text PRIMARY KEY, ndoc integer NOT NULL);
ALTER TABLE search_meta ADD COLUMN passages integer NOT NULL DEFAULT 0,
  ADD COLUMN avg_length double precision NOT NULL DEFAULT 1;

CREATE TABLE ingest_errors (file text PRIMARY KEY, sha256 text, code text NOT NULL, message text NOT NULL,
  at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    version: 2,
    name: 'shared state of the replicas: Slack deliveries, threads, answers, feedback votes',
    sql: `
CREATE TABLE slack_deliveries (key text PRIMARY KEY, expires_at timestamptz NOT NULL);
CREATE INDEX slack_deliveries_expiry ON slack_deliveries (expires_at);

CREATE TABLE slack_turns (
  channel text NOT NULL,
  thread_ts text NOT NULL,
  seq bigserial,
  turn jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, thread_ts, seq)
);

CREATE TABLE slack_answers (id text PRIMARY KEY, posted jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now());

CREATE TABLE feedback_votes (
  channel text NOT NULL,
  "user" text NOT NULL,
  answer_id text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  question text NOT NULL,
  answer text NOT NULL,
  at text NOT NULL,
  seq bigserial,
  PRIMARY KEY (channel, "user", answer_id)
);
`,
  },
  {
    version: 3,
    name: 'per-channel scopes set with /piani ambito',
    sql: `
CREATE TABLE channel_scopes (channel text PRIMARY KEY, scope jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    version: 4,
    name: 'confirmed person ↔ Slack user table',
    sql: `
CREATE TABLE slack_people (person text PRIMARY KEY, user_id text NOT NULL UNIQUE,
  at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    version: 5,
    name: 'weekly digest subscriptions',
    sql: `
CREATE TABLE digest_subscriptions (user_id text PRIMARY KEY, subscription jsonb NOT NULL, last_sent text,
  at timestamptz NOT NULL DEFAULT now());
`,
  },
];
