import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../storage/json-file.ts';

export const DigestSubscriptionSchema = z.object({
  person: z.string().min(1).describe("the plans' name of the person whose items are sent"),
  weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
  hour: z.number().int().min(0).max(23),
  days: z.number().int().min(1).max(366).describe('how many days ahead each digest looks'),
  /** the local day of the last digest sent, so a restart within the hour does not send it twice */
  lastSent: z.string().optional(),
});
export type DigestSubscription = z.infer<typeof DigestSubscriptionSchema>;

const SubscriptionsSchema = z.record(z.string().min(1), DigestSubscriptionSchema);

/**
 * Who opted in to the weekly digest: a file in DATA_DIR, or PostgreSQL when that store is on (so the opt-in made on
 * one replica holds everywhere, and of several replicas checking the schedule only one sends each digest).
 */
export interface DigestSubscriptionStore {
  all(): Promise<[string, DigestSubscription][]>;
  get(userId: string): Promise<DigestSubscription | undefined>;
  subscribe(userId: string, sub: Omit<DigestSubscription, 'lastSent'>): Promise<void>;
  unsubscribe(userId: string): Promise<void>;
  /** Records `day` as sent unless it already is; true for the one caller that recorded it (and must send). */
  claimSend(userId: string, day: string): Promise<boolean>;
  /** gives a claimed day back after a failed send (to `previous`, the day sent before), so a later tick retries */
  releaseSend(userId: string, day: string, previous: string | undefined): Promise<void>;
}

/** `DATA_DIR/digest/subscriptions.json`: Slack user id → their weekly digest. Only people who opted in are here. */
export class DigestSubscriptions implements DigestSubscriptionStore {
  private readonly file: JsonFile<typeof SubscriptionsSchema>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'digest', 'subscriptions.json'), SubscriptionsSchema, () => ({}));
  }

  async all(): Promise<[string, DigestSubscription][]> {
    return Object.entries(this.file.read());
  }

  async get(userId: string): Promise<DigestSubscription | undefined> {
    return this.file.read()[userId];
  }

  async subscribe(userId: string, sub: Omit<DigestSubscription, 'lastSent'>): Promise<void> {
    // a new schedule keeps the day last sent: changing it on the digest's own day never sends that day twice
    this.file.update((all) => {
      const lastSent = all[userId]?.lastSent;
      return { ...all, [userId]: { ...DigestSubscriptionSchema.parse(sub), ...(lastSent ? { lastSent } : {}) } };
    });
  }

  async unsubscribe(userId: string): Promise<void> {
    this.file.update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== userId)));
  }

  async claimSend(userId: string, day: string): Promise<boolean> {
    let claimed = false;
    this.file.update((all) => {
      const sub = all[userId];
      if (!sub || sub.lastSent === day) return all;
      claimed = true;
      return { ...all, [userId]: { ...sub, lastSent: day } };
    });
    return claimed;
  }

  async releaseSend(userId: string, day: string, previous: string | undefined): Promise<void> {
    this.file.update((all) => {
      const sub = all[userId];
      if (!sub || sub.lastSent !== day) return all;
      const { lastSent: _, ...rest } = sub;
      return { ...all, [userId]: previous ? { ...rest, lastSent: previous } : rest };
    });
  }
}
