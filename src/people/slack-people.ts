import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../storage/json-file.ts';

/** `DATA_DIR/people/slack-users.json`: a person's name as the plans write it → Slack user id. */
export const SlackPeopleTableSchema = z.record(z.string().min(1), z.string().regex(/^[UW][A-Z0-9]+$/));
export type SlackPeopleTable = z.infer<typeof SlackPeopleTableSchema>;

export type PersonMatchMode = 'table' | 'profile' | 'table+profile';

export interface PersonMatch {
  /** the person's name as the plans write it */
  person: string;
  /** true when the table says so (an administrator or the user confirmed it); false for a guess from the profile */
  confirmed: boolean;
}

/**
 * Who a Slack user is in the plans: the confirmed table first, then (when allowed) the Slack profile's real name.
 * `resolveName` maps any spelling to the plans' person name, or null.
 */
export class SlackPeople {
  private readonly file: JsonFile<typeof SlackPeopleTableSchema>;

  constructor(
    dataDir: string,
    private readonly mode: PersonMatchMode,
    private readonly resolveName: (name: string) => string | null,
  ) {
    this.file = new JsonFile(join(dataDir, 'people', 'slack-users.json'), SlackPeopleTableSchema, () => ({}));
  }

  match(userId: string, profileNames: string[]): PersonMatch | null {
    if (this.mode !== 'profile') {
      const entry = Object.entries(this.file.read()).find(([, id]) => id === userId);
      const person = entry ? this.resolveName(entry[0]) : null;
      if (person) return { person, confirmed: true };
    }
    if (this.mode === 'table') return null;
    for (const name of new Set(profileNames)) {
      const person = this.resolveName(name);
      if (person) return { person, confirmed: false };
    }
    return null;
  }

  /** Records that `userId` is `person` (replacing any earlier row of the same user). */
  confirm(userId: string, person: string): void {
    this.file.update((table) => {
      const next = Object.fromEntries(Object.entries(table).filter(([, id]) => id !== userId));
      next[person] = userId;
      return next;
    });
  }

  userOf(person: string): string | undefined {
    return this.file.read()[person];
  }
}
