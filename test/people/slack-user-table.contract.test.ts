/**
 * One contract for the confirmed person ↔ Slack user table: the same cases on the DATA_DIR file and on PostgreSQL,
 * each through two "replicas" (two file handles on one DATA_DIR, or two pools on one database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPeople } from '../../src/people/slack-people.ts';
import { FileSlackUserTable, type SlackUserTable } from '../../src/people/slack-user-table.ts';
import { createPool, migrate, type Pool } from '../../src/store/postgres/database.ts';
import { PgSlackUserTable } from '../../src/store/postgres/pg-slack-users.ts';
import { createThrowawayDatabase, describePostgres } from '../support/postgres.ts';

// the plans know two people; any spelling with both words resolves to the plans' name
const KNOWN = ['Ferri Giulia', 'Neri Paolo'];
const resolve = (name: string) =>
  KNOWN.find((k) => k.split(' ').every((w) => name.toLowerCase().includes(w.toLowerCase()))) ?? null;

interface Replicas {
  pair(): [SlackUserTable, SlackUserTable];
  close(): Promise<void>;
}

function userTableContract(name: string, wrap: typeof describe, open: () => Promise<Replicas>) {
  wrap(`person ↔ Slack user table kept in ${name}`, () => {
    let replicas: Replicas;
    beforeAll(async () => {
      replicas = await open();
    });
    afterAll(async () => {
      await replicas?.close();
    });

    it('knows nobody before a confirmation; a profile guess is only a guess', async () => {
      const [a] = replicas.pair();
      expect(await a.personOf('UNUOVO')).toBeUndefined();
      expect(await new SlackPeople(a, 'table+profile', resolve).match('UNUOVO', ['Giulia Ferri'])).toEqual({
        person: 'Ferri Giulia',
        confirmed: false,
      });
    });

    it('a confirmation on one replica is confirmed on the other, both ways', async () => {
      const [a, b] = replicas.pair();
      await new SlackPeople(a, 'table', resolve).confirm('UGIULIA', 'Ferri Giulia');
      expect(await new SlackPeople(b, 'table', resolve).match('UGIULIA', [])).toEqual({
        person: 'Ferri Giulia',
        confirmed: true,
      });
      expect(await b.userOf('Ferri Giulia')).toBe('UGIULIA');
    });

    it('confirming again replaces the user’s earlier row, and a person has one user', async () => {
      const [a, b] = replicas.pair();
      await a.confirm('UCAMBIO', 'Ferri Giulia');
      await b.confirm('UCAMBIO', 'Neri Paolo');
      expect(await a.personOf('UCAMBIO')).toBe('Neri Paolo');
      // Ferri Giulia was taken over by UCAMBIO, then released: nobody holds her now
      expect(await a.userOf('Ferri Giulia')).toBeUndefined();
      expect(await b.personOf('UGIULIA')).toBeUndefined();
      expect(await b.userOf('Neri Paolo')).toBe('UCAMBIO');
    });

    it('refuses a malformed user id and keeps what was there', async () => {
      const [a, b] = replicas.pair();
      await expect(a.confirm('not-a-user', 'Neri Paolo')).rejects.toThrow();
      expect(await b.userOf('Neri Paolo')).toBe('UCAMBIO');
    });
  });
}

userTableContract('DATA_DIR (people/slack-users.json)', describe, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pianobot-user-table-'));
  return {
    pair: () => [new FileSlackUserTable(dir), new FileSlackUserTable(dir)],
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

userTableContract('PostgreSQL (slack_people)', describePostgres, async () => {
  const db = await createThrowawayDatabase();
  const pools: Pool[] = [createPool(db.url), createPool(db.url)];
  await migrate(pools[0]!);
  return {
    pair: () => [new PgSlackUserTable(pools[0]!), new PgSlackUserTable(pools[1]!)],
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await db.drop();
    },
  };
});
