export interface Span {
  text: string;
  bold: boolean;
}
export interface ListItem {
  spans: Span[];
  sub: Span[][];
}
export type Block =
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; items: ListItem[] }
  | { type: 'quote'; spans: Span[]; source?: Span[] };
export function parseInline(line: string): Span[];
export function parseAnswerMarkup(text: string): Block[];
export function withoutSourcesLine(text: string): string;
export function plainAnswerText(text: string): string;
