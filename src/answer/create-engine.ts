/**
 * Composition root of the answering side: makes sure an index exists (building it from the plans when missing or
 * stale — the one place `src/` calls into `ingest/`), loads it, and wires the router and the optional LLM agent.
 */
import { existsSync } from 'node:fs';
import { runIngest } from '../../ingest/run-pipeline.ts';
import { withReadableSources } from '../citations/label-citations.ts';
import { isoDay } from '../clock.ts';
import type { Config } from '../config.ts';
import { PACKS } from '../lang/packs.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { personKey } from '../plan/names.ts';
import { createEmbedderFromConfig } from '../retrieval/embedder-from-config.ts';
import { indexPaths } from '../store/index-layout.ts';
import { type LiveIndex, openLiveIndex } from '../store/live-index.ts';
import type { LoadedIndex } from '../store/load-index.ts';
import type { Pool } from '../store/postgres/database.ts';
import { openDatabaseLiveIndex } from '../store/postgres/database-live-index.ts';
import { profileOf } from '../tools/get-person.ts';
import type { ToolContext } from '../tools/tool-context.ts';
import type { Answer, AnswerEngine, AskOptions, PersonOverview } from './answer.ts';
import type { Lang } from './labels.ts';
import { findPeople } from './link-entities.ts';
import { prepareStore } from './prepare-store.ts';
import { MAX_QUESTION_CHARS, questionTooLong } from './question-limits.ts';
import { routeQuestion } from './router.ts';
import { exampleQuestions } from './routes/help-route.ts';

export interface CreateEngineOptions {
  log?: Logger;
  /** skip the staleness check (benchmarks, tests that built the index themselves) */
  skipIngest?: boolean;
  /** an index the caller has loaded already (the benchmark times the load itself); implies skipIngest, no reload */
  index?: LoadedIndex;
  onProgress?: (message: string) => void;
  /** the server's PostgreSQL pool (DATABASE_URL), shared with the Slack state; otherwise the engine opens its own */
  pool?: Pool;
  /** reload when another process ingests a plan into the database (LISTEN/NOTIFY) */
  watch?: boolean;
}

export interface Engine extends AnswerEngine {
  /** stops watching the database and closes the engine's own connections */
  close(): Promise<void>;
}

export async function createEngine(config: Config, options: CreateEngineOptions = {}): Promise<Engine> {
  const log = options.log ?? silentLogger;
  const embedder = createEmbedderFromConfig(config);
  /** set when the plans could not be ingested at all and the index already on disk serves instead */
  let ingestFailure: string | null = null;
  const given = options.index;
  // a pre-loaded index is the embedded one, whatever DATABASE_URL says
  const database = !given && (config.databaseUrl || options.pool);
  // with a database, ingest is `npm run ingest`'s job: replicas only read
  if (!options.skipIngest && !given && !database) {
    try {
      const report = await runIngest({
        inputs: [config.plansDir],
        indexDir: config.indexDir,
        embedder,
        maxFileBytes: config.maxPlanFileBytes,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        // with a model configured, documents the extractors understood little of are also read by the model
        ...(config.llm
          ? {
              modelExtractor: (await import('../../ingest/extractors/model-extractor.ts')).createModelExtractor(
                config.llm,
              ),
            }
          : {}),
      });
      if (!report.upToDate)
        log.info('index built', {
          documents: report.documents.length,
          chunks: report.chunks,
          ms: Math.round(report.ms),
        });
      for (const e of report.errors)
        log.warn(e.kept ? 'plan file failed, last good version kept' : 'plan file skipped', e);
    } catch (error) {
      // a good index on disk is better than no service: start on it, and say so in the log and in /api/health
      if (!existsSync(indexPaths(config.indexDir).manifest)) throw error;
      ingestFailure = (error as Error).message;
      log.warn('ingestion failed, serving the index on disk', { error: ingestFailure });
    }
  }
  let close = async () => {};
  let live: LiveIndex;
  if (given) live = { current: given, reload: async () => ({ changed: false, builtAt: given.manifest.builtAt }) };
  else if (database) {
    const db = await openDatabaseLiveIndex(config, embedder, log, options);
    live = db;
    close = db.close;
  } else live = await openLiveIndex(config.indexDir, embedder, log, prepareStore);
  log.info('index loaded', {
    documents: live.current.manifest.documents.length,
    chunks: live.current.manifest.chunks,
    ms: Math.round(live.current.loadMs),
  });

  const publicDocs = config.publicPlans === '*' ? null : config.publicPlans;
  // one read of the live index per question: a reload in between does not mix two indexes in one answer
  const contextFor = (audience: AskOptions['audience'], scope?: string[], index = live.current): ToolContext => {
    const audienceDocs = audience === 'public' ? publicDocs : null;
    // a channel's scope narrows what the audience may see, never widens it
    const allowedDocs = scope ? scope.filter((d) => !audienceDocs || audienceDocs.includes(d)) : audienceDocs;
    return { store: index.store, search: index.search, allowedDocs, includeInternal: audience !== 'public' };
  };
  // the langchain stack is only loaded when a model is configured
  const llm = config.llm
    ? (await import('./llm-agent.ts')).createLlmAnswerer(config.llm, log, () =>
        isoDay(config.clock.now(), config.timeZone),
      )
    : null;

  return {
    close,
    async ask(question: string, askOptions: AskOptions = {}): Promise<Answer> {
      // the one length check every channel goes through: past it, no pattern or model sees the text
      if (question.length > MAX_QUESTION_CHARS) return questionTooLong(question);
      // an earlier question over the cap was not read then, and is no context now (Slack threads keep every turn)
      const history = askOptions.history?.filter((turn) => turn.question.length <= MAX_QUESTION_CHARS);
      const options: AskOptions = { ...askOptions, ...(history ? { history } : {}) };
      const ctx = contextFor(options.audience, options.scope);
      // a question that comes before the background warm-up is done waits for it a slice at a time, so the server
      // keeps taking requests meanwhile (at once when the store is read whole)
      await ctx.store.warm();
      const routed = await routeQuestion(ctx, question, options);
      const answer = llm ? await llm.answer(ctx, question, options, routed) : routed;
      return withReadableSources(answer, (file) => ctx.store.documentOf(file));
    },
    personOverview(name: string): PersonOverview | null {
      const ctx = contextFor('staff');
      const { matches } = findPeople(name, ctx.store);
      const exact = matches.filter((m) => m.person.key === personKey(name));
      const person = (exact.length === 1 ? exact : matches.length === 1 ? matches : [])[0]?.person;
      if (!person) return null;
      const profile = profileOf(ctx, person);
      const today = isoDay(config.clock.now(), config.timeZone);
      return {
        person: person.name,
        objectives: profile.objectives.map((o) => {
          const upcoming = o.phases.filter((p) => p.end?.iso).sort((a, b) => a.end!.iso!.localeCompare(b.end!.iso!));
          const next = upcoming.find((p) => p.end!.iso! >= today) ?? upcoming.at(-1);
          return {
            doc: o.doc,
            code: o.code,
            title: o.title,
            ...(next ? { nextDeadline: { date: next.end!.text, title: next.title } } : {}),
            indicators: o.indicators.map((i) => ({
              description: i.description,
              ...(i.target ? { target: i.target.text } : {}),
            })),
          };
        }),
        projects: [
          ...profile.projectsDirected.map((p) => ({ doc: p.doc, code: p.code, title: p.title, relation: 'Dirigente' })),
          ...profile.allocations
            .filter((a) => !profile.projectsDirected.includes(a.project))
            .map((a) => ({
              doc: a.project.doc,
              code: a.project.code,
              title: a.project.title,
              commitment: a.commitment,
              relation: a.relation,
            })),
        ],
      };
    },
    async suggestions(lang: Lang, audience: AskOptions['audience'] = 'staff'): Promise<string[]> {
      const ctx = contextFor(audience);
      await ctx.store.warm();
      const pack = PACKS[lang];
      return [...exampleQuestions(ctx, pack), pack.messages.examples.plans];
    },
    /** the store of the index serving now (a reload swaps it) */
    get planStore() {
      return live.current.store;
    },
    health() {
      const index = live.current;
      const problems = index.manifest.errors.map(({ file, code, message, kept }) => ({
        file,
        code,
        message,
        ...(kept ? { kept } : {}),
      }));
      if (ingestFailure) problems.unshift({ file: config.plansDir, code: 'INGEST_FAILED', message: ingestFailure });
      return {
        documents: index.manifest.documents.length,
        objectives: index.store.objectives.length,
        projects: index.store.projects.length,
        chunks: index.manifest.chunks,
        builtAt: index.manifest.builtAt,
        ...(problems.length ? { problems } : {}),
      };
    },
    async reload() {
      const result = await live.reload();
      // a newer index was built from the plans, so the start-up failure no longer describes what serves
      if (result.changed) ingestFailure = null;
      return result;
    },
  };
}
