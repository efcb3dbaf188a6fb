import { describe, expect, it } from 'vitest';
import { addressedToSomeoneElse, questionFromText } from '../../src/slack/question-text.ts';

describe('questionFromText', () => {
  it.each([
    ['<@UBOT> the budget for 2021_PD_8735', 'the budget for 2021_PD_8735'],
    ['the budget for 2021_PD_8735 <@UBOT|pianobot>', 'the budget for 2021_PD_8735'],
    ['<@UBOT> obiettivi di <@U123|Sardi Valentina>?', 'obiettivi di @Sardi Valentina?'],
    ['<@UBOT> indicatori &gt; 50 % &amp; scadenza &lt; 31/12', 'indicatori > 50 % & scadenza < 31/12'],
    ['<@UBOT> vedi <https://example.org/piano.pdf|il piano> in <#C42|generale>', 'vedi il piano in #generale'],
    ['<@UBOT>   ', ''],
    [undefined, ''],
  ])('%s → %s', (text, expected) => {
    expect(questionFromText(text, 'UBOT')).toBe(expected);
  });
});

describe('addressedToSomeoneElse', () => {
  it('is true when a message tags only other people', () => {
    expect(addressedToSomeoneElse('<@U123> puoi controllare?', 'UBOT')).toBe(true);
  });

  it('is false when pianobot is tagged too, or nobody is', () => {
    expect(addressedToSomeoneElse('<@U123> <@UBOT> e il budget?', 'UBOT')).toBe(false);
    expect(addressedToSomeoneElse('e il budget?', 'UBOT')).toBe(false);
  });
});
