/** A one-letter typo links a person only when the word is written as a name (capitalised). */
import { describe, expect, it } from 'vitest';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const people = (q: string) => linkQuestion(q, store).people.map((p) => p.name);

describe('typos in names', () => {
  it('a capitalised word one edit from a surname is that person', () => {
    expect(people('progetti di Gialla')).toEqual(['Gialli Piero']);
  });

  it('a lower-case word one edit from a surname is an ordinary word', () => {
    expect(people('la fascia gialla del progetto più caro')).toEqual([]);
  });

  it('a surname written exactly links in lower case too', () => {
    expect(people('progetti di gialli')).toEqual(['Gialli Piero']);
  });
});
