/**
 * How people type → the words linking knows, as tables per style over a small invented plan (its own names and
 * codes). The language packs give the shorthands and courtesy phrases; the plan gives the words typos are fixed to.
 */
import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { smallStore } from '../query/small-plan.ts';

const store = smallStore();
const norm = (q: string) => normalizeQuestion(q, store);

describe('chat markup', () => {
  it.each([
    ['<@U0AB12CD> chi guida LV-BI01?', 'chi guida LV-BI01?'],
    ['@assistente chi guida LV-BI01', 'chi guida LV-BI01'],
    ['chi guida LV-BI01 :pray: 🙂👍🏽', 'chi guida LV-BI01'],
    ['&gt; chi guida LV-BI01', 'chi guida LV-BI01'],
    ['vedi <https://example.org/x|il piano> fasi LV-BI01', 'vedi il piano fasi LV-BI01'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));

  it('markup alone is kept as typed rather than emptied', () => {
    expect(norm(':wave:')).toBe(':wave:');
    expect(norm('<@U0AB12CD>')).toBe('<@U0AB12CD>');
  });

  it('keeps an e-mail address whole', () => {
    expect(norm('scrivere a ufficio@example.org')).toBe('scrivere a ufficio@example.org');
  });
});

describe('shorthands and glued magnitudes (language-pack data)', () => {
  it.each([
    ['resp. ob. LV-BI02', 'responsabile obiettivo LV-BI02'],
    ["fasi dell'ob. LV-BI02", "fasi dell'obiettivo LV-BI02"],
    ['obb. di Neri Carla', 'obiettivi di Neri Carla'],
    ['dir. c.d.r. 41', 'dirigente cdr 41'],
    ['prog. sotto 20k', 'progetto sotto 20 k'],
    ['progetti > 1,5mln', 'progetti sopra 1,5 mln'],
    ['projects &gt; 2M', 'projects above 2 M'],
    ['progetti con budget <= 300 mila', 'progetti con budget al massimo 300 mila'],
    ['progetti oltre il milione', 'progetti oltre 1 milione'],
    ['progetti sopra mezzo milione', 'progetti sopra 500 mila'],
    ['progetti sopra 2 M€', 'progetti sopra 2 M €'],
    ['projects above a million', 'projects above 1 million'],
    ['progetti che nn hanno fasi', 'progetti che non hanno fasi'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));

  it('a shorthand after a number is part of a date, not a record word', () => {
    expect(norm('entro il 15 sett. 2020')).toBe('entro il 15 sett. 2020');
  });

  it('a shorthand inside a word is left alone', () => {
    expect(norm('the probe. results')).toBe('the probe. results');
  });
});

describe('polite wrappers and fillers', () => {
  it.each([
    ["mi sapresti dire chi guida l'obiettivo LV-BI02?", "chi guida l'obiettivo LV-BI02?"],
    ['Buonasera, potrebbe indicarmi le fasi di LV-BI01? Grazie mille!', 'le fasi di LV-BI01?'],
    ['per cortesia budget del progetto Palestre', 'budget del progetto Palestre'],
    ['I would like to know the owner of LV-BI02 please', 'the owner of LV-BI02'],
    ['hey, could you tell me the phases of LV-BI01? thx', 'the phases of LV-BI01?'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));

  it('a greeting or thanks alone stays what it is', () => {
    expect(norm('buonasera')).toBe('buonasera');
    expect(norm('grazie!')).toBe('grazie!');
    expect(norm('salve assistente')).toBe('salve assistente');
  });
});

describe('typos, against the model’s own words', () => {
  it.each([
    ['obbiettivi di Neri Carla', 'obiettivi di Neri Carla'],
    ['il valore attesso di LV-BI01', 'il valore atteso di LV-BI01'],
    ['fasi del progetto Catalogo digitle', 'fasi del progetto Catalogo digitale'],
    ['obiettivi di Viola Anan', 'obiettivi di Viola Anan'],
    ['the objetives of Rosi Bruno', 'the objectives of Rosi Bruno'],
    ['chi guida le Palestre scolatiche aperte', 'chi guida le Palestre scolastiche aperte'],
  ])('%s → %s', (typed, meant) => expect(norm(typed)).toBe(meant));

  it.each([
    // another ending of a word is not a typo
    'le biblioteca aperte la sera',
    // short words are never changed: one letter apart, both right
    'le fase e i pesi',
    // a different first letter is a different word
    'le rispettive scadenze',
    // a word far from every plan word stays
    'quanto costa la retta della mensa?',
    // codes keep their letters
    'budget di LV-BIO1',
    // an English plural is the word itself
    'the budgets of the offices',
    // a letter changed near the end of a long word is another form of a word (a participle beside an adjective)
    'le pagine digitate a mano',
  ])('leaves "%s" as typed', (q) => expect(norm(q)).toBe(q));

  it('keeps the capital of a name it corrects', () => {
    expect(norm('progetti di Gialli Pietro')).toBe('progetti di Gialli Piero');
    expect(norm('obiettivi di Neri Carlla')).toBe('obiettivi di Neri Carla');
  });

  it('costs little on a long run of letters (no per-letter work beyond a word length)', () => {
    const long = 'a'.repeat(2000);
    expect(norm(long)).toBe(long);
  });
});
