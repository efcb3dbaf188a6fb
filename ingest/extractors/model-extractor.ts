/**
 * Optional extraction by a language model, for a document the deterministic extractors understood little of.
 * The model fills a slice of the plan model (objectives with owners, structure, indicators) citing the lines each
 * objective is written on; only values found verbatim in those lines are kept, so the model can find what the
 * layout hid but never invent. Without a configured model this module is never loaded.
 */
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { renderPrompt } from '../../src/answer/render-prompt.ts';
import type { Config } from '../../src/config.ts';
import { parseFigure, parseTarget } from '../../src/plan/figures.ts';
import { type ExtractedPlan, type Indicator, type Objective, ObjectiveSchema } from '../../src/plan/model.ts';
import { splitTitle } from '../../src/plan/names.ts';
import { fold, squash } from '../../src/plan/text.ts';
import { type SourceDocument, spanOf } from '../loaders/source-document.ts';
import { understandingOf } from './understanding.ts';

/** What the model is asked to fill: the plan model's objective fields, with the lines it read them from. */
export const ModelObjectiveSchema = ObjectiveSchema.pick({ code: true, title: true, owners: true, structure: true })
  .partial({ code: true })
  .extend({
    indicators: z
      .array(z.object({ description: z.string(), target: z.string().optional(), weight: z.string().optional() }))
      .describe('indicators with their expected value (target) and weight, as written'),
    lineStart: z.number().int().positive().describe('first line (as numbered) where the objective is written'),
    lineEnd: z.number().int().positive().describe('last line where its values are written'),
  });
export const ModelPlanSchema = z.object({
  objectives: z.array(ModelObjectiveSchema).describe('every objective the lines state, in order'),
});
export type ModelPlan = z.infer<typeof ModelPlanSchema>;

/** Fills a plan from a document's numbered lines; the chat model is injected so tests can use a fake server. */
export interface ModelExtractor {
  refine(doc: SourceDocument, plan: ExtractedPlan): Promise<ExtractedPlan>;
}

/** How many lines one request may carry (the first pages hold most single-service plans). */
const MAX_LINES = 400;

export function createModelExtractor(llm: NonNullable<Config['llm']>): ModelExtractor {
  const model = new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    temperature: 0,
    timeout: llm.timeoutMs,
    maxRetries: 0,
    configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : {},
  });
  const structured = model.withStructuredOutput(ModelPlanSchema, {
    name: 'plan_objectives',
    method: 'functionCalling',
  });
  return {
    async refine(doc, plan) {
      if (!understandingOf(plan).little) return plan;
      const to = Math.min(doc.lines.length, MAX_LINES);
      const prompt = renderPrompt('extract-plan', {
        file: doc.file,
        from: '1',
        to: String(to),
        total: String(doc.lines.length),
        lines: doc.lines
          .slice(0, to)
          .map((l, i) => `${i + 1}: ${l}`)
          .join('\n'),
      });
      try {
        const answer = ModelPlanSchema.parse(await structured.invoke(prompt));
        return mergeVerified(doc, plan, answer);
      } catch (error) {
        return {
          ...plan,
          warnings: [
            ...plan.warnings,
            { doc: doc.file, message: `model extraction failed: ${(error as Error).message}` },
          ],
        };
      }
    },
  };
}

/** Whether `value` is written in the lines (accents, case and spacing aside). */
function writtenIn(lines: string, value: string): boolean {
  const v = fold(squash(value));
  return v.length > 0 && lines.includes(v);
}

/**
 * Keeps of the model's answer only what the cited lines say: an objective whose title is not in its lines is
 * dropped, and so is any owner, structure, code, indicator, target or weight not written there.
 */
export function mergeVerified(doc: SourceDocument, plan: ExtractedPlan, answer: ModelPlan): ExtractedPlan {
  const stem = doc.file.replace(/\.[^.]+$/, '');
  const objectives: Objective[] = [...plan.objectives];
  const codes = new Set(objectives.map((o) => o.code));
  let dropped = 0;
  for (const m of answer.objectives) {
    const from = Math.max(1, Math.min(m.lineStart, m.lineEnd));
    const to = Math.min(doc.lines.length, Math.max(m.lineStart, m.lineEnd));
    if (from > doc.lines.length) {
      dropped++;
      continue;
    }
    const text = fold(squash(doc.lines.slice(from - 1, to).join(' ')));
    if (!writtenIn(text, m.title)) {
      dropped++;
      continue;
    }
    const span = spanOf(doc, from - 1, to - 1);
    const code = m.code && writtenIn(text, m.code) ? m.code : undefined;
    const owners = m.owners.map((o) => splitTitle(o).name).filter((o) => writtenIn(text, o));
    const indicators: Indicator[] = m.indicators
      .filter((i) => writtenIn(text, i.description))
      .map((i) => {
        const ind: Indicator = { description: i.description, span };
        if (i.target && writtenIn(text, i.target)) ind.target = parseTarget(i.target);
        if (i.weight && writtenIn(text, i.weight)) ind.weight = parseFigure(i.weight);
        return ind;
      });
    const finalCode = code ?? `${stem}#${objectives.length + 1}`;
    if (codes.has(finalCode)) continue;
    codes.add(finalCode);
    const o: Objective = { doc: doc.file, code: finalCode, title: m.title, owners, phases: [], indicators, span };
    if (!code) o.codeAssigned = true;
    if (m.structure && writtenIn(text, m.structure)) o.structure = m.structure;
    objectives.push(o);
  }
  const warnings = [...plan.warnings];
  warnings.push({
    doc: doc.file,
    message: `model extraction: ${objectives.length - plan.objectives.length} objectives kept, ${dropped} dropped (not found in the lines cited)`,
  });
  return { ...plan, objectives, warnings };
}
