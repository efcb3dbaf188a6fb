/**
 * Levels of the plans' strategic tree a question names by the words of their titles ("gli obiettivi dell'area
 * strategica <parole del titolo>", "i progetti dell'azione <titolo>", "the technical area's objectives"), read from
 * the loaded model: the strategic links of its records and the areas of its structures. Only a question holding a
 * level word of the language packs ("linea di mandato", "azione", "area", "public value") is read, so the words of a
 * record's own title do not turn into a level.
 */
import { PACKS } from '../lang/packs.ts';
import { areaLookup, type LevelField, levelEntries } from '../plan/plan-levels.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { phraseAt, wordsOf } from './phrases.ts';
import { nameStem } from './structure-index.ts';

export interface NamedLevel {
  field: LevelField;
  value: string;
  doc: string;
}

interface LevelEntry extends NamedLevel {
  /** the title without its numbering, as `wordsOf` writes it, trimmed */
  phrase: string;
  /** the title's own numbering, each part without leading zeros ("03.01" → "3.1"); '' when unnumbered */
  number: string;
  /** stems of the words that tell this level from another (no level word, function word or number) */
  stems: string[];
}

/** each level phrase of every pack, as padded words with a trailing space, and the model field it names ('' none) */
const LEVEL_FIELD_OF = new Map(
  Object.values(PACKS).flatMap((p) =>
    Object.entries(p.lexicon.planLevels ?? {}).map(([w, field]) => [`${wordsOf(w).trim()} `, field] as const),
  ),
);
const LEVEL_PHRASES = [...LEVEL_FIELD_OF.keys()];
/** the words of the level phrases say which level, never which one of it */
const LEVEL_WORDS = new Set(LEVEL_PHRASES.flatMap((p) => p.trim().split(' ')));

/** two title words or more said beside a level word name it; one word must open the title right after the level word */
const MIN_WORDS = 2;

const cache = new WeakMap<PlanStore, { entries: LevelEntry[]; places: Set<string> }>();

function indexOf(store: PlanStore) {
  const known = cache.get(store);
  if (known) return known;
  const areaOf = areaLookup(store.structures);
  const structureNames = new Set(store.structures.map((s) => `${s.doc}\u0000${fold(s.name).trim()}`));
  const seen = new Set<string>();
  const entries: LevelEntry[] = [];
  const add = (doc: string, field: LevelField, value: string) => {
    const key = `${doc}\u0000${field}\u0000${value}`;
    // a level that is also a structure of the plan ("AREA X" as a centro di responsabilità) is the structure's to link
    if (seen.has(key) || structureNames.has(`${doc}\u0000${fold(value).trim()}`)) return;
    seen.add(key);
    const phrase = wordsOf(value.replace(/^\s*[\d.]+\s*/, '')).trim();
    const stems = [
      ...new Set(
        phrase
          .split(' ')
          .filter((w) => w.length > 2 && !/\d/.test(w) && !STOPWORDS.has(w) && !LEVEL_WORDS.has(w))
          .map(nameStem),
      ),
    ];
    const number = numberKey(value.match(/^\s*(\d+(?:\.\d+)*)/)?.[1] ?? '');
    if (stems.length || number) entries.push({ field, value, doc, phrase, stems, number });
  };
  for (const o of store.objectives)
    for (const e of levelEntries(o.strategic, areaOf(o.doc, o.structure))) add(o.doc, e.field, e.value);
  for (const p of store.projects)
    for (const e of levelEntries(p.strategic, areaOf(p.doc, p.cdr))) add(p.doc, e.field, e.value);
  for (const s of store.structures) if (s.area) add(s.doc, 'area', s.area);
  // place names ("Prato") are the entity's, not a level's, even where a title holds them
  const places = new Set(
    store.model.documents.flatMap((d) =>
      wordsOf(d.entity)
        .trim()
        .split(' ')
        .slice(1)
        .filter((w) => w.length > 2 && !STOPWORDS.has(w))
        .map(nameStem),
    ),
  );
  const index = { entries, places };
  cache.set(store, index);
  return index;
}

/**
 * The levels the question names, in the plans `files` (all when null): those whose title words it holds the most of,
 * two or more, or whose one-word title follows a level word ("area tecnica"). Empty without a level word.
 */
export function planLevelsIn(words: string, store: PlanStore, files: readonly string[] | null): NamedLevel[] {
  if (!LEVEL_PHRASES.some((p) => phraseAt(words, p) >= 0)) return [];
  const { entries, places } = indexOf(store);
  const inFiles = files ? new Set(files) : null;
  const byNumber = levelsByNumber(words, entries, inFiles);
  if (byNumber.length) return byNumber.map(({ field, value, doc }) => ({ field, value, doc }));
  const stems = new Set(
    words
      .trim()
      .split(' ')
      .filter((w) => w.length > 2 && !STOPWORDS.has(w))
      .map(nameStem)
      .filter((s) => !places.has(s)),
  );
  let best = 0;
  let named: LevelEntry[] = [];
  for (const e of entries) {
    if (inFiles && !inFiles.has(e.doc)) continue;
    const hit = e.stems.filter((s) => stems.has(s)).length;
    const score = hit >= MIN_WORDS ? hit : hit === 1 && afterLevelWord(words, e) ? 1 : 0;
    if (score === 0 || score < best) continue;
    if (score > best) {
      best = score;
      named = [];
    }
    named.push(e);
  }
  return named.map(({ field, value, doc }) => ({ field, value, doc }));
}

/** "03", "3", "03.01" → "3", "3", "3.1": numberings compared part by part, leading zeros aside */
const numberKey = (n: string) =>
  n
    .split('.')
    .filter(Boolean)
    .map((p) => String(Number(p)))
    .join('.');

/**
 * "linea di mandato 04", "mandate line 3", "obiettivo strategico 05.01": the levels of the field the level word names
 * whose numbering is the number right after it (a level word of no field: the one field numbered so, if only one is).
 */
function levelsByNumber(words: string, entries: LevelEntry[], inFiles: Set<string> | null): LevelEntry[] {
  const out: LevelEntry[] = [];
  for (const [phrase, field] of LEVEL_FIELD_OF) {
    let at = phraseAt(words, phrase);
    while (at >= 0) {
      const after = words.slice(at + phrase.length).match(/^(?:n )?(\d{1,2}(?: \d{1,2}){0,3}) /);
      if (after) {
        const number = numberKey(after[1]!.replace(/ /g, '.'));
        const numbered = entries.filter((e) => e.number === number && (!inFiles || inFiles.has(e.doc)));
        const own = numbered.filter((e) => e.field === field);
        const fields = new Set(numbered.map((e) => e.field));
        for (const e of own.length ? own : fields.size === 1 ? numbered : []) if (!out.includes(e)) out.push(e);
      }
      at = phraseAt(words, phrase, at + 1);
    }
  }
  return out;
}

/**
 * The first word of the title stands right after a word of its own level ("area tecnica", "l'indirizzo innovazione"
 * for "INNOVAZIONE IN COMUNE"): one word names a level only there ("area servizi" opens no azione "Servizi e …").
 */
function afterLevelWord(words: string, entry: LevelEntry): boolean {
  const first = entry.phrase.split(' ').find((w) => !LEVEL_WORDS.has(w) && !STOPWORDS.has(w));
  if (!first) return false;
  for (const [p, field] of LEVEL_FIELD_OF)
    if ((field === entry.field || field === '') && phraseAt(words, `${p}${first} `) >= 0) return true;
  return false;
}

/** The structures' name stems a level named holds: a structure linked only from the level's words is not meant. */
export function stemsOfLevels(levels: readonly NamedLevel[], store: PlanStore): Set<string> {
  const { entries } = indexOf(store);
  return new Set(
    entries
      .filter((e) => levels.some((l) => l.doc === e.doc && l.field === e.field && l.value === e.value))
      .flatMap((e) => e.stems),
  );
}

/** The padded words with every level phrase blanked ("area strategica" says which level, not which type of record). */
export function withoutLevelWords(words: string): string {
  let out = words;
  for (const p of LEVEL_PHRASES) {
    let at = phraseAt(out, p);
    while (at >= 0) {
      out = out.slice(0, at) + ' '.repeat(p.trim().length) + out.slice(at + p.trim().length);
      at = phraseAt(out, p, at);
    }
  }
  return out;
}

/** "linea di mandato 04", "obiettivo strategico 05.01": each level word with the number after it, in folded text */
const NUMBERED_LEVEL = new RegExp(
  `\\b(?:${LEVEL_PHRASES.map((p) => p.trim().replace(/ /g, '[^a-z0-9]+')).join('|')})[^a-z0-9]+(?:n\\.?\\s*)?(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\b`,
  'g',
);

/** The folded text with the number of each numbered level blanked: a level's number is no amount to compare. */
export function blankLevelNumbers(folded: string): string {
  return folded.replace(NUMBERED_LEVEL, (m, n: string) => m.slice(0, m.length - n.length) + ' '.repeat(n.length));
}
