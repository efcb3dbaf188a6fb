/**
 * The retrieval question set (test/fixtures/retrieval-questions.jsonl): questions written from the plans,
 * each with the line ranges of the passage that answers it and a quote those lines hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SearchHit, SearchIndex } from '../../../src/retrieval/search-index.ts';

export const RetrievalQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  lang: z.enum(['it', 'en']),
  topic: z.string(),
  /** the question is about staff allocations: searched with internal passages included */
  internal: z.boolean().optional(),
  answers: z
    .array(z.object({ doc: z.string(), lines: z.tuple([z.number().int().positive(), z.number().int().positive()]) }))
    .min(1),
  quote: z.string().min(1),
});
export type RetrievalQuestion = z.infer<typeof RetrievalQuestionSchema>;

export const QUESTIONS_FILE = join(import.meta.dirname, '../../fixtures/retrieval-questions.jsonl');

export function loadRetrievalQuestions(file = QUESTIONS_FILE): RetrievalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => RetrievalQuestionSchema.parse(JSON.parse(l)));
}

/** A hit answers when it comes from the right document and its lines overlap an answer range. */
export function answers(hit: SearchHit, q: RetrievalQuestion): boolean {
  return q.answers.some(
    (a) => a.doc === hit.chunk.doc && hit.chunk.lineStart <= a.lines[1] && hit.chunk.lineEnd >= a.lines[0],
  );
}

/** 1-based rank of the first answering hit among the top `k`, or null. */
export async function rankOfAnswer(index: SearchIndex, q: RetrievalQuestion, k = 5): Promise<number | null> {
  const hits = await index.search(q.q, { k, filter: { includeInternal: q.internal ?? false } });
  const i = hits.findIndex((h) => answers(h, q));
  return i < 0 ? null : i + 1;
}
