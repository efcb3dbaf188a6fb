import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../storage/json-file.ts';

/** `DATA_DIR/people/slack-users.json`: a person's name as the plans write it → Slack user id. */
export const SlackPeopleTableSchema = z.record(z.string().min(1), z.string().regex(/^[UW][A-Z0-9]+$/));
export type SlackPeopleTable = z.infer<typeof SlackPeopleTableSchema>;
export const SlackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]+$/);

/**
 * The confirmed person ↔ Slack user table: a file in DATA_DIR, or PostgreSQL when that store is on (so a user who
 * confirms on one replica is known to all of them). One row per person and at most one per user.
 */
export interface SlackUserTable {
  /** the person `userId` confirmed being, as written when confirmed */
  personOf(userId: string): Promise<string | undefined>;
  userOf(person: string): Promise<string | undefined>;
  /** records that `userId` is `person`, replacing any earlier row of the same user */
  confirm(userId: string, person: string): Promise<void>;
}

export class FileSlackUserTable implements SlackUserTable {
  private readonly file: JsonFile<typeof SlackPeopleTableSchema>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'people', 'slack-users.json'), SlackPeopleTableSchema, () => ({}));
  }

  async personOf(userId: string): Promise<string | undefined> {
    return Object.entries(this.file.read()).find(([, id]) => id === userId)?.[0];
  }

  async userOf(person: string): Promise<string | undefined> {
    return this.file.read()[person];
  }

  async confirm(userId: string, person: string): Promise<void> {
    this.file.update((table) => {
      const next = Object.fromEntries(Object.entries(table).filter(([, id]) => id !== userId));
      next[person] = userId;
      return next;
    });
  }
}
