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
    // tables, figures, ranks and short months cited inside a sentence
    [
      'I dati sono nella tab. 4 e nella fig. 2 della relazione. Nessun altro.',
      ['I dati sono nella tab. 4 e nella fig. 2 della relazione.', 'Nessun altro.'],
    ],
    [
      'Il bando per il personale di cat. C scade il 15 ott. 2024 alle 12. Poi la graduatoria.',
      ['Il bando per il personale di cat. C scade il 15 ott. 2024 alle 12.', 'Poi la graduatoria.'],
    ],
    ['Casa di riposo O. Rossi ristrutturata. Fine.', ['Casa di riposo O. Rossi ristrutturata.', 'Fine.']],
    ['<p>Primo paragrafo</p><p>Secondo paragrafo</p>', ['Primo paragrafo', 'Secondo paragrafo']],
    ['riga uno\nriga due', ['riga uno', 'riga due']],
    // prose hard-wrapped by a PDF conversion: the sentence goes on in the next line
    [
      "Il servizio intende completare l'informatizzazione degli archivi cartacei dell'ufficio tecnico\ncomunale entro il 1990 incluso. Poi si valuterà.",
      [
        "Il servizio intende completare l'informatizzazione degli archivi cartacei dell'ufficio tecnico comunale entro il 1990 incluso.",
        'Poi si valuterà.',
      ],
    ],
    // a table row or a list item is not a wrapped line
    [
      'Voce di bilancio per la manutenzione ordinaria delle strade comunali\n- seconda voce',
      ['Voce di bilancio per la manutenzione ordinaria delle strade comunali', '- seconda voce'],
    ],
    // a form's label in capitals opens a sentence
    [
      "FINALITA': aprire un centro diurno per anziani RISULTATI ATTESI: venti posti",
      ["FINALITA': aprire un centro diurno per anziani", 'RISULTATI ATTESI: venti posti'],
    ],
  ])('%j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});
