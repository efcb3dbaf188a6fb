import { z } from 'zod';
import { AnswerSchema } from '../answer/answer.ts';
import { MAX_QUESTION_CHARS } from '../answer/question-limits.ts';

/**
 * One earlier turn sent back by the page so a follow-up ("e i suoi indicatori?") can refer to it. A malformed answer
 * is dropped rather than refused: history only helps, it must never make a question fail.
 */
const HistoryTurnSchema = z.object({
  question: z.string().max(MAX_QUESTION_CHARS),
  answer: AnswerSchema.optional().catch(undefined),
});

export const AskRequestSchema = z.object({
  q: z
    .string({ error: (i) => (i.input === undefined ? '"q" is required' : '"q" must be a string') })
    .trim()
    .min(1, '"q" must not be empty')
    .max(MAX_QUESTION_CHARS, `"q" must be at most ${MAX_QUESTION_CHARS} characters`),
  /** can only lower the audience the server grants (a staff member trying the public view), never raise it */
  audience: z.enum(['staff', 'public'], { error: '"audience" must be "staff" or "public"' }).optional(),
  history: z.array(HistoryTurnSchema).max(20, '"history" may hold at most 20 turns').default([]),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;

export const FeedbackRequestSchema = z.object({
  answerId: z.string().trim().min(1, '"answerId" is required').max(120),
  vote: z.enum(['up', 'down'], { error: '"vote" must be "up" or "down"' }),
  question: z.string().max(MAX_QUESTION_CHARS).default(''),
  answer: z.string().max(8000).default(''),
  clientId: z.string().trim().min(1, '"clientId" is required').max(100),
  // no channel: the server recorded it in the signed answer id when it gave the answer
});
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** zod issues as short sentences a person calling the API can act on */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) =>
    i.message.startsWith('"') ? i.message : `${i.path.join('.') || 'body'}: ${i.message}`,
  );
}
