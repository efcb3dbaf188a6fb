import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const FeedbackVoteSchema = z.object({
  at: z.string(),
  channel: z.enum(['slack', 'web', 'helpdesk', 'cli']),
  user: z.string().min(1),
  answerId: z.string().min(1).describe('stable id of the answer being rated'),
  vote: z.enum(['up', 'down']),
  question: z.string(),
  answer: z.string(),
});
export type FeedbackVote = z.infer<typeof FeedbackVoteSchema>;

export interface FeedbackSummary {
  up: number;
  down: number;
  byChannel: Record<string, { up: number; down: number }>;
  latestNegative: FeedbackVote[];
}

/** Where votes go: a JSON-lines file, or PostgreSQL when DATABASE_URL is set (shared by the replicas). */
export interface FeedbackLog {
  /** false when this user already voted on this answer */
  record(vote: Omit<FeedbackVote, 'at'> & { at?: string }): boolean | Promise<boolean>;
  summary(latest?: number): FeedbackSummary | Promise<FeedbackSummary>;
}

/**
 * Append-only JSON-lines file of votes. One vote per user per answer: a later vote by the same user on the same
 * answer is refused (returns false) so a double click cannot count twice.
 */
export class FeedbackStore implements FeedbackLog {
  private readonly seen = new Set<string>();
  private votes: FeedbackVote[] = [];

  constructor(private readonly file: string) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const parsed = FeedbackVoteSchema.safeParse(safeJson(line));
        if (parsed.success) this.remember(parsed.data);
      }
    }
  }

  record(vote: Omit<FeedbackVote, 'at'> & { at?: string }): boolean {
    const full = FeedbackVoteSchema.parse({ ...vote, at: vote.at ?? new Date().toISOString() });
    if (this.seen.has(keyOf(full))) return false;
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    this.remember(full);
    return true;
  }

  summary(latest = 10): FeedbackSummary {
    const byChannel: FeedbackSummary['byChannel'] = {};
    let up = 0;
    let down = 0;
    for (const v of this.votes) {
      byChannel[v.channel] ??= { up: 0, down: 0 };
      byChannel[v.channel]![v.vote]++;
      if (v.vote === 'up') up++;
      else down++;
    }
    const latestNegative = this.votes
      .filter((v) => v.vote === 'down')
      .slice(-latest)
      .reverse();
    return { up, down, byChannel, latestNegative };
  }

  private remember(vote: FeedbackVote): void {
    this.seen.add(keyOf(vote));
    this.votes.push(vote);
  }
}

const keyOf = (v: FeedbackVote) => `${v.channel}\u0000${v.user}\u0000${v.answerId}`;

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
