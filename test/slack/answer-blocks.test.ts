import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.ts';
import {
  answerMessage,
  buttonValue,
  citationLabel,
  fallbackText,
  parseButtonValue,
} from '../../src/slack/blocks/answer-blocks.ts';
import { blockChars, SLACK_LIMITS } from '../../src/slack/blocks/slack-limits.ts';
import { FakeEngine } from '../fakes/fake-engine.ts';

const engine = new FakeEngine();
const budget = await engine.ask('the budget for 2021_PD_8735');
const wholePlan = await engine.ask('elenca tutte le righe del piano');

type AnyBlock = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string; action_id?: string; value?: string }[];
};
const asBlocks = (b: unknown) => b as AnyBlock[];
const sectionTexts = (blocks: AnyBlock[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? (b.fields ?? []).map((f) => f.text).join('\n'));

function answerOf(text: string, extra: Partial<Answer> = {}): Answer {
  return { answer: text, citations: [], lang: 'it', found: true, intent: 'test', focus: [], ...extra };
}

describe('answerMessage', () => {
  const message = answerMessage(budget, { answerId: 'ans_1', question: 'the budget for 2021_PD_8735' });
  const blocks = asBlocks(message.blocks);

  it('keeps the structure of an answer: text, compact fields, sources, feedback buttons', () => {
    expect(message.blocks).toMatchSnapshot();
  });

  it('always sets a plain-text fallback with the figures as written', () => {
    expect(message.text).toContain('1.920.000,00');
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('shows "Label: value" lines as two-column fields', () => {
    const fields = blocks.find((b) => b.fields)?.fields?.map((f) => f.text);
    expect(fields).toEqual(['*Entrate correnti*\n120.000,00', '*Spese correnti*\n1.920.000,00']);
  });

  it('names the source document, lines and record in a context block', () => {
    const context = blocks.find((b) => b.type === 'context');
    expect(context?.elements?.[0]?.text).toBe('📄 *002_51402a20550dfbf2.txt* · righe 2315-2321 · 2021_PD_8735');
  });

  it('ends with 👍 / 👎 buttons carrying the answer id and the question', () => {
    const actions = blocks.at(-1);
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(['feedback_up', 'feedback_down']);
    expect(parseButtonValue(actions?.elements?.[0]?.value)).toEqual({ a: 'ans_1', q: 'the budget for 2021_PD_8735' });
  });

  it('adds a share button first when the answer is ephemeral', () => {
    const shareable = asBlocks(answerMessage(budget, { answerId: 'a', question: 'q', shareable: true }).blocks);
    expect(shareable.at(-1)?.elements?.map((e) => e.action_id)).toEqual([
      'share_answer',
      'feedback_up',
      'feedback_down',
    ]);
  });

  it('turns light markdown into Slack mrkdwn and escapes &, < and >', () => {
    const m = answerMessage(answerOf('**Totale** per <td> & altro\n- primo\n- secondo'), {
      answerId: 'a',
      question: 'q',
    });
    expect(sectionTexts(asBlocks(m.blocks))[0]).toBe('*Totale* per &lt;td&gt; &amp; altro\n• primo\n• secondo');
  });

  it('keeps quoted passages as Slack quotes', () => {
    const m = answerMessage(answerOf('Ecco cosa dicono i piani:\n> Totale < 5 %'), { answerId: 'a', question: 'q' });
    expect(sectionTexts(asBlocks(m.blocks))[0]).toBe('Ecco cosa dicono i piani:\n>Totale &lt; 5 %');
  });

  it('drops the engine\'s trailing "Fonti:" paragraph, since the sources are in the context block', () => {
    const withSources = answerOf('Il budget è 1.920.000,00.\n\nFonti: 002_51402a20550dfbf2.txt righe 2293-2330', {
      citations: [{ doc: '002_51402a20550dfbf2.txt', lines: '2293-2330' }],
    });
    const m = answerMessage(withSources, { answerId: 'a', question: 'q' });
    expect(sectionTexts(asBlocks(m.blocks))).toEqual(['Il budget è 1.920.000,00.']);
    expect(m.text).toContain('Fonti:');
  });

  it('merges repeated sources and shows at most five, saying how many more', () => {
    const many = answerMessage(wholePlan, { answerId: 'a', question: 'q' });
    const context = asBlocks(many.blocks).find((b) => b.type === 'context' && b.elements?.[0]?.text?.startsWith('📄'));
    expect(context?.elements?.map((e) => e.text).at(-1)).toBe('… e altri 4');
    expect(context?.elements).toHaveLength(5);
  });
});

describe('answerMessage within Slack limits', () => {
  const message = answerMessage(wholePlan, { answerId: 'a', question: 'elenca tutte le righe del piano' });
  const blocks = asBlocks(message.blocks);

  it('keeps a whole plan listed as an answer under 50 blocks and about 12,000 characters', () => {
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const total = message.blocks.reduce((n, b) => n + blockChars(b), 0);
    expect(total).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
    for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });

  it('says how many lines were left out, so shown + omitted = all of them', () => {
    const note = blocks
      .map((b) => b.elements?.[0]?.text ?? '')
      .find((t) => /^… e altri \d+$/.test(t) && !t.includes('📄'));
    const omitted = Number(note?.match(/\d+/)?.[0]);
    const shown = sectionTexts(blocks).join('\n').split('\n').length;
    const all = wholePlan.answer.split('\n').filter((l) => l.trim()).length;
    expect(shown + omitted).toBe(all);
  });

  it('keeps the sources and the buttons even when the text is cut', () => {
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocks.at(-2)?.elements?.[0]?.text).toContain('000_dd772a8f217c4819.txt');
  });

  it('cuts the fallback text at a line, saying how many lines are missing', () => {
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(message.text).toMatch(/\n… e altri \d+$/);
  });

  it('splits a single paragraph longer than a section into several sections, losing no word', () => {
    const plan = readFileSync(new URL('../../data/plans/000_dd772a8f217c4819.txt', import.meta.url), 'utf8');
    const long = plan.slice(0, 7_000).replace(/\s+/g, ' ').trim();
    const texts = sectionTexts(asBlocks(answerMessage(answerOf(long), { answerId: 'a', question: 'q' }).blocks));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts.join(' ').split(/\s+/)).toEqual(
      long.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').split(/\s+/),
    );
  });
});

describe('citationLabel', () => {
  it('shows page, lines and section when the citation has them', () => {
    expect(citationLabel({ doc: 'piano.pdf', page: 3, lines: '120-124', section: 'PIAO > Accessibilità' })).toBe(
      '📄 *piano.pdf* · p. 3 · righe 120-124 · PIAO &gt; Accessibilità',
    );
  });
});

describe('fallbackText', () => {
  it('is never empty', () => {
    expect(fallbackText('  ')).toBe('Nessuna risposta.');
  });
});

describe('button values', () => {
  it('stay under 2,000 characters by shortening a very long question', () => {
    const value = buttonValue({ a: 'ans_1', q: 'perché '.repeat(1_000) });
    expect(value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    expect(parseButtonValue(value)?.a).toBe('ans_1');
  });

  it('read a bare id from an older button', () => {
    expect(parseButtonValue('ans_9')).toEqual({ a: 'ans_9' });
    expect(parseButtonValue(undefined)).toBeNull();
  });
});
