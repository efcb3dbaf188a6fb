/**
 * Seeded generator of synthetic plan documents for the scale benchmark. Each synthetic plan is one of the
 * sample plans with its identity systematically changed — entity, people, codes, amounts and years — while
 * its layout is kept, so the same extractor reads it. Synthetic entities, people and codes never coincide
 * with the samples', so a question about a sample plan has a single right answer however large the corpus.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { detectLayout } from '../ingest/extractors/registry.ts';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { derivePeople } from '../src/plan/derive-people.ts';
import { fold } from '../src/plan/text.ts';
import { FIRST_NAMES, SURNAMES, TOWNS } from './scale-names.ts';

/** Year shifts are multiples of 4 (29 February stays a real date) and of at least 12 years, so every synthetic
 * year lies outside the samples' span (2018–2026): year-scoped questions keep pointing at the samples. */
const YEAR_SHIFTS = [-16, -12, 12, 16, 20, 24, 28, 32] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const ENTITY_PREFIX = /^(?:comune|provincia|citt[aà] metropolitana|unione(?: dei comuni)?|regione)\s+di\s+/i;

/** What the generator needs to know about one sample plan. */
export interface SamplePlan {
  file: string;
  text: string;
  layout: string;
  entity: string;
  /** the place part of the entity (`Prato` in `Comune di Prato`); null when the entity is not a place */
  place: string | null;
  /** every person's name as written, split into words */
  people: string[][];
  /** whether this plan writes names surname first (`Maccioni Marco`) */
  surnameFirst: boolean;
  /** Reggio-style numeric code parts (`8735` in `2021_PD_8735`), by digit count */
  codeNumbers: Map<number, number[]>;
  /** roman prefixes of sheet codes (`VI` in `VI - 1`) */
  romanPrefixes: string[];
}

export interface SyntheticPlan {
  file: string;
  text: string;
  sample: string;
  layout: string;
  entity: string;
  yearShift: number;
}

export interface ScaleCorpusOptions {
  n: number;
  seed: number;
  outDir: string;
  plansDir?: string;
}

/** Reads and profiles the sample plans (sorted by file name). */
export async function loadSamples(plansDir = 'data/plans'): Promise<SamplePlan[]> {
  const files = (await readdir(plansDir)).filter((f) => /\.(txt|md)$/i.test(f) && !/^readme/i.test(f)).sort();
  const samples: SamplePlan[] = [];
  for (const file of files) {
    const doc = await loadDocument(join(plansDir, file));
    const extractor = detectLayout(doc);
    const plan = extractor.extract(doc);
    const people = derivePeople([plan]).flatMap((p) => p.spellings.map((s) => s.split(/\s+/).filter(Boolean)));
    const entity = plan.document.entity;
    const place = ENTITY_PREFIX.test(entity) ? entity.replace(ENTITY_PREFIX, '').trim() : null;
    samples.push({
      file,
      text: doc.text,
      layout: extractor.layout,
      entity,
      place: place || null,
      people,
      surnameFirst: writesSurnameFirst(people),
      codeNumbers: codeNumbersOf(doc.text),
      romanPrefixes: [
        ...new Set(
          plan.objectives.map((o) => o.code.match(/^([IVXLC]+)\s*-\s*\d+$/)?.[1]).filter((p) => p !== undefined),
        ),
      ],
    });
  }
  return samples;
}

/** The i-th synthetic plan (0-based) for a seed: a pure function of the samples, i and the seed. */
export function synthesize(samples: readonly SamplePlan[], i: number, seed: number): SyntheticPlan {
  const sample = samples[i % samples.length]!;
  const pools = poolsFor(samples, seed);
  const round = Math.floor(i / samples.length);
  const townIdx = round % pools.towns.length;
  const town = pools.towns[townIdx]!;
  const yearShift =
    YEAR_SHIFTS[(Math.floor(round / pools.towns.length) + pools.shiftOffsets[townIdx]!) % YEAR_SHIFTS.length]!;
  const rng = mulberry32(hashSeed(seed, i));

  let text = sample.text;
  text = renamePeople(text, sample, pools, rng);
  if (sample.place) text = replaceWords(text, sample.place, town);
  text = varyCodes(text, sample, rng);
  text = text.replace(YEAR, (y) => String(Number(y) + yearShift));
  const factor = 2 + Math.floor(rng() * 4);
  text = text.replace(AMOUNT, (a) => formatAmount(centsOf(a) * factor));

  const stem = basename(sample.file, extname(sample.file));
  return {
    file: `syn-${String(i + 1).padStart(4, '0')}-${stem.slice(0, 3)}${extname(sample.file)}`,
    text,
    sample: sample.file,
    layout: sample.layout,
    entity: sample.place ? sample.entity.replace(sample.place, town) : sample.entity,
    yearShift,
  };
}

/** Writes n synthetic plans into outDir (created if missing) and returns them. */
export async function writeScaleCorpus(options: ScaleCorpusOptions): Promise<SyntheticPlan[]> {
  const samples = await loadSamples(options.plansDir);
  await mkdir(options.outDir, { recursive: true });
  const plans: SyntheticPlan[] = [];
  for (let i = 0; i < options.n; i++) {
    const plan = synthesize(samples, i, options.seed);
    await writeFile(join(options.outDir, plan.file), plan.text);
    plans.push({ ...plan, text: '' });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------

interface Pools {
  towns: string[];
  shiftOffsets: number[];
  firstNames: string[];
  surnames: string[];
}

const poolCache = new WeakMap<readonly SamplePlan[], Map<number, Pools>>();

/** Name pools without anything the samples use, shuffled once per seed. */
function poolsFor(samples: readonly SamplePlan[], seed: number): Pools {
  const bySeed = poolCache.get(samples) ?? new Map<number, Pools>();
  poolCache.set(samples, bySeed);
  const cached = bySeed.get(seed);
  if (cached) return cached;
  const rng = mulberry32(hashSeed(seed, -1));
  const places = samples.flatMap((s) => (s.place ? [fold(s.place)] : []));
  const used = new Set(samples.flatMap((s) => s.people.flat().map((w) => fold(w))));
  const towns = shuffle(
    TOWNS.filter((t) => !places.some((p) => fold(t).includes(p) || p.includes(fold(t)))),
    rng,
  );
  const pools: Pools = {
    towns,
    shiftOffsets: towns.map(() => Math.floor(rng() * YEAR_SHIFTS.length)),
    firstNames: shuffle(
      FIRST_NAMES.filter((n) => !used.has(fold(n))),
      rng,
    ),
    surnames: shuffle(
      SURNAMES.filter((n) => !used.has(fold(n))),
      rng,
    ),
  };
  bySeed.set(seed, pools);
  return pools;
}

const FIRST = new Set(FIRST_NAMES.map((n) => fold(n)));

function writesSurnameFirst(people: string[][]): boolean {
  let surnameFirst = 0;
  let firstFirst = 0;
  for (const words of people) {
    if (words.length < 2) continue;
    const head = FIRST.has(fold(words[0]!));
    const tail = FIRST.has(fold(words.at(-1)!));
    if (tail && !head) surnameFirst++;
    if (head && !tail) firstFirst++;
  }
  return surnameFirst >= firstFirst;
}

/** Swaps every person for a new one: word by word, so `Maccioni Marco` and `MARCO MACCIONI` stay one person. */
function renamePeople(text: string, sample: SamplePlan, pools: Pools, rng: () => number): string {
  if (sample.people.length === 0) return text;
  const surnameStart = Math.floor(rng() * pools.surnames.length);
  const firstStart = Math.floor(rng() * pools.firstNames.length);
  const surnames = new Map<string, string>();
  const firsts = new Map<string, string>();
  const replacement = new Map<string, string[]>();
  for (const words of sample.people) {
    const out = words.map((w, k) => {
      const key = fold(w);
      const isFirst = FIRST.has(key) || (sample.surnameFirst ? k > 0 : k < words.length - 1);
      const map = isFirst ? firsts : surnames;
      const pool = isFirst ? pools.firstNames : pools.surnames;
      const start = isFirst ? firstStart : surnameStart;
      let name = map.get(key);
      if (!name) {
        name = pool[(start + map.size) % pool.length]!;
        map.set(key, name);
      }
      return name;
    });
    replacement.set(words.map((w) => fold(w)).join(' '), out);
    replacement.set(
      [...words]
        .reverse()
        .map((w) => fold(w))
        .join(' '),
      [...out].reverse(),
    );
  }
  const variants = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}'’])(?:${variants.map((v) => v.split(' ').map(escapeLoose).join('\\s+')).join('|')})(?![\\p{L}\\p{M}])`,
    'giu',
  );
  return text.replace(pattern, (match) => {
    const words = match.split(/(\s+)/);
    const key = words
      .filter((_, k) => k % 2 === 0)
      .map((w) => fold(w))
      .join(' ');
    const out = replacement.get(key);
    if (!out) return match;
    let n = 0;
    return words.map((w, k) => (k % 2 === 0 ? styled(w, out[n++] ?? w) : w)).join('');
  });
}

/** Accent-insensitive pattern for a folded word, so `Nicolò` matches however the document spells the accent. */
function escapeLoose(folded: string): string {
  return [...folded]
    .map((c) => {
      if (c === "'") return "['’]";
      const base = c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return /[a-z]/.test(c) ? `${base}\\p{M}*` : base;
    })
    .join('')
    .replace(/a\\p\{M\}\*/g, '[aàá]\\p{M}*')
    .replace(/e\\p\{M\}\*/g, '[eèé]\\p{M}*')
    .replace(/i\\p\{M\}\*/g, '[iìí]\\p{M}*')
    .replace(/o\\p\{M\}\*/g, '[oòó]\\p{M}*')
    .replace(/u\\p\{M\}\*/g, '[uùú]\\p{M}*');
}

/** Replaces a place name as a whole phrase, keeping capitals where the document writes it in capitals. */
function replaceWords(text: string, from: string, to: string): string {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}])${from
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+')}(?![\\p{L}\\p{M}])`,
    'giu',
  );
  return text.replace(pattern, (match) => styled(match, to));
}

function styled(source: string, word: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (letters && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return word.toUpperCase();
  if (letters && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return word.toLowerCase();
  return word;
}

// --- codes ------------------------------------------------------------------------------------------------------

/** `8735` in `2021_PD_8735`, `2021_OB_8735_1`, `O_8735_1_1`; `23101` in `Z_23101`. */
const REGGIO_NUMBER = /(?<=(?:^|[^0-9A-Za-z])(?:\d{4}_(?:PD|PG|OB)|[A-Z]{1,2})_)(\d{4,5})(?![0-9])/g;
/** `2020-CP09`: the number after the letters. */
const PRATO_CODE = /(?<![\w-])(\d{4}-[A-Z]{2,4})(\d{1,3})(?![\w])/g;
/** The first two-digit group of `04.03.01.02`, `04.03`, `04. LINEA DI MANDATO`; not the day of `01.03.2024`. */
const PIAO_HEAD = /(?<![\d.,])0([1-9])(?=\.(?:\d{2}(?!\d)|\s))(?!\.\d{2}\.(?:19|20)\d{2}(?!\d))/g;

function codeNumbersOf(text: string): Map<number, number[]> {
  const byLength = new Map<number, Set<number>>();
  for (const m of text.matchAll(REGGIO_NUMBER)) {
    const digits = m[1]!;
    const set = byLength.get(digits.length) ?? new Set<number>();
    set.add(Number(digits));
    byLength.set(digits.length, set);
  }
  return new Map([...byLength].map(([len, set]) => [len, [...set].sort((a, b) => a - b)]));
}

function varyCodes(text: string, sample: SamplePlan, rng: () => number): string {
  switch (sample.layout) {
    case 'prato-obiettivi': {
      const k = 1 + Math.floor(rng() * 98);
      return text.replace(PRATO_CODE, (_, head: string, num: string) => {
        const n = ((Number(num) - 1 + k + 99) % 99) + 1;
        return head + String(n).padStart(num.length, '0');
      });
    }
    case 'reggio-peg': {
      // each sample number gets a number of the same length that no sample uses and that cannot be read as a year
      const maps = new Map<number, Map<number, number>>();
      for (const [len, used] of sample.codeNumbers) {
        const taken = new Set(used);
        const pool: number[] = [];
        for (let n = 10 ** (len - 1); n < 10 ** len; n++) if (!taken.has(n) && (n < 1990 || n > 2039)) pool.push(n);
        const offset = Math.floor(rng() * pool.length);
        maps.set(len, new Map(used.map((n, rank) => [n, pool[(offset + rank) % pool.length]!])));
      }
      return text.replace(REGGIO_NUMBER, (digits: string) => {
        const mapped = maps.get(digits.length)?.get(Number(digits));
        return mapped === undefined ? digits : String(mapped);
      });
    }
    case 'schede-obiettivo': {
      const free = shuffle(
        ROMAN.filter((r) => !sample.romanPrefixes.includes(r)),
        rng,
      );
      let out = text;
      sample.romanPrefixes.forEach((prefix, k) => {
        out = out.replace(new RegExp(`(?<![A-Za-z])${prefix}(?=\\s*-\\s*\\d)`, 'g'), free[k % free.length]!);
      });
      return out;
    }
    case 'piao-performance': {
      const head = 1 + Math.floor(rng() * 9);
      return text.replace(PIAO_HEAD, (_, d: string) => `${head}${d}`);
    }
    default:
      // objectives numbered 1, 2, 3… (Serravalle) are local to their document: nothing to vary
      return text;
  }
}

// --- years and amounts ------------------------------------------------------------------------------------------

const YEAR = /(?<![\d,])(?:199\d|20[0-3]\d)(?!\d|,\d)/g;
/** Amounts with thousands separators (`1.920.000,00`); percentages and small counts are left alone. */
const AMOUNT = /(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{2}(?!\d)(?!\s?%)/g;

function centsOf(amount: string): number {
  return Number(amount.replace(/\./g, '').replace(',', ''));
}

function formatAmount(cents: number): string {
  const units = Math.floor(cents / 100).toString();
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped},${String(cents % 100).padStart(2, '0')}`;
}

// --- seeded randomness ------------------------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2d) >>> 0;
}

function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
