import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST /v1/embeddings as the fake received it. */
export interface EmbeddingsRequest {
  authorization: string | undefined;
  model: string;
  input: string[];
  encodingFormat: string | undefined;
}

/**
 * A local OpenAI-compatible embeddings endpoint (POST /v1/embeddings, as Ollama, vLLM and LocalAI serve it) over
 * real HTTP on 127.0.0.1. Vectors are a deterministic function of the text; `failWith` makes it answer an error.
 */
export class FakeOpenAiEmbeddingsServer {
  readonly requests: EmbeddingsRequest[] = [];
  failWith: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly dimension: number,
  ) {}

  static async start(dimension = 16): Promise<FakeOpenAiEmbeddingsServer> {
    const server = createServer();
    const fake = new FakeOpenAiEmbeddingsServer(server, dimension);
    server.on('request', (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        const send = (status: number, payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (req.method !== 'POST' || req.url !== '/v1/embeddings')
          return send(404, { error: { message: 'not found' } });
        const parsed = JSON.parse(body) as { model: string; input: string | string[]; encoding_format?: string };
        const input = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
        fake.requests.push({
          authorization: req.headers.authorization,
          model: parsed.model,
          input,
          encodingFormat: parsed.encoding_format,
        });
        if (fake.failWith)
          return send(fake.failWith, { error: { message: 'model not found', type: 'invalid_request_error' } });
        send(200, {
          object: 'list',
          model: parsed.model,
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: fake.vectorOf(text) })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** the base URL a client is configured with (ends in /v1) */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** the vector the fake gives a text */
  vectorOf(text: string): number[] {
    const bytes = createHash('sha256').update(text).digest();
    return Array.from({ length: this.dimension }, (_, i) => (bytes[i % bytes.length]! - 128) / 128);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
