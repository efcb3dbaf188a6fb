/**
 * The question as the person typed it: Slack's encoding of mentions, links and &, <, > undone, and the mention of
 * pianobot itself removed. Slack escapes a literal `<` as `&lt;`, so no token holds one: excluding it keeps each
 * pattern linear on a long message full of unclosed `<`.
 */
export function questionFromText(text: string | undefined, botUserId: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/<@([UW][A-Z0-9_]+)(?:\|([^<>]*))?>/g, (_, id: string, label?: string) =>
      id === botUserId ? ' ' : `@${label ?? id}`,
    )
    .replace(/<#[CG][A-Z0-9]+\|([^<>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|<>]+)\|([^<>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** true when the message tags someone other than pianobot (and not pianobot): it is addressed to them, not to us */
export function addressedToSomeoneElse(text: string | undefined, botUserId: string | undefined): boolean {
  if (!text) return false;
  const ids = [...text.matchAll(/<@([UW][A-Z0-9_]+)/g)].map((m) => m[1]);
  return ids.length > 0 && !ids.includes(botUserId);
}
