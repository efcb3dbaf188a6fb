/**
 * Roles and offices a question names, read from the shape of the question: a who- or name-asking phrase and an
 * article before a role; a structure-kind word beside an office's name. Tables per language, in this file's own
 * wording; place words are an invented entity's.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lang/en.ts';
import { it as itPack } from '../../src/lang/it.ts';
import { askedRoleOf, namedOfficeOf } from '../../src/linking/find-role.ts';
import { wordsOf } from '../../src/linking/phrases.ts';

const LEXICONS = [itPack.lexicon, en.lexicon];
const PLACES = new Set(['borgofiume', 'comune', 'provincia', 'city', 'municipality']);
const isPlace = (w: string) => PLACES.has(w);
const roleOf = (q: string) => askedRoleOf(wordsOf(q), LEXICONS, isPlace)?.name ?? null;
const officeOf = (q: string) => namedOfficeOf(wordsOf(q), LEXICONS, isPlace)?.phrase ?? null;

describe('askedRoleOf: a role whose holder is asked', () => {
  it.each([
    ['chi è il tesoriere di Borgofiume?', 'tesoriere'],
    ["chi è l'economo del Comune di Borgofiume?", 'economo'],
    ['chi era la vicepresidente della provincia', 'vicepresidente'],
    ['come si chiama il segretario comunale di Borgofiume?', 'segretario comunale'],
    ['mi dici il nome del difensore civico?', 'difensore civico'],
    ['who is the city treasurer?', 'treasurer'],
    ["what's the name of Borgofiume's ombudsman?", 'ombudsman'],
    ['who was the chief auditor of the municipality?', 'chief auditor'],
  ])('%s → %s', (q, role) => {
    expect(roleOf(q)).toBe(role);
  });

  it.each([
    // the records' own roles and kinds: answered from the records' fields
    'chi è il responsabile del servizio parchi?',
    'chi è la dirigente della ragioneria di Borgofiume?',
    'who is the owner of objective BF-07?',
    'who is the manager of the parks service?',
    'chi sono i referenti del progetto?',
    // a person named, not a role: no article before it
    'chi è Ottavia Ferretti?',
    'who is Piero Lanzi?',
    // a ranking of people, not a role
    'chi è il più anziano dei dirigenti?',
    'who is the most assigned owner?',
    // no who- or name-asking words
    'il tesoriere di Borgofiume che compiti ha?',
  ])('no role no record holds in: %s', (q) => {
    expect(roleOf(q)).toBeNull();
  });
});

describe('namedOfficeOf: an office named by its kind word', () => {
  it.each([
    ["chi guida l'ufficio cimiteri di Borgofiume?", 'ufficio cimiteri'],
    ['orari del servizio per le affissioni', 'servizio affissioni'],
    ['who runs the cemetery office of Borgofiume?', 'cemetery office'],
    ['settore viabilità: chi lo dirige?', 'settore viabilita'],
  ])('%s → %s', (q, office) => {
    expect(officeOf(q)).toBe(office);
  });

  it.each(['quali uffici ha il Comune di Borgofiume?', 'where are the offices of the municipality?'])(
    'a kind word with no name beside it names no office: %s',
    (q) => {
      expect(officeOf(q)).toBeNull();
    },
  );
});
