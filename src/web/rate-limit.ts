/**
 * A fixed-window counter per key (client id, address): at most `limit` hits per `windowMs`. The clock is injected so
 * tests step time instead of waiting; the number of keys is bounded (oldest windows forgotten first) so a flood of
 * made-up keys cannot grow memory.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(private readonly options: { limit: number; windowMs: number; now: () => number; maxKeys?: number }) {
    if (options.limit < 1 || options.windowMs <= 0) throw new RangeError('RateLimit needs limit ≥ 1 and windowMs > 0');
  }

  /** Counts a hit for every key; false (and nothing counted) when one of them is over its limit. */
  take(keys: readonly string[]): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.options.now();
    const current = keys.map((key) => {
      const w = this.windows.get(key);
      return { key, w: w && now - w.start < this.options.windowMs ? w : { start: now, hits: 0 } };
    });
    const full = current.find(({ w }) => w.hits >= this.options.limit);
    if (full) return { ok: false, retryAfterMs: full.w.start + this.options.windowMs - now };
    for (const { key, w } of current) {
      w.hits++;
      this.windows.delete(key);
      this.windows.set(key, w);
    }
    const maxKeys = this.options.maxKeys ?? 10_000;
    while (this.windows.size > maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
    return { ok: true };
  }
}
