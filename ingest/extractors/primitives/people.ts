/**
 * Reads the people written in an owner cell or value: `Dott.ssa Elena Caputo`, `Geom. Franco Zanetti – Servizio
 * Tecnico`, `Marco Tosi (istruttore direttivo), su delega del …`, `Marcello Rossi, Anna Neri`. Titles and ranks are
 * kept apart; a structure written after the name (`– Servizio Ragioneria`) is returned as such.
 */
import { splitTitle } from '../../../src/plan/names.ts';
import { squash } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';
import { foldKeepingOffsets } from './label-match.ts';

export interface Person {
  name: string;
  title?: string;
}

export interface OwnerValue {
  people: Person[];
  /** a structure named beside the people (`Geom. Franco Zanetti – Servizio Tecnico`) */
  structure?: string;
}

function startsWithStructure(text: string, pack: LabelPack): boolean {
  const f = foldKeepingOffsets(text).toLowerCase();
  return pack.structureWords.some((w) => f.startsWith(`${w} `)) || /^(?:segreteria|staff)\b/.test(f);
}

/** Honorifics the pack knows beyond `splitTitle`'s (ranks: `Comm.`, `dott. ing.`). */
function splitHonorific(raw: string, pack: LabelPack): Person {
  let text = squash(raw);
  const titles: string[] = [];
  for (;;) {
    const f = foldKeepingOffsets(text).toLowerCase();
    const h = [...pack.honorifics].sort((a, b) => b.length - a.length).find((x) => f.startsWith(`${x} `));
    if (h) {
      titles.push(text.slice(0, h.length));
      text = text.slice(h.length).trim();
      continue;
    }
    const s = splitTitle(text);
    if (s.title && s.name) {
      titles.push(s.title);
      text = s.name;
      continue;
    }
    break;
  }
  return titles.length ? { name: text, title: titles.join(' ') } : { name: text };
}

/** A person's name: two to four words, each opening with a capital (or written in capitals), no digits. */
export function looksLikeName(text: string): boolean {
  const words = squash(text).split(' ');
  if (words.length < 1 || words.length > 5) return false;
  return words.every((w) => /^(?:\p{Lu}[\p{L}'’.-]*|d[ei]|de'|van|von|la|lo)$/u.test(w)) && /\p{L}{2}/u.test(text);
}

/** Reads an owner value. Returns no people when the value holds no name (a role only, "da nominare"). */
export function readOwners(raw: string, pack: LabelPack = LEXICON): OwnerValue {
  // the full stop of an initial ("Rossi M.") is part of the name
  let text = squash(raw).replace(/(?<!(?:^|\s)\p{Lu})[.;,]+$|[;,]+$/u, '');
  let structure: string | undefined;
  // a structure after a dash: "Rag. Ivana Testa – Servizio Ragioneria"
  const dash = text.match(/^(.*?)\s+[–—-]\s+(.+)$/);
  if (dash && startsWithStructure(dash[2]!, pack)) {
    text = dash[1]!;
    structure = dash[2]!.trim();
  }
  // a parenthesis or a clause after a comma that is not another name: "(istruttore direttivo), su delega …"
  // …unless it names the structure: "Dott. Franco Neri (Servizio Cultura)"
  const paren = text.match(/\s*\(([^)]+)\)\s*$/);
  if (paren && !structure && startsWithStructure(paren[1]!.trim(), pack)) structure = paren[1]!.trim();
  text = text.replace(/\s*\(.*$/, '');
  const parts = text
    .split(/\s*(?:;|\/|,|--|\s[–—-]\s|\se\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const people: Person[] = [];
  for (const part of parts) {
    const person = splitHonorific(part, pack);
    if (!person.name || !looksLikeName(person.name)) {
      if (people.length > 0) break;
      continue;
    }
    people.push(person);
  }
  return structure ? { people, structure } : { people };
}
