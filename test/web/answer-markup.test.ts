import { describe, expect, it } from 'vitest';
import {
  parseAnswerMarkup,
  parseInline,
  plainAnswerText,
  withoutSourcesLine,
} from '../../src/web/public/answer-markup.js';

const plain = (text: string) => ({ text, bold: false });
const bold = (text: string) => ({ text, bold: true });

describe('parseInline', () => {
  it('marks *bold* and **bold** spans and keeps the rest as plain text', () => {
    expect(parseInline('Budget di *2021_PD_8735*: **1.920.000,00**')).toEqual([
      plain('Budget di '),
      bold('2021_PD_8735'),
      plain(': '),
      bold('1.920.000,00'),
    ]);
  });

  it('leaves lone asterisks and spaced ones alone', () => {
    expect(parseInline('2 * 3 = 6 and a * b *')).toEqual([plain('2 * 3 = 6 and a * b *')]);
  });

  it('keeps HTML-looking text as text, for the page to insert with textContent', () => {
    expect(parseInline('<img src=x onerror=alert(1)> *<b>*')).toEqual([
      plain('<img src=x onerror=alert(1)> '),
      bold('<b>'),
    ]);
  });
});

describe('parseAnswerMarkup', () => {
  it('turns consecutive bullet lines into one list and other lines into paragraphs', () => {
    const text =
      '*2021_PD_8735* Servizi per la residenzialità anziani\n- Budget: 1.920.000,00\n• Quota: 20,72 %\n\nFonte: PEG 2021';
    expect(parseAnswerMarkup(text)).toEqual([
      { type: 'paragraph', spans: [bold('2021_PD_8735'), plain(' Servizi per la residenzialità anziani')] },
      {
        type: 'list',
        items: [
          { spans: [plain('Budget: 1.920.000,00')], sub: [] },
          { spans: [plain('Quota: 20,72 %')], sub: [] },
        ],
      },
      { type: 'paragraph', spans: [plain('Fonte: PEG 2021')] },
    ]);
  });

  it('nests indented and "◦" bullets under the item before them', () => {
    const text =
      'Obiettivi:\n• 2021_OB_8735_1 Consolidamento servizi residenziali per anziani\n   ◦ O_8735_1_1 N. UVM per progetti di residenzialità > di — valore atteso: 150';
    expect(parseAnswerMarkup(text)[1]).toEqual({
      type: 'list',
      items: [
        {
          spans: [plain('2021_OB_8735_1 Consolidamento servizi residenziali per anziani')],
          sub: [[plain('O_8735_1_1 N. UVM per progetti di residenzialità > di — valore atteso: 150')]],
        },
      ],
    });
  });

  it('reads "> " lines as quoted passages, each with the "— source" line that follows it', () => {
    const text =
      'Ecco cosa dicono i piani:\n> ACCESSIBILITÀ FISICA E DIGITALE Per le strutture della Provincia\n  — PIAO > Accessibilità fisica e digitale, 003_3c291b98105b86e1.txt, righe 166-168\n> 04.03.01.02 Garantire';
    expect(parseAnswerMarkup(text)).toEqual([
      { type: 'paragraph', spans: [plain('Ecco cosa dicono i piani:')] },
      {
        type: 'quote',
        spans: [plain('ACCESSIBILITÀ FISICA E DIGITALE Per le strutture della Provincia')],
        source: [plain('— PIAO > Accessibilità fisica e digitale, 003_3c291b98105b86e1.txt, righe 166-168')],
      },
      { type: 'quote', spans: [plain('04.03.01.02 Garantire')] },
    ]);
  });

  it('reads "* " at the start of a line as a bullet but "*word*" as bold', () => {
    expect(parseAnswerMarkup('* uno\n*due* tre').map((b) => b.type)).toEqual(['list', 'paragraph']);
  });

  it('accepts Windows line endings', () => {
    expect(parseAnswerMarkup('a\r\nb')).toHaveLength(2);
  });
});

describe('withoutSourcesLine', () => {
  it.each([
    ['Budget: 1.920.000,00\n\nFonti: 002_51402a20550dfbf2.txt righe 2293-2330\n', 'Budget: 1.920.000,00'],
    ['Budget: 1.920.000,00\n\nSources: 002_51402a20550dfbf2.txt lines 2293-2330', 'Budget: 1.920.000,00'],
    ['Budget: 1.920.000,00', 'Budget: 1.920.000,00'],
    ['Fonti: the whole answer', 'Fonti: the whole answer'],
  ])('drops a closing sources line from %j', (text, expected) => {
    expect(withoutSourcesLine(text)).toBe(expected);
  });
});

describe('plainAnswerText', () => {
  it('drops the markup so a screen reader reads only words', () => {
    expect(plainAnswerText('*Budget*: 1.920.000,00\n- voce *uno*\n  - sotto\n> citato\n  — fonte')).toBe(
      'Budget: 1.920.000,00\nvoce uno\nsotto\ncitato\n— fonte',
    );
  });
});
