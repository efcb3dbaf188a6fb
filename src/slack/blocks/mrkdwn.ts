/** Slack treats &, < and > as control characters in text: they must be escaped or a "<td>" becomes a broken link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BULLET = /^(\s*)(?:[-*•]|\u2022)\s+/;

/**
 * Turns the engine's light markdown (**bold**, `- ` bullets, `# ` headings, [label](url) links) into Slack mrkdwn,
 * escaping everything else.
 */
export function toMrkdwn(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      // a quoted passage keeps its leading ">" so Slack renders it as a quote
      const quote = line.match(/^\s*>\s?/);
      let out = quote ? `>${escapeMrkdwn(line.slice(quote[0].length))}` : escapeMrkdwn(line);
      out = out.replace(/^#{1,6}\s+(.+)$/, '*$1*');
      out = out.replace(BULLET, '$1• ');
      out = out.replace(/\*\*(.+?)\*\*/g, '*$1*');
      out = out.replace(/__(.+?)__/g, '_$1_');
      // a label holds no "[": without it, a line of unclosed "[" (an answer can quote the question) is rescanned from each
      out = out.replace(/\[([^[\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>');
      return out;
    })
    .join('\n');
}

/** true for a bullet or numbered list line */
export function isListLine(line: string): boolean {
  return BULLET.test(line) || /^\s*\d+[.)]\s+/.test(line);
}
