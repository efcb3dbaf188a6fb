import { describe, expect, it } from 'vitest';
import { analyze, normalizeCode, plainText, wordPairs } from '../../src/retrieval/analyze.ts';
import { stemItalian } from '../../src/retrieval/italian-stem.ts';

describe('analyze', () => {
  it('folds accents and stems Italian inflections so singular and plural meet', () => {
    expect(analyze('accessibilità').words).toEqual(analyze('accessibile').words);
    expect(analyze('servizio').words).toEqual(analyze('servizi').words);
    expect(analyze('disabilità').words).toEqual(analyze('disabili').words);
    expect(analyze('dipendente').words).toEqual(analyze('dipendenti').words);
  });

  it('drops Italian and English function words', () => {
    expect(analyze('Quali sono le azioni della Provincia?').words).toEqual(analyze('azioni Provincia').words);
    expect(analyze('how many employees did the Provincia have').words).toEqual(['employees', 'provinc']);
  });

  it.each([
    ['the budget for 2021_PD_8735', '2021_pd_8735'],
    ['indicatore O_8735_1_1', 'o_8735_1_1'],
    ["obiettivo 04.03.01.02 Garantire l'accessibilità", '04.03.01.02'],
    ['Codice obiettivo: VI - 1', 'vi-1'],
    ['obiettivo VI-1', 'vi-1'],
    ['2020-PL09 Sociale e Immigrazione', '2020-pl09'],
  ])('keeps the code in "%s" whole as %s', (text, code) => {
    expect(analyze(text).codes).toContain(code);
  });

  it('finds a year-prefixed objective code from its short form too', () => {
    expect(analyze('2020-PL09').words).toContain('pl09');
    expect(analyze('obiettivo PL09').words).toContain('pl09');
  });

  it('normalizes dates written with dots or slashes and two-digit years', () => {
    expect(analyze('Organico complessivo al 31.12.2023').codes).toEqual(['31/12/2023']);
    expect(analyze('Avvio progetto 17/03/18').codes).toEqual(['17/03/2018']);
  });

  it('does not read a dotted objective code as a date', () => {
    expect(analyze('04.03.01.02').codes).toEqual(['04.03.01.02']);
  });

  it('separates a code glued to the word before it by bold markers', () => {
    expect(plainText('Obiettivo gestionale ordinario**2021_OB_8721_1 Funzioni di Sportello**')).toBe(
      'Obiettivo gestionale ordinario 2021_OB_8721_1 Funzioni di Sportello',
    );
    expect(analyze('ordinario**2021_OB_8721_1 Funzioni**').codes).toContain('2021_ob_8721_1');
  });

  it('pairs neighbouring words regardless of order, so a name matches surname-first', () => {
    expect(wordPairs(analyze('Maura Meschi').words)).toEqual(wordPairs(analyze('Meschi Maura').words));
  });

  it('normalizes codes the way the index stores them', () => {
    expect(normalizeCode('VI - 1')).toBe('vi-1');
    expect(normalizeCode('2021_PD_8735')).toBe('2021_pd_8735');
  });
});

describe('stemItalian', () => {
  it('leaves short words alone', () => {
    expect(stemItalian('sede')).toBe('sede');
    expect(stemItalian('citta')).toBe('citta');
  });

  it.each([
    ['obiettivo', 'obiettiv'],
    ['obiettivi', 'obiettiv'],
    ['carrozzina', 'carrozzin'],
    ['carrozzine', 'carrozzin'],
    ['attivita', 'attiv'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemItalian(word)).toBe(stem);
  });
});
