import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';
import { startTestServer } from './test-server.ts';

describe('a client that hangs up in the middle of a request', () => {
  const logs: Record<string, unknown>[] = [];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
    server = await startTestServer(new FakeWebEngine(), {}, { log });
  });
  afterAll(() => server.close());

  it('is logged at debug level without a stack, and the server keeps answering', async () => {
    const { port } = server;
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"q": "bud',
          );
          // the server has read the start of the body when the connection goes away
          setImmediate(() => socket.destroy());
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
    }
    const res = await server.post('/api/ask', { q: 'the budget for 2021_PD_8735' });
    expect(res.status).toBe(200);
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(logs.some((l) => 'stack' in l)).toBe(false);
    expect(logs.filter((l) => l.message === 'web request aborted by the client').length).toBeGreaterThan(0);
  });
});
