import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackPeople } from '../../src/people/slack-people.ts';

// the plans know one person; any spelling of her name resolves to it
const resolve = (name: string) => (/bianchi/i.test(name) && /anna/i.test(name) ? 'Bianchi Anna' : null);

describe('SlackPeople: who a Slack user is in the plans', () => {
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

  it('uses the confirmed table first, then a guess from the profile name', () => {
    const people = new SlackPeople(dataDir({ 'Bianchi Anna': 'UTABLE' }), 'table+profile', resolve);
    expect(people.match('UTABLE', ['Qualcun Altro'])).toEqual({ person: 'Bianchi Anna', confirmed: true });
    expect(people.match('UOTHER', ['Anna Bianchi'])).toEqual({ person: 'Bianchi Anna', confirmed: false });
    expect(people.match('UOTHER', ['Mario Verdi'])).toBeNull();
  });

  it('in "table" mode never guesses from the profile; in "profile" mode ignores the table', () => {
    const dir = dataDir({ 'Bianchi Anna': 'UTABLE' });
    expect(new SlackPeople(dir, 'table', resolve).match('UOTHER', ['Anna Bianchi'])).toBeNull();
    expect(new SlackPeople(dir, 'profile', resolve).match('UTABLE', ['Mario Verdi'])).toBeNull();
  });

  it('confirming replaces the user’s earlier row, and a broken table is an error naming the file', () => {
    const dir = dataDir();
    const people = new SlackPeople(dir, 'table+profile', resolve);
    people.confirm('U1', 'Bianchi Anna');
    expect(people.userOf('Bianchi Anna')).toBe('U1');
    writeFileSync(join(dir, 'people', 'slack-users.json'), '{"Bianchi Anna": 12}');
    expect(() => people.match('U1', [])).toThrow(/slack-users\.json is not what pianobot expects/);
  });
});
