import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/retrieval/analyze.ts';
import { createQueryExpander, glossaryExpander } from '../../src/retrieval/query-expansion.ts';

describe('glossary query expansion', () => {
  const expand = (q: string) => glossaryExpander().expand(q);

  it.each([
    [
      "Are the Provincia's offices wheelchair accessible?",
      ['carrozzina', 'disabilità motoria', 'barriere architettoniche', 'sedi', 'uffici'],
    ],
    ['how many employees did the Provincia have?', ['dipendenti', 'personale', 'organico']],
    ['is there a help desk?', ['help desk', 'chatbot', 'assistente virtuale']],
    ['what is the budget of the project?', ['risorse finanziarie', 'stanziamento']],
    ['deadline of objective 2020-CP09', ['scadenza', 'fine prevista']],
  ])('leads the English question "%s" to the Italian words of the plans', (question, italian) => {
    expect(expand(question)).toEqual(expect.arrayContaining(italian));
  });

  it('expands Italian terms with their administrative synonyms', () => {
    expect(expand('Quanti dipendenti ha la Provincia?')).toEqual(expect.arrayContaining(['personale', 'organico']));
  });

  it('matches inflected forms of a glossary term', () => {
    expect(expand('un dipendente')).toEqual(expect.arrayContaining(['personale']));
  });

  it('turns "end of 2023" into the date the plans write', () => {
    expect(expand('employees at the end of 2023')).toEqual(expect.arrayContaining(['31/12/2023']));
  });

  it("reads an age of 65 or more as the plans' over 65, not a younger one", () => {
    expect(expand('mio nonno ha 82 anni, cosa offre il comune?')).toContain('over 65');
    expect(expand('my aunt is 71 years old')).toContain('anziani');
    expect(expand('mio figlio ha 12 anni')).not.toContain('over 65');
  });

  it('adds nothing to a question the glossary does not cover', () => {
    expect(expand('Passepartout')).toEqual([]);
  });

  it('ignores a glossary term made only of function words', () => {
    const expander = createQueryExpander({ entries: [{ terms: ['what is'], expand: ['descrizione'] }], patterns: [] });
    expect(expander.expand('what is this?')).toEqual([]);
  });
});

describe('glossary terms found anywhere in a long question', () => {
  const expander = createQueryExpander({
    entries: [
      { terms: ['raccolta differenziata', 'rifiuti'], expand: ['igiene urbana'] },
      { terms: ['asilo nido', 'nido'], expand: ['servizi per l’infanzia'] },
      { terms: ['trasporto scolastico'], expand: ['scuolabus'] },
    ],
    patterns: [],
  });

  it('reports each entry once, in glossary order, with the first of its terms the question holds', () => {
    const filler = Array.from({ length: 150 }, (_, i) => `parola${i}`).join(' ');
    const question = `${filler} nido e trasporto scolastico ${filler} rifiuti e raccolta differenziata ${filler}`;
    expect(expander.expansions(question).map((e) => [e.matched, e.phrases[0]])).toEqual([
      [analyze('raccolta differenziata').words, 'igiene urbana'],
      [analyze('nido').words, 'servizi per l’infanzia'],
      [analyze('trasporto scolastico').words, 'scuolabus'],
    ]);
  });

  it('needs the words of a term together and in order', () => {
    expect(expander.expand('scolastico è il trasporto')).toEqual([]);
  });
});
