import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DedupeOptions {
  /** JSON-lines file that keeps the claimed keys across restarts (in DATA_DIR); memory only when absent */
  file?: string;
  /** a key older than this is forgotten: Slack retries within minutes, so an hour is plenty */
  ttlMs?: number;
  now?: () => number;
}

/** Claims of Slack deliveries: in memory (or a file) for one process, in PostgreSQL when replicas share the work. */
export interface DeliveryClaims {
  claim(keys: readonly (string | undefined)[]): boolean | Promise<boolean>;
}

/**
 * Remembers which Slack deliveries were already handled, so a retried event (X-Slack-Retry-Num) or the same message
 * arriving as both `app_mention` and `message` is answered once — also when the retry reaches a restarted process,
 * because the keys are appended to a file and read back at start. Bounded in count (oldest forgotten first) and in
 * age (expired keys are dropped), and the file is compacted once it holds twice the capacity.
 */
export class Dedupe implements DeliveryClaims {
  /** key → when it was claimed (ms) */
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private linesInFile = 0;

  constructor(
    private readonly capacity = 5_000,
    private readonly options: DedupeOptions = {},
  ) {
    if (capacity < 1) throw new RangeError('Dedupe capacity must be at least 1');
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.now = options.now ?? Date.now;
    if (options.file && existsSync(options.file)) this.load(options.file);
  }

  /**
   * Claims a delivery identified by any of `keys` (event_id, client_msg_id, channel+ts). Returns false when one of
   * them was claimed before; otherwise records them all and returns true. Empty keys are ignored.
   */
  claim(keys: readonly (string | undefined)[]): boolean {
    const now = this.now();
    const present = keys.filter((k): k is string => Boolean(k));
    if (present.some((k) => this.isFresh(k, now))) return false;
    for (const k of present) {
      this.seen.delete(k);
      this.seen.set(k, now);
    }
    this.forgetOldest();
    if (this.options.file && present.length) this.persist(this.options.file, present, now);
    return true;
  }

  private isFresh(key: string, now: number): boolean {
    const at = this.seen.get(key);
    return at !== undefined && now - at < this.ttlMs;
  }

  private forgetOldest(): void {
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
  }

  private load(file: string): void {
    const now = this.now();
    const lines = readFileSync(file, 'utf8').split('\n');
    // only the newest keys can matter; a file grown by another version is still read in bounded time
    for (const line of lines.slice(-this.capacity * 2)) {
      const entry = parseLine(line);
      if (entry && now - entry.at < this.ttlMs) this.seen.set(entry.key, entry.at);
    }
    this.forgetOldest();
    this.linesInFile = lines.length;
  }

  private persist(file: string, keys: string[], at: number): void {
    mkdirSync(dirname(file), { recursive: true });
    if (this.linesInFile + keys.length > this.capacity * 2) {
      const kept = [...this.seen].filter(([, t]) => at - t < this.ttlMs);
      writeFileSync(`${file}.tmp`, kept.map(([key, t]) => `${JSON.stringify({ key, at: t })}\n`).join(''));
      renameSync(`${file}.tmp`, file);
      this.linesInFile = kept.length;
      return;
    }
    appendFileSync(file, keys.map((key) => `${JSON.stringify({ key, at })}\n`).join(''));
    this.linesInFile += keys.length;
  }
}

function parseLine(line: string): { key: string; at: number } | null {
  if (!line.trim()) return null;
  try {
    const v = JSON.parse(line) as { key?: unknown; at?: unknown };
    return typeof v.key === 'string' && typeof v.at === 'number' ? { key: v.key, at: v.at } : null;
  } catch {
    return null;
  }
}
