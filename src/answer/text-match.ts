import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS as RETRIEVAL_STOPWORDS } from '../retrieval/stopwords.ts';

// the retrieval layer's function words, plus verbs and contractions that only questions use
const STOPWORDS: ReadonlySet<string> = new Set([
  ...RETRIEVAL_STOPWORDS,
  ...'cos e va vanno viene vengono deve devono fa fanno sara saranno previsto prevista get gets goes going whos whats ll re ve vs'.split(
    ' ',
  ),
]);

/** Words that carry no topic in questions about plans (they say what is asked, not about what). */
const QUESTION_WORDS = new Set(
  'obiettivo obiettivi objective objectives progetto progetti project projects indicatore indicatori indicator indicators fase fasi phase phases responsabile responsible owner owns owned dirigente budget previsto prevista previsti previste valore value expected target peso weight entro scadenza deadline date data periodo linea mandato strategico strategica strategic operativo operational struttura structure fasi phases tell show list elenca dimmi mostra qual quale piano plan plans peg piao risorse finanziarie finanziaria finanziari umane resources financial human previsti previste previsto prevista quanti quante quanto costa costano about charge money'.split(
    ' ',
  ),
);

/**
 * Aggressive stemming for matching record titles (a six-letter prefix, so `controlli` meets `controllo` and a typo in
 * a word's tail does not matter). Passage search keeps its own light stemmer (retrieval/italian-stem.ts): ranking
 * passages wants precision, naming a record from a few words wants recall.
 */
export function stem(token: string): string {
  // the same few hundred words are stemmed over and over (a question's, its passages', the records' titles)
  let stemmed = STEMS.get(token);
  if (stemmed === undefined) {
    stemmed = stemOf(token);
    if (STEMS.size >= STEMS_SIZE) STEMS.clear();
    STEMS.set(token, stemmed);
  }
  return stemmed;
}

const STEMS = new Map<string, string>();
const STEMS_SIZE = 20_000;

function stemOf(token: string): string {
  if (token.length <= 4) return token.replace(/[aeio]$/, '');
  const noun = token.replace(/(zioni|zione)$/, 'zion');
  // "-amento" is cut only from a long word: "affidamento" keeps "affida", the stem of "affidato" and "affidare"
  const cut = noun.replace(/(mente|amento|imento)$/, '');
  const t = (cut.length >= 6 ? cut : noun).replace(/(ità|ita)$/, 'it');
  return t.length > 6 ? t.slice(0, 6) : t.replace(/[aeiou]$/, '');
}

/**
 * Ordinals as one token, whether written as a word or a figure ("primo lotto", "1° lotto", "third lot" → `ord1`,
 * `ord3`): a phase is named by the words its title has, in either form. Words from the language packs.
 */
const ORDINAL_TOKENS: ReadonlyMap<string, string> = new Map(
  Object.values(PACKS).flatMap((p) => [
    ...p.lexicon.firstWords.map((w) => [w, 'ord1'] as const),
    ...Object.entries(p.lexicon.ordinals).map(([w, n]) => [w, `ord${n}`] as const),
  ]),
);

export function contentTokens(text: string, options: { keepQuestionWords?: boolean } = {}): string[] {
  // dotted acronyms are one word: L.A.I.V. → laiv; a figure with the ordinal sign is an ordinal: 3° → ord3
  const acronyms = text.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  const joined = /[°º]/.test(acronyms) ? acronyms.replace(/\b(\d{1,2})\s?[°º](?![\p{L}\d])/gu, ' ord$1 ') : acronyms;
  return fold(joined)
    .split(/[^a-z0-9]+/)
    .map((t) => ORDINAL_TOKENS.get(t) ?? t)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t) && (options.keepQuestionWords || !QUESTION_WORDS.has(t)));
}

/**
 * The records tied for the best score; when one of them is wholly named by the query and the others are not
 * ("Consolidamento ponti" against "consolidamento di 2 ponti lungo la SP4…"), that one alone.
 */
export function bestTies<T>(ranked: Scored<T>[]): Scored<T>[] {
  const top = ranked[0];
  if (!top) return [];
  const ties = ranked.filter((r) => r.score >= top.score - 1e-9);
  const full = ties.filter((r) => r.coverage >= 0.99);
  return full.length === 1 ? full : ties;
}

/** Edit distance, capped: returns cap+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The word and every string one deletion away from it. */
export function withDeletions(word: string): Set<string> {
  const out = new Set([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Two tokens match when their stems agree, or they differ by one typo in a long word. */
export function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (stem(a) === stem(b)) return true;
  return a.length >= 6 && b.length >= 6 && editDistance(a, b, 1) <= 1;
}

export interface Scored<T> {
  item: T;
  score: number;
  matched: number;
  /** share of the record's own words that the query contains: tells "Consolidamento ponti" from a longer title */
  coverage: number;
}

/**
 * Ranks records by how much of the query's content they contain, weighting rare words more (IDF over the
 * records themselves), so "bando case popolari" finds the one phase that mentions them.
 */
export class TextMatcher<T> {
  private readonly items: T[];
  /** each record's number of distinct stems: its coverage's denominator */
  private readonly stemCounts: Uint32Array;
  /**
   * stem → the records holding it (ascending), so a query visits only the records it shares a word with; a list's
   * length is the stem's document frequency
   */
  private readonly postings = new Map<string, Int32Array>();
  /** built on the first unknown query word: see `neighbours` */
  private byDeletion: Map<string, string[]> | null = null;
  /** per record scratch space of `rank`, made on the first query */
  private scratch: RankBuffers | null = null;

  constructor(items: T[], textOf: (item: T) => string) {
    this.items = items;
    this.stemCounts = new Uint32Array(items.length);
    const lists = new Map<string, number[]>();
    // a thousand plans repeat the same words: each distinct token is stemmed once
    const stemOf = new Map<string, string>();
    const stemmed = (token: string) => {
      let s = stemOf.get(token);
      if (s === undefined) {
        s = stem(token);
        stemOf.set(token, s);
      }
      return s;
    };
    for (const [i, item] of items.entries()) {
      const stems = new Set(contentTokens(textOf(item), { keepQuestionWords: true }).map(stemmed));
      this.stemCounts[i] = stems.size;
      for (const s of stems) {
        const list = lists.get(s);
        if (list) list.push(i);
        else lists.set(s, [i]);
      }
    }
    // typed: half the memory of a list of numbers, and read in plain indexed loops
    for (const [s, list] of lists) this.postings.set(s, Int32Array.from(list));
  }

  private buffers(): RankBuffers {
    const n = this.items.length;
    if (!this.scratch || this.scratch.stamp > 0xfffffff0) {
      this.scratch = {
        sum: new Float64Array(n),
        matched: new Uint32Array(n),
        shared: new Uint32Array(n),
        touched: new Int32Array(n),
        scores: new Float64Array(n),
        touchedBy: new Uint32Array(n),
        wordOf: new Uint32Array(n),
        stamp: 0,
      };
    }
    return this.scratch;
  }

  private idf(s: string): number {
    return Math.log(1 + this.items.length / (1 + (this.postings.get(s)?.length ?? 0)));
  }

  /** The record words a query word stands for: itself when some record has it, else its one-typo neighbours. */
  private alternatives(s: string): string[] {
    if (this.postings.has(s)) return [s];
    if (s.length < 6) return [];
    return this.neighbours(s);
  }

  /**
   * Record words (5+ letters) one edit from `s`. Each record word is filed under itself and each of its one-letter
   * deletions; two words one edit apart always share such a key, so a query word's own deletions find its neighbours
   * without comparing it to the whole vocabulary (which made long questions of unknown words slow).
   */
  private neighbours(s: string): string[] {
    if (!this.byDeletion) {
      this.byDeletion = new Map();
      for (const v of this.postings.keys()) {
        if (v.length < 5) continue;
        for (const key of withDeletions(v)) {
          const filed = this.byDeletion.get(key);
          if (filed) filed.push(v);
          else this.byDeletion.set(key, [v]);
        }
      }
    }
    const candidates = new Set<string>();
    for (const key of withDeletions(s)) for (const v of this.byDeletion.get(key) ?? []) candidates.add(v);
    return [...candidates].filter((v) => editDistance(v, s, 1) <= 1);
  }

  /** score in [0,1]: share of the query's (IDF-weighted) content words found in the record */
  rank(query: string | string[], limit = 5): Scored<T>[] {
    const tokens = Array.isArray(query) ? query : contentTokens(query);
    const qs = [...new Set(tokens.map(stem))].filter((s) => s.length >= 2);
    if (qs.length === 0) return [];
    const alts = qs.map((s) => this.alternatives(s));
    const weights = qs.map((s, i) =>
      this.postings.has(s) ? this.idf(s) : Math.max(this.idf(s), ...alts[i]!.map((a) => this.idf(a))),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    // per record: the summed weight and the number of query words it holds (a word counts once, whichever
    // of its alternatives the record has), and how many of the alternatives it holds (its share of its own stems
    // the query names: the coverage), in arrays reused from query to query
    const buffers = this.buffers();
    const { sum, matched, shared, touchedBy, wordOf, touched, scores } = buffers;
    const pass = ++buffers.stamp;
    let count = 0;
    const counted = new Set<string>();
    for (let i = 0; i < alts.length; i++) {
      const word = ++buffers.stamp;
      const weight = weights[i]!;
      for (const a of alts[i]!) {
        // two query words can share an alternative: a record holds it once
        const fresh = !counted.has(a);
        counted.add(a);
        const list = this.postings.get(a);
        if (!list) continue;
        for (let p = 0; p < list.length; p++) {
          const d = list[p]!;
          if (touchedBy[d] !== pass) {
            touchedBy[d] = pass;
            sum[d] = 0;
            matched[d] = 0;
            shared[d] = 0;
            touched[count++] = d;
          }
          if (fresh) shared[d]!++;
          if (wordOf[d] === word) continue;
          wordOf[d] = word;
          sum[d]! += weight;
          matched[d]!++;
        }
      }
    }
    // only records scoring at least the limit-th best score can be ranked: their coverage alone is computed
    for (let n = 0; n < count; n++) scores[n] = sum[touched[n]!]! / total;
    const threshold = kthLargest(scores.subarray(0, count), limit);
    const contenders: number[] = [];
    for (let n = 0; n < count; n++) if (scores[n]! >= threshold) contenders.push(touched[n]!);
    // the best `limit` in ranking order, ties in record order (as a stable sort of all contenders would leave them):
    // the copies of one plan in a thousand tie by the hundred, and most of them lose to the last kept at once
    const best: Scored<T>[] = [];
    for (const d of contenders.sort((a, b) => a - b)) {
      const score = sum[d]! / total;
      const last = best.length === limit ? best[limit - 1]! : null;
      if (last && score < last.score) continue;
      const stems = this.stemCounts[d]!;
      const coverage = stems ? shared[d]! / stems : 0;
      const words = matched[d]!;
      if (last && !ranksBefore(score, coverage, words, last)) continue;
      // after every record it does not rank before (those are first in `best`)
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ranksBefore(score, coverage, words, best[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      best.splice(lo, 0, { item: this.items[d]!, score, matched: words, coverage });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}

/** Ranking order: score, then coverage, then the number of query words matched, all descending. */
function ranksBefore<T>(score: number, coverage: number, matched: number, b: Scored<T>): boolean {
  if (score !== b.score) return score > b.score;
  if (coverage !== b.coverage) return coverage > b.coverage;
  return matched > b.matched;
}

/**
 * Scratch arrays of one matcher's `rank`: a record's summed weight, matched words and alternatives held are valid when
 * `touchedBy` holds the query's stamp, and `wordOf` keeps one query word from counting twice through two of its
 * alternatives.
 */
interface RankBuffers {
  sum: Float64Array;
  matched: Uint32Array;
  shared: Uint32Array;
  /** the records the query touched, in the order first seen, and their scores */
  touched: Int32Array;
  scores: Float64Array;
  touchedBy: Uint32Array;
  wordOf: Uint32Array;
  stamp: number;
}

/**
 * The k-th largest value (ties counted), or -Infinity when there are k values or fewer (or k < 1): every value passes. One pass
 * keeping the k largest in a min-heap, not a sort: a common word touches most of a thousand plans' records.
 */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  if (values.length <= k) return Number.NEGATIVE_INFINITY;
  if (k <= 0) return Number.NEGATIVE_INFINITY;
  const heap = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    // sift up: the smallest of the first k rises to the root
    let at = i;
    const v = values[i]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]! <= v) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = v;
  }
  for (let i = k; i < values.length; i++) {
    const v = values[i]!;
    if (v <= heap[0]!) continue;
    // the root (smallest of the k largest) leaves; v sinks to its place
    let at = 0;
    for (;;) {
      const l = 2 * at + 1;
      if (l >= k) break;
      const r = l + 1;
      const child = r < k && heap[r]! < heap[l]! ? r : l;
      if (heap[child]! >= v) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = v;
  }
  return heap[0]!;
}
