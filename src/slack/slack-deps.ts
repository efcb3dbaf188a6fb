import { randomBytes } from 'node:crypto';
import type { AnswerEngine } from '../answer/answer.ts';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import type { Logger } from '../logger.ts';
import { AnswerStore, type PostedAnswers } from './answer-store.ts';
import { Dedupe, type DeliveryClaims } from './dedupe.ts';
import { type ThreadHistory, ThreadMemory } from './thread-memory.ts';

/** Everything the listeners share; built once per app so tests can inject ids and inspect memory. */
export interface SlackDeps {
  engine: AnswerEngine;
  feedback: FeedbackLog;
  log: Logger;
  threads: ThreadHistory;
  answers: PostedAnswers;
  dedupe: DeliveryClaims;
  /** id of a posted answer (feedback buttons refer to it) */
  newAnswerId(): string;
  /** short reference shown with an error message and written to the logs */
  newErrorRef(): string;
}

export function createSlackDeps(
  base: Pick<SlackDeps, 'engine' | 'feedback' | 'log'> & Partial<Omit<SlackDeps, 'engine' | 'feedback' | 'log'>>,
): SlackDeps {
  return {
    threads: new ThreadMemory(),
    answers: new AnswerStore(),
    dedupe: new Dedupe(),
    newAnswerId: () => `ans_${randomBytes(6).toString('hex')}`,
    newErrorRef: () => `ERR-${randomBytes(3).toString('hex').toUpperCase()}`,
    ...base,
  };
}
