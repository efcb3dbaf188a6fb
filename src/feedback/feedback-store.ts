import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
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
  /** whether anyone voted on this answer already (an answer was given to one asker: one vote) */
  hasVoteOn(answerId: string): boolean | Promise<boolean>;
}

export interface FeedbackStoreOptions {
  /** past this size the file is rotated to `<file>.1` (the older rotation is dropped); start-up reads at most this */
  maxBytes?: number;
  /** how many negative votes are kept in memory for the summary */
  keepNegative?: number;
}

export const DEFAULT_FEEDBACK_MAX_BYTES = 5 * 1024 * 1024;
/** how many (voter, answer) keys are kept to refuse a second vote */
const MAX_REMEMBERED = 100_000;

/**
 * Append-only JSON-lines file of votes. One vote per user per answer: a later vote by the same user on the same
 * answer is refused (returns false) so a double click cannot count twice. Bounded: the file is rotated once it passes
 * `maxBytes`, and start-up reads only its last `maxBytes`, so neither the disk nor the start-up time grows without end.
 */
export class FeedbackStore implements FeedbackLog {
  private readonly seen = new Set<string>();
  private readonly answered = new Set<string>();
  private readonly negatives: FeedbackVote[] = [];
  private readonly byChannel: FeedbackSummary['byChannel'] = {};
  private up = 0;
  private down = 0;
  private readonly maxBytes: number;
  private readonly keepNegative: number;
  private bytes = 0;

  constructor(
    private readonly file: string,
    options: FeedbackStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_FEEDBACK_MAX_BYTES;
    this.keepNegative = options.keepNegative ?? 100;
    if (this.maxBytes < 1024) throw new RangeError('FeedbackStore maxBytes must be at least 1 KB');
    if (!existsSync(file)) return;
    const { text, size } = readTail(file, this.maxBytes);
    this.bytes = size;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const parsed = FeedbackVoteSchema.safeParse(safeJson(line));
      if (parsed.success) this.remember(parsed.data);
    }
  }

  record(vote: Omit<FeedbackVote, 'at'> & { at?: string }): boolean {
    const full = FeedbackVoteSchema.parse({ ...vote, at: vote.at ?? new Date().toISOString() });
    if (this.seen.has(keyOf(full))) return false;
    const line = `${JSON.stringify(full)}\n`;
    mkdirSync(dirname(this.file), { recursive: true });
    if (this.bytes + Buffer.byteLength(line) > this.maxBytes && existsSync(this.file)) {
      renameSync(this.file, `${this.file}.1`);
      this.bytes = 0;
    }
    appendFileSync(this.file, line);
    this.bytes += Buffer.byteLength(line);
    this.remember(full);
    return true;
  }

  /** whether any vote on this answer was recorded (an answer is given to one asker, so it gets one vote) */
  hasVoteOn(answerId: string): boolean {
    return this.answered.has(answerId);
  }

  summary(latest = 10): FeedbackSummary {
    return {
      up: this.up,
      down: this.down,
      byChannel: structuredClone(this.byChannel),
      latestNegative: this.negatives.slice(-latest).reverse(),
    };
  }

  private remember(vote: FeedbackVote): void {
    this.seen.add(keyOf(vote));
    this.answered.add(vote.answerId);
    // memory stays bounded in a long-running process too: the oldest keys go first (a vote that old is not re-sent)
    for (const keys of [this.seen, this.answered]) {
      while (keys.size > MAX_REMEMBERED) {
        const oldest = keys.values().next().value;
        if (oldest === undefined) break;
        keys.delete(oldest);
      }
    }
    this.byChannel[vote.channel] ??= { up: 0, down: 0 };
    this.byChannel[vote.channel]![vote.vote]++;
    if (vote.vote === 'up') this.up++;
    else {
      this.down++;
      this.negatives.push(vote);
      if (this.negatives.length > this.keepNegative) this.negatives.shift();
    }
  }
}

const keyOf = (v: FeedbackVote) => `${v.channel}\u0000${v.user}\u0000${v.answerId}`;

/** The last `maxBytes` of the file, starting at a whole line. */
function readTail(file: string, maxBytes: number): { text: string; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    let text = buffer.toString('utf8');
    if (length < size) text = text.slice(text.indexOf('\n') + 1);
    return { text, size };
  } finally {
    closeSync(fd);
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
