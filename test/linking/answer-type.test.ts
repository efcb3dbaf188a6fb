import { describe, expect, it } from 'vitest';
import { clipAround } from '../../src/answer/format-records.ts';
import { anchorOf, answerTypeOf, decidesSentence, holdsAnswerType } from '../../src/linking/answer-type.ts';

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
    // a person or a body
    ['chi coordina il tavolo?', 'who'],
    ['con chi lavora il consultorio per i corsi preparto?', 'who'],
    ['quale fondazione gestisce la biblioteca?', 'who'],
    ['which partners are involved in the youth orchestra?', 'who'],
    ['which body certifies the trainees?', 'who'],
    // where the money comes from: the longer cue wins over "con quali"
    ['con quali fondi si paga il trasporto disabili?', 'funding'],
    ['chi finanzia la ludoteca?', 'funding'],
    ['who funds the summer camps?', 'funding'],
    // what something is for
    ['a cosa serve il nuovo magazzino comunale?', 'purpose'],
    ['what does the bike-sharing scheme aim at?', 'purpose'],
    // how often
    ['ogni quanto si riunisce la consulta giovani?', 'frequency'],
    ['how often are the fire drills held?', 'frequency'],
    ['cosa prevede il piano?', null],
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
    // a count in words is a count; a law's number, a date or a code is not
    ['Il laboratorio accoglierà sei ragazzi.', 'number', true],
    ['Approvato con delibera n. 45/2019 del 12/03/2019.', 'number', false],
    ["L'obiettivo 2022-AB07 prosegue.", 'number', false],
    // a body: a name inside the sentence, or a word for a kind of body
    ['Il corso è tenuto in collaborazione con la Pro Loco.', 'who', true],
    ["Le attività sono svolte da un'associazione di volontari.", 'who', true],
    ['le attività sono svolte dai volontari.', 'who', false],
    // funding, purpose, frequency: the evidence words of the lexicon, of one or more words
    ['Il servizio è finanziato con un contributo regionale.', 'funding', true],
    ['Il servizio parte a settembre.', 'funding', false],
    ['Il locale sarà adibito alla funzione di archivio.', 'purpose', true],
    ['Le riunioni si tengono una volta al mese.', 'frequency', true],
    ['La rendicontazione è trimestrale.', 'frequency', true],
    // "ogni" alone is no frequency ("ogni ambiente", "ogni servizio")
    ["L'accesso è garantito a ogni ambiente.", 'frequency', false],
  ] as const)('%s (%s) → %s', (sentence, type, holds) => {
    expect(holdsAnswerType(sentence, type)).toBe(holds);
  });
});

describe('decidesSentence', () => {
  it('a name is in most sentences, so only the rarer kinds decide which sentence answers', () => {
    expect(decidesSentence('funding')).toBe(true);
    expect(decidesSentence('date')).toBe(true);
    expect(decidesSentence('who')).toBe(false);
    expect(decidesSentence(null)).toBe(false);
  });
});

describe('anchorOf', () => {
  const sentence =
    'Il percorso, rivolto a giovani disoccupati residenti da almeno due anni, prevede una formazione in aula con rilascio di un attestato da parte del Consorzio Formare alla fine.';
  const isSubject = (w: string) => w === 'attestato';

  it('points at the kind of answer that follows the subject of the question', () => {
    const at = anchorOf(sentence, isSubject, 'who');
    expect(sentence.slice(at)).toMatch(/^Consorzio/);
  });

  it('points at the subject when no kind of answer is asked', () => {
    expect(sentence.slice(anchorOf(sentence, isSubject, null))).toMatch(/^attestato/);
  });
});

describe('a date written with its month among dates in figures', () => {
  const sentence =
    'Con decreto del 03.02.2021 la giunta ha rinnovato la commissione consultiva, che resterà in carica fino al 7 marzo 2026.';
  const isSubject = (w: string) => ['commissione', 'carica'].includes(w.toLowerCase());

  it('is a place the answer may stand, the one beside the subject', () => {
    const at = anchorOf(sentence, isSubject, 'date');
    expect(sentence.slice(at)).toMatch(/^(7 )?marzo 2026/);
  });

  it('is kept whole when a long sentence is quoted around it, to the sentence end', () => {
    const long = `${'Premessa lunga sulle nomine degli organismi consultivi del comune. '.repeat(3)}${sentence}`;
    const quoted = clipAround(long, 120, anchorOf(long, isSubject, 'date'));
    expect(quoted).toContain('marzo 2026.');
  });
});

describe('the subject said right after the answer', () => {
  // the date of the act opens the sentence, the subject follows it; a later date stands far from the subject
  const sentence =
    "Con decreto n. 41 del 12.09.2021 l'Amministrazione comunale ha proceduto, dopo un avviso pubblico, alla nomina della garante dei diritti dell'infanzia del Comune, che è stata poi confermata dal consiglio con voto unanime e con successivo atto di indirizzo del settore competente, fino al 3 maggio 2026.";
  const isSubject = (w: string) => ['nomina', 'garante', 'infanzia'].includes(w.toLowerCase());

  it('counts for that answer, so the quote opens there', () => {
    expect(sentence.slice(anchorOf(sentence, isSubject, 'date'))).toMatch(/^12\.09\.2021/);
  });
});
