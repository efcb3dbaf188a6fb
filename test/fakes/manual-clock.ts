/** The timers a fake server waits on: real ones by default, a ManualClock when a test decides when a delay ends. */
export interface FakeClock {
  /** calls `fn` after `ms`; returns the function that cancels it */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const realClock: FakeClock = {
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * A clock that only moves when the test says so: a delay ends on `advance`, never on its own, so a test of "held
 * back until…" or "the client gave up first" does not depend on how busy the machine is.
 */
export class ManualClock implements FakeClock {
  private now = 0;
  private readonly timers = new Set<{ due: number; fn: () => void }>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  setTimeout(fn: () => void, ms: number): () => void {
    const timer = { due: this.now + ms, fn };
    this.timers.add(timer);
    for (const w of this.waiters.filter((x) => this.timers.size >= x.count)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    return () => this.timers.delete(timer);
  }

  /** timers started and neither fired nor cancelled */
  get pending(): number {
    return this.timers.size;
  }

  /** resolves once `count` timers are pending: a request has reached its delay */
  whenPending(count = 1): Promise<void> {
    if (this.timers.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** moves time forward, firing (in due order) every timer that falls due */
  advance(ms: number): void {
    this.now += ms;
    const due = [...this.timers].filter((t) => t.due <= this.now).sort((a, b) => a.due - b.due);
    for (const t of due) {
      this.timers.delete(t);
      t.fn();
    }
  }
}
