import { describe, expect, it } from 'vitest';
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

  it('adds nothing to a question the glossary does not cover', () => {
    expect(expand('Passepartout')).toEqual([]);
  });

  it('ignores a glossary term made only of function words', () => {
    const expander = createQueryExpander({ entries: [{ terms: ['what is'], expand: ['descrizione'] }], patterns: [] });
    expect(expander.expand('what is this?')).toEqual([]);
  });
});
