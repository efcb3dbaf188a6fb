import type { Answer } from '../answer/answer.ts';

export interface Turn {
  question: string;
  answer?: Answer;
}

/** What the listeners need of thread memory; PostgreSQL keeps it when several replicas answer one workspace. */
export interface ThreadHistory {
  has(channel: string, threadTs: string): boolean | Promise<boolean>;
  history(channel: string, threadTs: string): Turn[] | Promise<Turn[]>;
  remember(channel: string, threadTs: string, turn: Turn): void | Promise<void>;
}

/**
 * The questions and answers of each Slack thread pianobot has answered, oldest first, so follow-ups in the thread
 * ("e i suoi indicatori?") can be resolved without re-tagging. In memory and bounded on both axes: the least
 * recently used threads are forgotten first, and each thread keeps only its latest turns.
 */
export class ThreadMemory implements ThreadHistory {
  private readonly threads = new Map<string, Turn[]>();

  constructor(private readonly options: { maxThreads?: number; maxTurns?: number } = {}) {}

  /** true when pianobot has answered in this thread (and still remembers it) */
  has(channel: string, threadTs: string): boolean {
    return this.threads.has(key(channel, threadTs));
  }

  history(channel: string, threadTs: string): Turn[] {
    return [...(this.threads.get(key(channel, threadTs)) ?? [])];
  }

  remember(channel: string, threadTs: string, turn: Turn): void {
    const k = key(channel, threadTs);
    const turns = this.threads.get(k) ?? [];
    this.threads.delete(k); // re-insert so Map order tracks recency
    turns.push(turn);
    const maxTurns = this.options.maxTurns ?? 10;
    this.threads.set(k, turns.slice(-maxTurns));
    const maxThreads = this.options.maxThreads ?? 2_000;
    while (this.threads.size > maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }
}

const key = (channel: string, threadTs: string) => `${channel}\u0000${threadTs}`;
