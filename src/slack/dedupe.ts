/**
 * Remembers which Slack deliveries were already handled, so a retried event (X-Slack-Retry-Num) or the same message
 * arriving as both `app_mention` and `message` is answered once. Bounded: the oldest keys are forgotten first.
 */
/** Claims of Slack deliveries: in memory for one process, in PostgreSQL when replicas share the work. */
export interface DeliveryClaims {
  claim(keys: readonly (string | undefined)[]): boolean | Promise<boolean>;
}

export class Dedupe implements DeliveryClaims {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 5_000) {
    if (capacity < 1) throw new RangeError('Dedupe capacity must be at least 1');
  }

  /**
   * Claims a delivery identified by any of `keys` (event_id, client_msg_id, channel+ts). Returns false when one of
   * them was claimed before; otherwise records them all and returns true. Empty keys are ignored.
   */
  claim(keys: readonly (string | undefined)[]): boolean {
    const present = keys.filter((k): k is string => Boolean(k));
    if (present.some((k) => this.seen.has(k))) return false;
    for (const k of present) this.seen.add(k);
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }
}
