import { describe, expect, it } from 'vitest';
import { type CorpusWeightedEmbedder, createLocalEmbedder, isCorpusWeighted } from '../../src/retrieval/embedder.ts';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_ID } from '../../src/retrieval/local-embedder.ts';

/** the local embedder, which must learn corpus weights: a test that needs them fails, not skips, when it does not */
function weightedEmbedder(): CorpusWeightedEmbedder {
  const embedder = createLocalEmbedder();
  if (!isCorpusWeighted(embedder)) throw new Error('the local embedder no longer learns corpus (IDF) weights');
  return embedder;
}

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

// passages of the Provincia di Prato PIAO (003, lines 168 and 195) and of the Serravalle PEG (001, line 155)
const BARRIERS =
  'Tutti gli edifici pubblici devono essere privi di barriere architettoniche e dotate di mezzi e percorsi attrezzati';
const CHATBOT =
  'attivazione sul portale istituzionale di una maschera Help Desk. Si tratta di un assistente virtuale (chatbot)';
const PASSEPARTOUT = 'Progetto Passepartout – Nuovo Progetto: predisposizione progetto e procedura di gara';

describe('local embedder', () => {
  const embedder = createLocalEmbedder();

  it('names itself and its dimension, so an index can refuse another embedder', () => {
    expect(embedder.id).toBe(LOCAL_EMBEDDER_ID);
    expect(embedder.dimension).toBe(LOCAL_EMBEDDER_DIMENSION);
  });

  it('gives L2-normalized vectors of its dimension', async () => {
    const [v] = await embedder.embed([BARRIERS]);
    expect(v).toHaveLength(LOCAL_EMBEDDER_DIMENSION);
    expect(norm(v!)).toBeCloseTo(1, 6);
  });

  it('is deterministic: the same text gives the same vector', async () => {
    const [a] = await embedder.embed([CHATBOT]);
    const [b] = await createLocalEmbedder().embed([CHATBOT]);
    expect(a).toEqual(b);
  });

  it('puts an inflected or misspelt question close to the passage it names', async () => {
    const [passage, inflected, typo, other] = await embedder.embed([
      BARRIERS,
      'edificio pubblico privo di barriera architettonica',
      'barriere archittetoniche negli edifici',
      PASSEPARTOUT,
    ]);
    expect(cosine(passage!, inflected!)).toBeGreaterThan(cosine(passage!, other!) + 0.1);
    expect(cosine(passage!, typo!)).toBeGreaterThan(cosine(passage!, other!) + 0.1);
  });

  it('learns IDF weights from a corpus and applies the same weights to documents and questions', async () => {
    const fitted = weightedEmbedder();
    const stats = fitted.fit([BARRIERS, CHATBOT, PASSEPARTOUT, BARRIERS]);
    const weighted = fitted.withStats(stats);
    const again = weightedEmbedder();
    const [a] = await weighted.embed(['help desk chatbot']);
    const [b] = await again.withStats(new Uint8Array(stats)).embed(['help desk chatbot']);
    expect(a).toEqual(b);
    const [plain] = await embedder.embed(['help desk chatbot']);
    expect(a).not.toEqual(plain);
  });

  it('refuses truncated corpus statistics', () => {
    const fitted = weightedEmbedder();
    const stats = fitted.fit([BARRIERS, BARRIERS, CHATBOT]);
    expect(() => fitted.withStats(stats.subarray(0, stats.length - 4))).toThrow(/truncated/);
  });
});
