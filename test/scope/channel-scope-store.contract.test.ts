/**
 * One contract for where `/piani ambito` keeps a channel's scope: the same cases run on the DATA_DIR file and on
 * PostgreSQL. Each case builds two "replicas" (two ChannelScopes over two stores: two file handles on one DATA_DIR,
 * or two pools on one database) and checks that what one sets, the other sees.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/plan/model.ts';
import { type ChannelScopeStore, FileChannelScopeStore } from '../../src/scope/channel-scope-store.ts';
import { ChannelScopes } from '../../src/scope/channel-scopes.ts';
import { resolveScope } from '../../src/scope/resolve-scope.ts';
import { createPool, migrate, type Pool } from '../../src/store/postgres/database.ts';
import { PgChannelScopeStore } from '../../src/store/postgres/pg-channel-scopes.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../support/postgres.ts';

const plan = (file: string, entity: string, kind: PlanDocument['kind'], year: number): PlanDocument => ({
  file,
  entity,
  kind,
  title: `Piano ${year}`,
  years: [year],
  layout: 'test',
  format: 'txt',
  lineCount: 10,
  sha256: file,
});

const DOCS = [
  plan('valle-peg-2022.txt', 'Comune di Valleverde', 'peg', 2022),
  plan('valle-peg-2023.txt', 'Comune di Valleverde', 'peg', 2023),
  plan('colle-obiettivi-2023.txt', 'Provincia di Collealto', 'piano_obiettivi', 2023),
];
const AT = new Date('2023-03-01T09:00:00Z');

interface Replicas {
  /** a new pair of stores over the same place, as two processes would open it */
  pair(): [ChannelScopeStore, ChannelScopeStore];
}

function scopeContract(
  name: string,
  wrap: typeof describe,
  open: () => Promise<Replicas & { close(): Promise<void> }>,
) {
  wrap(`channel scopes kept in ${name}`, () => {
    let replicas: Replicas & { close(): Promise<void> };
    let documents: PlanDocument[];
    const scopes = (store: ChannelScopeStore, admin: Record<string, string> = {}) =>
      new ChannelScopes(store, () => documents, admin);

    beforeAll(async () => {
      replicas = await open();
    });
    afterAll(async () => {
      await replicas?.close();
    });

    it('shows no scope for a channel nobody scoped', async () => {
      documents = DOCS;
      const [a] = replicas.pair();
      expect(await scopes(a).get('CNESSUNO')).toBeNull();
      expect(await a.get('CNESSUNO')).toBeUndefined();
    });

    it('sets a scope through one replica and the other answers within it, with who set it and when', async () => {
      documents = DOCS;
      const [a, b] = replicas.pair();
      const r = resolveScope(documents, 'Valleverde 2023');
      if (!r.ok) throw new Error(`the fixture should resolve: ${r.reason}`);
      await scopes(a).set('CVALLE', r.docs, 'Valleverde 2023', 'U1', AT);
      expect(await scopes(b).get('CVALLE')).toEqual({
        docs: ['valle-peg-2023.txt'],
        label: r.label,
        source: 'channel',
      });
      expect(await b.get('CVALLE')).toEqual({
        docs: ['valle-peg-2023.txt'],
        request: 'Valleverde 2023',
        setBy: 'U1',
        setAt: AT.toISOString(),
      });
      // another channel is untouched
      expect(await scopes(b).get('CALTRO')).toBeNull();
    });

    it('replaces a scope set earlier, the last one winning on both replicas', async () => {
      documents = DOCS;
      const [a, b] = replicas.pair();
      await scopes(a).set('CCAMBIA', ['valle-peg-2022.txt'], 'valle-peg-2022.txt', 'U1', AT);
      await scopes(b).set('CCAMBIA', ['colle-obiettivi-2023.txt'], 'Collealto', 'U2', AT);
      expect((await scopes(a).get('CCAMBIA'))?.docs).toEqual(['colle-obiettivi-2023.txt']);
      expect((await a.get('CCAMBIA'))?.setBy).toBe('U2');
    });

    it('clears a scope ("tutto") for both replicas, and the clear overrides the administrators\' default', async () => {
      documents = DOCS;
      const [a, b] = replicas.pair();
      const admin = { CADMIN: 'Collealto' };
      expect(await scopes(b, admin).get('CADMIN')).toMatchObject({
        docs: ['colle-obiettivi-2023.txt'],
        source: 'admin',
      });
      await scopes(a, admin).set('CADMIN', ['valle-peg-2022.txt'], 'valle-peg-2022.txt', 'U1', AT);
      expect(await scopes(b, admin).get('CADMIN')).toMatchObject({ docs: ['valle-peg-2022.txt'], source: 'channel' });
      await scopes(b, admin).clear('CADMIN', 'U2', AT);
      expect(await scopes(a, admin).get('CADMIN')).toBeNull();
      expect(await a.get('CADMIN')).toMatchObject({ docs: null, request: 'tutto', setBy: 'U2' });
    });

    it('drops a plan no longer loaded from a kept scope, and a scope left with no plan is no scope', async () => {
      const [a, b] = replicas.pair();
      documents = DOCS;
      await scopes(a).set('CVIA', ['valle-peg-2022.txt', 'valle-peg-2023.txt'], 'Valleverde', 'U1', AT);
      documents = DOCS.filter((d) => d.file !== 'valle-peg-2022.txt');
      expect((await scopes(b).get('CVIA'))?.docs).toEqual(['valle-peg-2023.txt']);
      documents = DOCS.filter((d) => d.entity !== 'Comune di Valleverde');
      expect(await scopes(b).get('CVIA')).toBeNull();
      // what was typed is still kept: the scope comes back when the plans do
      documents = DOCS;
      expect((await scopes(b).get('CVIA'))?.docs).toEqual(['valle-peg-2022.txt', 'valle-peg-2023.txt']);
    });

    it('refuses to keep a malformed scope and keeps the previous one', async () => {
      documents = DOCS;
      const [a, b] = replicas.pair();
      await scopes(a).set('CSALDO', ['valle-peg-2023.txt'], 'Valleverde 2023', 'U1', AT);
      await expect(a.put('CSALDO', { docs: [''], request: 'x' })).rejects.toThrow();
      expect((await scopes(b).get('CSALDO'))?.docs).toEqual(['valle-peg-2023.txt']);
    });
  });
}

scopeContract('DATA_DIR (scope/channels.json)', describe, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pianobot-scope-store-'));
  return {
    pair: () => [new FileChannelScopeStore(dir), new FileChannelScopeStore(dir)],
    async close() {
      // the file is the documented place: it holds what was set, readable by an administrator
      const kept = JSON.parse(readFileSync(join(dir, 'scope', 'channels.json'), 'utf8'));
      expect(kept.CVALLE.request).toBe('Valleverde 2023');
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

scopeContract('PostgreSQL (channel_scopes)', describePostgres, async () => {
  const db: ThrowawayDatabase = await createThrowawayDatabase();
  const pools: Pool[] = [createPool(db.url), createPool(db.url)];
  await migrate(pools[0]!);
  return {
    pair: () => [new PgChannelScopeStore(pools[0]!), new PgChannelScopeStore(pools[1]!)],
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await db.drop();
    },
  };
});
