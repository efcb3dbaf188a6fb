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

export interface QueryExpander {
  /** the glossary phrases a question brings in, in glossary order, without repeats */
  expand(question: string): string[];
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

  return {
    expand(question) {
      const words = analyze(question).words;
      const out = new Set<string>();
      for (const e of entries) {
        if (e.terms.some((t) => containsSequence(words, t))) for (const x of e.expand) out.add(x);
      }
      const folded = fold(question);
      for (const p of patterns) {
        for (const m of folded.matchAll(p.re)) {
          for (const x of p.expand) out.add(x.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? ''));
        }
      }
      return [...out];
    },
  };
}

let defaultExpander: QueryExpander | null = null;

/** The expander over the project glossary (parsed once). */
export function glossaryExpander(): QueryExpander {
  defaultExpander ??= createQueryExpander(GlossarySchema.parse(glossaryData));
  return defaultExpander;
}
