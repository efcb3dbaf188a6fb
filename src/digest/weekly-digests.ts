import { type Clock, isoDay, weekdayAndHour } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { buildDigest, type Digest, type PersonDigest } from './build-digest.ts';
import type { DigestSubscriptionStore } from './digest-subscriptions.ts';

/** Runs a task every `ms`; injected so tests fire it by hand instead of waiting. */
export interface Scheduler {
  every(ms: number, task: () => Promise<void>): () => void;
}

export const intervalScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(() => void task(), ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface WeeklyDigestDeps {
  /** the plan model serving now */
  store: () => PlanStore;
  subscriptions: DigestSubscriptionStore;
  clock: Clock;
  timeZone: string;
  log: Logger;
  /** delivers one person's digest (a Slack DM); `person` is undefined when nothing falls due */
  send(userId: string, digest: Digest, person: PersonDigest | undefined, name: string): Promise<void>;
}

/**
 * Sends each opted-in user their digest once on their chosen weekday, at or after their chosen hour (so a restart
 * during that hour still sends it, and never twice: the day sent is recorded). Returns the users sent to.
 */
export async function sendDueDigests(deps: WeeklyDigestDeps): Promise<string[]> {
  const now = deps.clock.now();
  const today = isoDay(now, deps.timeZone);
  const { weekday, hour } = weekdayAndHour(now, deps.timeZone);
  const sent: string[] = [];
  for (const [userId, sub] of await deps.subscriptions.all()) {
    if (sub.weekday !== weekday || hour < sub.hour || sub.lastSent === today) continue;
    // claimed before sending: of several replicas on one database exactly one sends; a failed send gives it back
    if (!(await deps.subscriptions.claimSend(userId, today))) continue;
    const digest = buildDigest(deps.store(), { today, days: sub.days, person: sub.person });
    try {
      await deps.send(userId, digest, digest.people[0], sub.person);
      sent.push(userId);
      deps.log.info('digest sent', { user: userId, items: digest.people[0]?.items ?? 0 });
    } catch (err) {
      // given back: the next tick within the day tries again
      await deps.subscriptions.releaseSend(userId, today, sub.lastSent);
      deps.log.error('digest not sent', { user: userId, error: (err as Error).message });
    }
  }
  return sent;
}

/** Checks every few minutes (the schedule has hour granularity); returns the stop function. */
export function startWeeklyDigests(deps: WeeklyDigestDeps, scheduler: Scheduler, everyMs = 5 * 60_000): () => void {
  return scheduler.every(everyMs, async () => {
    await sendDueDigests(deps);
  });
}
