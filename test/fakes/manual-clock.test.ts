import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';

describe('ManualClock', () => {
  it('fires a timer only once time has been advanced past it, earliest first', () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('late'), 200);
    clock.setTimeout(() => fired.push('early'), 100);
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(150);
    expect(fired).toEqual(['early', 'late']);
    expect(clock.pending).toBe(0);
  });

  it('never fires a cancelled timer', () => {
    const clock = new ManualClock();
    let fired = false;
    const cancel = clock.setTimeout(() => {
      fired = true;
    }, 10);
    cancel();
    clock.advance(1_000);
    expect(fired).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('tells a waiting test when a timer has started', async () => {
    const clock = new ManualClock();
    const started = clock.whenPending(2);
    clock.setTimeout(() => {}, 5);
    clock.setTimeout(() => {}, 5);
    await started;
    expect(clock.pending).toBe(2);
  });
});
