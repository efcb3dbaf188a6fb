/**
 * Extraction by a language model, for a document the deterministic extractors understood little of, against the
 * local fake OpenAI server: only values written in the lines the model cites are kept; a document that was
 * understood is never sent; `npm run ingest` with a model configured reports what the model added.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { genericExtractor } from '../../../ingest/extractors/generic.ts';
import { createModelExtractor } from '../../../ingest/extractors/model-extractor.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import { ExtractedPlanSchema } from '../../../src/plan/model.ts';
import { runCli } from '../../cli/support/run-cli.ts';
import { FakeOpenAiServer, messageText } from '../../fakes/fake-openai-server.ts';
import { LAYOUTS_DIR } from '../support/layout-score.ts';

const PROSE = `Comune di Poggio Finto
Relazione programmatica 2031

Nel 2031 l'ufficio anagrafe, guidato da Carla Menni, curerà la digitalizzazione dei registri storici (4.000 atti).
Il servizio manutenzioni seguirà il rifacimento della piazza del mercato.
`;

/** The model's answer: one objective as written, one with an invented owner, one the text never states. */
const ANSWER = {
  objectives: [
    {
      title: 'digitalizzazione dei registri storici',
      owners: ['Dott.ssa Carla Menni'],
      structure: 'ufficio anagrafe',
      indicators: [
        { description: 'registri storici', target: '4.000 atti' },
        { description: 'atti digitalizzati', target: '4.000' },
      ],
      lineStart: 4,
      lineEnd: 4,
    },
    {
      title: 'rifacimento della piazza del mercato',
      owners: ['Mario Rossi'],
      indicators: [],
      lineStart: 5,
      lineEnd: 5,
    },
    { code: 'X-1', title: 'nuovo stadio comunale', owners: ['Carla Menni'], indicators: [], lineStart: 4, lineEnd: 5 },
  ],
};

let fake: FakeOpenAiServer;
let dir: string;
const llm = () => ({ apiKey: 'test', baseUrl: fake.url, model: 'fake-model', timeoutMs: 10_000 });

beforeAll(async () => {
  fake = await FakeOpenAiServer.start();
  dir = await mkdtemp(join(tmpdir(), 'model-extractor-'));
  await writeFile(join(dir, 'relazione.txt'), PROSE);
});

afterAll(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => fake.script([]));

describe('model extraction', () => {
  it('keeps only the objectives and values written in the lines the model cites', async () => {
    fake.script([{ tool: 'plan_objectives', args: ANSWER }]);
    const doc = await loadDocument(join(dir, 'relazione.txt'));
    const plan = await createModelExtractor(llm()).refine(doc, genericExtractor.extract(doc));
    expect(() => ExtractedPlanSchema.parse(plan)).not.toThrow();
    expect(
      plan.objectives.map((o) => [o.code, o.codeAssigned, o.title, o.owners, o.structure, o.span.lineStart]),
    ).toEqual([
      ['relazione#1', true, 'digitalizzazione dei registri storici', ['Carla Menni'], 'ufficio anagrafe', 4],
      ['relazione#2', true, 'rifacimento della piazza del mercato', [], undefined, 5],
    ]);
    expect(plan.objectives[0]?.indicators.map((i) => [i.description, i.target?.text])).toEqual([
      ['registri storici', '4.000 atti'],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain(
      'model extraction: 2 objectives kept, 1 dropped (not found in the lines cited)',
    );
  });

  it('sends the numbered lines with the extraction prompt and the plan model as the function to fill', async () => {
    fake.script([{ tool: 'plan_objectives', args: { objectives: [] } }]);
    const doc = await loadDocument(join(dir, 'relazione.txt'));
    await createModelExtractor(llm()).refine(doc, genericExtractor.extract(doc));
    const body = fake.requests[0]!.body;
    expect(messageText(body.messages.at(-1)!)).toContain('5: Il servizio manutenzioni seguirà');
    expect(body.tools?.[0]?.function.name).toBe('plan_objectives');
  });

  it('never sends a document the extractors understood', async () => {
    const doc = await loadDocument(join(LAYOUTS_DIR, 'a-1.txt'));
    const plan = genericExtractor.extract(doc);
    expect(await createModelExtractor(llm()).refine(doc, plan)).toBe(plan);
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the deterministic plan, with a warning, when the model fails', async () => {
    fake.script([{ status: 500 }]);
    const doc = await loadDocument(join(dir, 'relazione.txt'));
    const plan = await createModelExtractor(llm()).refine(doc, genericExtractor.extract(doc));
    expect(plan.objectives).toEqual([]);
    expect(plan.warnings.at(-1)?.message).toMatch(/^model extraction failed/);
  });
});

describe('npm run ingest with a model configured', () => {
  it('reports the objectives the model found in a document read poorly, and sends the others to no model', async () => {
    const root = await mkdtemp(join(tmpdir(), 'model-ingest-'));
    try {
      const plans = join(root, 'plans');
      await mkdir(plans);
      await writeFile(join(plans, 'relazione.txt'), PROSE);
      await copyFile(join(LAYOUTS_DIR, 'a-1.txt'), join(plans, 'a-1.txt'));
      fake.script([{ tool: 'plan_objectives', args: ANSWER }]);
      const run = await runCli('ingest/run-ingest.ts', [], {
        PLANS_DIR: plans,
        INDEX_DIR: join(root, 'index'),
        DATA_DIR: root,
        OPENAI_MODEL: 'fake-model',
        OPENAI_BASE_URL: fake.url,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /relazione\.txt[^\n]*\n[^\n]*\n {2}understood: 1 objectives with owner or structure, 1 without/,
      );
      expect(fake.requests).toHaveLength(1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
