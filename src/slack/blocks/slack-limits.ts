import type { types } from '@slack/bolt';

/** Slack's documented limits; messages over them are refused by chat.postMessage (invalid_blocks, msg_too_long). */
export const SLACK_LIMITS = {
  sectionText: 3_000,
  fieldText: 2_000,
  fieldsPerSection: 10,
  contextElements: 10,
  blocksPerMessage: 50,
  blocksPerView: 100,
  /** Slack refuses messages whose blocks add up to much more than this (msg_blocks_too_long) */
  messageChars: 12_000,
  buttonValue: 2_000,
  /** the plain `text` fallback is shown in notifications; keep it short */
  fallbackText: 3_000,
  headerText: 150,
} as const;

export type Block = types.KnownBlock;

/** A content block and how many lines (list items, paragraph lines) of the answer it shows. */
export interface Unit {
  block: Block;
  items: number;
}

export const moreLabel = (n: number) => `… e altri ${n}`;

/**
 * Splits text into chunks of at most `max` characters, preferring line breaks, then spaces; a single word longer
 * than `max` is cut. Chunks keep their order and, joined with "\n", lose no word.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current) chunks.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    for (const piece of splitLine(line, max)) {
      const candidate = current ? `${current}\n${piece}` : piece;
      if (candidate.length <= max) current = candidate;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return chunks;
}

function splitLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** The characters a block shows (what Slack counts towards msg_blocks_too_long, near enough). */
export function blockChars(block: Block): number {
  return textsOf(block).reduce((n, t) => n + t.length, 0);
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const own = typeof o.text === 'string' ? [o.text] : [];
    return [
      ...own,
      ...Object.entries(o).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [] : textsOf(v))),
    ];
  }
  return [];
}

/**
 * Keeps as many content units as fit in `maxBlocks` blocks and `maxChars` characters together with the `tail`
 * (sources, buttons — always kept), replacing the rest with one "… e altri N" line.
 */
export function fitBlocks(units: Unit[], tail: Block[], limits: { maxBlocks: number; maxChars: number }): Block[] {
  const tailChars = tail.reduce((n, b) => n + blockChars(b), 0);
  const total = units.reduce((n, u) => n + blockChars(u.block), 0);
  if (units.length + tail.length <= limits.maxBlocks && total + tailChars <= limits.maxChars) {
    return [...units.map((u) => u.block), ...tail];
  }
  const room = { blocks: limits.maxBlocks - tail.length - 1, chars: limits.maxChars - tailChars - 40 };
  const kept: Block[] = [];
  let used = 0;
  let index = 0;
  for (; index < units.length; index++) {
    const unit = units[index]!;
    const chars = blockChars(unit.block);
    if (kept.length >= room.blocks || used + chars > room.chars) break;
    kept.push(unit.block);
    used += chars;
  }
  const omitted = units.slice(index).reduce((n, u) => n + u.items, 0);
  const note: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: moreLabel(omitted) }] };
  return [...kept, note, ...tail];
}

/** Cuts plain text at a line boundary so it stays under `max`, saying how many lines were left out. */
export function truncateLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const reserve = 30;
    if (used + line.length + 1 > max - reserve) break;
    kept.push(line);
    used += line.length + 1;
  }
  if (kept.length === 0) return `${text.slice(0, max - 30).trimEnd()} …`;
  return `${kept.join('\n')}\n${moreLabel(lines.length - kept.length)}`;
}
