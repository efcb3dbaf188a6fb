import type { Config } from '../config.ts';
import { createLocalEmbedder, createOpenAIEmbedder, type Embedder } from './embedder.ts';

/** The local embedder unless an embeddings endpoint is configured. */
export function createEmbedderFromConfig(config: Config): Embedder {
  if (!config.embeddings) return createLocalEmbedder();
  return createOpenAIEmbedder({
    model: config.embeddings.model,
    apiKey: config.embeddings.apiKey,
    ...(config.embeddings.baseUrl ? { baseUrl: config.embeddings.baseUrl } : {}),
  });
}
