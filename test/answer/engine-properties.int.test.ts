import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adversarialQuestions } from '../../bench/adversarial-questions.ts';
import { type Answer, type AnswerEngine, AnswerSchema, type Audience } from '../../src/answer/answer.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { MAX_QUESTION_CHARS } from '../../src/answer/question-limits.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { createEmbedderFromConfig } from '../../src/retrieval/embedder-from-config.ts';
import { loadIndex } from '../../src/store/load-index.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { runCli } from '../cli/support/run-cli.ts';
import { PLANS_DIR } from '../support/plan-fixture.ts';
import { type GeneratedQuestion, generatedQuestions, modelVocabulary } from '../support/question-generators.ts';

const SEED = 20_211;
const AUDIENCES: Audience[] = ['staff', 'public'];
/** many inputs through real channels on a shared machine: more room than one ordinary test needs */
const VOLUME = 240_000;
const label = (g: GeneratedQuestion) => `${g.kind}: ${JSON.stringify(g.question.slice(0, 60))} (${g.question.length})`;

/** What every answer must be, whatever was asked: valid, with something to read and a yes/no on "found". */
function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (!AnswerSchema.safeParse(answer).success) problems.push('not a valid Answer');
  if (typeof answer.answer !== 'string' || !answer.answer.trim()) problems.push('empty answer');
  if (typeof answer.found !== 'boolean') problems.push('"found" is not a boolean');
  return problems;
}

/** the answer a follow-up would send back as history, with a focus far longer than any question */
function historyWithFocus(focus: string) {
  const earlier: Answer = { answer: 'x', citations: [], lang: 'it', found: true, intent: 'test', focus: [focus] };
  return [{ question: 'obiettivo', answer: earlier }];
}

/**
 * Property tests over the real engine built on the sample plans: generated questions (words from the loaded model,
 * single characters, random strings up to the length cap, adversarial repeats) never make the engine throw, and each
 * gets a real answer; the same inputs through the HTTP API and the CLI never fail those channels either.
 */
describe('the answer engine on generated questions', () => {
  let dir: string;
  let config: Config;
  let engine: AnswerEngine;
  let model: PlanModel;
  let inputs: GeneratedQuestion[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-properties-'));
    config = loadConfig({ PLANS_DIR, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir, LOG_LEVEL: 'error', PORT: '0' });
    engine = await createEngine(config);
    model = (await loadIndex(config.indexDir, createEmbedderFromConfig(config))).store.model;
    inputs = generatedQuestions(model, SEED);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws its inputs from the loaded model and covers every family, each within the cap', () => {
    const vocabulary = modelVocabulary(model);
    for (const d of model.documents) expect(vocabulary).toContain(d.entity);
    expect(vocabulary).toEqual(expect.arrayContaining(model.people.slice(0, 5).map((p) => p.name)));
    expect(inputs.filter((g) => g.kind === 'model vocabulary').length).toBeGreaterThanOrEqual(100);
    for (const kind of ['single character', 'random string', 'adversarial digit_run'])
      expect(inputs.some((g) => g.kind === kind)).toBe(true);
    expect(Math.max(...inputs.map((g) => g.question.length))).toBe(MAX_QUESTION_CHARS);
    expect(Math.min(...inputs.map((g) => g.question.length))).toBe(1);
    // the same seed, the same inputs: a failure names an input that fails again
    expect(generatedQuestions(model, SEED)).toEqual(inputs);
  });

  it(
    'answers every generated question, for staff and for the public, without throwing',
    async () => {
      const failures: string[] = [];
      for (const g of inputs) {
        for (const audience of AUDIENCES) {
          try {
            const problems = problemsOf(await engine.ask(g.question, { audience }));
            if (problems.length) failures.push(`${audience} ${label(g)}: ${problems.join(', ')}`);
          } catch (error) {
            failures.push(`${audience} ${label(g)}: threw ${(error as Error).message}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    VOLUME,
  );

  it('answers a question one character over the cap with the limit, not with a search', async () => {
    for (const length of [MAX_QUESTION_CHARS + 1, 15_000]) {
      const answer = await engine.ask('a'.repeat(length));
      expect(answer).toMatchObject({ found: false, intent: 'question_too_long', citations: [] });
      expect(answer.answer).toContain('2.000');
      expect(answer.answer).toContain(length === 15_000 ? '15.000' : '2.001');
    }
    const english = await engine.ask(`which objectives ${'x'.repeat(MAX_QUESTION_CHARS)}`);
    expect(english.answer).toMatch(/^The question is too long/);
  });

  it('reads a question exactly at the cap like any other', async () => {
    const [atCap] = adversarialQuestions(MAX_QUESTION_CHARS);
    expect(atCap!.question).toHaveLength(MAX_QUESTION_CHARS);
    expect((await engine.ask(atCap!.question)).intent).not.toBe('question_too_long');
  });

  it('answers a follow-up whose earlier focus is far longer than the cap', async () => {
    for (const focus of ['1'.repeat(15_000), '_a'.repeat(7_500)]) {
      const answer = await engine.ask('e i suoi indicatori?', { history: historyWithFocus(focus) });
      expect(problemsOf(answer)).toEqual([]);
      expect(answer.intent).not.toBe('question_too_long');
    }
  });

  it('appends the earlier focus to a follow-up only while the two stay within the cap', async () => {
    const objective = model.objectives.find((o) => o.indicators.length > 0 && /\d/.test(o.code))!;
    const followUp = 'e i suoi indicatori?';
    const history = historyWithFocus(objective.code);
    const short = await engine.ask(followUp, { history });
    expect(short.focus).toContain(objective.code);

    const padded = followUp.padEnd(MAX_QUESTION_CHARS - objective.code.length, ' ');
    expect(padded.length + 1 + objective.code.length).toBeGreaterThan(MAX_QUESTION_CHARS);
    const atCap = await engine.ask(padded, { history });
    expect(atCap.intent).not.toBe('question_too_long');
    expect(atCap.focus).not.toContain(objective.code);
  });

  describe('through POST /api/ask', () => {
    let server: Awaited<ReturnType<typeof startWebServer>>;

    beforeAll(async () => {
      server = await startWebServer({
        config,
        engine,
        feedback: new FeedbackStore(join(dir, 'feedback', 'votes.jsonl')),
      });
    });

    afterAll(async () => {
      await server?.stop();
    });

    const post = (body: unknown) =>
      fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it(
      'answers every generated question with 200 or a 4xx error, never a 5xx',
      async () => {
        const failures: string[] = [];
        let answered = 0;
        for (const [i, g] of inputs.entries()) {
          // staff and public in turn: the engine test above already asked every input for both
          for (const audience of [AUDIENCES[i % AUDIENCES.length]!]) {
            const res = await post({ q: g.question, audience });
            const body = (await res.json()) as { answer?: string; found?: unknown; error?: { code?: string } };
            if (res.status === 200) {
              answered++;
              if (!body.answer?.trim() || typeof body.found !== 'boolean')
                failures.push(`${audience} ${label(g)}: 200 without an answer`);
            } else if (res.status >= 500 || res.status < 400 || !body.error?.code) {
              failures.push(`${audience} ${label(g)}: HTTP ${res.status} ${JSON.stringify(body)}`);
            }
          }
        }
        expect(failures).toEqual([]);
        // only blank questions may be refused: everything else is a question and gets an answer
        const blank = inputs.filter((g) => !g.question.trim()).length;
        expect(answered).toBe(inputs.length - blank);
      },
      VOLUME,
    );

    it('refuses a question over the cap with 400 and says the limit', async () => {
      const res = await post({ q: 'a'.repeat(MAX_QUESTION_CHARS + 1), audience: 'public' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'BAD_REQUEST', message: `"q" must be at most ${MAX_QUESTION_CHARS} characters` },
      });
    });

    it('answers a follow-up whose history carries a focus longer than the cap', async () => {
      const res = await post({ q: 'e i suoi indicatori?', history: historyWithFocus('1'.repeat(12_000)) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { answer: string }).answer.trim()).not.toBe('');
    });
  });

  describe('through `npm run ask`', () => {
    const ASK = 'src/cli/ask.ts';
    const env = () => ({ PLANS_DIR, INDEX_DIR: config.indexDir, LOG_LEVEL: 'error' });

    it(
      'answers a bulk file of generated questions line by line, none with an error',
      async () => {
        const picked = [
          ...inputs.filter((g) => g.kind === 'model vocabulary').slice(0, 10),
          ...inputs.filter((g) => g.kind.startsWith('adversarial')).slice(0, 8),
          ...inputs.filter((g) => g.kind === 'single character').slice(0, 4),
          { kind: 'over the cap', question: '1-'.repeat(MAX_QUESTION_CHARS) },
        ];
        const file = join(dir, 'questions.jsonl');
        writeFileSync(file, picked.map((g, i) => JSON.stringify({ id: i, q: g.question })).join('\n'));

        const run = await runCli(ASK, ['--jsonl', file], env());

        expect(run.code, run.stderr).toBe(0);
        const rows = run.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { id: number; answer: string; error?: string });
        expect(rows.map((r) => r.id)).toEqual(picked.map((_, i) => i));
        for (const r of rows) {
          expect(r.error, label(picked[r.id]!)).toBeUndefined();
          expect(r.answer.trim(), label(picked[r.id]!)).not.toBe('');
        }
        expect(rows.at(-1)!.answer).toMatch(/^La domanda è troppo lunga/);
      },
      VOLUME,
    );

    it(
      'answers a one-word question and an over-long one given as arguments',
      async () => {
        const oneWord = model.documents[0]!.entity.split(/\s+/).at(-1)!;
        const short = await runCli(ASK, [oneWord], env());
        expect(short.code, short.stderr).toBe(0);
        expect(short.stdout.trim()).not.toBe('');

        const long = await runCli(ASK, ['9'.repeat(MAX_QUESTION_CHARS + 500)], env());
        expect(long.code, long.stderr).toBe(0);
        expect(long.stdout).toMatch(/^La domanda è troppo lunga \(2\.500 caratteri\)/);
      },
      VOLUME,
    );
  });
});
