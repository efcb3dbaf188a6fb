import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/lang/split-sentences.ts';

describe('splitSentences', () => {
  it.each([
    [
      'Il palazzo è in via Roma n. 12, Lucca. Gli uffici sono al piano terra.',
      ['Il palazzo è in via Roma n. 12, Lucca.', 'Gli uffici sono al piano terra.'],
    ],
    [
      "Ai sensi dell'art. 6 del D.Lgs. 150/2009 il piano è adottato. Segue la relazione.",
      ["Ai sensi dell'art. 6 del D.Lgs. 150/2009 il piano è adottato.", 'Segue la relazione.'],
    ],
    [
      'La dott.ssa Bianchi coordina il gruppo. Il dott. Verdi lo affianca.',
      ['La dott.ssa Bianchi coordina il gruppo.', 'Il dott. Verdi lo affianca.'],
    ],
    ['Il budget è di 1.920.000,00 euro. Non cambia.', ['Il budget è di 1.920.000,00 euro.', 'Non cambia.']],
    ['Casa di riposo O. Rossi ristrutturata. Fine.', ['Casa di riposo O. Rossi ristrutturata.', 'Fine.']],
    ['<p>Primo paragrafo</p><p>Secondo paragrafo</p>', ['Primo paragrafo', 'Secondo paragrafo']],
    ['riga uno\nriga due', ['riga uno', 'riga due']],
  ])('%j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});
