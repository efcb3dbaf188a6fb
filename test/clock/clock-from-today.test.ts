/** `TODAY=…` keeps its calendar day in the configured time zone at every hour of the real day. */
import { describe, expect, it } from 'vitest';
import { clockFromToday, isoDay, manualClock } from '../../src/clock.ts';

describe('a clock set to a day', () => {
  it.each([
    '2026-12-02T00:30:00Z',
    '2026-12-02T12:00:00Z',
    '2026-12-02T22:15:00Z',
    '2026-12-02T23:59:00Z',
    '2026-07-01T22:30:00Z',
  ])('keeps that day in Rome and in UTC when the real time is %s', (real) => {
    const base = manualClock(new Date(real));
    // a spring day (summer time in Rome) asked in winter, and a winter day asked in summer
    for (const day of ['2020-05-15', '2020-01-15']) {
      expect(isoDay(clockFromToday(day, base, 'Europe/Rome').now(), 'Europe/Rome')).toBe(day);
      expect(isoDay(clockFromToday(day, base).now(), 'UTC')).toBe(day);
    }
  });

  it('lets the time of day run on', () => {
    const base = manualClock(new Date('2026-12-02T10:00:00Z'));
    const clock = clockFromToday('2020-05-15', base, 'Europe/Rome');
    const before = clock.now().getTime();
    base.advance(60_000);
    expect(clock.now().getTime() - before).toBe(60_000);
  });
});
