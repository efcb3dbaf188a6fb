/**
 * Embeddings behind one interface: the local hashed-feature embedder by default, or any OpenAI-compatible
 * endpoint (OpenAI, Ollama, vLLM, LocalAI) through @langchain/openai. The search index records `id` and
 * `dimension` and refuses to be read with another embedder.
 */
import { PianobotError } from '../errors.ts';
import { localHashEmbedder } from './local-embedder.ts';

export interface Embedder {
  readonly id: string;
  /** vector length; 0 while an endpoint embedder has not answered yet and was not told its dimension */
  readonly dimension: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** Deterministic, no download, no network. */
export function createLocalEmbedder(): Embedder {
  return localHashEmbedder();
}

export interface OpenAIEmbedderOptions {
  model: string;
  baseUrl?: string | undefined;
  apiKey: string;
  /** ask the endpoint for this many dimensions (text-embedding-3 models only); otherwise learnt on first call */
  dimensions?: number;
  timeoutMs?: number;
}

/** Any OpenAI-compatible `/v1/embeddings` endpoint. Local servers usually only speak `encoding_format: "float"`. */
export function createOpenAIEmbedder(opts: OpenAIEmbedderOptions): Embedder {
  // loaded on first use: @langchain/openai takes ~2 s to import, which every CLI start would pay for nothing
  const client = import('@langchain/openai').then(
    ({ OpenAIEmbeddings }) =>
      new OpenAIEmbeddings({
        model: opts.model,
        apiKey: opts.apiKey,
        encodingFormat: 'float',
        batchSize: 64,
        maxRetries: 1,
        ...(opts.dimensions ? { dimensions: opts.dimensions } : {}),
        ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}),
        ...(opts.baseUrl ? { configuration: { baseURL: opts.baseUrl } } : {}),
      }),
  );
  let dimension = opts.dimensions ?? 0;
  const where = opts.baseUrl ?? 'the OpenAI API';
  return {
    id: `openai:${opts.model}`,
    get dimension() {
      return dimension;
    },
    async embed(texts: string[]): Promise<number[][]> {
      if (texts.length === 0) return [];
      let vectors: number[][];
      try {
        vectors = await (await client).embedDocuments(texts);
      } catch (cause) {
        throw new PianobotError(
          'LLM_UNAVAILABLE',
          `embeddings endpoint ${where} (model ${opts.model}) failed: ${(cause as Error).message}`,
          { cause },
        );
      }
      const first = vectors[0];
      if (vectors.length !== texts.length || !first || first.length === 0) {
        throw new PianobotError(
          'LLM_UNAVAILABLE',
          `embeddings endpoint ${where} returned ${vectors.length} vectors for ${texts.length} texts`,
        );
      }
      dimension = first.length;
      return vectors;
    },
  };
}
