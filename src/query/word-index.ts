/**
 * Which records of a target hold given words in one field, for the plan query's `contains` filter: built once per
 * store and field, on the first such filter, so a topic filter over a thousand plans reads the few records holding
 * its words instead of testing the text of every record in scope.
 *
 * `contains` means: every word of the value (folded, split at whitespace) occurs somewhere in the folded text. A word
 * holds no whitespace, so it occurs in the text exactly when it occurs inside one of the text's whitespace-separated
 * tokens. Each record is filed under its distinct tokens, and a word's records are those of every token containing it
 * ("digit" finds "digitale", "accessibilita" finds "all'accessibilita"), so the lookup returns exactly the records
 * the scan would keep.
 */
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';
import type { QueryTarget } from './plan-query.ts';
import { type QueryRecord, recordsOf } from './record-fields.ts';

const WHITESPACE = /\s+/;
const GRAM = 3;
const NONE = new Int32Array(0);

/** The word's pieces of GRAM code units, overlapping. */
function gramsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + GRAM <= word.length; i++) out.push(word.slice(i, i + GRAM));
  return out;
}

/** The words a `contains` value asks for: folded and split as the filter splits them. */
export function containsWordsOf(value: string): string[] {
  return fold(value).split(WHITESPACE).filter(Boolean);
}

export class WordIndex {
  /** the distinct tokens of the field's folded text, across all records */
  private readonly tokens: string[];
  /** per token, the positions in `records` of the records holding it (ascending) */
  private readonly postings: Int32Array[];
  /** the positions of the records that have the field at all */
  private readonly withField: Int32Array;
  /** scratch marks of one lookup, one per record: a record is marked by the current word when it holds the stamp */
  private readonly marks: Uint32Array;
  private stamp = 0;
  /** three-letter piece → the tokens holding it (ascending), made on the first lookup of a word that long */
  private byGram: Map<string, Int32Array> | null = null;

  constructor(
    /** every record of the target, in model order */
    readonly records: readonly QueryRecord[],
    field: string,
  ) {
    const byToken = new Map<string, number[]>();
    const withField: number[] = [];
    for (const [i, record] of records.entries()) {
      const cell = record.cells[field];
      if (!cell) continue;
      withField.push(i);
      for (const token of new Set(fold(cell.text).split(WHITESPACE))) {
        if (!token) continue;
        const list = byToken.get(token);
        if (list) list.push(i);
        else byToken.set(token, [i]);
      }
    }
    this.tokens = [...byToken.keys()];
    this.postings = [...byToken.values()].map((list) => Int32Array.from(list));
    this.withField = Int32Array.from(withField);
    this.marks = new Uint32Array(records.length);
  }

  /** Positions in `records` of the records whose field holds every word (ascending); with no words, every record with the field. */
  positionsWith(words: readonly string[]): number[] {
    if (words.length === 0) return Array.from(this.withField);
    // each word's tokens; the word found in the fewest records leads and the others only test its records
    const perWord = words.map((w) => {
      const lists: Int32Array[] = [];
      let size = 0;
      const maybe = this.tokensMaybeHolding(w);
      const count = maybe ? maybe.length : this.tokens.length;
      for (let n = 0; n < count; n++) {
        const t = maybe ? maybe[n]! : n;
        if (!this.tokens[t]!.includes(w)) continue;
        const list = this.postings[t]!;
        lists.push(list);
        size += list.length;
      }
      return { lists, size };
    });
    perWord.sort((a, b) => a.size - b.size);
    let candidates = this.union(perWord[0]!.lists);
    for (const { lists } of perWord.slice(1)) {
      if (candidates.length === 0) break;
      const stamp = this.nextStamp();
      for (const list of lists) for (let i = 0; i < list.length; i++) this.marks[list[i]!] = stamp;
      candidates = candidates.filter((p) => this.marks[p] === stamp);
    }
    return candidates;
  }

  /**
   * The tokens that can hold `w` (ascending): those holding its rarest three-letter piece (a token holding `w` holds
   * each of its pieces); null, every token, for a shorter word. The pieces are filed on the first lookup: the
   * vocabulary of a thousand different plans is too large to test whole for each word.
   */
  private tokensMaybeHolding(w: string): Int32Array | null {
    if (w.length < GRAM) return null;
    if (!this.byGram) {
      const lists = new Map<string, number[]>();
      for (const [t, token] of this.tokens.entries())
        for (const gram of new Set(gramsOf(token))) {
          const list = lists.get(gram);
          if (list) list.push(t);
          else lists.set(gram, [t]);
        }
      this.byGram = new Map([...lists].map(([gram, list]) => [gram, Int32Array.from(list)]));
    }
    let rarest: Int32Array | null = null;
    for (const gram of gramsOf(w)) {
      const list = this.byGram.get(gram);
      if (!list) return NONE;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return rarest ?? NONE;
  }

  /** The records whose field holds every word, in model order. */
  recordsWith(words: readonly string[]): QueryRecord[] {
    return this.positionsWith(words).map((p) => this.records[p]!);
  }

  /** The positions in any of the lists, ascending, each once. */
  private union(lists: readonly Int32Array[]): number[] {
    if (lists.length === 1) return Array.from(lists[0]!);
    const stamp = this.nextStamp();
    const out: number[] = [];
    for (const list of lists)
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        if (this.marks[p] === stamp) continue;
        this.marks[p] = stamp;
        out.push(p);
      }
    return out.sort((a, b) => a - b);
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

interface StoreIndexes {
  /** every record of a target, in model order: the positions of its word indexes point into it */
  records: Map<QueryTarget, readonly QueryRecord[]>;
  /** per target and field */
  words: Map<string, WordIndex>;
}
const byStore = new WeakMap<PlanStore, StoreIndexes>();

/**
 * The word index of one field of a target, built on first use and kept with the store (a loaded model does not
 * change; a reload makes a new store). Its records are every record of the target, whatever the question's scope:
 * scope and visibility then filter the few records the words select. The indexes of one target share its records,
 * so their positions can be intersected.
 */
export function wordIndexOf(store: PlanStore, target: QueryTarget, field: string): WordIndex {
  let held = byStore.get(store);
  if (!held) {
    held = { records: new Map(), words: new Map() };
    byStore.set(store, held);
  }
  const key = `${target}\u0000${field}`;
  let index = held.words.get(key);
  if (!index) {
    let records = held.records.get(target);
    if (!records) {
      records = recordsOf(store, target);
      held.records.set(target, records);
    }
    index = new WordIndex(records, field);
    held.words.set(key, index);
  }
  return index;
}
