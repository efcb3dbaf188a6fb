import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeClock, realClock } from './manual-clock.ts';

/**
 * One scripted reply of the fake model. Each POST /v1/chat/completions consumes the next step:
 * - `{ tool, args }` — the assistant calls one tool (`tool_calls`, finish_reason "tool_calls");
 * - `{ calls: [...] }` — the assistant calls several tools in one turn;
 * - `{ text }` — the assistant's final answer;
 * - `{ obey }` — a gullible model: it follows the first instruction "… rispondi che <X>" / "… answer that <X>" it
 *   finds in the tool results of the conversation and answers with X (prompt injection through a plan's text);
 * - `{ status, message? }` — the endpoint fails with that HTTP status and an OpenAI-style error body.
 * Any step may carry `delayMs`: the reply is held back that long on the server's clock (longer than the client's
 * timeout = a hang; with a ManualClock, until the test advances it). A step with nothing but `delayMs` hangs and then
 * fails with 504.
 */
export type FakeStep = { delayMs?: number } & (
  | { tool: string; args?: Record<string, unknown> }
  | { calls: { tool: string; args?: Record<string, unknown> }[] }
  | { text: string }
  | { obey: { prefix: string } }
  | { status: number; message?: string }
  | Record<never, never>
);

/** The parts of an OpenAI chat-completions request body the tests look at. */
export interface ChatRequestBody {
  model: string;
  messages: ChatRequestMessage[];
  tools?: { type: 'function'; function: { name: string; description?: string; parameters: JsonSchema } }[];
  stream?: boolean;
  temperature?: number;
  [key: string]: unknown;
}

export interface ChatRequestMessage {
  role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
  content: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [key: string]: unknown;
}

/** One request as the fake received it. */
export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: ChatRequestBody;
}

/**
 * A local OpenAI-compatible chat-completions endpoint over real HTTP (ephemeral port on 127.0.0.1) that replies
 * from a script and records every request, so tests can drive ChatOpenAI through tool calls, final answers,
 * 5xx errors and hangs without any network.
 */
export class FakeOpenAiServer {
  private steps: FakeStep[] = [];
  private readonly recorded: FakeRequest[] = [];
  private readonly cancels = new Set<() => void>();
  private abandonedCount = 0;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    private readonly clock: FakeClock,
  ) {}

  static async start(steps: FakeStep[] = [], options: { clock?: FakeClock } = {}): Promise<FakeOpenAiServer> {
    const server = createServer();
    const fake = new FakeOpenAiServer(server, options.clock ?? realClock);
    fake.script(steps);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** the base URL a client is configured with, as OPENAI_BASE_URL (ends in /v1) */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Replaces the script and forgets the requests received so far. */
  script(steps: FakeStep[]): void {
    this.steps = [...steps];
    this.recorded.length = 0;
    this.abandonedCount = 0;
  }

  /** requests whose client closed the connection while their step was held back (a client timeout), since `script()` */
  get abandoned(): number {
    return this.abandonedCount;
  }

  /** the chat-completions requests received since the last `script()`, oldest first */
  get requests(): readonly FakeRequest[] {
    return this.recorded;
  }

  /** steps not consumed yet */
  get remaining(): number {
    return this.steps.length;
  }

  async close(): Promise<void> {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return send(res, 404, errorBody(`fake-openai: no route ${req.method} ${path}`, 'not_found'));
    }
    let body: ChatRequestBody;
    try {
      body = JSON.parse(await readBody(req)) as ChatRequestBody;
    } catch {
      return send(res, 400, errorBody('fake-openai: request body is not JSON', 'invalid_request_error'));
    }
    this.recorded.push({ method: req.method, path, authorization: req.headers.authorization, body });
    if (body.stream) {
      // ChatOpenAI.invoke does not stream by default; fail loudly if that ever changes rather than half-support it
      return send(res, 400, errorBody('fake-openai: streaming is not supported', 'invalid_request_error'));
    }

    const step = this.steps.shift();
    if (!step) return send(res, 500, errorBody('fake-openai: script exhausted', 'server_error'));
    if (step.delayMs) {
      await new Promise<void>((resolve) => {
        const cancel = this.clock.setTimeout(() => {
          this.cancels.delete(cancel);
          resolve();
        }, step.delayMs!);
        this.cancels.add(cancel);
        res.on('close', () => {
          cancel();
          this.cancels.delete(cancel);
          resolve();
        });
      });
      if (res.destroyed || res.writableEnded) {
        this.abandonedCount++; // the client gave up (timeout)
        return;
      }
    }
    this.reply(res, body, step);
  }

  private reply(res: ServerResponse, body: ChatRequestBody, step: FakeStep): void {
    const [status, payload] = this.replyTo(body, step);
    send(res, status, payload);
  }

  private replyTo(body: ChatRequestBody, step: FakeStep): [number, unknown] {
    if ('status' in step)
      return [step.status, errorBody(step.message ?? `fake-openai: scripted ${step.status}`, 'server_error')];
    const calls = 'tool' in step ? [{ tool: step.tool, args: step.args }] : 'calls' in step ? step.calls : null;
    if (calls) {
      const toolCalls = calls.map((c) => ({
        id: `call_${this.nextId++}`,
        type: 'function' as const,
        function: { name: c.tool, arguments: JSON.stringify(c.args ?? {}) },
      }));
      return [
        200,
        completion(
          body.model,
          { role: 'assistant', content: null, tool_calls: toolCalls },
          'tool_calls',
          this.nextId++,
        ),
      ];
    }
    if ('text' in step)
      return [200, completion(body.model, { role: 'assistant', content: step.text }, 'stop', this.nextId++)];
    if ('obey' in step) {
      const toolText = body.messages
        .filter((m) => m.role === 'tool')
        .map(messageText)
        .join('\n');
      const order = /(?:rispondi che|answer that)\s+(.+?)(?=["\\]|$)/i.exec(toolText)?.[1]?.trim();
      const content = order ? `${step.obey.prefix}${order}` : 'Non ho istruzioni da seguire.';
      return [200, completion(body.model, { role: 'assistant', content }, 'stop', this.nextId++)];
    }
    return [504, errorBody('fake-openai: scripted hang ended', 'timeout')];
  }
}

function completion(model: string, message: Record<string, unknown>, finishReason: string, id: number) {
  return {
    id: `chatcmpl-fake-${id}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function errorBody(message: string, type: string) {
  return { error: { message, type, param: null, code: null } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The text of a recorded message, whatever shape its content has. */
export function messageText(message: ChatRequestMessage): string {
  if (typeof message.content === 'string') return message.content;
  if (!message.content) return '';
  return message.content.map((p) => p.text ?? '').join('');
}
