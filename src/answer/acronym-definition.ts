/**
 * "che cos'è il PIAO?", "what does KPI stand for?": an acronym the question writes, answered in the plans' own words by
 * the sentence that spells it out ("… nel Piano integrato di attività e organizzazione (PIAO)"). Such a sentence is
 * found by the acronym's letters, not by ranking: an acronym every passage of a plan repeats ranks its definition
 * nowhere, so the passages writing it are read in the order of the plans (`SearchIndex.withWord`).
 */
import type { LanguagePack, Lexicon } from '../lang/language-pack.ts';
import { splitSentences } from '../lang/split-sentences.ts';
import { hasAny, wordsOf } from '../linking/phrases.ts';
import { fold } from '../plan/text.ts';
import { STOPWORDS } from '../retrieval/stopwords.ts';
import { type ToolContext, visible } from '../tools/tool-context.ts';
import type { Citation } from './answer.ts';
import { emptyReply, type Reply } from './routes/reply.ts';

/** an acronym as written: two to eight capitals, alone (not part of a code such as `2021_PD_8735`) */
const ACRONYM = /(?<![\p{L}\d_-])\p{Lu}{2,8}(?![\p{L}\d_-])/gu;
/** how many words before an acronym in brackets its spelt-out form may take */
const REACH = 30;
/** passages read at most, in the order of the plans */
const PASSAGES = 200;

/**
 * The acronym a question asks the meaning of: a definition cue of the packs, an acronym, and no other word of its
 * own beyond `ignorable` ones (the entity's place and kind, a plan word). Null otherwise.
 */
export function acronymAsked(
  question: string,
  lexicons: readonly Lexicon[],
  ignorable: (word: string) => boolean,
): string | null {
  const words = wordsOf(question);
  const cues = lexicons.flatMap((l) => l.definitionCues);
  if (!hasAny(words, cues)) return null;
  const acronyms = [...question.matchAll(ACRONYM)].map((m) => m[0]);
  if (acronyms.length !== 1) return null;
  const acronym = acronyms[0]!;
  // what is left once the cue, the acronym and the words that only choose plans are gone: nothing of its own
  let rest = words;
  for (const cue of cues) rest = rest.replace(` ${cue} `, ' ');
  const own = rest
    .trim()
    .split(' ')
    .filter((w) => w && w !== fold(acronym) && !STOPWORDS.has(w) && !ignorable(w));
  return own.length ? null : acronym;
}

/**
 * The words an acronym stands for in a sentence: those right before it in brackets, or in brackets right after it,
 * whose content words open with its letters in order ("Piano integrato di attività e organizzazione (PIAO)").
 */
export function spelledOut(sentence: string, acronym: string): string | null {
  const letters = fold(acronym);
  for (const m of sentence.matchAll(new RegExp(`\\(\\s*${acronym}\\s*\\)`, 'g'))) {
    const before = sentence.slice(0, m.index).trim().split(/\s+/).slice(-REACH);
    // the nearest start whose content words spell the acronym
    for (let start = before.length - 1; start >= 0; start--) {
      const words = before.slice(start);
      if (spells(words, letters)) return words.join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    }
  }
  const after = new RegExp(`\\b${acronym}\\s*\\(([^()]{3,200})\\)`).exec(sentence);
  if (after && spells(after[1]!.trim().split(/\s+/), letters)) return after[1]!.trim();
  return null;
}

/**
 * Written without brackets ("ALLEGATO B Piano Esecutivo di Gestione 2021"): a run of capitalised words, articles and
 * prepositions between them, whose initials are the acronym's letters.
 */
export function capitalisedRun(text: string, acronym: string): string | null {
  const words = text.split(/\s+/);
  const n = acronym.length;
  for (let start = 0; start < words.length; start++) {
    const run: string[] = [];
    let letters = 0;
    for (let i = start; i < words.length && letters < n; i++) {
      const w = words[i]!.replace(/[^\p{L}]/gu, '');
      if (!w) break;
      const stop = STOPWORDS.has(fold(w));
      if (!stop && (!/^\p{Lu}/u.test(w) || fold(w)[0] !== fold(acronym[letters]!))) break;
      if (stop && !run.length) break;
      run.push(words[i]!);
      if (!stop) letters++;
    }
    if (letters === n) return run.join(' ');
  }
  return null;
}

/** The content words open with the letters, the first of them with the first letter. */
function spells(words: readonly string[], letters: string): boolean {
  const content = words.map((w) => fold(w).replace(/[^a-z]/g, '')).filter((w) => w && !STOPWORDS.has(w));
  if (content.length < letters.length || content[0]![0] !== letters[0]) return false;
  return [...letters].every((l, i) => content[i]![0] === l);
}

/** The plans' sentence that spells the acronym out, first in the order of the plans, with its source; null if none. */
export function definitionReply(ctx: ToolContext, acronym: string, pack: LanguagePack): Reply | null {
  const hits =
    ctx.search?.withWord?.(acronym, {
      limit: PASSAGES,
      filter: { ...(ctx.allowedDocs ? { docs: ctx.allowedDocs } : {}), includeInternal: ctx.includeInternal },
    }) ?? [];
  for (const hit of hits) {
    for (const sentence of splitSentences(hit.chunk.text)) {
      const words = spelledOut(sentence, acronym);
      if (words) return quoted(pack, acronym, words, sentence, hit.citation);
    }
  }
  // no sentence spells it out in brackets: the title of a plan of that kind may ("Piano Esecutivo di Gestione 2021")
  for (const d of ctx.store.model.documents) {
    if (!visible(ctx, d.file)) continue;
    const words = capitalisedRun(d.title, acronym);
    if (words) return quoted(pack, acronym, words, d.title, { doc: d.file, entity: d.entity, section: d.title });
  }
  return null;
}

function quoted(pack: LanguagePack, acronym: string, words: string, sentence: string, citation: Citation): Reply {
  const reply = emptyReply('definition');
  const quote = sentence.replace(/\s+/g, ' ').trim();
  reply.lines.push(pack.messages.definitionOf(acronym, words), `> ${quote}`);
  reply.citations.push({ ...citation, excerpt: quote });
  return reply;
}
