// Turns an answer's light markup into blocks the page builds with DOM nodes: *bold* (or **bold**), bullet lines
// ("- ", "• ", "* ", indented or "◦ " for a sub-item), quoted passages ("> ") with their "— source" line.
// Pure and DOM-free so it is tested in Node; the page never uses innerHTML, so document text cannot inject markup.

const BULLET = /^(\s*)([-•◦‣▪]|\*(?=\s))\s+/;
const QUOTE = /^\s*>\s?/;
const QUOTE_SOURCE = /^\s*—\s+/;
const SOURCES_LINE = /^(Fonti|Fonte|Sources|Source):\s/;
const BOLD = /\*\*([^*\n]+?)\*\*|\*([^*\s](?:[^*\n]*?[^*\s])?)\*/g;

/** @typedef {{ text: string, bold: boolean }} Span */
/** @typedef {{ spans: Span[], sub: Span[][] }} ListItem */
/**
 * @typedef {{ type: 'paragraph', spans: Span[] }
 *   | { type: 'list', items: ListItem[] }
 *   | { type: 'quote', spans: Span[], source?: Span[] }} Block
 */

/**
 * @param {string} line
 * @returns {Span[]}
 */
export function parseInline(line) {
  /** @type {Span[]} */
  const spans = [];
  let last = 0;
  for (const match of line.matchAll(BOLD)) {
    const index = match.index ?? 0;
    if (index > last) spans.push({ text: line.slice(last, index), bold: false });
    spans.push({ text: match[1] ?? match[2] ?? '', bold: true });
    last = index + match[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last), bold: false });
  return spans;
}

/**
 * @param {string} text
 * @returns {Block[]}
 */
export function parseAnswerMarkup(text) {
  /** @type {Block[]} */
  const blocks = [];
  for (const raw of String(text).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const previous = blocks[blocks.length - 1];
    const bullet = line.match(BULLET);
    if (bullet) {
      const spans = parseInline(line.slice(bullet[0].length));
      const nested = (bullet[1] ?? '').length > 0 || bullet[2] === '◦';
      const lastItem = previous?.type === 'list' ? previous.items[previous.items.length - 1] : undefined;
      if (nested && lastItem) lastItem.sub.push(spans);
      else if (previous?.type === 'list') previous.items.push({ spans, sub: [] });
      else blocks.push({ type: 'list', items: [{ spans, sub: [] }] });
    } else if (QUOTE.test(line)) {
      blocks.push({ type: 'quote', spans: parseInline(line.replace(QUOTE, '')) });
    } else if (QUOTE_SOURCE.test(line) && previous?.type === 'quote' && !previous.source) {
      previous.source = parseInline(line.trim());
    } else {
      blocks.push({ type: 'paragraph', spans: parseInline(line.trim()) });
    }
  }
  return blocks;
}

/**
 * The answer without its closing "Fonti: …" line, for pages that list the sources themselves.
 * @param {string} text
 * @returns {string}
 */
export function withoutSourcesLine(text) {
  const lines = String(text).replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[lines.length - 1]?.trim()) lines.pop();
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last !== undefined && SOURCES_LINE.test(last)) lines.pop();
  return lines.join('\n').trimEnd();
}

/**
 * The answer as plain text for the screen-reader announcement: markup removed, one line per block or item.
 * @param {string} text
 * @returns {string}
 */
export function plainAnswerText(text) {
  /** @param {Span[]} spans */
  const words = (spans) => spans.map((s) => s.text).join('');
  return parseAnswerMarkup(text)
    .flatMap((block) => {
      if (block.type === 'list') return block.items.flatMap((item) => [words(item.spans), ...item.sub.map(words)]);
      if (block.type === 'quote') return [words(block.spans), ...(block.source ? [words(block.source)] : [])];
      return [words(block.spans)];
    })
    .join('\n');
}
