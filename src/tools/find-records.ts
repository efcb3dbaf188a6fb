import { z } from 'zod';
import { TextMatcher } from '../answer/text-match.ts';
import type { Indicator, Objective, Phase } from '../plan/model.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const FindRecordsInput = z.object({
  text: z
    .string()
    .min(2)
    .describe('words of an indicator description or a phase title, e.g. "pubblicazione bando case popolari"'),
  limit: z.number().int().positive().max(20).default(5),
});

export type RecordHit =
  | { kind: 'indicator'; indicator: Indicator; objective: Objective; score: number }
  | { kind: 'phase'; phase: Phase; objective: Objective; score: number };

type Entry =
  | { kind: 'indicator'; indicator: Indicator; objective: Objective }
  | { kind: 'phase'; phase: Phase; objective: Objective };
const matchers = new WeakMap<object, TextMatcher<Entry>>();

/** The matcher over every indicator and phase, built once per store (by the warm-up, or by the first question). */
export function recordMatcher(ctx: Pick<ToolContext, 'store'>): TextMatcher<Entry> {
  let m = matchers.get(ctx.store);
  if (!m) {
    const entries: Entry[] = ctx.store.objectives.flatMap((objective) => [
      ...objective.indicators.map((indicator) => ({ kind: 'indicator' as const, indicator, objective })),
      ...objective.phases.map((phase) => ({ kind: 'phase' as const, phase, objective })),
    ]);
    // the objective's title is part of what names an indicator: "incontri di Arte e storia dei paesi di Prato"
    m = new TextMatcher(entries, (e) =>
      e.kind === 'indicator'
        ? `${e.indicator.description} ${e.indicator.formula ?? ''} ${e.indicator.note ?? ''} ${e.objective.title}`
        : `${e.phase.title} ${e.phase.indicator ?? ''} ${e.objective.title}`,
    );
    matchers.set(ctx.store, m);
  }
  return m;
}

/**
 * Indicators and phases whose wording matches, across all plans (for "quanti controlli Cerbero plus…"). Input too
 * short to match anything is an expected outcome (a one-word question whose topic words shrink to nothing): no hits.
 */
export function findRecords(ctx: ToolContext, input: z.input<typeof FindRecordsInput>): RecordHit[] {
  const parsed = FindRecordsInput.safeParse(input);
  if (!parsed.success) return [];
  const q = parsed.data;
  const m = recordMatcher(ctx);
  return m
    .rank(q.text, q.limit * 3)
    .filter((r) => visible(ctx, r.item.objective.doc))
    .slice(0, q.limit)
    .map((r) => ({ ...r.item, score: r.score }));
}
