import { describe, expect, it } from 'vitest';
import { answerTypeOf, holdsAnswerType } from '../../src/linking/answer-type.ts';

describe('answerTypeOf', () => {
  it.each([
    ['in che anno è partito il servizio?', 'year'],
    ['fino a che anno vale la convenzione?', 'year'],
    ['da quando è attivo lo sportello?', 'date'],
    ['dove si tengono i corsi?', 'place'],
    ['quante famiglie sono coinvolte?', 'number'],
    ['which year was it approved?', 'year'],
    ['when does the call close?', 'date'],
    ['where are the meetings held?', 'place'],
    ['how old must applicants be?', 'number'],
    ['chi coordina il tavolo?', null],
  ])('%s → %s', (q, type) => {
    expect(answerTypeOf(q)).toBe(type);
  });
});

describe('holdsAnswerType', () => {
  it.each([
    ['La fondazione nasce nel 1998 per iniziativa del comune.', 'year', true],
    ['La fondazione nasce per iniziativa del comune.', 'year', false],
    ['Il bando resta aperto fino a marzo.', 'date', true],
    ['Le domande si chiudono il 15/04/2022.', 'date', true],
    ['I corsi si tengono presso la biblioteca civica.', 'place', true],
    ['I corsi sono gratuiti.', 'place', false],
    ['Sono coinvolte 40 famiglie.', 'number', true],
  ] as const)('%s (%s) → %s', (sentence, type, holds) => {
    expect(holdsAnswerType(sentence, type)).toBe(holds);
  });
});
