import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PianobotError } from '../../src/errors.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from './test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('web API', () => {
  const engine = new FakeWebEngine({ leakInternal: true });
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  describe('POST /api/ask', () => {
    it('answers a question with the answer text, its citations, language, found flag and an answer id', async () => {
      const res = await server.post('/api/ask', { q: 'the budget for 2021_PD_8735' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body.answer).toContain('1.920.000,00');
      expect(body.citations[0]).toMatchObject({ doc: '002_51402a20550dfbf2.txt', lines: '1545' });
      expect(body).toMatchObject({ lang: 'it', found: true, focus: ['2021_PD_8735'] });
      expect(body.answerId).toMatch(/^[0-9a-f-]{36}\.w\.[\w-]{32}$/);
    });

    it('on loopback with no staff login, asks the engine for staff answers and lets the body lower them', async () => {
      await server.post('/api/ask', { q: 'chi lavora a 2021_PD_8735?' });
      await server.post('/api/ask', { q: 'chi lavora a 2021_PD_8735?', audience: 'public' });
      const [staff, citizen] = engine.calls.slice(-2);
      expect(staff?.options?.audience).toBe('staff');
      expect(citizen?.options?.audience).toBe('public');
    });

    it('shows staff the staff allocation rows of a project', async () => {
      const body = await (await server.post('/api/ask', { q: 'personale di 2021_PD_8735', audience: 'staff' })).json();
      const internal = body.citations.filter((c: { internal?: boolean }) => c.internal);
      expect(internal).toHaveLength(1);
      expect(internal[0].excerpt).toContain('Venturi Lorella');
    });

    it('never gives a public question the staff allocation rows, even when the engine lets them through', async () => {
      const res = await server.post('/api/ask', { q: 'personale di 2021_PD_8735', audience: 'public' });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text).citations.length).toBeGreaterThan(0);
      expect(text).not.toContain('"internal":true');
      expect(text).not.toContain('Impegno Personale');
      expect(text).not.toContain('Venturi Lorella');
    });

    it('passes the earlier turns of the conversation to the engine, dropping answers it cannot read', async () => {
      const first = await (await server.post('/api/ask', { q: 'the budget for 2021_PD_8735' })).json();
      const earlier = {
        answer: first.answer,
        citations: [],
        lang: first.lang,
        found: true,
        intent: first.intent,
        focus: first.focus,
      };
      await server.post('/api/ask', {
        q: 'e i suoi indicatori?',
        history: [
          { question: 'the budget for 2021_PD_8735', answer: earlier },
          { question: 'altro', answer: { nonsense: 1 } },
        ],
      });
      const history = engine.calls.at(-1)?.options?.history;
      expect(history).toEqual([
        { question: 'the budget for 2021_PD_8735', answer: { ...earlier, focus: ['2021_PD_8735'] } },
        { question: 'altro', answer: undefined },
      ]);
    });

    it('answers in English when asked in English', async () => {
      const body = await (await server.post('/api/ask', { q: 'What is the the budget for 2021_PD_8735?' })).json();
      expect(body.lang).toBe('en');
    });

    it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])(
      'refuses a body sent as %s (what another site can post blind) with 415',
      async (type) => {
        const res = await server.post('/api/ask', JSON.stringify({ q: 'the budget for 2021_PD_8735' }), {
          'content-type': type,
        });
        expect(res.status).toBe(415);
        expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      },
    );
  });

  describe('POST /api/ask with bad input', () => {
    it.each([
      ['a missing q', { audience: 'staff' }, 'BAD_REQUEST', '"q" is required'],
      ['an empty q', { q: '' }, 'BAD_REQUEST', '"q" must not be empty'],
      ['a blank q', { q: '   \n ' }, 'BAD_REQUEST', '"q" must not be empty'],
      ['a q that is not a string', { q: 42 }, 'BAD_REQUEST', '"q" must be a string'],
      [
        'an unknown audience',
        { q: 'buondì', audience: 'everyone' },
        'BAD_REQUEST',
        '"audience" must be "staff" or "public"',
      ],
      ['a JSON array', '[1,2]', 'BAD_REQUEST', undefined],
      ['a body that is not JSON', 'q=budget', 'INVALID_JSON', 'not valid JSON'],
      ['an empty body', '', 'INVALID_JSON', 'empty'],
    ])('refuses %s with a 400 JSON error', async (_case, body, code, message) => {
      const res = await server.post('/api/ask', body);
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      if (message) expect(json.error.message).toContain(message);
    });

    it('refuses a body over 16 KB with a 400 BODY_TOO_LARGE error', async () => {
      const res = await server.post('/api/ask', { q: 'x'.repeat(17 * 1024) });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BODY_TOO_LARGE');
    });

    it('refuses an oversized body sent in chunks, without a declared length', async () => {
      const chunk = new TextEncoder().encode(`{"q": "${'x'.repeat(4096)}`);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 6) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BODY_TOO_LARGE');
    });

    it('refuses GET with 405 and says which method is allowed', async () => {
      const res = await fetch(`${server.url}/api/ask`);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED');
    });

    it('answers an unknown API path with a 404 JSON error', async () => {
      const res = await fetch(`${server.url}/api/nothing`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /api/health', () => {
    it('reports the index status', async () => {
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ok',
        documents: 5,
        objectives: 120,
        projects: 40,
        chunks: 900,
        builtAt: '2025-01-01T00:00:00.000Z',
      });
    });

    it('refuses POST with 405', async () => {
      expect((await server.post('/api/health', {})).status).toBe(405);
    });
  });

  describe('POST /api/feedback and GET /api/stats', () => {
    const answerOf = async (audience: 'staff' | 'public') =>
      (await (await server.post('/api/ask', { q: 'budget?', audience })).json()).answerId as string;
    const vote = { vote: 'up', question: 'budget?', answer: '1.920.000,00', clientId: 'browser-1' };
    let helpdeskAnswer: string;

    it('stores a help desk vote in the votes file and counts it once', async () => {
      helpdeskAnswer = await answerOf('public');
      const first = await server.post('/api/feedback', { ...vote, answerId: helpdeskAnswer });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ recorded: true });
      const again = await server.post('/api/feedback', { ...vote, answerId: helpdeskAnswer });
      expect(await again.json()).toEqual({ recorded: false });
      const lines = readFileSync(server.votesFile, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        channel: 'helpdesk',
        user: 'browser-1',
        answerId: helpdeskAnswer,
        vote: 'up',
      });
    });

    it('stores a vote on a staff chat answer under the web channel, whatever channel the body names', async () => {
      const answerId = await answerOf('staff');
      await server.post('/api/feedback', { ...vote, answerId, vote: 'down', channel: 'helpdesk' });
      expect(server.feedback.summary().byChannel.web).toEqual({ up: 0, down: 1 });
    });

    it.each([
      ['without an answer id', { ...vote, answerId: '' }],
      ['with a vote other than up or down', { ...vote, answerId: 'x', vote: 'maybe' }],
      ['without a client id', { ...vote, answerId: 'x', clientId: undefined }],
    ])('refuses a vote %s with a 400', async (_case, body) => {
      const res = await server.post('/api/feedback', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    });

    it('reports satisfaction per channel without the voters’ ids', async () => {
      const res = await fetch(`${server.url}/api/stats`);
      const stats = await res.json();
      expect(stats).toMatchObject({
        up: 1,
        down: 1,
        total: 2,
        satisfaction: 0.5,
        byChannel: { helpdesk: { up: 1, down: 0 }, web: { up: 0, down: 1 } },
      });
      expect(stats.latestNegative).toEqual([expect.objectContaining({ channel: 'web', question: 'budget?' })]);
      expect(JSON.stringify(stats)).not.toContain('browser-1');
    });
  });
});

describe('web API when the engine fails', () => {
  it('reports a missing index as 503 ENGINE_UNAVAILABLE with the engine’s message', async () => {
    const server = await startTestServer(
      new FakeWebEngine({ failWith: new PianobotError('INDEX_MISSING', 'Run npm run ingest first.') }),
    );
    try {
      const res = await server.post('/api/ask', { q: 'budget?' });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'ENGINE_UNAVAILABLE', message: 'Run npm run ingest first.' } });
    } finally {
      await server.close();
    }
  });

  it('hides an unexpected error behind a 500 INTERNAL error', async () => {
    const server = await startTestServer(new FakeWebEngine({ failWith: new Error('secret stack detail') }));
    try {
      const res = await server.post('/api/ask', { q: 'budget?' });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('INTERNAL');
      expect(text).not.toContain('secret');
    } finally {
      await server.close();
    }
  });

  it('reports an empty index as status "empty"', async () => {
    const server = await startTestServer(new FakeWebEngine({ health: { documents: 0 } }));
    try {
      expect((await (await fetch(`${server.url}/api/health`)).json()).status).toBe('empty');
    } finally {
      await server.close();
    }
  });
});
