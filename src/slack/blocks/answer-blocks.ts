import type { Answer, Citation } from '../../answer/answer.ts';
import { escapeMrkdwn, isListLine, toMrkdwn } from './mrkdwn.ts';
import { type Block, fitBlocks, moreLabel, SLACK_LIMITS, splitText, truncateLines, type Unit } from './slack-limits.ts';

export const ACTIONS = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  share: 'share_answer',
  /** "… e altri N": shows the whole answer and every source */
  expand: 'answer_expand',
} as const;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface AnswerMessageOptions {
  /** stable id of this answer, carried by the feedback buttons */
  answerId: string;
  question: string;
  /** adds "Condividi nel canale" (for the ephemeral /piani reply) */
  shareable?: boolean;
  /** a line shown above the sources, e.g. who shared the answer */
  note?: string;
}

/** What the buttons carry: enough to record a vote or repost the answer even after a restart. */
export interface ButtonValue {
  a: string;
  q?: string;
}

const MAX_SOURCES = 5;

/** The answer as Slack blocks: text sections (lists as bullet lines or fields), sources, 👍/👎 and optional share. */
export function answerMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  const tail: Block[] = [];
  if (options.note) tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: options.note }] });
  const sources = sourcesBlock(answer.citations);
  if (sources) tail.push(sources);
  const body = answer.citations.length ? withoutSourcesParagraph(answer.answer) : answer.answer;
  const limits = { maxBlocks: SLACK_LIMITS.blocksPerMessage, maxChars: SLACK_LIMITS.messageChars };
  let blocks = fitBlocks(answerUnits(body), [...tail, actionsBlock(options, false)], limits);
  const cut = blocks.some(isMoreNote) || sources?.elements.some((e) => isMoreText(e));
  if (cut) blocks = fitBlocks(answerUnits(body), [...tail, actionsBlock(options, true)], limits);
  return { text: fallbackText(answer.answer), blocks };
}

/**
 * The engine ends its text with a "Fonti: …" / "Sources: …" paragraph for plain-text channels; in Slack the sources
 * are the context block, so that paragraph would only repeat them.
 */
export function withoutSourcesParagraph(markdown: string): string {
  const paragraphs = markdown.trimEnd().split(/\n\s*\n/);
  if (paragraphs.length > 1 && /^\s*(fonti|fonte|sources?)\s*:/i.test(paragraphs.at(-1) ?? '')) paragraphs.pop();
  return paragraphs.join('\n\n');
}

/** The plain-text version Slack shows in notifications and where blocks cannot be rendered. */
export function fallbackText(markdown: string): string {
  const text = toMrkdwn(markdown.trim()) || 'Nessuna risposta.';
  return truncateLines(text, SLACK_LIMITS.fallbackText);
}

/** Splits the answer into paragraphs and renders each as sections within Slack's per-block limits. */
export function answerUnits(markdown: string): Unit[] {
  const paragraphs = markdown
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+$/g, ''))
    .filter((p) => p.trim());
  return paragraphs.flatMap(paragraphUnits);
}

function paragraphUnits(paragraph: string): Unit[] {
  const lines = paragraph.split('\n').filter((l) => l.trim());
  if (lines.length >= 2 && lines.length <= 4 * SLACK_LIMITS.fieldsPerSection && lines.every(isFieldLine)) {
    return fieldUnits(lines);
  }
  return splitText(toMrkdwn(lines.join('\n')), SLACK_LIMITS.sectionText).map((chunk) => ({
    block: section(chunk),
    items: chunk.split('\n').length,
  }));
}

/** "Spese correnti: 1.920.000,00" — a short label and a value, shown as compact two-column fields */
function isFieldLine(line: string): boolean {
  if (isListLine(line) || line.length > 120) return false;
  return /^[^:*]{1,40}:\s+\S/.test(line.trim());
}

function fieldUnits(lines: string[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i += SLACK_LIMITS.fieldsPerSection) {
    const group = lines.slice(i, i + SLACK_LIMITS.fieldsPerSection);
    const fields = group.map((line) => {
      const at = line.indexOf(':');
      const label = escapeMrkdwn(line.slice(0, at).trim());
      const value = toMrkdwn(line.slice(at + 1).trim());
      return { type: 'mrkdwn' as const, text: `*${label}*\n${value}`.slice(0, SLACK_LIMITS.fieldText) };
    });
    units.push({ block: { type: 'section', fields }, items: group.length });
  }
  return units;
}

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SLACK_LIMITS.sectionText) } };
}

/**
 * "📄 *PEG 2021 — Comune di Reggio Emilia, righe 1544–1545* · 2021_PD_8735" — where a person can check the figures;
 * the stored file name only when the engine gave no readable label.
 */
export function citationLabel(c: Citation): string {
  if (c.label) return [`📄 *${escapeMrkdwn(c.label)}*`, ...(c.section ? [escapeMrkdwn(c.section)] : [])].join(' · ');
  const parts = [`📄 *${escapeMrkdwn(c.doc)}*`];
  if (c.page !== undefined) parts.push(`p. ${c.page}`);
  if (c.lines) parts.push(`righe ${escapeMrkdwn(c.lines)}`);
  const where = c.section ?? c.entity;
  if (where) parts.push(escapeMrkdwn(where));
  return parts.join(' · ');
}

function isMoreText(e: { type: string; text?: unknown }): boolean {
  return typeof e.text === 'string' && /^… e altri \d+$/.test(e.text);
}

function isMoreNote(b: Block): boolean {
  return (
    b.type === 'context' && b.elements.length === 1 && isMoreText(b.elements[0] as { type: string; text?: unknown })
  );
}

function sourcesBlock(citations: Citation[]): Extract<Block, { type: 'context' }> | null {
  const labels = [...new Set(citations.map(citationLabel))];
  if (labels.length === 0) return null;
  const shown = labels.length > MAX_SOURCES ? labels.slice(0, MAX_SOURCES - 1) : labels;
  const elements = shown.map((text) => ({ type: 'mrkdwn' as const, text: text.slice(0, SLACK_LIMITS.sectionText) }));
  if (shown.length < labels.length) elements.push({ type: 'mrkdwn', text: moreLabel(labels.length - shown.length) });
  return { type: 'context', elements };
}

function actionsBlock(options: AnswerMessageOptions, expandable: boolean): Block {
  const value = buttonValue({ a: options.answerId, q: options.question });
  const elements: Extract<Block, { type: 'actions' }>['elements'] = [
    ...(expandable
      ? [
          {
            type: 'button' as const,
            action_id: ACTIONS.expand,
            text: { type: 'plain_text' as const, text: 'Mostra tutto', emoji: true },
            value,
          },
        ]
      : []),
    {
      type: 'button',
      action_id: ACTIONS.feedbackUp,
      text: { type: 'plain_text', text: '👍 Utile', emoji: true },
      value,
    },
    {
      type: 'button',
      action_id: ACTIONS.feedbackDown,
      text: { type: 'plain_text', text: '👎 Non utile', emoji: true },
      value,
    },
  ];
  if (options.shareable) {
    elements.unshift({
      type: 'button',
      action_id: ACTIONS.share,
      style: 'primary',
      text: { type: 'plain_text', text: 'Condividi nel canale', emoji: true },
      value,
    });
  }
  return { type: 'actions', block_id: 'answer_actions', elements };
}

/** Encodes a button value within Slack's 2,000-character limit, shortening the question if needed. */
export function buttonValue(v: ButtonValue): string {
  let question = v.q ?? '';
  for (;;) {
    const encoded = JSON.stringify(question ? { a: v.a, q: question } : { a: v.a });
    if (encoded.length <= SLACK_LIMITS.buttonValue) return encoded;
    question = question.slice(0, Math.floor(question.length / 2));
  }
}

export function parseButtonValue(value: string | undefined): ButtonValue | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as ButtonValue).a === 'string') {
      const { a, q } = parsed as ButtonValue;
      return typeof q === 'string' ? { a, q } : { a };
    }
  } catch {
    // an old or foreign button: treat its value as a bare answer id
  }
  return { a: value };
}
