// ASCII without the backtick, which fold turns into an apostrophe
const ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

/** Accent-folded, lower-case form used for every comparison of names, titles and codes. */
export function fold(s: string): string {
  // ASCII is its own NFKD form and has none of the characters replaced below (the hot path: most plan lines)
  if (ASCII.test(s)) return s.toLowerCase();
  // the rest is kept for the last texts: one question is folded by a dozen readers, an accented word of the plans
  // ("attività") in every sentence that has it
  let folded = FOLDED.get(s);
  if (folded === undefined) {
    folded = s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
      .replace(/[\u201c\u201d\u201e]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .toLowerCase();
    // only short texts (at most about 1.6 MB kept): a plan's long lines are folded once at load
    if (s.length <= FOLDED_MAX_LENGTH) {
      if (FOLDED.size >= FOLDED_SIZE) FOLDED.delete(FOLDED.keys().next().value!);
      FOLDED.set(s, folded);
    }
  }
  return folded;
}

const FOLDED = new Map<string, string>();
const FOLDED_SIZE = 2048;
/** a question, a sentence, a word: longer texts are a plan's, read once */
const FOLDED_MAX_LENGTH = 400;

/** Whitespace squash would change: any but a single inner space (one test instead of a replace and a trim). */
const UNSQUASHED = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace (tabs, newlines, non-breaking spaces) into single spaces and trims. */
export function squash(s: string): string {
  // most lines of a plan are squashed already; the extractors and the chunker squash every line, several times
  return UNSQUASHED.test(s) ? s.replace(/[\s\u00a0]+/g, ' ').trim() : s;
}

const MARKUP = /[<&*]/;

/** Removes markdown bold/italic markers and HTML tags, keeping the text between them. */
export function stripMarkup(s: string): string {
  // every pattern below needs one of these characters: most lines have none and are returned as they are
  if (!MARKUP.test(s)) return s;
  return (
    s
      .replace(/<br\s*\/?>/gi, ' ')
      // a tag holds no `<`: excluding it keeps the scan linear on text full of unclosed `<`
      .replace(/<[^<>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/\*{1,3}([^*]*)\*{1,3}/g, '$1')
      .replace(/\*\*/g, '')
  );
}
