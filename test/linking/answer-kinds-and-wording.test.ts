/**
 * Kinds of answer asked for by words or by a "which X" noun, acts and times of day recognised by their shape, and the
 * wording rules that let a phase be named as people say it (ordinals, "-amento" nouns). This file's own sentences.
 */
import { describe, expect, it } from 'vitest';
import { contentTokens, stem } from '../../src/answer/text-match.ts';
import { splitSentences } from '../../src/lang/split-sentences.ts';
import { answerCueOf, answerTypeOf, holdsAnswerType } from '../../src/linking/answer-type.ts';

describe('kinds of answer', () => {
  it.each([
    ['da quale norma discende il vincolo sul parco?', 'law'],
    ['under which decree was the office set up?', 'law'],
    ['quale legge regionale cita il progetto?', 'law'],
    ['which regional law is cited?', 'law'],
    ['what time does the desk close?', 'time'],
    ['which waste management company runs the collection?', 'who'],
    ['con quale cooperativa sociale lavora il centro?', 'who'],
  ])('"%s" asks for %s', (q, type) => {
    expect(answerTypeOf(q)).toBe(type);
  });

  it('keeps the words between "which" and its noun out of the cue', () => {
    expect(answerCueOf('which waste management company runs the collection?')).toBe('which company');
  });

  it('recognises acts by their abbreviations and numbers', () => {
    expect(holdsAnswerType('Il vincolo discende dal D. Lgs. 42/2004 sui beni culturali.', 'law')).toBe(true);
    expect(holdsAnswerType('Approvato con DGR 812/2019.', 'law')).toBe(true);
    expect(holdsAnswerType('Il parco è aperto a tutti.', 'law')).toBe(false);
  });

  it('recognises a time of day, not a date or an amount', () => {
    expect(holdsAnswerType('Lo sportello riceve dalle 9.30 alle 12.30.', 'time')).toBe(true);
    expect(holdsAnswerType('Con delibera del 14.03.2019 per 1.250.000,00 euro.', 'time')).toBe(false);
  });
});

describe('wording', () => {
  it('keeps "D. Lgs." inside its sentence', () => {
    const s = splitSentences('In attuazione del D. Lgs. 33/2013, il servizio pubblica i dati. Poi aggiorna il sito.');
    expect(s).toHaveLength(2);
    expect(s[0]).toContain('33/2013');
  });

  it('reads an ordinal as a word or a figure alike', () => {
    expect(contentTokens('Collaudo del 2° stralcio')).toContain('ord2');
    expect(contentTokens('collaudo del secondo stralcio')).toContain('ord2');
    expect(contentTokens('the third stage')).toContain('ord3');
    expect(contentTokens('Primo avviso')).toContain('ord1');
  });

  it('gives a noun in "-amento" the stem of its verb when cutting would leave too little', () => {
    expect(stem('affidamento')).toBe(stem('affidati'));
    expect(stem('adeguamento')).toBe(stem('adeguare'));
  });
});
