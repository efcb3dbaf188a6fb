import type { Answer } from '../../answer/answer.ts';
import { answerUnits, citationLabel, type SlackMessage, section, withoutSourcesParagraph } from './answer-blocks.ts';
import { type Block, blockChars, moreLabel, SLACK_LIMITS, splitText } from './slack-limits.ts';

const PER_MESSAGE = { blocks: 45, chars: 11_000 };
const MAX_MESSAGES = 5;

/**
 * The whole answer behind "Mostra tutto": every paragraph and every source, over as many messages as Slack's
 * limits need (a response_url takes five).
 */
export function fullAnswerMessages(answer: Answer): SlackMessage[] {
  const body = answer.citations.length ? withoutSourcesParagraph(answer.answer) : answer.answer;
  const blocks: Block[] = answerUnits(body).map((u) => u.block);
  const labels = [...new Set(answer.citations.map(citationLabel))];
  if (labels.length)
    blocks.push(...splitText(`*Fonti*\n${labels.join('\n')}`, SLACK_LIMITS.sectionText - 100).map(section));
  const messages: SlackMessage[] = [];
  let current: Block[] = [];
  let chars = 0;
  for (const b of blocks) {
    const n = blockChars(b);
    if (current.length && (current.length >= PER_MESSAGE.blocks || chars + n > PER_MESSAGE.chars)) {
      messages.push({ text: 'Risposta completa', blocks: current });
      current = [];
      chars = 0;
    }
    current.push(b);
    chars += n;
  }
  if (current.length) messages.push({ text: 'Risposta completa', blocks: current });
  if (messages.length <= MAX_MESSAGES) return messages;
  const kept = messages.slice(0, MAX_MESSAGES);
  const rest = messages.slice(MAX_MESSAGES).reduce((n, m) => n + m.blocks.length, 0);
  kept[MAX_MESSAGES - 1]!.blocks.push(
    section(`${moreLabel(rest)} blocchi: la risposta è troppo lunga per Slack, la trovi intera nella chat web.`),
  );
  return kept;
}
