import type { Answer } from '../answer/answer.ts';

export interface PostedAnswer {
  question: string;
  answer: Answer;
}

export interface PostedAnswers {
  remember(id: string, posted: PostedAnswer): void | Promise<void>;
  get(id: string): PostedAnswer | undefined | Promise<PostedAnswer | undefined>;
}

/**
 * Recent answers by id, so a 👍/👎 vote can store the exact question and answer and "Condividi" can repost an
 * ephemeral answer. In memory and bounded; buttons also carry the question, so a restart degrades gracefully.
 */
export class AnswerStore implements PostedAnswers {
  private readonly answers = new Map<string, PostedAnswer>();

  constructor(private readonly capacity = 1_000) {}

  remember(id: string, posted: PostedAnswer): void {
    this.answers.delete(id);
    this.answers.set(id, posted);
    while (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.answers.delete(oldest);
    }
  }

  get(id: string): PostedAnswer | undefined {
    return this.answers.get(id);
  }
}
