/**
 * What a superlative or comparative is about, read from the words around it whatever their order: the field it ranks
 * by ("la fase più lunga", "the longest phase" → duration; "più fasi" → the number of phases; "il budget più alto" →
 * budget) and the kind of record it qualifies ("la fase più lunga" → phase, "the heaviest single phase" → phase).
 * Stems come from the language packs (`gradedFields`, field and record words), so endings and word order do not
 * matter; a record word right after "più" / "more" is a count ("più fasi"), not the record ranked.
 */
import { en } from '../lang/en.ts';
import { it } from '../lang/it.ts';
import type { Lexicon } from '../lang/language-pack.ts';
import type { QueryTarget } from '../query/plan-query.ts';
import type { FieldWord } from './question-frame.ts';

const ALL: Lexicon[] = [it.lexicon, en.lexicon];
const FIELD_KEYS = Object.keys(it.lexicon.fields) as FieldWord[];
const FIELD_WORDS = Object.fromEntries(
  FIELD_KEYS.map((f) => [f, ALL.flatMap((l) => [...l.fields[f], ...(l.gradedFields[f] ?? [])])]),
) as Record<FieldWord, string[]>;
const TARGET_WORDS = Object.fromEntries(
  (Object.keys(it.lexicon.targets) as QueryTarget[]).map((t) => [t, ALL.flatMap((l) => l.targets[t])]),
) as Record<QueryTarget, string[]>;
/** the words that make the next one a count: "più fasi", "most objectives", "fewer phases" */
const COMPARATIVES = new Set(ALL.flatMap((l) => [...l.more, ...l.less, 'most', 'least', 'fewest']));
/** fields that count records: named right after "più" / "most" they are what is counted */
const COUNT_FIELDS = new Set<FieldWord>(['phases', 'indicators', 'objectives', 'projects']);
/** records a superlative may qualify */
const RANKABLE: QueryTarget[] = ['phase', 'indicator', 'project', 'objective'];

export interface Gradation {
  /** the field the superlative or comparative ranks by, null when the words around it name none */
  field: FieldWord | null;
  /** the kind of record it qualifies, when a record word stands right beside it */
  record: QueryTarget | null;
}

/** A lexicon stem matches a word when the word starts with it ("lung" → "lunga"); a stem ending in a space is whole. */
function matches(word: string, stem: string): boolean {
  const s = stem.trim();
  if (s.includes(' ')) return false;
  return stem.endsWith(' ') ? word === s : word.startsWith(s);
}

function fieldOf(word: string, allowCounts: boolean): FieldWord | null {
  for (const f of FIELD_KEYS) {
    if (!allowCounts && COUNT_FIELDS.has(f)) continue;
    if (FIELD_WORDS[f].some((s) => matches(word, s))) return f;
  }
  return null;
}

function recordOf(word: string): QueryTarget | null {
  return RANKABLE.find((t) => TARGET_WORDS[t].some((s) => matches(word, s))) ?? null;
}

/**
 * The gradation at character position `at` of the padded words (where the superlative or comparative starts).
 * Looks a few words after it (the adjective, or the counted record) and before it (the figure or record it follows).
 */
export function gradationAt(words: string, at: number): Gradation {
  const tokens: { w: string; at: number }[] = [];
  for (const m of words.matchAll(/\S+/g)) tokens.push({ w: m[0], at: m.index ?? 0 });
  const i = tokens.findIndex((t) => t.at >= at);
  if (i < 0) return { field: null, record: null };
  let field: FieldWord | null = null;
  let countAt = -1;
  // after: the adjective itself ("lunga", "longest", "heaviest") or what "più" / "most" counts ("più fasi")
  // five words: "il maggior numero di persone", "the largest number of people"
  for (let j = i; j < Math.min(tokens.length, i + 5) && !field; j++) {
    const w = tokens[j]!.w;
    const afterComparative = j > 0 && COMPARATIVES.has(tokens[j - 1]!.w);
    field = fieldOf(w, afterComparative);
    if (field && COUNT_FIELDS.has(field)) countAt = j;
  }
  // before: "il budget più alto", "peso maggiore"
  for (let j = i - 1; j >= Math.max(0, i - 2) && !field; j--) field = fieldOf(tokens[j]!.w, false);
  // an order word ("per ultimo", "first", "earliest") is about the start when a start verb stands before it: "quale
  // obiettivo parte per ultimo", "which phase starts earliest"
  if (field === 'end')
    for (let j = i - 1; j >= Math.max(0, i - 2); j--)
      if (FIELD_WORDS.start.some((s) => matches(tokens[j]!.w, s))) field = 'start';
  // the record qualified: the nearest record word on either side, whatever the language's order ("la fase più
  // lunga", "la fase che conta di più", "the longest phase", "the heaviest single phase"); a counted one is not it
  let record: QueryTarget | null = null;
  for (let d = 0; d <= 4 && !record; d++) {
    const after = i + d;
    if (after < tokens.length && after !== countAt) record = recordOf(tokens[after]!.w);
    const before = i - d - 1;
    if (!record && d < 4 && before >= 0) record = recordOf(tokens[before]!.w);
  }
  return { field, record };
}
