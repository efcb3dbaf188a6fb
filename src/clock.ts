/**
 * The one source of "now". Everything that depends on the date (digests, "prossima scadenza", the weekly DM
 * schedule) takes a Clock, so tests and demos can run on the sample plans' years.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const DAY_MS = 86_400_000;

/**
 * A clock whose calendar day in `timeZone` is `today` (YYYY-MM-DD) while the time of day keeps running: `TODAY=…` for
 * demos. The day is moved in the zone the answers read it in: read in UTC, late evening in Rome would already be the
 * next day.
 */
export function clockFromToday(today: string, base: Clock = systemClock, timeZone = 'UTC'): Clock {
  const now = base.now();
  let offset = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${isoDay(now, timeZone)}T00:00:00Z`);
  // the zone's offset differs between the two dates (summer time): the day lands one off, and is moved back
  const landed = isoDay(new Date(now.getTime() + offset), timeZone);
  if (landed !== today) offset += Date.parse(`${today}T00:00:00Z`) - Date.parse(`${landed}T00:00:00Z`);
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock that stays where a test puts it. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d) => {
      current = d.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function isoDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The ISO weekday (1 = Monday … 7 = Sunday) and hour of an instant in a time zone. */
export function weekdayAndHour(instant: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const day = parts.find((p) => p.type === 'weekday')?.value ?? 'Mon';
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1, hour };
}

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDay(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text
  );
}
