import { fold, squash } from './text.ts';

const TITLE =
  /^(?:dott\.?\s*ssa|dott\.?ssa|dottssa|dott\.?|dr\.?\s*ssa|dr\.?|ing\.?|arch\.?|avv\.?|geom\.?|rag\.?|prof\.?\s*ssa|prof\.?|sig\.?\s*ra|sig\.?|d\.?\s*ssa)(?=\s|$)\s*/i;

/** Splits an honorific (Dott.ssa, Ing., Dott.) from a name as written: `Dott.ssa Maura Meschi` → {title, name}. */
export function splitTitle(raw: string): { title?: string; name: string } {
  const text = squash(raw);
  const m = text.match(TITLE);
  if (!m) return { name: text };
  return { title: m[0].trim(), name: text.slice(m[0].length).trim() };
}

/** Title-cases a name written in capitals (`PAOLO RICCI` → `Paolo Ricci`); leaves mixed case alone. */
export function displayName(raw: string): string {
  const name = squash(raw);
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/** Order-free key of a person's name: the same for `Sardi Valentina` and `Valentina Sardi`. */
export function personKey(raw: string): string {
  return fold(splitTitle(raw).name)
    .replace(/[^a-z' ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}
