/**
 * Who is staff is the server's decision: a staff token, or a user header from a trusted proxy; everyone else gets the
 * public audience whatever the request body says. Driven over HTTP against a started server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from './test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const TOKEN = 'staff-token-for-the-audience-test';
const STAFF_QUESTION = { q: 'personale di 2021_PD_8735', audience: 'staff' };

async function askAs(
  server: Server,
  engine: FakeWebEngine,
  headers: Record<string, string> = {},
  body = STAFF_QUESTION,
) {
  const res = await server.post('/api/ask', body, headers);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, json: JSON.parse(text), engineAudience: engine.calls.at(-1)?.options?.audience };
}

describe('configuration of the audiences', () => {
  it('listens on 127.0.0.1 when HOST is not set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });
});

describe('with STAFF_TOKEN set', () => {
  const engine = new FakeWebEngine();
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(engine, { STAFF_TOKEN: TOKEN });
  });
  afterAll(() => server.close());

  it('gives a caller without the token the public audience even when the body asks for staff', async () => {
    const { text, json, engineAudience } = await askAs(server, engine);
    expect(engineAudience).toBe('public');
    expect(json.audience).toBe('public');
    expect(text).not.toContain('Venturi Lorella');
  });

  it('gives a caller with a wrong token the public audience', async () => {
    const { engineAudience } = await askAs(server, engine, { authorization: 'Bearer not-the-token-at-all' });
    expect(engineAudience).toBe('public');
  });

  it('gives the staff audience, with the allocation rows, to a caller with Authorization: Bearer <token>', async () => {
    const { text, json, engineAudience } = await askAs(server, engine, { authorization: `Bearer ${TOKEN}` });
    expect(engineAudience).toBe('staff');
    expect(json.audience).toBe('staff');
    expect(text).toContain('Venturi Lorella');
  });

  it('lets staff lower their own audience to public with the body', async () => {
    const { engineAudience } = await askAs(
      server,
      engine,
      { authorization: `Bearer ${TOKEN}` },
      {
        q: 'personale di 2021_PD_8735',
        audience: 'public',
      },
    );
    expect(engineAudience).toBe('public');
  });

  it('tells the chat page whether it needs to ask for the token', async () => {
    const anonymous = await (await fetch(`${server.url}/api/session`)).json();
    expect(anonymous).toEqual({ audience: 'public', staffLogin: 'token' });
    const staff = await (
      await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(staff).toEqual({ audience: 'staff', staffLogin: 'token' });
  });
});

describe('with STAFF_AUTH_HEADER from a trusted proxy', () => {
  it('believes the user header from the TRUSTED_PROXY address', async () => {
    const engine = new FakeWebEngine();
    const server = await startTestServer(engine, { STAFF_AUTH_HEADER: 'X-Forwarded-User', TRUSTED_PROXY: '127.0.0.1' });
    try {
      expect((await askAs(server, engine, { 'x-forwarded-user': 'mrossi' })).engineAudience).toBe('staff');
      expect((await askAs(server, engine)).engineAudience).toBe('public');
    } finally {
      await server.close();
    }
  });

  it('ignores the user header from any other address', async () => {
    const engine = new FakeWebEngine();
    const server = await startTestServer(engine, { STAFF_AUTH_HEADER: 'X-Forwarded-User', TRUSTED_PROXY: '10.9.8.7' });
    try {
      const { text, engineAudience } = await askAs(server, engine, { 'x-forwarded-user': 'mrossi' });
      expect(engineAudience).toBe('public');
      expect(text).not.toContain('Venturi Lorella');
    } finally {
      await server.close();
    }
  });

  it('refuses STAFF_AUTH_HEADER without TRUSTED_PROXY at start', () => {
    expect(() => loadConfig({ STAFF_AUTH_HEADER: 'X-Forwarded-User' })).toThrow(/TRUSTED_PROXY/);
  });
});

describe('on loopback with no staff login', () => {
  it('gives a request relayed by a proxy on the same machine (X-Forwarded-For, Forwarded) the public audience', async () => {
    const engine = new FakeWebEngine();
    const server = await startTestServer(engine);
    try {
      expect((await askAs(server, engine)).engineAudience).toBe('staff');
      expect((await askAs(server, engine, { 'x-forwarded-for': '203.0.113.9' })).engineAudience).toBe('public');
      expect((await askAs(server, engine, { forwarded: 'for=203.0.113.9' })).engineAudience).toBe('public');
    } finally {
      await server.close();
    }
  });
});

describe('listening beyond loopback with no staff login', () => {
  it('turns the staff audience off', async () => {
    const engine = new FakeWebEngine();
    const server = await startTestServer(engine, { HOST: '0.0.0.0' });
    try {
      expect(server.staffLogin).toBe('off');
      expect(server.staffOffReason).toMatch(/no STAFF_TOKEN/);
      const { text, engineAudience } = await askAs(server, engine);
      expect(engineAudience).toBe('public');
      expect(text).not.toContain('Venturi Lorella');
    } finally {
      await server.close();
    }
  });
});

describe('HELPDESK_ONLY', () => {
  const engine = new FakeWebEngine();
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(engine, { HELPDESK_ONLY: 'true' });
  });
  afterAll(() => server.close());

  it('sends the home page to the help desk instead of serving the staff chat', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/helpdesk');
  });

  it.each(['/helpdesk', '/assets/chat-client.js', '/assets/answer-markup.js', '/assets/styles.css'])(
    'serves the help desk and its asset %s',
    async (path) => {
      expect((await fetch(server.url + path)).status).toBe(200);
    },
  );

  it('answers the API with the public audience only, even from loopback', async () => {
    const { text, engineAudience } = await askAs(server, engine);
    expect(engineAudience).toBe('public');
    expect(text).not.toContain('Venturi Lorella');
  });
});
