import { describe, expect, it } from 'vitest';
import { en } from '../../src/lang/en.ts';
import { it as itPack } from '../../src/lang/it.ts';
import { metaKindOf, wordMatches } from '../../src/linking/find-meta.ts';
import { wordsOf } from '../../src/linking/phrases.ts';

const LEXICONS = [itPack.lexicon, en.lexicon];
const kindOf = (q: string) => metaKindOf(wordsOf(q), LEXICONS);

describe('metaKindOf: questions about pianobot, by the kind of their words', () => {
  it.each([
    // Italian
    ['buonasera a te', 'help'],
    ['ehilà', null],
    ['buonasera buonasera', 'greeting'],
    ['buon pomeriggio!', 'greeting'],
    ['che cosa sai?', 'help'],
    ['mi spieghi come funziona?', 'help'],
    ['dimmi che argomenti conosci', 'help'],
    ['quali fonti... anzi quali documenti hai?', null],
    ['di quali enti hai caricato i piani?', 'help'],
    ['cosa posso domandarti?', 'help'],
    // English
    ['hello pianobot', 'help'],
    ['good morning', 'greeting'],
    ['which topics do you cover?', 'help'],
    ['tell me what data you have loaded', 'help'],
    ['what can I ask?', 'help'],
    ['can you help me?', 'help'],
    // asking how to use pianobot without a help word
    ['ma tu come ti si usa?', 'help'],
    ['allora, a cosa servi tu?', 'help'],
    ['cosa devo scriverti?', 'help'],
    ['un esempio?', 'help'],
    ['where should I start', 'help'],
    ['what do I type here?', 'help'],
  ])('%s → %s', (q, kind) => {
    expect(kindOf(q)).toBe(kind);
  });

  it.each([
    'quali piani di zona cita il progetto?',
    'cosa sai del bando case popolari?',
    'which documents must I bring for the taxi vouchers?',
    'what do you know about the homeless shelter?',
    'hai il budget del nido?',
    // a word of using pianobot beside a plan's own words asks about the plan
    'quali servizi hai?',
    'a cosa serve il centro diurno?',
    'un esempio di progetto sul lavoro',
    'what type of housing does the plan fund?',
  ])('a question with content of its own is not about pianobot: %s', (q) => {
    expect(kindOf(q)).toBeNull();
  });
});

describe('wordMatches', () => {
  it('matches a long entry with a short ending, a short entry only whole', () => {
    expect(wordMatches('raccontarmi', ['raccont'])).toBe(true);
    expect(wordMatches('documenti', ['document'])).toBe(true);
    expect(wordMatches('titolo', ['ti'])).toBe(false);
    expect(wordMatches('ti', ['ti'])).toBe(true);
    expect(wordMatches('pianificazione', ['pian'])).toBe(false);
    // a closing `$` keeps a long entry whole
    expect(wordMatches('servi', ['servi$'])).toBe(true);
    expect(wordMatches('servizi', ['servi$'])).toBe(false);
  });
});
