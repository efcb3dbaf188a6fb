/**
 * Composition root of the answering side: makes sure an index exists (building it from the plans when missing or
 * stale — the one place `src/` calls into `ingest/`), loads it, and wires the router and the optional LLM agent.
 */
import { runIngest } from '../../ingest/run-pipeline.ts';
import type { Config } from '../config.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { personKey } from '../plan/names.ts';
import { createEmbedderFromConfig } from '../retrieval/embedder-from-config.ts';
import { type LoadedIndex, loadIndex } from '../store/load-index.ts';
import { profileOf } from '../tools/get-person.ts';
import type { ToolContext } from '../tools/tool-context.ts';
import type { Answer, AnswerEngine, AskOptions, PersonOverview } from './answer.ts';
import { findPeople } from './link-entities.ts';
import { routeQuestion } from './router.ts';

export interface CreateEngineOptions {
  log?: Logger;
  /** skip the staleness check (benchmarks, tests that built the index themselves) */
  skipIngest?: boolean;
  /** an index the caller has loaded already (the benchmark times the load itself); implies skipIngest */
  index?: LoadedIndex;
  onProgress?: (message: string) => void;
}

export async function createEngine(config: Config, options: CreateEngineOptions = {}): Promise<AnswerEngine> {
  const log = options.log ?? silentLogger;
  const embedder = createEmbedderFromConfig(config);
  if (!options.skipIngest && !options.index) {
    const report = await runIngest({
      inputs: [config.plansDir],
      indexDir: config.indexDir,
      embedder,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (!report.upToDate)
      log.info('index built', { documents: report.documents.length, chunks: report.chunks, ms: Math.round(report.ms) });
    for (const e of report.errors) log.warn('plan file skipped', e);
  }
  const index = options.index ?? (await loadIndex(config.indexDir, embedder));
  log.info('index loaded', {
    documents: index.manifest.documents.length,
    chunks: index.manifest.chunks,
    ms: Math.round(index.loadMs),
  });

  const publicDocs = config.publicPlans === '*' ? null : config.publicPlans;
  const contextFor = (audience: AskOptions['audience']): ToolContext => ({
    store: index.store,
    search: index.search,
    allowedDocs: audience === 'public' ? publicDocs : null,
    includeInternal: audience !== 'public',
  });
  // the langchain stack is only loaded when a model is configured
  const llm = config.llm ? (await import('./llm-agent.ts')).createLlmAnswerer(config.llm, log) : null;

  return {
    async ask(question: string, askOptions: AskOptions = {}): Promise<Answer> {
      const ctx = contextFor(askOptions.audience);
      const routed = await routeQuestion(ctx, question, askOptions);
      if (!llm) return routed;
      return llm.answer(ctx, question, askOptions, routed);
    },
    personOverview(name: string): PersonOverview | null {
      const ctx = contextFor('staff');
      const { matches } = findPeople(name, index.store);
      const exact = matches.filter((m) => m.person.key === personKey(name));
      const person = (exact.length === 1 ? exact : matches.length === 1 ? matches : [])[0]?.person;
      if (!person) return null;
      const profile = profileOf(ctx, person);
      const today = new Date().toISOString().slice(0, 10);
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
    health() {
      return {
        documents: index.manifest.documents.length,
        objectives: index.store.objectives.length,
        projects: index.store.projects.length,
        chunks: index.manifest.chunks,
        builtAt: index.manifest.builtAt,
      };
    },
  };
}
