/**
 * Feedback that cannot be stuffed: votes name answers this server gave, one vote per answer, a rate limit per client
 * and per address on an injected clock, bounded storage, JSON bodies only; statistics texts only for staff.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { VOTE_LIMIT } from '../../src/web/web-server.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from './test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const TOKEN = 'staff-token-for-the-feedback-test';

async function answerId(server: Server, q = 'the budget for 2021_PD_8735'): Promise<string> {
  return (await (await server.post('/api/ask', { q })).json()).answerId;
}

describe('POST /api/feedback', () => {
  let clock = 1_700_000_000_000;
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(new FakeWebEngine(), { STAFF_TOKEN: TOKEN }, { now: () => clock });
  });
  afterAll(() => server.close());

  it('refuses a vote on an answer id this server never gave', async () => {
    for (const forged of ['a-1', `${crypto.randomUUID()}.h.${'A'.repeat(32)}`]) {
      const res = await server.post('/api/feedback', { answerId: forged, vote: 'down', clientId: 'c' });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('UNKNOWN_ANSWER');
    }
    expect(server.feedback.summary().down).toBe(0);
  });

  it('counts one vote per answer, whatever client id the later votes claim', async () => {
    const id = await answerId(server);
    const votes = await Promise.all(
      ['c-1', 'c-2', 'c-3'].map(async (clientId) =>
        (await server.post('/api/feedback', { answerId: id, vote: 'down', clientId })).json(),
      ),
    );
    expect(votes.filter((v) => v.recorded)).toHaveLength(1);
  });

  it('sets the channel from the answer, not from the body', async () => {
    const id = await answerId(server); // anonymous caller: the public help desk audience
    await server.post('/api/feedback', { answerId: id, vote: 'up', clientId: 'c-9', channel: 'web' });
    expect(server.feedback.summary().byChannel.helpdesk?.up).toBe(1);
    expect(server.feedback.summary().byChannel.web).toBeUndefined();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])('refuses a %s body with 415', async (type) => {
    const id = await answerId(server);
    const res = await server.post(
      '/api/feedback',
      { answerId: id, vote: 'down', clientId: 'c' },
      { 'content-type': type },
    );
    expect(res.status).toBe(415);
  });

  it('limits the votes per address, even from made-up client ids, until the window has passed', async () => {
    clock += VOTE_LIMIT.windowMs;
    const ids = await Promise.all(Array.from({ length: VOTE_LIMIT.limit + 1 }, () => answerId(server)));
    const statuses: number[] = [];
    for (const [i, id] of ids.entries()) {
      statuses.push(
        (await server.post('/api/feedback', { answerId: id, vote: 'down', clientId: `made-up-${i}` })).status,
      );
    }
    expect(statuses.slice(0, VOTE_LIMIT.limit).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    clock += VOTE_LIMIT.windowMs;
    const later = await server.post('/api/feedback', { answerId: ids.at(-1), vote: 'down', clientId: 'made-up-x' });
    expect(later.status).toBe(200);
  });
});

describe('GET /api/stats', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(new FakeWebEngine(), { STAFF_TOKEN: TOKEN });
    const id = await answerId(server, 'il mio codice fiscale è RSSMRA80A01H501U, che servizi ho?');
    await server.post('/api/feedback', {
      answerId: id,
      vote: 'down',
      clientId: 'c',
      question: 'codice fiscale RSSMRA80A01H501U',
    });
  });
  afterAll(() => server.close());

  it('gives anonymous callers the counts only, never the question or answer texts', async () => {
    const text = await (await fetch(`${server.url}/api/stats`)).text();
    expect(JSON.parse(text)).toMatchObject({ down: 1, total: 1 });
    expect(JSON.parse(text).latestNegative).toBeUndefined();
    expect(text).not.toContain('RSSMRA80A01H501U');
  });

  it('gives staff the latest negative votes with their texts', async () => {
    const stats = await (
      await fetch(`${server.url}/api/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(stats.latestNegative[0].question).toContain('RSSMRA80A01H501U');
  });
});

describe('votes storage', () => {
  it('rotates the votes file past FEEDBACK_MAX_MB and reads back at most that much at start', async () => {
    const server = await startTestServer(new FakeWebEngine(), { FEEDBACK_MAX_MB: '0.004' });
    try {
      for (let i = 0; i < 40; i++) {
        const id = await answerId(server);
        const res = await server.post('/api/feedback', {
          answerId: id,
          vote: 'down',
          clientId: `c-${i}`,
          question: `domanda ${i} ${'x'.repeat(100)}`,
        });
        expect(res.status === 200 || res.status === 429).toBe(true);
      }
      const dir = dirname(server.votesFile);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(['votes.jsonl', 'votes.jsonl.1']);
      for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(0.004 * 1024 * 1024);
      const reread = new FeedbackStore(server.votesFile, { maxBytes: 0.004 * 1024 * 1024 });
      expect(reread.summary().down).toBeLessThan(server.feedback.summary().down);
    } finally {
      await server.close();
    }
  });
});

describe('vote limits behind a reverse proxy', () => {
  const voteFrom = async (server: Server, forwardedFor: string, clientId: string) => {
    const id = await answerId(server);
    return (
      await server.post('/api/feedback', { answerId: id, vote: 'up', clientId }, { 'x-forwarded-for': forwardedFor })
    ).status;
  };

  it('limits each citizen behind the TRUSTED_PROXY by the address the proxy forwards', async () => {
    const server = await startTestServer(new FakeWebEngine(), { TRUSTED_PROXY: '127.0.0.1', HELPDESK_ONLY: 'true' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= VOTE_LIMIT.limit; i++) statuses.push(await voteFrom(server, '203.0.113.7', `a-${i}`));
      expect(statuses.at(-1)).toBe(429);
      // another citizen behind the same proxy still votes
      expect(await voteFrom(server, '198.51.100.4', 'b-1')).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('ignores X-Forwarded-For from a caller that is not a trusted proxy, so it cannot dodge the limit', async () => {
    const server = await startTestServer(new FakeWebEngine(), {});
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= VOTE_LIMIT.limit; i++) statuses.push(await voteFrom(server, `192.0.2.${i}`, `c-${i}`));
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await server.close();
    }
  });
});
