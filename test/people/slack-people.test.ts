import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackPeople } from '../../src/people/slack-people.ts';
import { FileSlackUserTable } from '../../src/people/slack-user-table.ts';

// the plans know one person; any spelling of her name resolves to it
const resolve = (name: string) => (/bianchi/i.test(name) && /anna/i.test(name) ? 'Bianchi Anna' : null);

describe('SlackPeople: who a Slack user is in the plans', async () => {
  const dirs: string[] = [];
  const dataDir = (table?: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'pianobot-people-'));
    dirs.push(dir);
    if (table) {
      mkdirSync(join(dir, 'people'));
      writeFileSync(join(dir, 'people', 'slack-users.json'), JSON.stringify(table));
    }
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('uses the confirmed table first, then a guess from the profile name', async () => {
    const people = new SlackPeople(
      new FileSlackUserTable(dataDir({ 'Bianchi Anna': 'UTABLE' })),
      'table+profile',
      resolve,
    );
    expect(await people.match('UTABLE', ['Qualcun Altro'])).toEqual({ person: 'Bianchi Anna', confirmed: true });
    expect(await people.match('UOTHER', ['Anna Bianchi'])).toEqual({ person: 'Bianchi Anna', confirmed: false });
    expect(await people.match('UOTHER', ['Mario Verdi'])).toBeNull();
  });

  it('in "table" mode never guesses from the profile; in "profile" mode ignores the table', async () => {
    const dir = dataDir({ 'Bianchi Anna': 'UTABLE' });
    expect(
      await new SlackPeople(new FileSlackUserTable(dir), 'table', resolve).match('UOTHER', ['Anna Bianchi']),
    ).toBeNull();
    expect(
      await new SlackPeople(new FileSlackUserTable(dir), 'profile', resolve).match('UTABLE', ['Mario Verdi']),
    ).toBeNull();
  });

  it('confirming replaces the user’s earlier row, and a broken table is an error naming the file', async () => {
    const dir = dataDir();
    const people = new SlackPeople(new FileSlackUserTable(dir), 'table+profile', resolve);
    await people.confirm('U1', 'Bianchi Anna');
    expect(await people.userOf('Bianchi Anna')).toBe('U1');
    writeFileSync(join(dir, 'people', 'slack-users.json'), '{"Bianchi Anna": 12}');
    await expect(people.match('U1', [])).rejects.toThrow(/slack-users\.json is not what pianobot expects/);
  });
});
