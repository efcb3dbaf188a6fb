/**
 * Cross-lingual and synonym expansion of a question through the bilingual glossary (data in glossary.json):
 * "are the offices wheelchair accessible?" also searches "sedi", "barriere architettoniche", "accessibilità fisica".
 */
import { z } from 'zod';
import { fold } from '../plan/text.ts';
import { analyze } from './analyze.ts';
import glossaryData from './glossary.json' with { type: 'json' };

const GlossarySchema = z.object({
  entries: z.array(z.object({ terms: z.array(z.string().min(1)).min(1), expand: z.array(z.string().min(1)).min(1) })),
  patterns: z.array(z.object({ match: z.string().min(1), expand: z.array(z.string().min(1)).min(1) })),
});
export type Glossary = z.infer<typeof GlossarySchema>;

interface CompiledEntry {
  /** each term as its analyzed word sequence */
  terms: string[][];
  expand: string[];
}

/** The phrases one glossary entry brings into a question, and the question words that brought them. */
export interface Expansion {
  /** analyzed words of the glossary term found in the question */
  matched: string[];
  phrases: string[];
}

export interface QueryExpander {
  /** the glossary phrases a question brings in, in glossary order, without repeats */
  expand(question: string): string[];
  /** the same, grouped by the glossary entry (or pattern) that matched */
  expansions(question: string): Expansion[];
}

function containsSequence(words: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

export function createQueryExpander(glossary: Glossary): QueryExpander {
  const entries: CompiledEntry[] = glossary.entries.map((e) => ({
    // a term made only of stopwords (e.g. "about") could match nothing reliably, so it is dropped
    terms: e.terms.map((t) => analyze(t).words).filter((w) => w.length > 0),
    expand: e.expand,
  }));
  const patterns = glossary.patterns.map((p) => ({ re: new RegExp(p.match, 'g'), expand: p.expand }));
  // each term under its first word: a question's words lead to the few terms that can start at them, so a long
  // question is not compared with every term at every position
  const byFirstWord = new Map<string, { entry: number; term: number }[]>();
  for (const [entry, e] of entries.entries()) {
    for (const [term, t] of e.terms.entries()) {
      const list = byFirstWord.get(t[0]!);
      if (list) list.push({ entry, term });
      else byFirstWord.set(t[0]!, [{ entry, term }]);
    }
  }

  const compute = (question: string): Expansion[] => {
    const words = analyze(question).words;
    const out: Expansion[] = [];
    // per entry, the first of its terms (in glossary order) the question contains
    const firstTerm = new Map<number, number>();
    for (const w of new Set(words)) {
      for (const { entry, term } of byFirstWord.get(w) ?? []) {
        const known = firstTerm.get(entry);
        if (known !== undefined && known <= term) continue;
        if (containsSequence(words, entries[entry]!.terms[term]!)) firstTerm.set(entry, term);
      }
    }
    // the entries found, in glossary order (only they are visited: most words of a question start no term)
    for (const entry of [...firstTerm.keys()].sort((a, b) => a - b)) {
      const e = entries[entry]!;
      out.push({ matched: e.terms[firstTerm.get(entry)!]!, phrases: e.expand });
    }
    const folded = fold(question);
    for (const p of patterns) {
      for (const m of folded.matchAll(p.re)) {
        out.push({
          matched: analyze(m[0]).words,
          phrases: p.expand.map((x) => x.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '')),
        });
      }
    }
    return out;
  };
  // one question is expanded by passage search, sentence ranking, key words and translation, and each of its words
  // again on its own: the last texts' expansions are kept (what they hold is shared, so never changed by callers)
  const recent = new Map<string, Expansion[]>();
  const expansions = (question: string): Expansion[] => {
    let found = recent.get(question);
    if (!found) {
      found = compute(question);
      if (recent.size >= RECENT_EXPANSIONS) recent.delete(recent.keys().next().value!);
      recent.set(question, found);
    }
    return [...found];
  };
  return {
    expansions,
    expand: (question) => [...new Set(expansions(question).flatMap((e) => e.phrases))],
  };
}

/** texts whose expansions are kept: a question, its words, its sentences' words */
const RECENT_EXPANSIONS = 512;

let defaultExpander: QueryExpander | null = null;

/** The expander over the project glossary (parsed once). */
export function glossaryExpander(): QueryExpander {
  defaultExpander ??= createQueryExpander(GlossarySchema.parse(glossaryData));
  return defaultExpander;
}
