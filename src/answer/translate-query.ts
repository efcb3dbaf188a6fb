import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../plan/text.ts';

type Glossary = Map<string, string[]>;
let glossary: Glossary | null = null;

/**
 * Adds the Italian terms of the domain glossary (src/retrieval/glossary.json, shared with passage search) to an
 * English question, so English words can match Italian titles: "digital accessibility" → "accessibilità digitale".
 */
export function translateQuery(question: string): string {
  const g = loadGlossary();
  const q = fold(question);
  const extra: string[] = [];
  for (const [term, italian] of g) if (new RegExp(`\\b${escape(term)}\\b`).test(q)) extra.push(...italian);
  return extra.length ? `${question} ${extra.join(' ')}` : question;
}

function loadGlossary(): Glossary {
  if (glossary) return glossary;
  glossary = new Map();
  const file = join(dirname(fileURLToPath(import.meta.url)), '../retrieval/glossary.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return glossary;
  }
  collect(data, glossary);
  return glossary;
}

/** Reads the glossary whether it is a map term → synonyms or a list of {en, it} entries. */
function collect(data: unknown, into: Glossary): void {
  if (Array.isArray(data)) {
    for (const entry of data) {
      if (entry && typeof entry === 'object') {
        const e = entry as Record<string, unknown>;
        const en = toList(e.en ?? e.terms ?? e.term);
        const it = toList(e.it ?? e.expansions ?? e.synonyms);
        for (const term of en) into.set(fold(term), it);
      }
    }
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if (k.startsWith('$') || k === 'description') continue;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) into.set(fold(k), v as string[]);
      else if (v && typeof v === 'object') collect(v, into);
    }
  }
}

function toList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
