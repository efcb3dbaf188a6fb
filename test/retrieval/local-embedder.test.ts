import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { LOCAL_EMBEDDER_DIMENSION, LOCAL_EMBEDDER_ID } from '../../src/retrieval/local-embedder.ts';

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

  it('is stateless: a passage gets the same vector whatever else was embedded before or beside it', async () => {
    const [alone] = await createLocalEmbedder().embed([CHATBOT]);
    const [, beside] = await createLocalEmbedder().embed([BARRIERS, CHATBOT, PASSEPARTOUT]);
    expect(beside).toEqual(alone);
  });
});
