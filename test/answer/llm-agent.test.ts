import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Answer, AnswerEngine } from '../../src/answer/answer.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { MAX_QUESTION_CHARS } from '../../src/answer/question-limits.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { PlanQuerySchema } from '../../src/query/plan-query.ts';
import { GetProjectInput } from '../../src/tools/get-project.ts';
import { FakeOpenAiServer, messageText } from '../fakes/fake-openai-server.ts';
import { ManualClock } from '../fakes/manual-clock.ts';
import { PLANS_DIR } from '../support/plan-fixture.ts';

const SYSTEM_TEMPLATE = readFileSync(new URL('../../prompts/system.md', import.meta.url), 'utf8');
const REGGIO = '002_51402a20550dfbf2.txt';
const QUESTION = 'Qual è il budget del progetto 2021_PD_8735?';
/** long enough for a scripted reply on a busy machine; the hang test does not depend on it (the fake never replies) */
const TIMEOUT_MS = 1500;
/** the engine's clock (TODAY): the prompt's "today" comes from it, not from when the test happens to run */
const TODAY = '2021-06-15';

/**
 * The answer engine with an OpenAI-compatible endpoint configured, built once on the real plans, talking to a local
 * fake model that follows a script. A second engine on the same index without the endpoint gives the router's
 * answer, which is what the user must get whenever the model's answer cannot be used.
 */
describe('the LLM agent of the answer engine', () => {
  let fake: FakeOpenAiServer;
  let indexDir: string;
  let engine: AnswerEngine;
  let router: AnswerEngine;
  /** the same index and endpoint, with only the Reggio Emilia PEG open to the public */
  let helpDesk: AnswerEngine;
  let routed: Answer;
  const logLines: string[] = [];
  const warnings = () =>
    logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 'warn');

  beforeAll(async () => {
    // the fake's clock never moves on its own: a delayed step hangs until the engine's own timeout gives up on it
    fake = await FakeOpenAiServer.start([], { clock: new ManualClock() });
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-llm-'));
    const env = { PLANS_DIR, INDEX_DIR: indexDir };
    const llmEnv = {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'test',
      OPENAI_MODEL: 'fake-model',
      OPENAI_TIMEOUT_MS: String(TIMEOUT_MS),
      TODAY,
    };
    engine = await createEngine(loadConfig({ ...env, ...llmEnv }), {
      log: createLogger('info', (line) => logLines.push(line)),
    });
    router = await createEngine(loadConfig(env), { skipIngest: true });
    helpDesk = await createEngine(loadConfig({ ...env, ...llmEnv, PUBLIC_PLANS: REGGIO }), { skipIngest: true });
    routed = await router.ask(QUESTION);
  });

  afterAll(async () => {
    await fake?.close();
    if (indexDir) rmSync(indexDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    logLines.length = 0;
  });

  it('the router alone answers the budget question with the figure as written (the fallback the tests expect)', () => {
    expect(routed.answer).toContain('1.920.000,00');
    expect(routed.intent).not.toMatch(/^llm:/);
  });

  it("returns the model's answer when it called a tool and its figures are in the tool result, with citations", async () => {
    const text = `Il budget del progetto 2021_PD_8735 è 1.920.000,00 (20,72 % delle risorse del CdR).\nFonti: ${REGGIO} righe 2293-2330`;
    fake.script([{ tool: 'get_project', args: { code: '2021_PD_8735' } }, { text }]);

    const answer = await engine.ask(QUESTION);

    // the model's words, with the stored file name shown as the document a reader can open
    expect(answer.answer).toBe(text.replace(REGGIO, 'PEG 2021 — Comune di Reggio Emilia'));
    expect(answer.intent).toBe(`llm:${routed.intent}`);
    expect(answer.citations).toContainEqual(expect.objectContaining({ doc: REGGIO, section: '2021_PD_8735' }));
    expect(fake.remaining).toBe(0);
    expect(warnings()).toEqual([]);
  });

  it('offers the tools with their descriptions and the JSON schemas derived from their zod inputs', async () => {
    fake.script([{ text: 'Non ho trovato il progetto.' }]);
    await engine.ask(QUESTION);

    const tools = fake.requests[0]!.body.tools ?? [];
    expect(tools.map((t) => t.function.name)).toEqual(
      expect.arrayContaining([
        'route_question',
        'get_project',
        'get_objective',
        'get_person',
        'find_deadlines',
        'search_passages',
      ]),
    );
    for (const t of tools) {
      expect(t.type).toBe('function');
      expect(t.function.description?.length).toBeGreaterThan(10);
      expect(t.function.parameters.type).toBe('object');
    }
    const getProject = tools.find((t) => t.function.name === 'get_project')!;
    expect(getProject.function.description).toContain('budget');
    expect(getProject.function.parameters.properties).toEqual(z.toJSONSchema(GetProjectInput).properties);
  });

  it('offers the plan query with the same zod schema and describes every field of every target', async () => {
    fake.script([{ text: 'Non ho trovato il progetto.' }]);
    await engine.ask(QUESTION);

    const planQuery = (fake.requests[0]!.body.tools ?? []).find((t) => t.function.name === 'plan_query')!;
    expect(Object.keys(planQuery.function.parameters.properties ?? {})).toEqual(
      Object.keys(z.toJSONSchema(PlanQuerySchema, { io: 'input' }).properties ?? {}),
    );
    expect(planQuery.function.description).toContain('budget (budget from the summary table');
    expect(planQuery.function.description).toContain('staff_allocation:');
  });

  it('accepts a ranking the model reads from the plan query, citing the record', async () => {
    const text = 'Il progetto con il budget più alto è 2021_PD_8716, con 4.545.933,00.';
    fake.script([
      { tool: 'plan_query', args: { target: 'project', sort: { field: 'budget', dir: 'desc' }, limit: 1 } },
      { text },
    ]);

    const answer = await engine.ask('quale progetto ha il budget più alto?');

    expect(answer.answer).toBe(text);
    expect(answer.citations).toContainEqual(expect.objectContaining({ doc: REGGIO, section: '2021_PD_8716' }));
    expect(warnings()).toEqual([]);
  });

  it('accepts a computed sum only in the Italian form the plan query returned', async () => {
    const text = 'La somma calcolata dei budget di 2021_PD_8735 e 2021_PD_8728 è 2.940.000,00.';
    fake.script([
      {
        tool: 'plan_query',
        args: {
          target: 'project',
          filters: [{ field: 'code', op: 'in', values: ['2021_PD_8735', '2021_PD_8728'] }],
          aggregate: { op: 'sum', field: 'budget' },
        },
      },
      { text },
    ]);

    const answer = await engine.ask('somma dei budget di 2021_PD_8735 e 2021_PD_8728');

    expect(answer.answer).toBe(text);
    expect(warnings()).toEqual([]);
  });

  it('sends each tool result back as a role "tool" message answering the call it belongs to', async () => {
    fake.script([{ tool: 'get_project', args: { code: '8735' } }, { text: 'Il budget è 1.920.000,00.' }]);
    await engine.ask(QUESTION);

    const [first, second] = fake.requests;
    expect(first!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messageText(first!.body.messages[1]!)).toBe(QUESTION);
    const assistant = second!.body.messages.find((m) => m.role === 'assistant')!;
    const call = assistant.tool_calls![0]!;
    expect(call.function.name).toBe('get_project');
    const toolMessage = second!.body.messages.find((m) => m.role === 'tool')!;
    expect(toolMessage.tool_call_id).toBe(call.id);
    expect(messageText(toolMessage)).toContain('"code":"2021_PD_8735"');
    expect(messageText(toolMessage)).toContain('1.920.000,00');
    expect(messageText(toolMessage)).toContain(`${REGGIO} lines 2293-2330`);
  });

  it("rejects a hallucinated figure with the grounding check and returns the router's answer, logging why", async () => {
    fake.script([
      { tool: 'get_project', args: { code: '2021_PD_8735' } },
      { text: 'Il budget del progetto 2021_PD_8735 è 2.500.000,00.' },
    ]);

    const answer = await engine.ask(QUESTION);

    expect(answer).toEqual(routed);
    expect(answer.answer).toContain('1.920.000,00');
    expect(answer.answer).not.toContain('2.500.000,00');
    expect(warnings()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('grounding'), missing: ['2.500.000,00'] }),
    ]);
  });

  it('rejects a figure the model states without calling any tool', async () => {
    fake.script([{ text: 'Il budget è 1.920.000,00.' }]);
    expect(await engine.ask(QUESTION)).toEqual(routed);
    expect(warnings()).toEqual([expect.objectContaining({ missing: ['1.920.000,00'] })]);
  });

  it("falls back to the router's answer when the endpoint fails with 500, and logs a warning", async () => {
    fake.script([{ status: 500 }]);

    const answer = await engine.ask(QUESTION);

    expect(answer).toEqual(routed);
    expect(fake.requests).toHaveLength(1); // no retries: the user is waiting
    expect(warnings()).toEqual([
      expect.objectContaining({ code: 'LLM_UNAVAILABLE', error: expect.stringContaining('500') }),
    ]);
  });

  it("falls back to the router's answer when the endpoint hangs: the engine's timeout gives up on it", async () => {
    fake.script([{ delayMs: 1 }]);

    const answer = await engine.ask(QUESTION);

    expect(answer).toEqual(routed);
    // the endpoint never replied: the engine closed the request itself, once, without retrying
    await expect.poll(() => fake.abandoned).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LLM_UNAVAILABLE' })]);
  });

  it("falls back to the router's answer when the model replies with an empty message", async () => {
    fake.script([{ text: '' }]);
    expect(await engine.ask(QUESTION)).toEqual(routed);
    expect(warnings()).toEqual([expect.objectContaining({ code: 'LLM_UNAVAILABLE' })]);
  });

  it('sends a system prompt rendered from prompts/system.md, with no placeholder left', async () => {
    fake.script([{ text: 'Non ho trovato il progetto.' }]);
    await engine.ask(QUESTION);

    const system = fake.requests[0]!.body.messages[0]!;
    expect(system.role).toBe('system');
    const text = messageText(system);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('}}');
    let from = 0;
    for (const part of SYSTEM_TEMPLATE.split(/\{\{\s*\w+\s*\}\}/)) {
      const at = text.indexOf(part, from);
      expect(at, `template text missing or out of order: ${part.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
    expect(text).toContain(`Today is ${TODAY}.`);
    expect(text).toContain(`- ${REGGIO}: Comune di Reggio Emilia`);
    expect(text).toContain('(Italian)');
  });

  it('passes earlier turns to the model, leaving out a question over the length cap', async () => {
    fake.script([{ text: 'Non ho trovato il progetto.' }]);
    const overLong = `budget ${'1-'.repeat(MAX_QUESTION_CHARS)}`;
    await engine.ask(QUESTION, {
      history: [{ question: overLong }, { question: 'obiettivi del servizio sociale', answer: routed }],
    });

    const sent = fake.requests[0]!.body.messages.map((m) => messageText(m));
    expect(sent).toContain('obiettivi del servizio sociale');
    expect(sent).toContain(routed.answer);
    expect(sent.some((m) => m.length > MAX_QUESTION_CHARS && m.startsWith('budget 1-'))).toBe(false);
  });

  it('tells the model to answer in English when the question is in English', async () => {
    const text = 'The budget of project 2021_PD_8735 is 1.920.000,00 (€1,920,000.00).';
    fake.script([{ tool: 'get_project', args: { code: '2021_PD_8735' } }, { text }]);

    const answer = await engine.ask('What is the budget of project 2021_PD_8735?');

    expect(messageText(fake.requests[0]!.body.messages[0]!)).toContain('(English)');
    expect(answer.answer).toBe(text);
    expect(answer.lang).toBe('en');
  });

  it('keeps staff allocations out of the tool results for the public help desk', async () => {
    const script = () =>
      fake.script([{ tool: 'get_project', args: { code: '2021_PD_8501' } }, { text: 'Non ho trovato il personale.' }]);
    const toolResult = () => messageText(fake.requests[1]!.body.messages.find((m) => m.role === 'tool')!);

    script();
    await engine.ask('chi lavora al progetto 2021_PD_8501?', { audience: 'staff' });
    expect(toolResult()).toContain('Picardi Esmeralda');

    script();
    await engine.ask('chi lavora al progetto 2021_PD_8501?', { audience: 'public' });
    expect(toolResult()).toContain('2021_PD_8501');
    expect(toolResult()).not.toContain('Picardi Esmeralda');
  });

  it('names to the model only the plans the public may see', async () => {
    fake.script([{ text: 'Non ho trovato il progetto.' }]);
    await helpDesk.ask(QUESTION, { audience: 'public' });
    const text = messageText(fake.requests[0]!.body.messages[0]!);
    expect(text).toContain(`- ${REGGIO}:`);
    expect(text).not.toContain('000_dd772a8f217c4819.txt');
  });
});
