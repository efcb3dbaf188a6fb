import type { SlackUserTable } from './slack-user-table.ts';

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
  constructor(
    private readonly table: SlackUserTable,
    private readonly mode: PersonMatchMode,
    private readonly resolveName: (name: string) => string | null,
  ) {}

  async match(userId: string, profileNames: string[]): Promise<PersonMatch | null> {
    if (this.mode !== 'profile') {
      const written = await this.table.personOf(userId);
      const person = written ? this.resolveName(written) : null;
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
  async confirm(userId: string, person: string): Promise<void> {
    await this.table.confirm(userId, person);
  }

  async userOf(person: string): Promise<string | undefined> {
    return this.table.userOf(person);
  }
}
