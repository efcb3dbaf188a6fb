/**
 * A document's non-blank lines as a reader of a PDF or a .txt sees them alike: whitespace collapsed, with the folded
 * form every comparison uses, and whether a blank line came before — a hint the .txt gives (cells, paragraphs) and a
 * PDF rendering never does, so it can only ever be a hint.
 */
import { fold, squash } from '../../../src/plan/text.ts';

export interface LineItem {
  /** 0-based index of the line in the document */
  idx: number;
  text: string;
  /** the folded text */
  key: string;
  blankBefore: boolean;
}

export function lineItems(lines: readonly string[]): LineItem[] {
  const items: LineItem[] = [];
  let blank = false;
  lines.forEach((line, idx) => {
    const text = squash(line);
    if (!text) {
      blank = true;
      return;
    }
    items.push({ idx, text, key: fold(text), blankBefore: blank });
    blank = false;
  });
  return items;
}

/** Whether blank lines separate the lines often enough (over a quarter of them) to be read as a layout hint. */
export const hasBlankLines = (items: readonly LineItem[]): boolean =>
  items.filter((i) => i.blankBefore).length > items.length / 4;
