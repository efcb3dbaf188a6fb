import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../ingest/indexing/build-search-index.ts';
import { createLocalEmbedder, createOpenAIEmbedder } from '../../src/retrieval/embedder.ts';
import { openSearchIndex } from '../../src/retrieval/search-index.ts';
import { FakeOpenAiEmbeddingsServer } from '../fakes/fake-openai-embeddings-server.ts';
import { loadRealPlans } from './support/real-plans.ts';

let server: FakeOpenAiEmbeddingsServer;
let dir: string;

beforeAll(async () => {
  server = await FakeOpenAiEmbeddingsServer.start(16);
  dir = await mkdtemp(join(tmpdir(), 'pianobot-openai-'));
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('OpenAI-compatible embedder', () => {
  it('asks the endpoint for float vectors with the configured model and key, and learns the dimension', async () => {
    const embedder = createOpenAIEmbedder({ model: 'nomic-embed-text', baseUrl: server.url, apiKey: 'sk-local' });
    expect(embedder.id).toBe('openai:nomic-embed-text');
    expect(embedder.dimension).toBe(0);
    const vectors = await embedder.embed(['carrozzina', 'help desk']);
    expect(vectors).toEqual([server.vectorOf('carrozzina'), server.vectorOf('help desk')]);
    expect(embedder.dimension).toBe(16);
    const last = server.requests.at(-1)!;
    expect(last).toMatchObject({
      model: 'nomic-embed-text',
      encodingFormat: 'float',
      authorization: 'Bearer sk-local',
    });
  });

  it('reports a failing endpoint as LLM_UNAVAILABLE naming the endpoint', async () => {
    const embedder = createOpenAIEmbedder({ model: 'nomic-embed-text', baseUrl: server.url, apiKey: 'sk-local' });
    server.failWith = 404;
    try {
      await expect(embedder.embed(['x'])).rejects.toMatchObject({
        code: 'LLM_UNAVAILABLE',
        message: expect.stringContaining(server.url),
      });
    } finally {
      server.failWith = null;
    }
  });

  it('builds and searches an index, which the local embedder then refuses to read', async () => {
    const { docs, plans } = await loadRealPlans(['001_73b0fc146c050a42.txt']);
    const embedder = createOpenAIEmbedder({ model: 'nomic-embed-text', baseUrl: server.url, apiKey: 'sk-local' });
    const built = await buildSearchIndex({ docs, plans, outDir: join(dir, 'search'), embedder });
    expect(built.chunks).toBeGreaterThan(0);
    const fresh = createOpenAIEmbedder({ model: 'nomic-embed-text', baseUrl: server.url, apiKey: 'sk-local' });
    const index = await openSearchIndex(join(dir, 'search'), fresh);
    const [hit] = await index.search('Passepartout', { k: 1 });
    expect(hit?.chunk.text).toContain('Passepartout');
    await expect(openSearchIndex(join(dir, 'search'), createLocalEmbedder())).rejects.toMatchObject({
      code: 'INDEX_INCOMPATIBLE',
    });
  });

  it('refuses at the first question an endpoint whose vectors changed dimension', async () => {
    const other = await FakeOpenAiEmbeddingsServer.start(8);
    try {
      const embedder = createOpenAIEmbedder({ model: 'nomic-embed-text', baseUrl: other.url, apiKey: 'sk-local' });
      const index = await openSearchIndex(join(dir, 'search'), embedder);
      await expect(index.search('Passepartout')).rejects.toMatchObject({
        code: 'INDEX_INCOMPATIBLE',
        message: expect.stringContaining('npm run ingest'),
      });
    } finally {
      await other.stop();
    }
  });
});
