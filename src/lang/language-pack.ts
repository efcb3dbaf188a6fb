/**
 * What a language contributes: a question lexicon (the words that say what is asked, accent-folded and lower-case)
 * and a message catalogue (every sentence an answer writes). A third language is one more file of this type.
 */
import type { QueryTarget } from '../query/plan-query.ts';

/** Field words the linking layer recognises; each maps to a query field per target. */
export type FieldWord =
  | 'budget'
  | 'weight'
  | 'staff'
  | 'phases'
  | 'indicators'
  | 'objectives'
  | 'projects'
  | 'end'
  | 'start'
  | 'target'
  | 'owner'
  | 'duration';

export interface Lexicon {
  /** words (prefixes) naming each kind of record */
  targets: Record<QueryTarget, string[]>;
  fields: Record<FieldWord, string[]>;
  /** "più alto", "maggiore", "highest": the largest first */
  max: string[];
  /** "più basso", "minore", "lowest" */
  min: string[];
  /** "più" / "more" next to a field word, for "chi ha più obiettivi" */
  more: string[];
  less: string[];
  /** before an amount: above / below / equal */
  gt: string[];
  lt: string[];
  eq: string[];
  /** "tra X e Y": the opening and joining words */
  between: string[];
  betweenJoin: string[];
  /** dates: after / before / by / in (a year) */
  after: string[];
  before: string[];
  by: string[];
  /** "senza", "privi di", "without" */
  without: string[];
  multiYear: string[];
  /** "che riguardano", "about": the topic words follow */
  about: string[];
  sum: string[];
  count: string[];
  avg: string[];
  compare: string[];
  difference: string[];
  /** "escluso zero", "non-zero": a ranking that skips records whose figure is zero */
  nonZero: string[];
  /** month names, January first: "giugno 2020" is a range of dates */
  months: string[];
  /** "senza contare", "excluding" before a bound: the records past it are left out, so the bound turns round */
  exclude: string[];
  /** "tutti", "all", "elenco": a list of every record of a kind in the named scope */
  listAll: string[];
  /** "ciascun", "each": an aggregate split by person or structure */
  each: string[];
  /** "classifica", "rank", "sort": every record (or group) in order of a field */
  rank: string[];
  /** "secondo", "third" before a record or superlative word: the record at that place of a ranking */
  ordinals: Record<string, number>;
  /** "top", "primi" before a number */
  topK: string[];
  numbers: Record<string, number>;
  /** articles that stand for "one" before a magnitude: "sopra il milione" is above 1,000,000 */
  magnitudeArticles: string[];
  /** "mila", "milione", "million" after a number */
  magnitudes: Record<string, number>;
  /** currency words that may follow an amount */
  currency: string[];
  greetings: string[];
  help: string[];
  /** interrogatives that ask for one record ("quale", "which one"): a superlative without a number means the first */
  singular: string[];
  /** words that ask for help only when they are the whole question */
  helpAlone: string[];
  /**
   * the entity kind meant when a place name is shared by several entities and the question names no kind
   * ("a Prato": the comune, unless the provincia is named)
   */
  defaultEntityKind: string;
  /** progress / status words: the plans hold no progress data */
  progress: string[];
  /** words for the kind of entity, mapped to the entity's own first word as the plans write it */
  entityKinds: Record<string, string[]>;
  /** document kinds by their names */
  documentKinds: Record<string, string[]>;
  /** abbreviations that end with a dot inside a sentence (folded, without the final dot) */
  abbreviations: string[];
  /**
   * what users write for a lexicon word: office shorthands ("ob." → "obiettivo"), symbols ("&gt;" → "sopra"); keys
   * match case-insensitively as whole words, never after a number ("30 sett." is a date)
   */
  shorthands: Record<string, string>;
  /** polite wrappers and chat fillers that ask nothing ("mi sai dire", "pls"), folded; dropped when words remain */
  courtesy: string[];
}

export interface PlanSummary {
  entity: string;
  title: string;
  years: number[];
  objectives: number;
  projects: number;
}

export interface Messages {
  computed: string;
  stated: string;
  sources: string;
  noneMatch: (what: string) => string;
  recordsFound: (n: number, what: string) => string;
  topOf: (k: number, what: string, field: string) => string;
  bottomOf: (k: number, what: string, field: string) => string;
  total: (field: string, value: string, n: number) => string;
  totalStated: (label: string, value: string) => string;
  sumOfStated: (value: string) => string;
  blanksSkipped: (n: number, codes: string) => string;
  weightsTotal: (code: string, value: string, is100: boolean) => string;
  countOf: (n: number, what: string) => string;
  /** the record at place n of a ranking */
  nth: (n: number, field: string) => string;
  average: (field: string, value: string, n: number) => string;
  comparison: (a: string, b: string, difference: string, higher: string) => string;
  comparisonEqual: (a: string, b: string) => string;
  comparisonMissing: (code: string, field: string) => string;
  peopleComparison: (winner: string, counts: string, what: string) => string;
  peopleTie: (counts: string, what: string) => string;
  /** several records or groups share the value that ranks them: said, never hidden by the order of the list */
  tie: (names: string, value: string) => string;
  /** a ranking of groups (people, structures) by a measure computed from their records */
  groupRank: (measure: string) => string;
  /** what a group measure is, for the ranking's header: "numero di obiettivi", "budget totale dei progetti" */
  groupMeasure: (op: 'count' | 'sum', what: string, field: string) => string;
  /** "then" before the groups that follow the first */
  followedBy: string;
  /** the difference between two computed or stated figures */
  difference: (value: string, higher: string) => string;
  /** a phase or objective duration computed from its dates */
  days: (n: number) => string;
  notFoundEntity: (name: string, entities: string) => string;
  notFoundProgress: string;
  yearNotCovered: (year: number, years: string) => string;
  codeNotFound: (code: string) => string;
  similarCodes: (codes: string) => string;
  notFoundYearFor: (year: number, who: string, years: string) => string;
  closestPassage: string;
  structurePeople: (name: string, people: string) => string;
  noPassage: string;
  noStatementAbout: (word: string) => string;
  passagesSay: string;
  costWord: string;
  codeInTextOnly: (code: string) => string;
  helpIntro: string;
  helpPlans: string;
  helpPlan: (p: PlanSummary) => string;
  helpExamples: string;
  more: (n: number) => string;
  /** example questions, filled with the loaded model's own codes and names */
  examples: {
    owner: (code: string) => string;
    objectivesOf: (person: string) => string;
    budget: (code: string) => string;
    topBudgets: string;
    phases: (code: string) => string;
    withoutBudget: string;
    dueIn: (entity: string, year: number) => string;
  };
  fieldNames: Record<string, string>;
  targetNames: Record<QueryTarget, [singular: string, plural: string]>;
  yes: string;
  no: string;
}

export interface LanguagePack {
  lang: 'it' | 'en';
  lexicon: Lexicon;
  messages: Messages;
}
