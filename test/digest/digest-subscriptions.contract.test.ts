/**
 * One contract for the weekly digest opt-ins: the same cases on the DATA_DIR file and on PostgreSQL, each through two
 * "replicas" (two file handles on one DATA_DIR, or two pools on one database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DigestSubscriptionStore, DigestSubscriptions } from '../../src/digest/digest-subscriptions.ts';
import { createPool, migrate, type Pool } from '../../src/store/postgres/database.ts';
import { PgDigestSubscriptions } from '../../src/store/postgres/pg-digest-subscriptions.ts';
import { createThrowawayDatabase, describePostgres } from '../support/postgres.ts';

const MONDAY_NINE = { person: 'Ferri Giulia', weekday: 1, hour: 9, days: 30 };

interface Replicas {
  pair(): [DigestSubscriptionStore, DigestSubscriptionStore];
  close(): Promise<void>;
}

function digestContract(name: string, wrap: typeof describe, open: () => Promise<Replicas>) {
  wrap(`digest subscriptions kept in ${name}`, () => {
    let replicas: Replicas;
    beforeAll(async () => {
      replicas = await open();
    });
    afterAll(async () => {
      await replicas?.close();
    });

    it('an opt-in on one replica is listed by the other; opting out removes it for both', async () => {
      const [a, b] = replicas.pair();
      expect(await b.get('UGIULIA')).toBeUndefined();
      await a.subscribe('UGIULIA', MONDAY_NINE);
      expect(await b.get('UGIULIA')).toEqual(MONDAY_NINE);
      expect(await b.all()).toContainEqual(['UGIULIA', MONDAY_NINE]);
      await b.unsubscribe('UGIULIA');
      expect(await a.get('UGIULIA')).toBeUndefined();
      expect((await a.all()).map(([id]) => id)).not.toContain('UGIULIA');
    });

    it('of two replicas claiming one day, exactly one wins; the next week can be claimed again', async () => {
      const [a, b] = replicas.pair();
      await a.subscribe('UCLAIM', MONDAY_NINE);
      const first = await Promise.all([a.claimSend('UCLAIM', '2024-03-04'), b.claimSend('UCLAIM', '2024-03-04')]);
      expect(first.filter(Boolean)).toHaveLength(1);
      expect((await b.get('UCLAIM'))?.lastSent).toBe('2024-03-04');
      expect(await b.claimSend('UCLAIM', '2024-03-11')).toBe(true);
      expect(await a.claimSend('UNOBODY', '2024-03-11')).toBe(false);
    });

    it('a failed send gives the day back, and a new schedule keeps the day last sent', async () => {
      const [a, b] = replicas.pair();
      await a.subscribe('URETRY', MONDAY_NINE);
      expect(await a.claimSend('URETRY', '2024-03-04')).toBe(true);
      await a.releaseSend('URETRY', '2024-03-11', '2024-03-04'); // not the claimed day: nothing changes
      expect(await a.claimSend('URETRY', '2024-03-11')).toBe(true);
      await a.releaseSend('URETRY', '2024-03-11', '2024-03-04');
      expect((await b.get('URETRY'))?.lastSent).toBe('2024-03-04');
      await b.subscribe('URETRY', { ...MONDAY_NINE, hour: 15 });
      expect(await a.get('URETRY')).toEqual({ ...MONDAY_NINE, hour: 15, lastSent: '2024-03-04' });
      expect(await a.claimSend('URETRY', '2024-03-04')).toBe(false);
    });

    it('refuses an impossible schedule and keeps the previous one', async () => {
      const [a, b] = replicas.pair();
      await a.subscribe('UBAD', MONDAY_NINE);
      await expect(a.subscribe('UBAD', { ...MONDAY_NINE, weekday: 8 })).rejects.toThrow();
      expect(await b.get('UBAD')).toEqual(MONDAY_NINE);
    });
  });
}

digestContract('DATA_DIR (digest/subscriptions.json)', describe, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pianobot-digest-subs-'));
  return {
    pair: () => [new DigestSubscriptions(dir), new DigestSubscriptions(dir)],
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

digestContract('PostgreSQL (digest_subscriptions)', describePostgres, async () => {
  const db = await createThrowawayDatabase();
  const pools: Pool[] = [createPool(db.url), createPool(db.url)];
  await migrate(pools[0]!);
  return {
    pair: () => [new PgDigestSubscriptions(pools[0]!), new PgDigestSubscriptions(pools[1]!)],
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await db.drop();
    },
  };
});
