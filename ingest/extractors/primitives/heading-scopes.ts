/**
 * Heading scopes: a section heading names the structure (and often its head) once, and every record below it
 * belongs there until the next heading — `AREA SERVIZI DEMOGRAFICI` / `Responsabile di Area: …`, `1. SETTORE
 * LAVORI PUBBLICI (Dirigente: Arch. …)`, `Settore Affari Generali – Responsabile: …`, `Obiettivi del Servizio
 * Sport`. A record's own structure or owner always wins over its scope's.
 */
import { squash } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';
import { foldKeepingOffsets } from './label-match.ts';
import { type FieldValue, readInline, stackedLabel, UNIT_CODE } from './label-values.ts';
import { type OwnerValue, readOwners } from './people.ts';

export interface Scope {
  /** 0-based line of the heading */
  line: number;
  /** the last line the heading and its owner line take */
  lineEnd: number;
  structure: string;
  /** the unit's code written before its name (`85 - SERVIZIO …`, `A2 – Area …`), a centro di responsabilità */
  code?: string;
  owner?: OwnerValue;
}

const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[A-Z][.)]|[IVX]{1,4}[.)])\s+/;
const MAX_HEADING = 110;

/** Where a structure word opens a name: at the line start, after a dash, or after "Obiettivi del/della". */
function structureStart(text: string, pack: LabelPack): number {
  const folded = foldKeepingOffsets(text).toLowerCase();
  const words = [...pack.structureWords].sort((a, b) => b.length - a.length);
  const opens = (at: number) =>
    words.some((w) => folded.startsWith(w, at) && /\s/.test(folded[at + w.length] ?? '') && /\p{Lu}/u.test(text[at]!));
  if (opens(0)) return 0;
  for (const m of folded.matchAll(/\s[-–—]\s+|\bobiettivi\s+(?:del|della|dell'|dei)\s+/g)) {
    const at = m.index + m[0].length;
    if (opens(at)) return at;
  }
  return -1;
}

/** The structure a heading line names and the owner it gives in the same line; null when it is no heading. */
export function readHeading(
  line: string,
  pack: LabelPack = LEXICON,
): { structure: string; code?: string; owner?: OwnerValue } | null {
  const unitCode = line.trim().match(UNIT_CODE);
  const text = squash(unitCode ? line.trim().slice(unitCode[0].length) : line.replace(NUMBERING, ''));
  if (!text || text.length > MAX_HEADING || /\t/.test(line)) return null;
  // a label with its value ("Servizio: Polizia Locale") is a field, not a heading
  if (stackedLabel(text, pack) || /^[^:]{0,40}:/.test(text.split(/\s[-–—(]\s*/)[0]!)) return null;
  // a heading closes no sentence and breaks off no list item ("SERVIZI …,")
  if (/[.;,]$/.test(text) && !/\b[A-Z][a-z]?\.$/.test(text)) return null;
  const start = structureStart(text, pack);
  if (start < 0) return null;
  let name = text.slice(start);
  let owner: OwnerValue | undefined;
  const inline = name.match(/^(.*?)\s*(?:\(\s*|\s[-–—]\s+)(.+?:.+?)\)?$/);
  if (inline) {
    const { values } = readInline(inline[2]!, pack);
    const o = values.find((v) => v.field === 'owner');
    if (o) {
      name = inline[1]!;
      owner = readOwners(o.value, pack);
    }
  }
  // a numbered unit goes on with its name after the dash ("Settore 2 – Servizi Finanziari"); any other dash or
  // bracket opens a note on the heading
  const numbered = name.match(/^(\p{L}+\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s+[-–—]\s+[^-–—(]+)/u);
  name = numbered ? numbered[1]!.trim() : name.replace(/\s*[-–—(].*$/, '').trim();
  if (name.split(' ').length < 2) return null;
  const code = unitCode && start === 0 ? { code: unitCode[1]! } : {};
  return owner?.people.length ? { structure: name, ...code, owner } : { structure: name, ...code };
}

/**
 * Every heading scope of the document. `taken` lines belong to other readers (tables, label values) and are no
 * headings. The owner may follow on the next non-blank line as `Responsabile: …` alone.
 */
export function readScopes(
  lines: readonly string[],
  taken: ReadonlySet<number>,
  ownerLines: ReadonlyMap<number, FieldValue>,
  pack: LabelPack = LEXICON,
): Scope[] {
  const scopes: Scope[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    // a line finishing the sentence the line above breaks off ("… nuova illuminazione e" / "Area giochi …")
    if (i > 0 && breaksOff(lines[i - 1]!, pack)) continue;
    const h = readHeading(lines[i]!, pack);
    if (!h) continue;
    const scope: Scope = {
      line: i,
      lineEnd: i,
      structure: h.structure,
      ...(h.code ? { code: h.code } : {}),
      ...(h.owner ? { owner: h.owner } : {}),
    };
    if (!scope.owner) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '' && j - i <= 2) j++;
      const o = ownerLines.get(j);
      if (o) {
        const owner = readOwners(o.value, pack);
        if (owner.people.length) {
          scope.owner = owner;
          scope.lineEnd = o.lineEnd;
        }
      }
    }
    scopes.push(scope);
  }
  return scopes;
}

/** Whether a line breaks off mid-sentence: it ends with a joining word, a comma or a hyphenated word. */
function breaksOff(line: string, pack: LabelPack): boolean {
  const t = line.trimEnd();
  if (!t || /,$|\p{L}-$/u.test(t)) return t !== '';
  const last = foldKeepingOffsets(t.split(/\s+/).at(-1)!).toLowerCase();
  return /\p{Ll}/u.test(t) && pack.connectors.includes(last);
}

/** The scope a line falls in: the last heading above it. */
export function scopeAt(scopes: readonly Scope[], line: number): Scope | undefined {
  let found: Scope | undefined;
  for (const s of scopes) {
    if (s.line > line) break;
    found = s;
  }
  return found;
}
