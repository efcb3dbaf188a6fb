/**
 * Which objective or project a question names by its words, when no title holds them all ("chi segue lo studio
 * sulle nascite?" for "Studio sulla fecondità"): every record is read as its title and its own text (description,
 * expected result), words are weighed by how few records use them (IDF over the loaded model), a word the glossary
 * gives synonyms for also meets them ("nascite" → "fecondità", "nascita"), and the answer says when it is unsure —
 * two records close together, or a weak best — instead of picking one.
 */
import { contentTokens, stem } from '../answer/text-match.ts';
import { PACKS } from '../lang/packs.ts';
import type { Objective, Project } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { glossaryExpander } from '../retrieval/query-expansion.ts';
import type { PlanStore } from '../store/plan-store.ts';

export type NamedRecord = { kind: 'objective'; record: Objective } | { kind: 'project'; record: Project };

export interface RecordCandidate {
  named: NamedRecord;
  /** in [0, 1]: the share of the question's (weighted) words the record holds, its title counting more */
  score: number;
  /** how many of the question's words it holds */
  matched: number;
}

export type RecordResolution =
  | { status: 'sure'; named: NamedRecord; candidates: RecordCandidate[] }
  | { status: 'unsure'; candidates: RecordCandidate[] }
  | { status: 'none' };

/** a word of the title counts whole, one only in the record's text less: titles name records, texts describe them */
const BODY_SHARE = 0.6;
/** a synonym the glossary brings counts less than the word itself */
const SYNONYM_SHARE = 0.8;
/**
 * a word no record uses says nothing about which one is meant (a verb of the question: "segue", "rilascia"), but it
 * may be what the question is about and the plans lack: it counts half in the denominator
 */
const ABSENT_SHARE = 0.5;
/** a record of the other kind than the question names ("il progetto …" met by an objective) */
const OTHER_KIND_SHARE = 0.85;
/** the best must hold most of the question and stand clear of the next one */
const SURE_SCORE = 0.55;
const SURE_MARGIN = 1.3;
/** a record met by two words or more, of its text only, is sure when no other comes near */
const ALONE_SCORE = 0.35;
const ALONE_MARGIN = 2;

/** "chi", "who": the word after them says what is asked of the record, not which record */
const WHO = new Set(
  Object.values(PACKS).flatMap((p) =>
    p.lexicon.answerTypes.filter((t) => t.type === 'who').flatMap((t) => t.cues.filter((c) => !c.includes(' '))),
  ),
);

/**
 * The question without the verb it asks with: "chi cura lo studio…", "who runs the project…", "a chi fa capo…" name
 * the record by what follows, and "cura" or "capo" may well be words of another record's title.
 */
function withoutAskingVerb(text: string): string {
  const words = text.split(/\s+/);
  const out: string[] = [];
  let skip = false;
  for (const word of words) {
    const folded = fold(word).replace(/[^a-z]/g, '');
    if (skip && folded && contentTokens(folded).length) {
      skip = false;
      continue;
    }
    if (WHO.has(folded)) skip = true;
    out.push(word);
  }
  return out.join(' ');
}

interface Entry {
  named: NamedRecord;
  title: ReadonlySet<string>;
  body: ReadonlySet<string>;
}

interface RecordIndex {
  entries: Entry[];
  /** stem → how many records use it (title or text) */
  df: Map<string, number>;
  /** stem → the positions in `entries` of the records whose title uses it, ascending: only those can score */
  inTitle: Map<string, number[]>;
  /** stem → the positions of the records whose text, and not their title, uses it */
  inBodyOnly: Map<string, number[]>;
  /** scratch per record for one call (zero between calls): a word's share, the sum of shares, the words held */
  share: Float64Array;
  sum: Float64Array;
  matched: Uint16Array;
}

const INDEXES = new WeakMap<PlanStore, RecordIndex>();

function stems(text: string | undefined): Set<string> {
  return new Set(contentTokens(text ?? '', { keepQuestionWords: true }).map(stem));
}

function indexOf(store: PlanStore): RecordIndex {
  let index = INDEXES.get(store);
  if (!index) {
    const named: NamedRecord[] = [
      ...store.objectives.map((record) => ({ kind: 'objective' as const, record })),
      ...store.projects.map((record) => ({ kind: 'project' as const, record })),
    ];
    const entries = named.map((n) => ({
      named: n,
      title: stems(n.record.title),
      body: stems(
        n.kind === 'objective'
          ? `${n.record.description ?? ''} ${n.record.expectedResult ?? ''}`
          : n.record.description,
      ),
    }));
    const inTitle = new Map<string, number[]>();
    const inBodyOnly = new Map<string, number[]>();
    const df = new Map<string, number>();
    const post = (map: Map<string, number[]>, s: string, at: number) => {
      const list = map.get(s);
      if (list) list.push(at);
      else map.set(s, [at]);
      df.set(s, (df.get(s) ?? 0) + 1);
    };
    entries.forEach((e, at) => {
      for (const s of e.title) post(inTitle, s, at);
      for (const s of e.body) if (!e.title.has(s)) post(inBodyOnly, s, at);
    });
    const n = entries.length;
    index = {
      entries,
      df,
      inTitle,
      inBodyOnly,
      share: new Float64Array(n),
      sum: new Float64Array(n),
      matched: new Uint16Array(n),
    };
    INDEXES.set(store, index);
  }
  return index;
}

/**
 * The records the words name, best first, and whether the best is the one meant. `text`: the question's topic words
 * (entity and year already taken out); `inScope`: the plans the question may be about; `kind`: the kind the question
 * names, preferred to the other.
 */
export function resolveRecord(
  store: PlanStore,
  text: string,
  inScope: (doc: string) => boolean = () => true,
  kind: NamedRecord['kind'] | null = null,
): RecordResolution {
  const index = indexOf(store);
  const { entries, df, inTitle, inBodyOnly } = index;
  const n = entries.length;
  const words = [...new Set(contentTokens(withoutAskingVerb(text)).map(stem))].filter((w) => w.length > 2);
  if (!words.length || !n) return { status: 'none' };
  // each word with the synonyms the glossary gives for it
  const synonyms = new Map<string, string[]>();
  for (const e of glossaryExpander().expansions(text)) {
    const from = e.matched.map(stem);
    const to = e.phrases.flatMap((p) => contentTokens(p, { keepQuestionWords: true }).map(stem));
    for (const w of words) if (from.includes(w)) synonyms.set(w, [...(synonyms.get(w) ?? []), ...to]);
  }
  const idf = (s: string) => Math.log(1 + n / (1 + (df.get(s) ?? 0)));
  const known = (w: string) => df.has(w) || (synonyms.get(w) ?? []).some((s) => df.has(s));
  const total = words.reduce(
    (sum, w) => sum + (known(w) ? Math.max(idf(w), ...(synonyms.get(w) ?? []).map(idf)) : ABSENT_SHARE * idf(w)),
    0,
  );
  // only records holding one of the words (or a synonym) can score, and each word visits only its records: a
  // thousand plans' records are not all read, nor every word of the question per record
  const { share, sum: sums, matched: held } = index;
  const touched: number[] = [];
  const touchedByWord: number[] = [];
  for (const w of words) {
    const weight = known(w) ? Math.max(idf(w), ...(synonyms.get(w) ?? []).map(idf)) : ABSENT_SHARE * idf(w);
    for (const [i, a] of [w, ...(synonyms.get(w) ?? [])].entries()) {
      const factor = i === 0 ? 1 : SYNONYM_SHARE;
      for (const [list, part] of [
        [inTitle.get(a), factor],
        [inBodyOnly.get(a), factor * BODY_SHARE],
      ] as const)
        for (const at of list ?? []) {
          if (share[at] === 0) touchedByWord.push(at);
          if (part > share[at]!) share[at] = part;
        }
    }
    for (const at of touchedByWord) {
      if (held[at] === 0) touched.push(at);
      sums[at]! += share[at]! * weight;
      held[at]!++;
      share[at] = 0;
    }
    touchedByWord.length = 0;
  }
  const docInScope = new Map<string, boolean>();
  // the best three, as a stable sort by score would put them (a thousand plans' matches are not all sorted)
  const candidates: RecordCandidate[] = [];
  for (const at of Int32Array.from(touched).sort()) {
    const e = entries[at]!;
    const sum = sums[at]!;
    const matched = held[at]!;
    sums[at] = 0;
    held[at] = 0;
    const doc = e.named.record.doc;
    let ok = docInScope.get(doc);
    if (ok === undefined) {
      ok = inScope(doc);
      docInScope.set(doc, ok);
    }
    if (!ok) continue;
    // the kind the question names is preferred, not required: a "progetto" may be told of in an objective's text
    const preference = kind && e.named.kind !== kind ? OTHER_KIND_SHARE : 1;
    if (sum > 0) keepBest(candidates, { named: e.named, score: (preference * sum) / total, matched });
  }
  const [best, next] = candidates;
  if (!best) return { status: 'none' };
  const clearOf = (margin: number) => !next || best.score >= next.score * margin;
  // most of the question and clear of the next, or less of it (words of the text only) but far ahead of any other
  if (
    (best.score >= SURE_SCORE && clearOf(SURE_MARGIN)) ||
    (best.score >= ALONE_SCORE && best.matched >= 2 && clearOf(ALONE_MARGIN))
  )
    return { status: 'sure', named: best.named, candidates };
  return { status: 'unsure', candidates };
}

/** how many of the best records a resolution reports */
const CANDIDATES = 3;

/** Puts `c` among the best (highest score first; an equal score after those met before), keeping CANDIDATES. */
function keepBest(best: RecordCandidate[], c: RecordCandidate): void {
  if (best.length === CANDIDATES && c.score <= best[CANDIDATES - 1]!.score) return;
  let i = best.length;
  while (i > 0 && best[i - 1]!.score < c.score) i--;
  best.splice(i, 0, c);
  if (best.length > CANDIDATES) best.pop();
}
