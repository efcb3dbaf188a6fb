import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/answer/question-limits.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from './test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('web pages', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer(new FakeWebEngine());
  });
  afterAll(() => server.close());

  it.each([
    ['/', 'staff'],
    ['/helpdesk', 'public'],
  ])('serves %s as an Italian page that asks with the %s audience', async (path, audience) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain(`data-audience="${audience}"`);
    expect(html).toMatch(/<label for="question"/);
    expect(html).toMatch(/aria-live="polite"/);
    // the field stops typing at the engine's own cap, so the page never sends a question the API refuses for length
    expect(html).toContain(`maxlength="${MAX_QUESTION_CHARS}"`);
  });

  it('offers the help desk a large-text option and no link to the staff chat', async () => {
    const html = await (await fetch(`${server.url}/helpdesk`)).text();
    expect(html).toContain('id="large-text"');
    expect(html).toContain('aria-pressed="false"');
    expect(html).not.toContain('href="/"');
  });

  it('serves the script, its answer markup module and the stylesheet with their types', async () => {
    for (const [name, type] of [
      ['chat-client.js', 'text/javascript; charset=utf-8'],
      ['answer-markup.js', 'text/javascript; charset=utf-8'],
      ['styles.css', 'text/css; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await fetch(`${server.url}/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toBe(type);
    }
  });

  it('forbids inline scripts and framing on every response', async () => {
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/assets/../web-server.ts', '/assets/answer-markup.d.ts', '/assets/index.html', '/nothing', '/assets/'])(
    'answers %s with 404',
    async (path) => {
      expect((await fetch(server.url + path)).status).toBe(404);
    },
  );

  it('answers HEAD with headers only and refuses POST on a page with 405', async () => {
    const head = await fetch(server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('startWebServer', () => {
  it('listens on a free port when asked for port 0 and reports a URL a person can open', async () => {
    const server = await startTestServer(new FakeWebEngine());
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('stops even while a browser keeps a connection open', async () => {
    const server = await startTestServer(new FakeWebEngine());
    await fetch(server.url, { keepalive: true });
    await server.close();
  });

  it('fails to start when the port is taken', async () => {
    const first = await startTestServer(new FakeWebEngine());
    try {
      await expect(startTestServer(new FakeWebEngine(), { PORT: String(first.port) })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
