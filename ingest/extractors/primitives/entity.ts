/**
 * The issuing body of a plan: the body its title page or running header names ("COMUNE DI VALDARENA",
 * "Agenzia regionale per …"), never a place the text merely mentions — a comune's plan that names its provincia
 * stays the comune's. Bodies named at the start of one of the first lines win; otherwise the most named
 * "Comune di X" / "Provincia di X" / "Unione …", mentions near the top counting more.
 */
import { fold } from '../../../src/plan/text.ts';
import { type LabelPack, LEXICON } from './label-lexicon.ts';

const ENTITY_KIND =
  '(?:[Cc]omune|COMUNE|[Pp]rovincia|PROVINCIA|[Cc]itt[àa] [Mm]etropolitana|CITT[ÀA] METROPOLITANA|[Cc]itt[àa]|CITT[ÀA]|[Rr]egione|REGIONE|' +
  '[Uu]nione (?:[Dd]ei [Cc]omuni|DEI COMUNI|[Mm]ontana|MONTANA|[Cc]omunale|COMUNALE)|UNIONE|[Uu]nione)';
const OF = "(?:di|DI|del|DEL|della|DELLA|dei|DEI|delle|DELLE|dell['’]|DELL['’]|d['’]|D['’])";
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const JOINER =
  "(?:in|sul|sulla|di|del|della|de|nel|nell['’]|sull['’]|dell['’]|d['’]|a|al|alla|IN|SUL|SULLA|DI|DEL|DELLA|NELL['’]|DELL['’]|D['’]|A|AL|ALLA)";
const ENTITY_RE = new RegExp(
  `(?<![\\p{L}])(${ENTITY_KIND})\\s+(${OF})\\s*(${NAME_WORD}(?:(?:\\s+|\\s*-\\s*)(?:${JOINER}\\s*)?${NAME_WORD}){0,4})`,
  'gu',
);
/** Capitalised words that follow an entity name in headers ("Comune di Prato Preventivo obiettivi 2020"). */
const NOT_NAME = new Set(
  (
    'piano preventivo consuntivo peg piao pdo dup bilancio obiettivi obiettivo settore servizio servizi area anno anni ' +
    'esercizio relazione documento allegato sezione sottosezione come per nel con che e ed il la lo le gli ai dal ' +
    'performance gestione programma direzione ufficio deliberazione delibera approvato triennio'
  ).split(' '),
);
const TRAILING_JOINER = /^(?:in|sul|sulla|di|del|della|de|nel|a|al|alla|-)$/i;
const LOCAL = /^(?:comune|citt[àa] |unione)/i;
const WIDER = /^(?:regione|provincia|citt[àa] metropolitana)/i;
const HEAD_LINES = 60;
const TITLE_LINES = 8;

/** `PROVINCIA DI PRATO` → `Provincia di Prato`: capitalised words, lower-case joiners. */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 &&
      /^(?:di|del|della|dei|delle|dell['’].*|d['’].*|in|sul|sulla|sui|sugli|sulle|nel|nell['’].*|nei|negli|nelle|de|da|dal|dalla|a|al|alla|ai|alle|agli|per|tra|fra|lo|la|le|il|i|gli|degli|dello|con|e|ed)$/.test(
        w,
      )
        ? w.replace(/(['’])(\p{L})/u, (_, a: string, c: string) => a + c.toUpperCase())
        : w.replace(/(^|[-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase()),
    )
    .join(' ');
}

interface Mention {
  spelled: string;
  line: number;
  /** the mention opens the line */
  atStart: boolean;
}

/**
 * What every ENTITY_KIND spelling contains: a line without any (most lines) is passed over without running
 * ENTITY_RE, a Unicode pattern with a lookbehind, over it.
 */
const ENTITY_KIND_HINT = /comun|provinc|citt|region|union/i;

function mentionsIn(line: string, i: number): Mention[] {
  const out: Mention[] = [];
  if (!ENTITY_KIND_HINT.test(line)) return out;
  for (const m of line.matchAll(ENTITY_RE)) {
    const words: string[] = [];
    for (const w of m[3]!.split(/\s+/)) {
      if (NOT_NAME.has(fold(w))) break;
      words.push(w);
    }
    while (words.length && TRAILING_JOINER.test(words.at(-1)!)) words.pop();
    if (words.length === 0) continue;
    const of = m[2]!;
    const spelled = `${m[1]} ${of}${/['’]$/.test(of) ? '' : ' '}${words.join(' ')}`;
    // "della Provincia di X" on a title line of its own still opens it: the title ran over two lines
    out.push({
      spelled,
      line: i,
      atStart: /^\s*(?:(?:di|del|della|dell['’]|dei|degli)\s*)?$/i.test(line.slice(0, m.index)),
    });
  }
  return out;
}

/** A title-page line naming a body with no "di" ("ISTITUTO REGIONALE PER LO SVILUPPO AGRICOLO (IRSA)"). */
function namedBody(line: string, pack: LabelPack): string | null {
  const t = line.trim().replace(/^[#*\s]+|[*\s]+$/g, '');
  const f = fold(t);
  if (!pack.bodyKinds.some((k) => f.startsWith(`${k} `))) return null;
  const name = t.split(/\s*\(|\s+[-–—]\s+|\s*,|\s+\d/)[0]!.trim();
  if (name.length < 8 || name.length > 90 || name.split(' ').length < 2) return null;
  return name;
}

/** The issuing body, as the document spells it (capitals title-cased); `sconosciuto` when none is named. */
export function findIssuingBody(plain: readonly string[], pack: LabelPack = LEXICON): string {
  const tally = new Map<string, { score: number; spellings: Map<string, number> }>();
  const add = (spelled: string, score: number) => {
    const key = fold(spelled);
    const entry = tally.get(key) ?? { score: 0, spellings: new Map<string, number>() };
    entry.score += score;
    entry.spellings.set(spelled, (entry.spellings.get(spelled) ?? 0) + 1);
    tally.set(key, entry);
  };
  let titleRank = 0;
  let seen = 0;
  const openers: string[] = [];
  plain.forEach((line, i) => {
    const titleLine = line.trim() !== '' && seen++ < TITLE_LINES;
    const mentions = mentionsIn(line, i);
    for (const m of mentions) {
      let score = i < HEAD_LINES ? 3 : 1;
      // the body a title line opens with is the issuer: the first such line most of all
      if (titleLine && m.atStart) {
        score += titleRank++ === 0 ? 30 : 15;
        openers.push(m.spelled);
      }
      add(m.spelled, score);
    }
    if (titleLine && mentions.length === 0) {
      const body = namedBody(line, pack);
      if (body) {
        add(body, titleRank++ === 0 ? 30 : 15);
        openers.push(body);
      }
    }
  });
  // a region or province above a comune on the title page ("REGIONE X" / "COMUNE DI Y") is its letterhead: the
  // comune issues the plan, as a regional or provincial plan never opens a title line with a comune
  const local = openers.findIndex((o) => LOCAL.test(o));
  if (local > 0 && openers.slice(0, local).every((o) => WIDER.test(o))) add(openers[local]!, 30);
  if (tally.size === 0) return 'sconosciuto';
  // a name and the same name followed by more words are one entity: the shorter collects the longer one's score
  const merged = [...tally.entries()].map(([key, e]) => {
    let score = 0;
    for (const [other, o] of tally) if (other === key || other.startsWith(`${key} `)) score += o.score;
    return { key, score, spellings: e.spellings };
  });
  merged.sort((a, b) => b.score - a.score || a.key.length - b.key.length);
  const best = merged[0]!;
  const spelling = [...best.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return spelling === spelling.toUpperCase() ? titleCase(spelling) : spelling;
}
