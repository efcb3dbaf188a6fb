/**
 * Records' names indexed by word stem, for the questions that name records by their words. At a thousand plans a
 * common stem ("servizio", "progetto") is held by thousands of names: the question's stems are counted against each
 * name in one typed array, so a name is compared with the question only when every one of its stems is in it.
 */
import { contentTokens, stem } from '../answer/text-match.ts';

/** The distinct stems of a text's content words. */
export const stemsOf = (text: string): Set<string> => new Set(contentTokens(text).map((t) => stem(t)));

export class StemPostings {
  /** each stem → the positions of the names holding it, ascending, each once */
  readonly byStem = new Map<string, number[]>();
  /** how many distinct stems each name has */
  readonly stemCount: Uint16Array;
  /** scratch counts, zero between calls (only the positions touched by a call are reset) */
  readonly #counts: Uint16Array;

  constructor(names: readonly string[]) {
    this.stemCount = new Uint16Array(names.length);
    this.#counts = new Uint16Array(names.length);
    for (const [pos, name] of names.entries()) {
      const stems = stemsOf(name);
      this.stemCount[pos] = stems.size;
      for (const s of stems) {
        const list = this.byStem.get(s);
        if (list) list.push(pos);
        else this.byStem.set(s, [pos]);
      }
    }
  }

  /** Each name sharing a stem with `stems` → how many of them it shares, in order of first meeting. */
  hits(stems: ReadonlySet<string>): Map<number, number> {
    const counts = this.#counts;
    const touched: number[] = [];
    for (const s of stems) for (const p of this.byStem.get(s) ?? []) if (counts[p]!++ === 0) touched.push(p);
    const out = new Map<number, number>();
    for (const p of touched) {
      out.set(p, counts[p]!);
      counts[p] = 0;
    }
    return out;
  }

  /**
   * The names sharing a stem with `stems` whose stems are all in it, or at least `atLeast(pos)` of them (a part of the
   * name): only these can be written whole in a question with those stems. In order of first meeting.
   */
  covered(stems: ReadonlySet<string>, atLeast: (pos: number) => number = (p) => this.stemCount[p]!): number[] {
    const counts = this.#counts;
    const touched: number[] = [];
    for (const s of stems) for (const p of this.byStem.get(s) ?? []) if (counts[p]!++ === 0) touched.push(p);
    const out: number[] = [];
    for (const p of touched) {
      if (counts[p]! >= atLeast(p)) out.push(p);
      counts[p] = 0;
    }
    return out;
  }
}
