import { AIMessage, type BaseMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { SourceSpan } from '../plan/model.ts';
import { formatAmount } from '../query/format-number.ts';
import { type PlanQuery, PlanQuerySchema } from '../query/plan-query.ts';
import { FIELDS, type QueryRecord } from '../query/record-fields.ts';
import { FindDeadlinesInput, findDeadlines } from '../tools/find-deadlines.ts';
import { FindObjectivesInput, findObjectives } from '../tools/find-objectives.ts';
import { FindRecordsInput, findRecords } from '../tools/find-records.ts';
import { GetObjectiveInput, getObjective } from '../tools/get-objective.ts';
import { GetPersonInput, getPerson } from '../tools/get-person.ts';
import { GetProjectInput, getProject } from '../tools/get-project.ts';
import { CountProjectsInput, countProjects, GetTotalsInput, getTotals } from '../tools/get-totals.ts';
import { runPlanQuery } from '../tools/run-plan-query.ts';
import { SearchPassagesInput, searchPassages } from '../tools/search-passages.ts';
import { citationOf, type ToolContext, visible } from '../tools/tool-context.ts';
import type { Answer, AskOptions, Citation } from './answer.ts';
import { type BoundEvidence, boundEvidenceOf, unboundFigures, ungroundedFigures } from './grounding.ts';
import { renderPrompt } from './render-prompt.ts';
import { routeQuestion } from './router.ts';

const MAX_STEPS = 5;

type Invocable = { invoke(args: unknown): Promise<unknown> };

export interface LlmAnswerer {
  answer(ctx: ToolContext, question: string, options: AskOptions, routed: Answer): Promise<Answer>;
}

/**
 * The optional language-model path: a langchain tool-calling loop over the same deterministic tools. Its answer is
 * kept only when every figure in it also appears in a tool result, and every figure it states as its own is held by a
 * record field — of the kind it presents it as (budget, target, weight, date) and of the record it names — rather
 * than only by free text a plan could use to instruct the model (grounding check); otherwise, and whenever the
 * endpoint fails, the router's answer is returned and the reason logged — the user always gets an answer.
 */
export function createLlmAnswerer(
  llm: NonNullable<Config['llm']>,
  log: Logger,
  /** the day the prompt tells the model it is (the injected clock, `TODAY` in demos) */
  today: () => string = () => new Date().toISOString().slice(0, 10),
): LlmAnswerer {
  const model = new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    temperature: 0,
    timeout: llm.timeoutMs,
    maxRetries: 0,
    configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : {},
  });

  return {
    async answer(ctx, question, options, routed) {
      try {
        const result = await runAgent(model, ctx, question, options, routed, today());
        const missing = ungroundedFigures(result.text, result.evidence);
        if (missing.length) {
          log.warn('llm answer rejected by grounding check', { question, missing });
          return routed;
        }
        const unbound = unboundFigures(result.text, result.bound);
        if (unbound.length) {
          log.warn('llm answer rejected by grounding check: figures not held by the fields they are given as', {
            question,
            unbound,
          });
          return routed;
        }
        const citations = result.citations.length ? dedupeCitations(result.citations) : routed.citations;
        return { ...routed, answer: result.text, citations, intent: `llm:${routed.intent}` };
      } catch (error) {
        log.warn('llm unavailable, answered by the router', {
          code: 'LLM_UNAVAILABLE',
          error: (error as Error).message,
        });
        return routed;
      }
    },
  };
}

async function runAgent(
  model: ChatOpenAI,
  ctx: ToolContext,
  question: string,
  options: AskOptions,
  routed: Answer,
  today: string,
) {
  const evidence: string[] = [];
  const fieldEvidence: BoundEvidence = { fields: [], freeText: [] };
  const citations: Citation[] = [];
  const tools = buildTools(ctx, options, evidence, fieldEvidence, citations);
  const byName = new Map<string, Invocable>(tools.map((t) => [t.name, t as unknown as Invocable]));
  const bound = model.bindTools(tools);
  const system = renderPrompt('system', {
    today,
    // only the plans this audience may see, so the model does not name the others
    documents: ctx.store.model.documents
      .filter((d) => visible(ctx, d.file))
      .map((d) => `- ${d.file}: ${d.entity}, ${d.title} (${d.years.join(', ')})`)
      .join('\n'),
    language: routed.lang === 'en' ? 'English' : 'Italian',
  });
  const messages: BaseMessage[] = [new SystemMessage(system)];
  for (const turn of options.history?.slice(-3) ?? []) {
    messages.push(new HumanMessage(turn.question));
    if (turn.answer) messages.push(new AIMessage(turn.answer.answer));
  }
  messages.push(new HumanMessage(question));

  for (let step = 0; step < MAX_STEPS; step++) {
    const reply = (await bound.invoke(messages)) as AIMessage;
    messages.push(reply);
    const calls = reply.tool_calls ?? [];
    if (!calls.length) {
      const text = contentText(reply);
      // an empty reply is no answer: treat it like a failing endpoint so the router's answer is given
      if (!text) throw new Error('the model returned an empty answer');
      return { text, evidence, bound: fieldEvidence, citations };
    }
    for (const call of calls) {
      const t = byName.get(call.name);
      const output = t
        ? await t.invoke(call.args).catch((e: Error) => `error: ${e.message}`)
        : `error: unknown tool ${call.name}`;
      messages.push(new ToolMessage({ content: String(output), tool_call_id: call.id ?? call.name }));
    }
  }
  throw new Error(`no final answer after ${MAX_STEPS} tool rounds`);
}

function dedupeCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.doc}|${c.lines ?? ''}|${c.page ?? ''}|${c.section ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function contentText(message: AIMessage): string {
  if (typeof message.content === 'string') return message.content.trim();
  return message.content
    .map((part) => (typeof part === 'string' ? part : 'text' in part ? String(part.text) : ''))
    .join('')
    .trim();
}

function isSpan(v: unknown): v is SourceSpan {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as SourceSpan).doc === 'string' &&
    typeof (v as SourceSpan).lineStart === 'number'
  );
}

/**
 * Citations for the records a tool returned: the shallowest objects that carry a source span (the projects of
 * get_project, the objectives and projects of get_person…), not every indicator and phase inside them.
 */
function recordCitations(ctx: ToolContext, value: unknown): Citation[] {
  let level: unknown[] = [value];
  for (let depth = 0; depth < 6 && level.length; depth++) {
    const spanned = level.filter(
      (v): v is { span: SourceSpan; code?: unknown } =>
        typeof v === 'object' && v !== null && isSpan((v as { span?: unknown }).span),
    );
    if (spanned.length)
      return spanned.slice(0, 8).map((r) => citationOf(ctx, r.span, typeof r.code === 'string' ? r.code : undefined));
    level = level.flatMap((v) => (Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.values(v) : []));
  }
  return [];
}

/** What the model reads about plan_query: what it computes, and every field of every target with its meaning. */
const PLAN_QUERY_DESCRIPTION = [
  'Filters, sorts, ranks (top-k), counts, sums, averages records of the plans, deterministically. Use it for rankings ("highest budget"), conditions ("budget above 1 milione", "objectives without phases", "multi-year"), sums and comparisons. Sums and averages are computed by pianobot: say so, and name the records listed in computedFrom. Figures are Italian-formatted (1.920.000,00).',
  'Fields by target:',
  ...Object.entries(FIELDS).map(
    ([target, fields]) =>
      `${target}: ${Object.entries(fields)
        .map(([name, spec]) => `${name} (${spec.describe})`)
        .join('; ')}`,
  ),
].join('\n');

/** A plan query's result as the model reads it: records with their fields as written, aggregates Italian-formatted. */
function planQueryResult(ctx: ToolContext, input: PlanQuery) {
  const result = runPlanQuery(ctx, input);
  if (!result.ok) return { error: result.error };
  const show = (r: QueryRecord) => ({
    target: r.target,
    code: r.parent ?? r.key,
    title: r.title,
    entity: ctx.store.entityOf(r.doc),
    span: r.span,
    fields: Object.fromEntries(
      Object.entries(r.cells)
        .filter(([k, c]) => c !== null && k !== 'text' && k !== 'description')
        .map(([k, c]) => [k, c!.text]),
    ),
  });
  return {
    matched: result.matched,
    records: result.records.slice(0, 60).map(show),
    ...(result.aggregate
      ? {
          aggregate: {
            op: result.aggregate.op,
            field: result.aggregate.field,
            computed: true,
            groups: result.aggregate.groups.map((g) => ({
              key: g.key,
              value:
                g.value === null ? null : result.aggregate!.op === 'count' ? String(g.value) : formatAmount(g.value),
              computedFrom: g.records.map((r) => r.parent ?? r.key),
              blank: g.blank.map((r) => r.key),
            })),
          },
        }
      : {}),
  };
}

/** The tools the model may call; every result is recorded as evidence for the grounding check. */
function buildTools(
  ctx: ToolContext,
  options: AskOptions,
  evidence: string[],
  bound: BoundEvidence,
  citations: Citation[],
) {
  const record = (value: unknown) => {
    citations.push(...recordCitations(ctx, value));
    const json = JSON.stringify(value, (key, v) => {
      if (key === 'span' && isSpan(v))
        return `${v.doc} lines ${v.lineStart}-${v.lineEnd}${v.page ? ` p.${v.page}` : ''}`;
      // the public help desk never sees staff allocations, also not through the model
      if (!ctx.includeInternal && key === 'staff') return undefined;
      if (!ctx.includeInternal && key === 'roles' && Array.isArray(v))
        return v.filter((r: { role?: unknown }) => r?.role !== 'staff');
      return v;
    });
    evidence.push(json);
    // read back from the JSON the model sees, so the fields are exactly those it was shown
    const split = boundEvidenceOf(JSON.parse(json));
    bound.fields.push(...split.fields);
    bound.freeText.push(...split.freeText);
    return json.length > 12_000 ? `${json.slice(0, 12_000)}…(truncated)` : json;
  };
  return [
    tool(
      async ({ question }) => {
        const a = await routeQuestion(ctx, question, options);
        citations.push(...a.citations);
        return record({ answer: a.answer, found: a.found, citations: a.citations });
      },
      {
        name: 'route_question',
        description:
          'Answers a question about the plans with the built-in deterministic router (codes, people, budgets, indicators, phases, totals, passages).',
        schema: z.object({ question: z.string().describe('the question, in Italian or English') }),
      },
    ),
    tool(async (input) => record(planQueryResult(ctx, input)), {
      name: 'plan_query',
      description: PLAN_QUERY_DESCRIPTION,
      schema: PlanQuerySchema,
    }),
    tool(async (input) => record(getObjective(ctx, input)), {
      name: 'get_objective',
      description:
        'One objective by code or title, with phases, indicators, dates, weights, resources and strategic links.',
      schema: GetObjectiveInput,
    }),
    tool(async (input) => record(getProject(ctx, input)), {
      name: 'get_project',
      description:
        'A project (Prodotto) by code or title: budget as stated (null = blank), %, budget table, objectives, staff.',
      schema: GetProjectInput,
    }),
    tool(async (input) => record(getPerson(ctx, input)), {
      name: 'get_person',
      description: "A person's objectives, projects directed, staff allocations (impegno %) and structures headed.",
      schema: GetPersonInput,
    }),
    tool(async (input) => record(findObjectives(ctx, input)), {
      name: 'find_objectives',
      description: 'Objectives filtered by owner, structure, entity, year, type or topic.',
      schema: FindObjectivesInput,
    }),
    tool(async (input) => record(findDeadlines(ctx, input)), {
      name: 'find_deadlines',
      description: 'Phases and indicators whose date falls in a range.',
      schema: FindDeadlinesInput,
    }),
    tool(async (input) => record(getTotals(ctx, input)), {
      name: 'get_totals',
      description: 'Totals as the documents state them (Totale Azione / Obiettivo / Indirizzo / CDR).',
      schema: GetTotalsInput,
    }),
    tool(async (input) => record(countProjects(ctx, input)), {
      name: 'count_projects',
      description: 'Counts projects, optionally by centro di responsabilità and only those with a budget > 0.',
      schema: CountProjectsInput,
    }),
    tool(async (input) => record(findRecords(ctx, input)), {
      name: 'find_indicators_and_phases',
      description: 'Indicators and phases whose wording matches the given words.',
      schema: FindRecordsInput,
    }),
    tool(
      async (input) => {
        const hits = await searchPassages(ctx, input);
        citations.push(...hits.map((h) => h.citation));
        return record(hits.map((h) => ({ text: h.chunk.text, citation: h.citation })));
      },
      {
        name: 'search_passages',
        description: 'Passages of the plans for free-text questions, with citations.',
        schema: SearchPassagesInput,
      },
    ),
  ];
}
