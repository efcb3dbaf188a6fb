import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call as Slack would receive it: the method, its arguments (JSON values decoded) and the token. */
export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface FakeSlackUser {
  id: string;
  name: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string; real_name_normalized?: string };
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  users?: FakeSlackUser[];
}

/**
 * A local Slack over real HTTP: the Web API at `${origin}/api/<method>` (record every call, answer like Slack,
 * fail a method with `ok: false` on demand), response_url endpoints, and a Socket Mode WebSocket at `/socket`
 * that says hello, delivers envelopes and records acks.
 */
export class FakeSlackApi {
  private readonly recorded: FakeSlackCall[] = [];
  private readonly events = new EventEmitter();
  private readonly failures = new Map<string, { error: string; remaining: number }>();
  private readonly users = new Map<string, FakeSlackUser>();
  private readonly sockets = new Set<WebSocket>();
  private readonly acks: Record<string, unknown>[] = [];
  private tsCounter = 0;
  private fileCounter = 0;
  private readonly uploads = new Map<string, Buffer>();

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly options: Required<Omit<FakeSlackOptions, 'users'>>,
  ) {}

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/socket' });
    const fake = new FakeSlackApi(server, wss, {
      botUserId: options.botUserId ?? 'UBOT',
      botId: options.botId ?? 'BBOT',
      teamId: options.teamId ?? 'T1',
    });
    for (const u of options.users ?? []) fake.addUser(u);
    server.on('request', (req, res) => void fake.handle(req, res));
    wss.on('connection', (ws) => fake.onSocket(ws));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** the Web API base URL, as SLACK_API_URL */
  get url(): string {
    return `${this.origin}/api/`;
  }

  calls(method?: string): FakeSlackCall[] {
    return this.recorded.filter((c) => method === undefined || c.method === method);
  }

  /** Resolves with the first call (already made or future) of `method` that satisfies `predicate`. */
  waitFor(
    method: string,
    predicate: (c: FakeSlackCall) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<FakeSlackCall> {
    const found = this.calls(method).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (c: FakeSlackCall) => {
        if (c.method !== method || !predicate(c)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        const seen = this.recorded.map((c) => c.method).join(', ') || 'none';
        reject(new Error(`timed out waiting for ${method}; calls so far: ${seen}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`, as Slack does for a refused call. */
  failNext(method: string, error = 'internal_error', times = 1): void {
    this.failures.set(method, { error, remaining: times });
  }

  /** the bytes uploaded for a file id (files.uploadV2), or undefined */
  uploadedFile(fileId: string): Buffer | undefined {
    return this.uploads.get(fileId);
  }

  addUser(user: FakeSlackUser): void {
    this.users.set(user.id, user);
  }

  /** A response_url for a slash command or interaction; what is POSTed there is recorded as method "response_url". */
  responseUrl(id = `R${this.recorded.length}`): string {
    return `${this.origin}/response/${id}`;
  }

  // --- Socket Mode ---

  /** the URL apps.connections.open hands out */
  get socketUrl(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/socket`;
  }

  /** Sends an envelope (events_api, slash_commands, interactive) to every connected Socket Mode client. */
  deliver(envelope: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  waitForSocket(timeoutMs = 5_000): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return waitForEvent(this.events, 'socket', () => true, timeoutMs, 'a Socket Mode connection');
  }

  waitForAck(envelopeId: string, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const found = this.acks.find((a) => a.envelope_id === envelopeId);
    if (found) return Promise.resolve(found);
    return waitForEvent(this.events, 'ack', (a) => a.envelope_id === envelopeId, timeoutMs, `ack of ${envelopeId}`);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Record<string, unknown>;
      this.acks.push(ack);
      this.events.emit('ack', ack);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: {} }));
    this.events.emit('socket', ws);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', this.origin);
    const upload = url.pathname.match(/^\/upload\/(F\d+)$/);
    if (upload && req.method === 'POST') {
      // step 2 of files.uploadV2: the file goes to the URL files.getUploadURLExternal handed out, as a multipart form
      const file = await uploadedBytes(bytes, req.headers['content-type']);
      this.uploads.set(upload[1]!, file);
      this.record({ method: 'file_upload', args: { file_id: upload[1], bytes: file.length }, token: undefined });
      return send(res, 200, { ok: true });
    }
    const response = url.pathname.match(/^\/response\/(.+)$/);
    if (response && req.method === 'POST') {
      this.record({
        method: 'response_url',
        args: { id: response[1], ...parseBody(raw, req.headers['content-type']) },
        token: undefined,
      });
      return send(res, 200, { ok: true });
    }
    const api = url.pathname.match(/^\/api\/([\w.]+)$/);
    if (!api) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = api[1]!;
    const args = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    const call = { method, args, token };
    this.record(call);
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining--;
      return send(res, 200, { ok: false, error: failure.error });
    }
    return send(res, 200, this.reply(call));
  }

  private reply({ method, args }: FakeSlackCall): Record<string, unknown> {
    const { botUserId, botId, teamId } = this.options;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'pianobot',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
        };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { type: 'message', user: botUserId, bot_id: botId, ts, text: args.text, blocks: args.blocks },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', type: 'home', ...(args.view as object) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.fileCounter}`;
        return { ok: true, upload_url: `${this.origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  private nextTs(): string {
    this.tsCounter++;
    return `1800000000.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private record(call: FakeSlackCall): void {
    this.recorded.push(call);
    this.events.emit('call', call);
  }
}

function waitForEvent<T>(
  events: EventEmitter,
  name: string,
  predicate: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const on = (value: T) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      events.off(name, on);
      resolve(value);
    };
    const timer = setTimeout(() => {
      events.off(name, on);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    events.on(name, on);
  });
}

/** The file of a multipart upload (the web client sends it as a form part), or the raw body otherwise. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  let file: Blob | undefined;
  form.forEach((value) => {
    if (!file && typeof value !== 'string') file = value;
  });
  return file ? Buffer.from(await (file as Blob).arrayBuffer()) : body;
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Web API client sends form fields with nested values (blocks, prompts, view) as JSON strings. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
