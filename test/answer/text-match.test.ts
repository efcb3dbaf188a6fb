import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/scale-corpus.ts';
import {
  contentTokens,
  editDistance,
  kthLargest,
  type Scored,
  stem,
  TextMatcher,
} from '../../src/answer/text-match.ts';

// record titles in the plans' own style; the queries below are this test's wording
const TITLES = [
  'Riorganizzazione archivio protocollo',
  'Manutenzione straordinaria palestre scolastiche',
  'Sportello telematico edilizia',
];

const titlesFor = (query: string) => new TextMatcher(TITLES, (t) => t).rank(query, 3).map((r) => r.item);

describe('TextMatcher', () => {
  // the change sits in the first six letters, which the stem keeps: only the one-typo neighbours can find these
  it.each([
    ['manotenzione', 'Manutenzione straordinaria palestre scolastiche'],
    ['protecollo', 'Riorganizzazione archivio protocollo'],
    ['telenatico', 'Sportello telematico edilizia'],
  ])('finds a record through a word with one letter changed: %s', (query, title) => {
    expect(titlesFor(query)).toEqual([title]);
  });

  it('does not stretch a word two edits away onto a record', () => {
    expect(titlesFor('menotenzione')).toEqual([]);
  });

  it('ranks the record holding more of the query first, and leaves out records holding none of it', () => {
    expect(titlesFor('palestre scolastiche archivio')).toEqual([
      'Manutenzione straordinaria palestre scolastiche',
      'Riorganizzazione archivio protocollo',
    ]);
  });

  it('answers a long query of words no record has with nothing, not with a guess', () => {
    const noise = Array.from({ length: 400 }, (_, i) => `parolaignota${i}`).join(' ');
    expect(titlesFor(noise)).toEqual([]);
  });
});

describe('TextMatcher.rank with a limit', () => {
  // many records, many of them copies (a thousand plans repeat the same titles): ties everywhere
  const words = 'archivio protocollo palestre scolastiche sportello telematico edilizia verde pubblico strade'.split(
    ' ',
  );
  const titles = Array.from({ length: 300 }, (_, i) =>
    [0, 1, 2].map((j) => words[(i * (j + 3) + j * 7 + (i % 5)) % words.length]).join(' '),
  );
  const matcher = new TextMatcher(titles, (t) => t);

  it.each(['archivio protocollo edilizia', 'palestre verde', 'strade'])(
    'returns the first records of the full ranking, in its order: %s',
    (query) => {
      const full = matcher.rank(query, Number.POSITIVE_INFINITY);
      expect(full.length).toBeGreaterThan(20);
      for (const limit of [1, 5, 15]) expect(matcher.rank(query, limit)).toEqual(full.slice(0, limit));
    },
  );
});

/**
 * The ranking rule written as a scan: every record scored on its own, all of them sorted (stably), the first `limit`
 * kept. The matcher must give exactly this while visiting only the records sharing a word with the query.
 */
function scanRanker(texts: string[]): (query: string, limit: number) => Scored<string>[] {
  const stemsOf = texts.map((t) => new Set(contentTokens(t, { keepQuestionWords: true }).map(stem)));
  const df = new Map<string, number>();
  for (const stems of stemsOf) for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = (s: string) => Math.log(1 + texts.length / (1 + (df.get(s) ?? 0)));
  return (query, limit) => {
    const qs = [...new Set(contentTokens(query).map(stem))].filter((s) => s.length >= 2);
    if (qs.length === 0) return [];
    const alts = qs.map((s) =>
      df.has(s) ? [s] : s.length < 6 ? [] : [...df.keys()].filter((v) => v.length >= 5 && editDistance(v, s, 1) <= 1),
    );
    const weights = qs.map((s, i) => (df.has(s) ? idf(s) : Math.max(idf(s), ...alts[i]!.map(idf))));
    const total = weights.reduce((a, b) => a + b, 0);
    const named = new Set(alts.flat());
    const all: Scored<string>[] = [];
    for (const [d, stems] of stemsOf.entries()) {
      let sum = 0;
      let matched = 0;
      for (const [i, options] of alts.entries())
        if (options.some((a) => stems.has(a))) {
          sum += weights[i]!;
          matched++;
        }
      if (matched === 0) continue;
      const shared = [...stems].filter((x) => named.has(x)).length;
      all.push({ item: texts[d]!, score: sum / total, matched, coverage: stems.size ? shared / stems.size : 0 });
    }
    return all.sort((a, b) => b.score - a.score || b.coverage - a.coverage || b.matched - a.matched).slice(0, limit);
  };
}

describe('TextMatcher.rank against a scan of every record', () => {
  // phase and indicator wordings as a thousand plans have them: a few hundred copies of a few dozen, some with a typo
  const random = mulberry32(77);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const vocabulary =
    'verifica rendicontazione sportello digitale accessibilità cittadini anziani manutenzione strade ponti illuminazione pubblica bando contributi associazioni sportive affidamento servizio mensa scolastica trasporto disabili raccolta differenziata rifiuti censimento alberi riqualificazione giardini controlli edilizi'.split(
      ' ',
    );
  const wordings = Array.from({ length: 40 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(vocabulary)).join(' '),
  );
  const typo = (w: string) => (w.length > 6 ? `${w.slice(0, 3)}${w.slice(4)}` : w);
  const texts = Array.from({ length: 1200 }, () => {
    const text = pick(wordings);
    return random() < 0.1 ? text.split(' ').map(typo).join(' ') : text;
  });
  const matcher = new TextMatcher(texts, (t) => t);
  const rankedByScan = scanRanker(texts);
  const queries = Array.from({ length: 150 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const w = pick(vocabulary);
      return random() < 0.2 ? typo(w) : random() < 0.1 ? `${w}xyz` : w;
    }).join(' '),
  );

  it('gives the first records of the scan, in its order and with its scores, for any limit', () => {
    let compared = 0;
    for (const query of queries)
      for (const limit of [1, 3, 5, 15, 50, 2000]) {
        expect(matcher.rank(query, limit), `${query} (${limit})`).toEqual(rankedByScan(query, limit));
        compared++;
      }
    expect(compared).toBe(900);
    // the comparison is not vacuous: queries with hundreds of tied records and with typo neighbours are among them
    expect(queries.some((q) => matcher.rank(q, 2000).length > 300)).toBe(true);
    expect(
      queries.some((q) => q.split(' ').some((w) => !vocabulary.includes(w)) && matcher.rank(q, 5).length > 0),
    ).toBe(true);
  });
});

describe('kthLargest', () => {
  it('is the k-th value from the top, counting ties, and lets every value pass when there are k or fewer', () => {
    expect(kthLargest([3, 1, 3, 2], 2)).toBe(3);
    expect(kthLargest([3, 1, 3, 2], 3)).toBe(2);
    expect(kthLargest([3, 1], 2)).toBe(Number.NEGATIVE_INFINITY);
    expect(kthLargest(Float64Array.from([0.5, 0.25, 0.5, 1, 0.75, 0.5]), 4)).toBe(0.5);
  });

  it('agrees with sorting on random values with ties', () => {
    const random = mulberry32(5);
    for (let n = 0; n < 200; n++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 10) / 10);
      const k = 1 + Math.floor(random() * 20);
      const sorted = [...values].sort((a, b) => a - b);
      expect(kthLargest(values, k)).toBe(values.length <= k ? Number.NEGATIVE_INFINITY : sorted[values.length - k]);
    }
  });
});
