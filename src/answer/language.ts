import { PACKS } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each language's marker words as one regex, in the pack's order: every whole-word occurrence counts once. */
const MARKERS = Object.values(PACKS).map(
  (p) => [p.lang, new RegExp(`\\b(${p.lexicon.languageMarkers.map(escapeRegExp).join('|')})\\b`, 'g')] as const,
);

/** The answer follows the question's language; Italian wins ties, since the plans are Italian. */
export function detectLanguage(question: string): 'it' | 'en' {
  // linking, translation and the passage routes each ask it of the same question
  if (last?.question !== question) last = { question, lang: detect(question) };
  return last.lang;
}

let last: { question: string; lang: 'it' | 'en' } | null = null;

function detect(question: string): 'it' | 'en' {
  // a quoted title is at most a few hundred characters: the bound keeps the scan linear when quotes never close
  const unquoted = question.replace(/(?:^|[\s(:])["“«‘']([^"”»’]{6,400}?)["”»’'](?=[\s?.,;:!)]|$)/g, ' ');
  const q = fold(unquoted).replace(/['’]/g, ' ');
  // Italian first: another language wins only with strictly more markers
  let best: { lang: 'it' | 'en'; n: number } = { lang: 'it', n: -1 };
  for (const [lang, re] of MARKERS) {
    const n = q.match(re)?.length ?? 0;
    if (n > best.n || (n === best.n && lang === 'it')) best = { lang, n };
  }
  return best.lang;
}
