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

/** `DATA_DIR/digest/subscriptions.json`: Slack user id → their weekly digest. Only people who opted in are here. */
export class DigestSubscriptions {
  private readonly file: JsonFile<typeof SubscriptionsSchema>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'digest', 'subscriptions.json'), SubscriptionsSchema, () => ({}));
  }

  all(): [string, DigestSubscription][] {
    return Object.entries(this.file.read());
  }

  get(userId: string): DigestSubscription | undefined {
    return this.file.read()[userId];
  }

  subscribe(userId: string, sub: Omit<DigestSubscription, 'lastSent'>): void {
    this.file.update((all) => ({ ...all, [userId]: DigestSubscriptionSchema.parse(sub) }));
  }

  unsubscribe(userId: string): void {
    this.file.update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== userId)));
  }

  markSent(userId: string, day: string): void {
    this.file.update((all) => (all[userId] ? { ...all, [userId]: { ...all[userId], lastSent: day } } : all));
  }
}
