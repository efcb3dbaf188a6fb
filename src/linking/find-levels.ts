/**
 * Levels of a plan's hierarchy named as the scope of a question: "la linea di mandato 05", "l'obiettivo strategico
 * 01.01", "i progetti dell'azione Housing sociale", "valore pubblico 3". A level is named by its kind word (from the
 * language packs) followed by its number or by the words of its title; the labels are the loaded model's own (the
 * strategic links of its objectives and projects), so nothing here knows a particular plan.
 */
import { contentTokens, stem } from '../answer/text-match.ts';
import type { Lexicon, PlanLevel } from '../lang/language-pack.ts';
import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import { areasOf, STRATEGIC_LEVELS } from '../query/record-fields.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { nameStem, structureIndexOf } from './structure-index.ts';

export interface NamedLevel {
  level: PlanLevel;
  /** the label as the plan writes it */
  label: string;
  /** the plans whose records carry it */
  docs: string[];
}

/** A level as the question names it: the kind phrase read, and the number or title words that named it. */
export interface LevelMention extends NamedLevel {
  phrase: string;
  /** the number as written ("01.01"), when a number named it */
  number?: string;
  /** the folded words of its title the question wrote, when its title named it */
  titleWords: string[];
  /**
   * words of its title written beside its number ("l'obiettivo strategico 04.02 (spazi sportivi)", "linea 2 –
   * sicurezza"): they echo the level named, so they name no office or record of their own
   */
  echoWords?: string[];
}

interface LevelEntry {
  level: PlanLevel;
  label: string;
  docs: string[];
  /** the label's own number, each dotted part without leading zeros ("05.01" → "5.1"); null when it has none */
  number: string | null;
  /** the label's title as folded words, number and kind words removed */
  words: string;
  stems: Set<string>;
}

const LEXICONS: Lexicon[] = Object.values(PACKS).map((p) => p.lexicon);
const LEVEL_WORDS: [PlanLevel, string][] = LEXICONS.flatMap((l) =>
  Object.entries(l.planLevels ?? {}).flatMap(([level, words]) =>
    (words ?? []).map((w): [PlanLevel, string] => [level as PlanLevel, w]),
  ),
)
  // "obiettivo strategico" before "obiettivo"; the longest phrase of a kind first
  .sort((a, b) => b[1].length - a[1].length);
/** words between a level's number and the next one it is compared or summed with ("01 rispetto alla 02") */
const JOINERS = new Set(
  LEXICONS.flatMap((l) => [
    ...l.alternatives,
    ...l.betweenJoin,
    ...l.compare,
    ...l.between,
    ...(l.plus ?? []),
    ...(l.comparedWith ?? []),
    ...(l.amountArticles ?? []),
  ]).flatMap((w) => w.split(' ')),
);
/** words that offer another level to compare with ("rispetto alla 2", "o la 3", "vs 4") */
const COMPARING = new Set(
  LEXICONS.flatMap((l) => [...l.alternatives, ...l.compare, ...(l.than ?? [])]).flatMap((w) => w.split(' ')),
);
const PRONOUNS = LEXICONS.flatMap((l) => l.kindPronouns ?? []);
/** how many words after the kind word may hold the level's number or title */
const TAIL_WORDS = 8;

const entries = new WeakMap<PlanStore, LevelEntry[]>();

const entityWordSets = new WeakMap<PlanStore, ReadonlySet<string>>();
/** the folded words of the loaded plans' entity names, once per store */
function entityWordsOf(store: PlanStore): ReadonlySet<string> {
  let words = entityWordSets.get(store);
  if (!words) {
    words = new Set(
      store.model.documents.flatMap((d) =>
        fold(d.entity)
          .split(/[^a-z0-9]+/)
          .filter(Boolean),
      ),
    );
    entityWordSets.set(store, words);
  }
  return words;
}

const normalNumber = (n: string): string =>
  n
    .split('.')
    .filter(Boolean)
    .map((p) => String(Number.parseInt(p, 10)))
    .join('.');

/** The distinct level labels of the store's records, read once per store. */
export function levelEntriesOf(store: PlanStore): LevelEntry[] {
  let list = entries.get(store);
  if (list) return list;
  const byKey = new Map<string, LevelEntry>();
  const add = (level: PlanLevel, label: string | undefined, doc: string) => {
    if (!label?.trim()) return;
    const key = `${level}|${label}`;
    const had = byKey.get(key);
    if (had) {
      if (!had.docs.includes(doc)) had.docs.push(doc);
      return;
    }
    const lead = /^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s+/.exec(label);
    let title = fold(lead ? label.slice(lead[0].length) : label);
    // "05. LINEA DI MANDATO – POTENZIAMENTO…": the kind words the label repeats are no part of its title
    for (const [, w] of LEVEL_WORDS.filter(([l]) => l === level))
      if (title.startsWith(w)) {
        title = title.slice(w.length);
        break;
      }
    const words = title.replace(/[^a-z0-9]+/g, ' ').trim();
    byKey.set(key, {
      level,
      label,
      docs: [doc],
      number: lead ? normalNumber(lead[1]!) : null,
      words,
      stems: new Set(contentTokens(words).map((t) => stem(t))),
    });
  };
  for (const r of [...store.objectives, ...store.projects]) {
    const s = r.strategic;
    if (!s) continue;
    for (const level of STRATEGIC_LEVELS) add(level, s[level], r.doc);
  }
  // the areas of the offices ("AREA TECNICA" above its servizi) and the areas strategic links name; an area that is
  // itself a structure of the plan (a centre named "AREA X") is the structure's to link
  const areaOf = areasOf(store);
  const structureNames = new Set(store.structures.map((s) => `${s.doc}\u0000${fold(s.name).trim()}`));
  const addArea = (label: string | undefined, doc: string) => {
    if (label && !structureNames.has(`${doc}\u0000${fold(label).trim()}`)) add('area', label, doc);
  };
  for (const o of store.objectives) addArea(areaOf(o.doc, o.structure) ?? o.strategic?.area, o.doc);
  for (const p of store.projects) addArea(areaOf(p.doc, p.cdr) ?? p.strategic?.area, p.doc);
  list = [...byKey.values()];
  entries.set(store, list);
  return list;
}

/**
 * The levels the question names: each kind word followed by a number of a level of that kind ("linea di mandato 01
 * rispetto alla 02" names two), or by the words of one level's title (the whole title, or at least two of its words
 * and half of them, no other title of the kind as close).
 */
export function levelsNamedIn(question: string, store: PlanStore, files: string[] | null): LevelMention[] {
  const all = levelEntriesOf(store);
  if (!all.length) return [];
  const entityWords = entityWordsOf(store);
  const text = ` ${fold(question)
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')} `;
  const fileSet = files ? new Set(files) : null;
  const inScope = (e: LevelEntry) => !fileSet || e.docs.some((d) => fileSet.has(d));
  const out: LevelMention[] = [];
  const taken = new Set<string>();
  const push = (
    e: LevelEntry,
    phrase: string,
    said: { number?: string; titleWords: string[]; echoWords?: string[] },
  ) => {
    const key = `${e.level}|${e.label}`;
    if (taken.has(key)) return;
    taken.add(key);
    out.push({
      level: e.level,
      label: e.label,
      docs: fileSet ? e.docs.filter((d) => fileSet.has(d)) : e.docs,
      phrase,
      ...said,
    });
  };
  const used: [number, number][] = [];
  const tiedTitles: { phrase: string; tail: string[]; alike: LevelEntry[] }[] = [];
  for (const [level, phrase] of LEVEL_WORDS) {
    let at = text.indexOf(` ${phrase}`);
    // a kind word the question does not write needs no levels of its kind (a thousand plans have many)
    if (at < 0) continue;
    const kind = all.filter((e) => e.level === level && inScope(e));
    if (!kind.length) continue;
    while (at >= 0) {
      const start = at + 1;
      const end = text.indexOf(' ', start + phrase.length);
      // a longer kind phrase already read here ("obiettivo strategico" over "obiettivo")
      if (!used.some(([a, b]) => start >= a && start < b)) {
        used.push([start, end]);
        const tail = text.slice(end).trim().split(' ').slice(0, TAIL_WORDS);
        const byNumber = levelsByNumber(tail, kind);
        if (byNumber.length)
          for (const [e, number] of byNumber) push(e, phrase, { number, titleWords: [], echoWords: echoOf(tail, e) });
        else {
          const after = levelByTitle(tail, kind, entityWords);
          // the whole title was written before the kind word: every word of it is said
          const titled = after ?? titleBefore(text.slice(0, at + 1), kind);
          if (titled)
            push(titled, phrase, {
              titleWords: titled.words.split(' ').filter((w) => !after || tail.includes(w)),
            });
          else {
            const alike = sameTitleIn(tail, kind);
            if (alike.length) tiedTitles.push({ phrase, tail, alike });
            else {
              // "la linea Sanità e Welfare" for an obiettivo strategico: a kind word said loosely, then the whole
              // title of a level of another kind, right after it
              const loose = titleOfAnotherKind(
                tail,
                all.filter((e) => e.level !== level && inScope(e)),
              );
              if (loose) push(loose, phrase, { titleWords: loose.words.split(' ') });
            }
          }
        }
      }
      at = text.indexOf(` ${phrase}`, at + 1);
    }
  }
  // "valore pubblico 2 …: obiettivi dell'area amministrativa": a title several plans write alike is the one of the
  // plan the question's other levels are in
  for (const { phrase, tail, alike } of tiedTitles) {
    const docs = new Set(out.flatMap((l) => l.docs));
    const there = alike.filter((e) => e.docs.some((d) => docs.has(d)));
    if (there.length === 1)
      push(there[0]!, phrase, { titleWords: there[0]!.words.split(' ').filter((w) => tail.includes(w)) });
  }
  // "l'azione Housing sociale e quella Servizi e strutture…": a pronoun for the kind already named by title, then
  // another title of that kind
  const titled = out.filter((l) => l.titleWords.length);
  if (titled.length === 1) {
    const first = titled[0]!;
    const kind = all.filter((e) => e.level === first.level && e.label !== first.label && inScope(e));
    for (const pronoun of PRONOUNS) {
      let at = text.indexOf(` ${pronoun} `);
      while (at >= 0) {
        const tail = text
          .slice(at + pronoun.length + 2)
          .trim()
          .split(' ')
          .slice(0, TAIL_WORDS);
        const e = levelByTitle(tail, kind, entityWords);
        if (e) push(e, first.phrase, { titleWords: e.words.split(' ').filter((w) => tail.includes(w)) });
        at = text.indexOf(` ${pronoun} `, at + 1);
      }
    }
  }
  // "la linea di mandato 1 ha più obiettivi rispetto alla 2?": a number after a comparing word, further on, is another
  // level of the kind already named by number
  const numbered = out.filter((l) => l.number !== undefined);
  if (numbered.length === 1) {
    const first = numbered[0]!;
    const kind = all.filter((e) => e.level === first.level && inScope(e));
    const tokens = text.trim().split(' ');
    for (const [i, token] of tokens.entries()) {
      if (!COMPARING.has(token)) continue;
      // the joining word, at most two short words (an article, "alla"), then the number
      for (const next of tokens.slice(i + 1, i + 4)) {
        if (/^\d{1,3}(?:\.\d{1,3})*$/.test(next)) {
          const e = kind.find((x) => x.number === normalNumber(next));
          if (e) push(e, first.phrase, { number: next, titleWords: [] });
          break;
        }
        if (next.length > 4) break;
      }
    }
  }
  return out;
}

/**
 * "housing sociale, cdr 87: che progetti?": a level named by its whole title with no kind word, in the plans given (an
 * office's), when the title is of two words or more and of one level only. `words` are the question's padded words.
 */
export function levelTitledWhole(words: string, store: PlanStore, docs: ReadonlySet<string>): LevelMention | null {
  const hits = levelEntriesOf(store).filter(
    (e) =>
      e.level !== 'area' && e.words.includes(' ') && e.docs.some((d) => docs.has(d)) && words.includes(` ${e.words} `),
  );
  if (new Set(hits.map((e) => e.label)).size !== 1) return null;
  const e = hits[0]!;
  return {
    level: e.level,
    label: e.label,
    docs: e.docs.filter((d) => docs.has(d)),
    phrase: '',
    titleWords: e.words.split(' '),
  };
}

/**
 * The text with the words that named its levels blanked where they named them: the run of title words right after the
 * kind phrase (past its number and short words), or right before it ("the Housing sociale action"). The same words
 * written elsewhere still name what they name ("linea 3 – edilizia scolastica – del Servizio Edilizia Scolastica": the
 * office). A level whose kind phrase is not found where its words are (a pronoun, a kind word said loosely) has its
 * words blanked wherever they stand, as before.
 */
export function blankLevelWords(text: string, levels: readonly LevelMention[]): string {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ at: m.index, raw: m[0], word: fold(m[0]) }));
  const blank = new Set<number>();
  for (const l of levels) {
    const words = new Set([...l.titleWords, ...(l.echoWords ?? [])]);
    if (!words.size) continue;
    const phrase = l.phrase.split(' ');
    const run = (from: number, step: 1 | -1): number[] => {
      const out: number[] = [];
      for (let j = from; j >= 0 && j < tokens.length; j += step) {
        const w = tokens[j]!.word;
        if (words.has(w)) out.push(j);
        else if (w.length > 3 && !/^\d/.test(w)) break;
      }
      return out;
    };
    let hits: number[] = [];
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (!phrase.every((p, k) => tokens[i + k]!.word === p)) continue;
      const after = run(i + phrase.length, 1);
      hits.push(...(after.length ? after : run(i - 1, -1)));
    }
    if (!hits.length) hits = tokens.flatMap((t, i) => (words.has(t.word) ? [i] : []));
    for (const i of hits) blank.add(i);
  }
  if (!blank.size) return text;
  let out = '';
  let last = 0;
  for (const i of [...blank].sort((a, b) => a - b)) {
    const t = tokens[i]!;
    out += text.slice(last, t.at) + ' '.repeat(t.raw.length);
    last = t.at + t.raw.length;
  }
  return out + text.slice(last);
}

/**
 * "the Housing sociale action": English writes the kind word after the title. Only a whole title ending right where
 * the kind word starts names the level this way (the longest, when one title ends another).
 */
function titleBefore(before: string, kind: LevelEntry[]): LevelEntry | null {
  const ending = kind.filter((e) => e.words && before.endsWith(` ${e.words} `));
  // "the 'Benessere ambientale infrastrutturale' public value": the opening (two words or more) of one title only
  if (!ending.length) {
    const opening = kind.filter((e) => {
      const words = e.words.split(' ');
      for (let k = words.length - 1; k >= 2; k--) if (before.endsWith(` ${words.slice(0, k).join(' ')} `)) return true;
      return false;
    });
    return new Set(opening.map((e) => e.label)).size === 1 ? opening[0]! : null;
  }
  const longest = Math.max(...ending.map((e) => e.words.length));
  const best = ending.filter((e) => e.words.length === longest);
  return best.length === 1 ? best[0]! : null;
}

/**
 * The words after a level's number that its title holds too ("04.02 spazi sportivi" of "VALORIZZAZIONE DEGLI SPAZI
 * SPORTIVI PROVINCIALI"), up to the first word of the tail that is neither one of them nor a short joining word.
 */
function echoOf(tail: string[], e: LevelEntry): string[] {
  const titleWords = new Set(e.words.split(' ').filter(Boolean));
  const out: string[] = [];
  let afterNumber = false;
  for (const token of tail) {
    if (!afterNumber) {
      if (/^\d{1,3}(?:\.\d{1,3})*$/.test(token) && normalNumber(token) === e.number) afterNumber = true;
      continue;
    }
    if (titleWords.has(token) || (token.length > 3 && e.stems.has(stem(token)))) out.push(token);
    else if (token.length > 3) break;
  }
  return out;
}

/** "05", "01.01", "3", then more numbers of the same kind joined to it ("01 rispetto alla 02", "04 e 05"). */
function levelsByNumber(tail: string[], kind: LevelEntry[]): [LevelEntry, string][] {
  const out: [LevelEntry, string][] = [];
  for (const token of tail) {
    if (/^\d{1,3}(?:\.\d{1,3})*$/.test(token)) {
      const n = normalNumber(token);
      const hit = kind.filter((e) => e.number === n);
      if (!hit.length) break;
      for (const e of hit) out.push([e, token]);
      continue;
    }
    // the words joining one number to the next ("rispetto alla", "e la"); anything else ends the list
    if (out.length && (JOINERS.has(token) || token.length <= 4)) continue;
    if (!out.length && token.length <= 3 && !/\d/.test(token)) continue; // "n", "nr", an article
    break;
  }
  return out;
}

/**
 * The one level of another kind whose whole title (two words or more) the words right after a kind word write, past at
 * most two short words ("la linea del Sanità e Welfare"): the kind word was said loosely.
 */
function titleOfAnotherKind(tail: string[], others: LevelEntry[]): LevelEntry | null {
  const joined = ` ${tail.join(' ')} `;
  const right = others.filter((e) => {
    if (!e.words.includes(' ')) return false;
    const at = joined.indexOf(` ${e.words} `);
    if (at < 0) return false;
    const before = joined.slice(0, at).trim();
    return !before || before.split(' ').every((w, _i, all) => all.length <= 2 && w.length <= 3);
  });
  return new Set(right.map((e) => e.label)).size === 1 ? right[0]! : null;
}

/** The levels of one kind whose title, the same in several plans, the words after the kind word write first, whole. */
function sameTitleIn(tail: string[], kind: LevelEntry[]): LevelEntry[] {
  const joined = ` ${tail.join(' ')} `;
  const whole = kind.filter((e) => e.words && joined.includes(` ${e.words} `));
  if (whole.length < 2) return [];
  const first = Math.min(...whole.map((e) => joined.indexOf(` ${e.words} `)));
  const there = whole.filter((e) => joined.indexOf(` ${e.words} `) === first);
  return new Set(there.map((e) => e.words)).size === 1 ? there : [];
}

/** The one level whose title the words after its kind word write whole, or hold two or more words of (half or more). */
function levelByTitle(tail: string[], kind: LevelEntry[], entityWords: ReadonlySet<string>): LevelEntry | null {
  const joined = ` ${tail.join(' ')} `;
  const whole = kind
    .filter((e) => e.words && joined.includes(` ${e.words} `))
    .map((e) => ({ e, at: joined.indexOf(` ${e.words} `) }));
  if (whole.length) {
    // the title written first after the kind word ("l'azione A e l'azione B" names A here), the longest of those
    // ("politiche familiari per minori" over "politiche familiari")
    const first = Math.min(...whole.map((w) => w.at));
    const there = whole.filter((w) => w.at === first);
    const longest = Math.max(...there.map((w) => w.e.words.length));
    const best = there.filter((w) => w.e.words.length === longest);
    return best.length === 1 ? best[0]!.e : null;
  }
  // a long title named by its opening words ("l'azione Inclusione attiva" for "Inclusione attiva e misure di…"): the
  // longest opening of two words or more written, held by one title only
  let opening: LevelEntry | null = null;
  let openingLength = 0;
  let openingTie = false;
  for (const e of kind) {
    const words = e.words.split(' ');
    let n = 0;
    for (let k = 2; k <= words.length; k++) if (joined.includes(` ${words.slice(0, k).join(' ')} `)) n = k;
    if (n < 2) continue;
    // "01. LINEA DI MANDATO - LA PROVINCIA DI PRATO COME…": an opening that is only the entity's name (and short
    // words) is the question's scope, not the title
    if (words.slice(0, n).every((w) => w.length <= 3 || entityWords.has(w))) continue;
    if (n > openingLength) {
      opening = e;
      openingLength = n;
      openingTie = false;
    } else if (n === openingLength) openingTie = true;
  }
  if (opening && !openingTie) return opening;
  // "l'azione housing del CdR 87": the one word right after the kind word opens one title of the kind only (a word
  // further into a title, "l'indirizzo accogliente", names none: it may be any title's word)
  const first = tail[0];
  if (first && first.length > 3 && !entityWords.has(first)) {
    const s = stem(first);
    const opening = kind.filter((e) => stem(e.words.split(' ')[0] ?? '') === s);
    if (new Set(opening.map((e) => e.label)).size === 1) return opening[0]!;
  }
  // the entity's name said as the question's scope is no word of a title either
  const asked = new Set(
    contentTokens(tail.join(' '))
      .filter((t) => !entityWords.has(t))
      .map((t) => stem(t)),
  );
  let best: LevelEntry | null = null;
  let bestHits = 0;
  let tie = false;
  for (const e of kind) {
    let hits = 0;
    for (const s of e.stems) if (asked.has(s)) hits++;
    if (hits < Math.min(2, e.stems.size) || hits * 2 < e.stems.size) continue;
    if (hits > bestHits) {
      best = e;
      bestHits = hits;
      tie = false;
    } else if (hits === bestHits) tie = true;
  }
  return best && !tie ? best : null;
}

/** A level's kind word read in a question, as token positions (end exclusive) of the folded question's words. */
export interface LevelKindSaid {
  level: PlanLevel;
  start: number;
  end: number;
}

/**
 * The kinds of level a question speaks of by their words alone ("in che area sta…", "su quale linea di mandato
 * lavora…"), in the order written: what may be asked of an office or a record, not a level it names. `names` are
 * names said in the question (an office called "AREA SERVIZI …"), whose words are no kind word. `tokens` are the
 * folded question's words the positions count.
 */
export function levelKindsSaid(question: string, names: string[] = []): { tokens: string[]; said: LevelKindSaid[] } {
  const tokens = fold(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const taken = new Array<boolean>(tokens.length).fill(false);
  // an English plural ("strategic objectives") is its kind word too
  const same = (token: string | undefined, w: string) => token === w || token === `${w}s`;
  const mark = (phrase: string[], each: (at: number) => void) => {
    for (let at = 0; at + phrase.length <= tokens.length; at++) {
      if (phrase.every((w, k) => same(tokens[at + k], w) && !taken[at + k])) {
        for (let k = 0; k < phrase.length; k++) taken[at + k] = true;
        each(at);
      }
    }
  };
  for (const n of names) {
    const name = fold(n)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
    if (name.length) mark(name, () => {});
  }
  const said: LevelKindSaid[] = [];
  // longest phrases first: "obiettivo strategico" is read before any shorter phrase could take its words
  for (const [level, phrase] of LEVEL_WORDS) {
    const words = phrase.split(' ');
    mark(words, (at) => said.push({ level, start: at, end: at + words.length }));
  }
  return { tokens, said: said.sort((a, b) => a.start - b.start) };
}

/** how many labels of the kind a level not found is offered with */
const MAX_KNOWN = 20;

/** A level asked by a number no level of its kind carries ("la linea di mandato 7" where the lines are 01–05). */
export interface UnknownLevel {
  level: PlanLevel;
  phrase: string;
  /** the number as written */
  number: string;
  /** the labels of that kind the plans in scope do have */
  known: string[];
}

/**
 * Kind words followed by a number that names no level of that kind in the plans in scope, where levels of the kind are
 * numbered alike (as many dotted parts): a level the plans do not have, to be said not found rather than read as words.
 */
export function unknownLevelsIn(question: string, store: PlanStore, files: string[] | null): UnknownLevel[] {
  const tokens = fold(question)
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // the kind words followed by a number, read first: most questions have none, and the levels are then not looked at
  const asked: { level: PlanLevel; phrase: string; number: string }[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  for (const [level, phrase] of LEVEL_WORDS) {
    const words = phrase.split(' ');
    for (let at = 0; at + words.length <= tokens.length; at++) {
      if (!words.every((w, k) => tokens[at + k] === w && !taken[at + k])) continue;
      for (let k = 0; k < words.length; k++) taken[at + k] = true;
      // the number right after the kind word, past at most one short word ("n", "nr", an article)
      const next = tokens.slice(at + words.length, at + words.length + 2);
      const number = next.find((t) => /^\d{1,3}(?:\.\d{1,3})*$/.test(t));
      if (!number || (next[0] !== number && (next[0]!.length > 3 || /\d/.test(next[0]!)))) continue;
      asked.push({ level, phrase, number });
    }
  }
  if (!asked.length) return [];
  const inFiles = files ? new Set(files) : null;
  const all = levelEntriesOf(store).filter((e) => !inFiles || e.docs.some((d) => inFiles.has(d)));
  const out: UnknownLevel[] = [];
  for (const { level, phrase, number } of asked) {
    const kind = all.filter((e) => e.level === level && e.number !== null);
    const n = normalNumber(number);
    const depth = n.split('.').length;
    if (!kind.length || kind.some((e) => e.number === n) || !kind.some((e) => e.number!.split('.').length === depth))
      continue;
    out.push({ level, phrase, number, known: [...new Set(kind.map((e) => e.label))].slice(0, MAX_KNOWN) });
  }
  return out;
}

/** A level asked by title words no level of its kind holds ("l'azione Mobilità sostenibile" where none is about it). */
export interface UnknownLevelTitle {
  level: PlanLevel;
  phrase: string;
  /** the words after the kind word, as the folded question has them */
  said: string;
  /** the labels of that kind the plans in scope do have */
  known: string[];
}

/** words that ask which level rather than name one ("quale azione", "which action", "quante linee") */
const ASKING_BEFORE = new Set(
  LEXICONS.flatMap((l) => [...(l.levelAsked?.before ?? []), ...(l.levelAsked?.count ?? [])]),
);
/** the packs' record and office words, as prefixes: a title said after a kind word ends where one starts */
const NAMING_STOPS = LEXICONS.flatMap((l) => [
  ...Object.values(l.targets).flat(),
  ...(l.structureKinds ?? []).flatMap((k) => [...k.words, ...k.nameStarts]),
])
  .map((w) => fold(w).trim())
  .filter((w) => w.length >= 3 && !w.includes(' '));

/**
 * Kind words followed right away by title words that no level of that kind in scope shares a word with, nor any
 * office or entity name: a level the plans do not have, to be said not found rather than dropped from the scope (which
 * would list every record of the office). Kinds a question names in passing are left alone: the area (an office's
 * area is an office word too) and a bare "linea" ("in linea con", "linee guida"), and a kind word after a word asking
 * which one.
 */
export function unknownLevelTitlesIn(
  question: string,
  store: PlanStore,
  files: readonly string[] | null,
  named: readonly PlanLevel[] = [],
  /** English writes a title after its kind word only as a name ("the action 'X'", "the Y action"): capitalised */
  asName = false,
): UnknownLevelTitle[] {
  // the question's words as written (the title said is quoted back so), each with its folded form
  const raw = (question.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => fold(w).trim());
  const tokens = raw.map((w) => fold(w).trim());
  const inFiles = files ? new Set(files) : null;
  let all: LevelEntry[] | null = null;
  const entityWords = entityWordsOf(store);
  const index = structureIndexOf(store);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const out: UnknownLevelTitle[] = [];
  for (const [level, phrase] of LEVEL_WORDS) {
    const words = phrase.split(' ');
    if (level === 'area' || named.includes(level) || (level === 'lineaMandato' && words.length === 1)) continue;
    for (let at = 0; at + words.length <= tokens.length; at++) {
      if (!words.every((w, k) => tokens[at + k] === w && !taken[at + k])) continue;
      for (let k = 0; k < words.length; k++) taken[at + k] = true;
      if (tokens.slice(Math.max(0, at - 3), at).some((w) => ASKING_BEFORE.has(w))) continue;
      const run: string[] = [];
      for (const t of tokens.slice(at + words.length)) {
        if (t.length <= 3 || STOPWORDS.has(t) || /\d/.test(t) || NAMING_STOPS.some((w) => t.startsWith(w))) break;
        run.push(t);
      }
      const said = raw.slice(at + words.length, at + words.length + run.length).join(' ');
      if (!run.length || (asName && !/^\p{Lu}/u.test(raw[at + words.length]!))) continue;
      all ??= levelEntriesOf(store).filter((e) => !inFiles || e.docs.some((d) => inFiles.has(d)));
      const kind = all.filter((e) => e.level === level);
      if (!kind.length) continue;
      // an office's name words name the office ("l'azione del Servizio X" said loosely), in the plans of the kind
      const kindDocs = new Set(kind.flatMap((e) => e.docs));
      const officeWord = (t: string) =>
        (index.byStem.get(nameStem(t)) ?? []).some((p) => kindDocs.has(index.structures[p]!.doc));
      // (a title word an office's name shares too, "Politiche abitative", leaves the rest of the title to read)
      if (run.slice(0, 2).every((t) => entityWords.has(t) || officeWord(t))) continue;
      // "l'azione Politiche abitative": a title holding the first two words said (or the one) names a level the
      // question only words loosely; none holding them, the level is not there, though each word alone is some title's
      const stems = run.slice(0, 2).map((t) => stem(t));
      if (kind.some((e) => stems.every((s) => e.stems.has(s)))) continue;
      out.push({ level, phrase, said, known: [...new Set(kind.map((e) => e.label))].slice(0, MAX_KNOWN) });
    }
  }
  return out;
}
