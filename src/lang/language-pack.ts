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
  | 'duration'
  | 'share'
  | 'revenue';

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
  /**
   * adjective stems that carry the field a ranking or comparison is about, whatever their ending or the order of the
   * words ("la fase più lunga", "the longest phase" → duration; "più cara", "cheapest" → budget): matched only at or
   * right after a superlative or comparative word
   */
  gradedFields: Partial<Record<FieldWord, string[]>>;
  /** "o", "oppure", "or": what separates two records, people or offices compared */
  alternatives: string[];
  less: string[];
  /** before an amount: above / below / equal */
  gt: string[];
  lt: string[];
  eq: string[];
  /** "almeno", "at most": bounds that include the amount */
  gte?: string[];
  lte?: string[];
  /** after a magnitude: "un milione e mezzo", "a million and a half" */
  half?: string[];
  /** after an amount: "50 o più", "50 or less" */
  orMore?: string[];
  orLess?: string[];
  /** "tra X e Y": the opening and joining words */
  between: string[];
  betweenJoin: string[];
  /** dates: after / before / by / in (a year) */
  after: string[];
  before: string[];
  by: string[];
  /** "dal", "from": a date after it is a lower bound, or opens a span ("dal 1/3 al 30/6") */
  since?: string[];
  /** "al", "to": what joins the two ends of a span of dates besides `betweenJoin` */
  spanJoin?: string[];
  /** parts of a year ("semestre", "quarter") and how many months each spans */
  periods?: { words: string[]; months: number }[];
  /** "primo", "second" before a part of a year: which one */
  periodOrdinals?: Record<string, number>;
  /** seasons within one year ("estate", "summer") and their first and last month, 1–12 */
  seasons?: { words: string[]; from: number; to: number }[];
  /** month names that are common words too ("may"): a month only with a year after it or "in" before it */
  monthsNeedingContext?: string[];
  /**
   * kinds of structure a question lists by their plural ("uffici", "offices"): the model's own kind, and how a
   * structure's name starts when the plan files it under another kind ("SERVIZIO …" filed as a centro di responsabilità);
   * kind "*" lists every structure
   */
  structureKinds?: { kind: string; words: string[]; nameStarts: string[] }[];
  /**
   * words that, right after a kind word, say what the things are for ("strutture per minori", "services for the
   * elderly"): facilities or services of a topic, not a list of offices
   */
  kindPurpose?: string[];
  /**
   * what people call an office in this language, mapped to the words plans' structure names use for it ("local
   * police" → "polizia municipale", "ufficio personale" → "risorse umane"): a structure is then found by either
   */
  officeNames?: Record<string, string>;
  /** words that ask for a list and say nothing else ("elenca", "which", "who") */
  listAsking?: string[];
  /** verbs of being and having, which say nothing of what they stand beside ("ci sono", "ha", "are there") */
  plainVerbs?: string[];
  /**
   * how a question asks who holds a role ("chi è il …", "who is the …") or its holder's name ("come si chiama il …",
   * "name of …"), and the articles that come before a role (a name comes without one): see linking/find-role.ts
   */
  roleAsking: { who: string[]; name: string[]; articles: string[] };
  /**
   * words after which a question names the thing whose cost it asks ("quanto costa la …", "how much does the …"):
   * a passage that never names that thing does not answer, whatever amounts it holds
   */
  costAsking?: string[];
  /** words that ask for people of a role, by the model's role (owner, dirigente, responsabile, staff) */
  roleWords?: Record<string, string[]>;
  /** "fa parte di", "belongs to": being one of a structure's people, asked of people ("chi fa parte del Servizio X") */
  staffMembership?: string[];
  /** "di cosa si occupa", "what does … do": the work of a structure named, i.e. its objectives or projects */
  structureWork?: string[];
  /**
   * verbs that say what an office does, right after its kind word ("quale ufficio segue …", "which office handles …"):
   * the office is asked for, and the verb is no name of it
   */
  officeVerbs?: string[];
  /**
   * "cosa prevede il piano di X per …", "what does X do for …": asking what the plans hold for a topic, whose words
   * follow the next purpose word (`kindPurpose`: "per", "for")
   */
  plannedFor?: string[];
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
  /** "A più B", "A plus B": what joins two records of a sum */
  plus?: string[];
  /** "il doppio", "quante volte", "twice": the ratio of two figures compared is asked */
  ratio?: string[];
  /** words before a comparative that keep it one ("di più", "in più"): with none, "A più B" adds B to A */
  comparativeLeads?: string[];
  /** "A meno B", "A minus B": what joins two records of a difference */
  minus?: string[];
  /** "bigger than", with no amount after it: the record after it is compared with the one before */
  than?: string[];
  /** what follows a comparative to name the other record: "più caro di B", "bigger than B" */
  comparedWith?: string[];
  /** "per", "by" right before a kind of group ("per CdR", "by office"): an aggregate split by that group */
  groupBy?: string[];
  /**
   * the levels of a budget tree whose totals plans state, by the words that name them ("azione", "action"): "budget
   * per azione" lists the stated totals of that level
   */
  totalLevels?: Partial<Record<'azione' | 'obiettivo' | 'indirizzo', string[]>>;
  /**
   * the levels of a plan's hierarchy by the words that name them before their number or title ("linea di mandato
   * 05", "l'azione Housing sociale", "strategic objective 01.01"): the scope of a count, a sum or a comparison
   */
  planLevels?: Partial<Record<PlanLevel, string[]>>;
  /** words that stand for a kind already named ("l'azione A e quella B", "the one on B") */
  kindPronouns?: string[];
  /** "quelli", "those": a pronoun for several records, so words set apart after it leave out every record they name */
  pluralPronouns?: string[];
  /** articles that may stand before each bound of a range ("tra i 100 e i 150 mila") */
  amountArticles?: string[];
  /** "escluso zero", "non-zero": a ranking that skips records whose figure is zero */
  nonZero: string[];
  /** month names, January first: "giugno 2020" is a range of dates */
  months: string[];
  /** "senza contare", "excluding" before a bound: the records past it are left out, so the bound turns round */
  exclude: string[];
  /** words that may stand between an exclusion word and what it sets apart: "a parte quelli della", "except those of" */
  exclusionFillers: string[];
  /** "con risorse finanziarie", "with indicators": a field word right after these asks for records that have it */
  having?: string[];
  /** "esclusi quelli che non ne hanno", "ignoring the empty ones": after an exclusion, a lack of the field ranked */
  noneOfIt?: string[];
  /** "budget non indicato", "budget is not stated": a lack said after the field */
  lackingAfter?: string[];
  /** "ma non", "but not" right before a scope named: that scope set apart, like an exclusion word */
  setApart?: string[];
  /** "non", "not" right before a yes/no field word ("non pluriennali"): the records where it does not hold */
  negations?: string[];
  /** "ancora", "yet" after a negation: "non ancora scadute al 31/12" are those that end after that day */
  stillWords?: string[];
  /** "annuali", "single-year": the opposite of multi-year, said in one word */
  singleYear?: string[];
  /** "tutti", "all", "elenco": a list of every record of a kind in the named scope */
  listAll: string[];
  /**
   * fixed phrases made of operator words that ask for no operation: "somma urgenza" (utmost urgency), "sul totale"
   * (a share of it), "of the total"; the operators are read with them blanked out
   */
  idioms?: string[];
  /** "tutta l'area X", "the whole area": a structure named with the structures it groups */
  whole?: string[];
  /** "ciascun", "each": an aggregate split by person or structure */
  each: string[];
  /** "classifica", "rank", "sort": every record (or group) in order of a field */
  rank: string[];
  /** "secondo", "third" before a record or superlative word: the record at that place of a ranking */
  ordinals: Record<string, number>;
  /**
   * the words for "first" as a record's wording uses them ("primo lotto" for "1° lotto"); kept apart from `ordinals`,
   * where "first" asks for the top of a ranking
   */
  firstWords: string[];
  /** "per", "by" before a field word: "il secondo progetto per budget" ranks by it */
  rankBy?: string[];
  /** units of time after a number, as days: "più di sei mesi" bounds a duration at 6 × 30.44 days */
  durationUnits?: Record<string, number>;
  /**
   * parts of number words written as one ("trecentomila", "duecentocinquanta") beyond the whole number words of
   * `numbers`, which are parts too: elided tens, teens, thousands
   */
  numberParts?: Record<string, number>;
  /** "finisce prima?", "ends first": order words that rank when nothing follows them to compare with */
  orderAdverbs?: { min: string[]; max: string[] };
  /** "l'ultimo per budget", "last by budget": the bottom place of a ranking by a figure */
  lastPlace?: string[];
  /** "penultimo", "second to last" before a record word or a rank-by field: a place counted from the bottom */
  ordinalsFromEnd?: Record<string, number>;
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
  /** articles right before a superlative that make it one record whatever the noun ("il più caro dei progetti") */
  singularArticles?: string[];
  /** words that ask for help only when they are the whole question */
  helpAlone: string[];
  /**
   * words asking what a name or an acronym is or stands for ("cosa significa", "what does … stand for"): with an
   * acronym and nothing else of their own, the plans' sentence that spells it out answers
   */
  definitionCues: string[];
  /**
   * words that address pianobot itself ("puoi", "sai", "you"), matched as a word or a prefix with a short ending:
   * with only meta nouns and chatter beside them, the question is about pianobot, not about the plans
   */
  botAddress: string[];
  /** what pianobot holds ("piani", "documenti", "enti", "domande"): the nouns of a question about pianobot */
  metaNouns: string[];
  /** a plan named as a whole ("piano", "plan"): "gli obiettivi nel piano di X" asks for X's records, nothing more */
  planNouns?: string[];
  /** words that carry nothing in a greeting or a question about pianobot ("ehi", "po", "tipo") */
  chatter: string[];
  /**
   * things a citizen asks that a passage must name to answer them: the question's cue words (prefixes) and the
   * words (prefixes) a passage needs to hold that kind of fact. A passage without them is no answer.
   */
  askedFields: AskedField[];
  /**
   * what kind of answer a question wants ("in che anno" → a year, "dove" → a place, "con chi" → a person or a body,
   * "con quali fondi" → a source of funding): the sentence that has one answers before one that only shares the
   * question's words. `evidence`: word prefixes that show a sentence holds that kind of answer (types whose answer is
   * a figure or a name are recognised by its shape instead)
   */
  answerTypes: { type: AnswerType; cues: string[]; evidence?: string[]; heads?: string[] }[];
  /**
   * words that open a "which X" question ("quale", "which"): a kind's `heads` noun within three words after one asks
   * for that kind of answer ("which motorway operator" → a body, "quale legge regionale" → an act)
   */
  whichWords: string[];
  /**
   * a level of the plan's tree asked of an office ("in quale area sta X?", "X: linea di mandato di riferimento?"):
   * words right before the level's kind word, or right after it, that ask which one
   */
  levelAsked?: { before: string[]; after: string[]; count?: string[] };
  /** words that name a place in a sentence ("presso", "via", "sede") */
  placeWords: string[];
  /**
   * the entity kind meant when a place name is shared by several entities and the question names no kind
   * ("a Prato": the comune, unless the provincia is named)
   */
  defaultEntityKind: string;
  /** progress / status words: the plans hold no progress data */
  progress: string[];
  /** words for the kind of entity, mapped to the entity's own first word as the plans write it */
  entityKinds: Record<string, string[]>;
  /**
   * adjectives of an entity kind ("provinciale", "provincial"): they tell which of two entities of one place name a
   * question means ("la polizia provinciale di X"), never select an entity alone (a "tavolo provinciale" is anyone's)
   */
  entityKindAdjectives?: Record<string, string[]>;
  /** document kinds by their names */
  documentKinds: Record<string, string[]>;
  /** abbreviations that end with a dot inside a sentence (folded, without the final dot) */
  abbreviations: string[];
  /**
   * what users write for a lexicon word: office shorthands ("ob." → "obiettivo"), symbols ("&gt;" → "sopra"); keys
   * match case-insensitively as whole words, never after a number ("30 sett." is a date)
   */
  shorthands: Record<string, string>;
  /** polite wrappers that open a question ("mi sai dire", "I'd like to know"), folded; dropped at its start */
  courtesy: string[];
  /** how askers say who they are before asking ("sono una consigliera", "I'm a journalist"): the clause is dropped */
  /** words that open a second clause ("e", "ma", "non", "but"): a self-introduction ends before one */
  clauseJoiners?: string[];
  selfIntroductions?: string[];
  /** fillers that ask nothing ("pls", "grazie", "ciao"), folded; dropped at a question's start or end */
  fillers: string[];
  /**
   * a request clause that opens a question and asks nothing itself: a wish ("mi servirebbe", "avrei bisogno di",
   * "I'd need"), up to a few words of its own ("con una certa urgenza"), then optionally a verb of knowing ("sapere",
   * "to find out") and what is wanted as a noun ("il nominativo di", "the name of"). A first-person clause before it
   * ("sto preparando una nota e …", "lavoro all'ufficio stampa e …") goes with it, and so does a conjunction or an
   * interjection before the wish (`openers`: "ma", "senti", "but", "so"). All folded.
   */
  requestClause?: { wishes: string[]; knowing: string[]; wanted: string[]; firstPerson: string[]; openers?: string[] };
  /**
   * the columns of a record's table a question can pick: `asked` are the question's words (folded prefixes, "entrat",
   * "incass", "revenue"), `labels` the words plans label that column with ("entrat" for "Entrate Correnti"). A label
   * is chosen when it carries a label word of every kind asked, so "spese per investimenti" picks "Spese Investimenti"
   */
  columns?: { kind: ColumnKind; asked: string[]; labels: string[] }[];
  /** the first word of a data table's total row or column ("Tot.", "Totale", "Total"), folded prefixes */
  totalLabels?: string[];
  /** words with which an indicator's wording says it counts something ("n.", "numero", "number"), folded, whole words */
  countMarkers?: string[];
  /** words before a date that ask for a value as it stood then ("valore al 30/09", "value as of"), folded */
  valueAt?: string[];
  /**
   * the words that say what a question asks for, whatever record it is about (answer/intent.ts reads them, and ranks
   * the cues): phrases as elsewhere in the lexicon, matched at a word start, a prefix unless they end with a space;
   * " … " inside a phrase is a gap of up to 200 characters ("what is … about")
   */
  intentCues: Record<IntentCue, string[]>;
  /**
   * phrases that start with a cue's whole word and make it no cue ("quanti soldi": how much money, not how many):
   * the word is not read as that cue where the rest of the phrase follows it
   */
  intentExceptions?: Partial<Record<IntentCue, string[]>>;
  /**
   * whole words common in questions of this language and rare in the others' ("which", "quali", "the", "il"): the
   * pack with the most of them in a question answers it (answer/language.ts)
   */
  languageMarkers: string[];
}

/**
 * The cues of a question's intent (answer/intent.ts): most name the intent they give; `budgetAsked` ("quanti soldi")
 * gives the budget ahead of other cues and `budget` after them, `objectives` gives `objectives_of` only beside an
 * `ownership` word ("ha", "of") unless it is an `objectivesPlural` word. The last few are read by the routes.
 */
export type IntentCue =
  | 'budgetDetail'
  | 'total'
  | 'count'
  | 'budgetAsked'
  | 'weight'
  | 'staff'
  | 'phases'
  | 'deadline'
  | 'indicatorValue'
  | 'indicators'
  | 'budget'
  | 'resources'
  | 'strategic'
  | 'dirigente'
  | 'structure'
  | 'owner'
  | 'description'
  | 'objectives'
  | 'ownership'
  | 'objectivesPlural'
  | 'projects'
  /** the routes' cues: words of project-like records besides `projects` ("prodotti") */
  | 'products'
  /** any word naming a kind of record ("obiettiv", "phase"): a question about records, not about a name alone */
  | 'recordWord'
  /** a level of the strategic tree that records fall under ("azione", "action") */
  | 'strategicLevel'
  /** words asking for the records under something ("quali", "elenca", "list") */
  | 'listing'
  /** words asking which of several records ("quali", "which", "what") */
  | 'which'
  /** "chi è", "who is": who a person is, or who holds something */
  | 'whoIs'
  /** "ruolo", "role": a person's role */
  | 'role'
  /** "quanti", "numero di", "how many" right before what is counted (a word may stand between) */
  | 'countOf';

/**
 * Columns of a plan table a question may ask for instead of the one answered by default: the revenue or the expense
 * side of a budget table, its current or investment part, an indicator's intermediate or final level.
 */
export type ColumnKind = 'revenue' | 'expense' | 'current' | 'investment' | 'intermediate' | 'final';

export type AnswerType =
  | 'year'
  | 'date'
  | 'number'
  | 'place'
  | 'who'
  | 'funding'
  | 'purpose'
  | 'frequency'
  /** who a service is for: "chi ha diritto", "who is eligible" (not who is responsible for it) */
  | 'beneficiary'
  /** an act: a law, a decree, a resolution (recognised by its shape: "D.Lgs. 1/2018", "DGR 1904/2011") */
  | 'law'
  /** a time of day ("15.00 – 18.00") */
  | 'time';

export interface AskedField {
  /** the same fact in every language pack: cues and evidence of all packs count together */
  id: string;
  /** how the answer names what was asked ("orari", "opening hours") */
  name: string;
  /** a person's role: the passage must name a person of the plans beside the role word */
  person?: boolean;
  /**
   * an amount (a fee, a salary): when no passage states it, no passage holding another amount is quoted beside the
   * "not found", where it could be read as the answer (a renovation's cost as the monthly fee)
   */
  amount?: boolean;
  /**
   * a fact stated of the entity as a whole (its staff, its population): looked for by its own words whatever the
   * question's other words, said to be stated only for the other entities whose plans do, and not given for a year
   * other than the date it is stated at
   */
  ofEntity?: boolean;
  /**
   * the evidence word stands before a name or a number ("via Ricasoli n. 25", "sita in Piazza X"): "nella sede del
   * centro" or "in via continuativa" state no address
   */
  named?: boolean;
  /**
   * what a sentence must hold besides the evidence word to state the fact: a figure ("posti" with no number beside
   * it states no capacity) or a time of day ("l'apertura del centro" is no opening hours; "orario 15.00 – 18.00" is)
   */
  states?: 'figure' | 'time';
  cues: string[];
  evidence: string[];
}

export interface PlanSummary {
  entity: string;
  title: string;
  years: number[];
  objectives: number;
  projects: number;
  /** the records of other kinds the plan holds, and its structures: what can be asked of it */
  phases: number;
  indicators: number;
  /** projects with a budget stated */
  budgeted: number;
  structures: number;
}

export interface Messages {
  computed: string;
  stated: string;
  sources: string;
  noneMatch: (what: string) => string;
  /** the plans asked about hold no record of the kind at all (no phases, no staff table): the field is missing */
  noneInPlans: (what: string, entities: string) => string;
  recordsFound: (n: number, what: string) => string;
  topOf: (k: number, what: string, field: string) => string;
  bottomOf: (k: number, what: string, field: string) => string;
  /** a ranking by a date: the earliest or the latest first (no "first place" for the earliest deadline) */
  byDate: (k: number, what: string, field: string, latest: boolean) => string;
  total: (field: string, value: string, n: number) => string;
  totalStated: (label: string, value: string) => string;
  /** the head of a ranking of stated totals ("quale azione ha il budget più alto") */
  rankedTotals: (k: number, highest: boolean) => string;
  /** the levels of a ranking of totals whose total the plan leaves blank */
  blankTotals: (n: number, labels: string) => string;
  /** a computed sum beside the total the plan states for the same records: whether they agree, else by how much */
  statedVsComputed: (agree: boolean, difference: string) => string;
  sumOfStated: (value: string) => string;
  /** figures read in the plans' sentences or indicators, added up by pianobot (each then listed with its source) */
  sumOfFigures: (value: string, n: number) => string;
  blanksSkipped: (n: number, codes: string) => string;
  weightsTotal: (code: string, value: string, is100: boolean) => string;
  countOf: (n: number, what: string) => string;
  /** the record at place n of a ranking */
  nth: (n: number, field: string) => string;
  /** the place counted from the lowest ("il penultimo per budget", "the second cheapest") */
  nthFromBottom: (n: number, field: string) => string;
  /** the heading of a ranking cut within each group ("il progetto più costoso di ogni CdR") */
  topPerGroup: (k: number, what: string, field: string, highest: boolean, group: string) => string;
  /** the heading of one place of a ranking within each group ("il secondo più costoso di ogni CdR") */
  nthPerGroup: (n: number, field: string, group: string, fromBottom: boolean) => string;
  average: (field: string, value: string, n: number) => string;
  comparison: (a: string, b: string, difference: string, higher: string) => string;
  comparisonEqual: (a: string, b: string) => string;
  /** two dates compared: which comes first, and by how many days (computed) */
  dateComparison: (a: string, b: string, days: number, earlier: string) => string;
  /** how many more records one person has than the other (computed) */
  countDifference: (n: number, who: string) => string;
  comparisonMissing: (code: string, field: string) => string;
  peopleComparison: (winner: string, counts: string, what: string) => string;
  peopleTie: (counts: string, what: string) => string;
  /** the lower of two compared records */
  lower: (key: string) => string;
  /** the one of two people with fewer records */
  peopleFewer: (winner: string, counts: string, what: string) => string;
  /** the weights of an objective's indicators, summed */
  indicatorWeightsTotal: (code: string, value: string, is100: boolean) => string;
  /** the objective(s) that hold the top-ranked phase or indicator */
  objectiveOfTop: (objectives: string, sub: 'phase' | 'indicator') => string;
  /** several records or groups share the value that ranks them: said, never hidden by the order of the list */
  tie: (names: string, value: string) => string;
  /** records of the ranking's scope whose plan leaves the figure blank: set apart, never ranked as zero */
  unranked: (n: number, what: string, field: string, keys: string) => string;
  /** a ranking of groups (people, structures) by a measure computed from their records */
  groupRank: (measure: string) => string;
  /** what a group measure is, for the ranking's header: "numero di obiettivi", "budget totale dei progetti" */
  groupMeasure: (op: 'count' | 'sum' | 'avg', what: string, field: string) => string;
  /** "then" before the groups that follow the first */
  followedBy: string;
  /** the difference between two computed or stated figures */
  difference: (value: string, higher: string) => string;
  /** the higher figure as a multiple of the lower ("1,54 volte"), computed */
  ratio: (higher: string, lower: string, times: string) => string;
  /** a part of a sum or comparison that names nothing the plans hold */
  partNotFound: (words: string) => string;
  /** a part of a sum or comparison whose words name several records, or none alone */
  partUnclear: (words: string) => string;
  /** each person's or office's part of a count over several of them, computed */
  countsBy: (parts: string) => string;
  /** the records the other parts named, shown after the part not found */
  partsFound: string;
  /** a share of the stated total of a centre, computed from the figures */
  shareOfTotal: (value: string, share: string, total: string, of: string) => string;
  /** a phase or objective duration computed from its dates */
  days: (n: number) => string;
  notFoundEntity: (name: string, entities: string) => string;
  /** "la linea di mandato 7" where the plans number their lines 01–05: the level is not there, these are */
  notFoundLevel: (kind: string, number: string, known: string[]) => string;
  /** "il settore II" where no office carries that number: not there, and the numbered offices there are */
  notFoundStructureNumber: (said: string, known: string[]) => string;
  /** "il Servizio Cultura" where no office of the plans in scope has that name: not there, and the offices there are */
  notFoundStructureName: (said: string, known: string[]) => string;
  notFoundProgress: string;
  yearNotCovered: (year: number, years: string) => string;
  codeNotFound: (code: string) => string;
  similarCodes: (codes: string) => string;
  notFoundYearFor: (year: number, who: string, years: string) => string;
  notFoundYearSheet: (code: string, year: number, years: string) => string;
  whatThePlanSetsOut: string;
  closestPassage: string;
  /** "che cos'è il X?": the words an acronym stands for, as the plans spell it out; the sentence follows */
  definitionOf: (acronym: string, words: string) => string;
  /** a record's text has no sentence holding the kind of answer asked (a place, a year): its closest sentence follows */
  detailNotStated: (code: string, closest: boolean) => string;
  structurePeople: (name: string, people: string) => string;
  /** "quale ufficio segue X?": the office whose records are about X, with them */
  officeOfTopic: (office: string, codes: string) => string;
  /** an office whose objectives name no person, only the office itself, as their owner */
  structureNoPerson: (name: string, codes: string) => string;
  /** "the offices of the Provincia di X (3):" — `kinds` as the question named them */
  structureList: (kinds: string, where: string, count: number) => string;
  /** "the people the plans of X name (12):" */
  peopleOf: (where: string, count: number) => string;
  /** plans whose objectives are owned by offices: their owners as the plan writes them */
  ownersAsWritten: (where: string, count: number) => string;
  /** the model's roles (owner, dirigente, responsabile, staff) as said to the user */
  roleNames: Record<string, string>;
  /** no record of the plans in scope holds the figure asked ("budget", "peso") */
  fieldNotInPlans: (field: string, where: string) => string;
  /** no plan of the entities named covers the year asked */
  yearNotCoveredFor: (year: number, entities: string, years: string) => string;
  /** the projects a centro di responsabilità holds */
  structureProjects: (structure: string, count: number) => string;
  noPassage: string;
  noStatementAbout: (word: string) => string;
  /** the same, when no passage is quoted after it */
  noStatementAlone: (word: string) => string;
  /** a fact of the entity the plans in scope do not state, that other entities' plans do */
  factStatedOnlyFor: (fact: string, asked: string, entities: string) => string;
  /** the cost of a thing, as the answer names what was not found ("costo di assistenza domiciliare") */
  costOf: (thing: string) => string;
  /** a fact the plans state at other dates than the year asked */
  factNotAtDate: (fact: string, year: string, dates: string) => string;
  /** an office no passage of the plans in scope names, and the offices they do name */
  officeNotFound: (office: string, entity: string | null, there: string[]) => string;
  /** a role no passage names a person in: "non ho trovato chi sia il segretario generale" */
  noHolderOf: (role: string) => string;
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
    /** the question that lists the plans loaded, suggested beside the ones built from the model */
    plans: string;
  };
  /** sentences about one project's fields */
  /** a data table's cell (a headcount, hires in a year): the table, the row and column named, the figure as written */
  tableCell: {
    cell: (table: string, row: string, column: string, value: string) => string;
    /** the entity asked has no such table; another plan's table has the cell (found: false) */
    onlyElsewhere: (entity: string, table: string, other: string) => string;
    /** cells of one table added up: the total computed, how many cells (each listed as written below) */
    sum: (table: string, value: string, n: number) => string;
    /** two cells of one table set against each other: the difference computed, and the larger one */
    difference: (table: string, value: string, higher: string) => string;
    /** a part naming a row or column the table does not have (found: false) */
    partMissing: (words: string, table: string) => string;
  };
  project: {
    /** the budget column asked for (its kinds) that the project's table does not have */
    columnMissing: (code: string, kinds: ColumnKind[]) => string;
    /** the asked columns' totals alone ("Entrate Correnti di X (title): 120.000,00") */
    columnTotals: (code: string, title: string, totals: string) => string;
    /** the expense side less the revenue side of a budget table, computed, with both totals as written */
    sidesDifference: (
      expense: string,
      expenseText: string,
      revenue: string,
      revenueText: string,
      gap: string,
    ) => string;
    /** one budget row named by its description: the row as written, its amounts by column, the project it is of */
    budgetRow: (row: string, amounts: string, code: string, title: string) => string;
    /** the rows of the budget table that fill the asked columns */
    columnRows: string;
    /** the staff table's commitments summed: computed, with the number of rows */
    staffSum: (code: string, value: string, n: number) => string;
    plannedBudget: (code: string, title: string) => string;
    noBudgetTable: (code: string) => string;
    staffRow: (name: string, relation: string, commitment: string, code: string) => string;
    /** a person named in the question whom the project's staff table does not list (found: false) */
    notOnStaff: (name: string, code: string) => string;
    staffCount: (n: number, code: string, title: string) => string;
    staffOf: (code: string, title: string) => string;
    noStaff: string;
    phasesCount: (code: string, title: string, n: number) => string;
    noPhases: (code: string) => string;
    belongsTo: (code: string, title: string, link: string) => string;
    noStrategic: (code: string) => string;
    dirigenteIs: (code: string, title: string, dirigente: string) => string;
    noDirigente: (code: string) => string;
    objectivesOf: (code: string, title: string) => string;
    budgetIs: (code: string, title: string, budget: string) => string;
    noBudget: (code: string, title: string) => string;
  };
  /** sentences about people: who they are, what they own, direct and work on */
  people: {
    whichPerson: string;
    noPerson: (name: string) => string;
    similarNames: (names: string) => string;
    deadlinesOf: (person: string, period: string | undefined, n: number) => string;
    noDeadlinesOf: (person: string, period: string | undefined) => string;
    worksOn: (person: string, n: number) => string;
    commitment: string;
    directs: (n: number) => string;
    appearsIn: (person: string) => string;
    ownerOfCount: (n: number) => string;
    dirigenteOfCount: (n: number) => string;
    ownsNoneWorksOn: (person: string) => string;
    dirigenteOf: (person: string, n: number) => string;
    noObjectivesOf: (person: string) => string;
    owns: (person: string, n: number, codes: string) => string;
    headOf: (person: string, role: string | undefined, structure: string, entity: string) => string;
  };
  /** sentences about structures, their totals and counts, deadlines and strategic lines */
  structures: {
    /** the role word when the plan names none */
    head: string;
    headOf: (role: string, structure: string, entity: string, head: string) => string;
    objectivesOf: (label: string, n: number, codes: string) => string;
    /** "in che area sta X?": the one level of a kind an office sits under, as the plan writes it */
    levelOfStructure: (level: string, structure: string, entity: string, label: string) => string;
    /** …or the several its records hang from, one bullet each after this line */
    levelsOfStructure: (level: string, structure: string, entity: string, n: number) => string;
    /** "le linee di mandato della Provincia": the labels of a kind a plan's records hang from, counted */
    levelsOfPlan: (level: string, entity: string, n: number) => string;
    /** one of those levels with the codes of the office's records under it */
    levelRow: (label: string, codes: string) => string;
    /** the records of a structure that the question's other words name */
    recordsOfStructureAbout: (label: string, n: number) => string;
    /** the staff allocated to a structure's projects: how many names its tables list over how many projects */
    staffOf: (label: string, entity: string, people: number, projects: number) => string;
    /** one name of those tables, with each project it is allocated to and the commitment as written */
    staffRow: (name: string, relation: string, allocations: string) => string;
    /** the head, said apart from the staff (who may also be in the tables) */
    staffHead: (role: string, head: string, projects: number) => string;
    /** a structure no staff table lists people for, with its head when the plan names one */
    noStaffOf: (label: string, entity: string, role: string, head: string | undefined) => string;
    totalStated: (level: string, label: string, amount: string | undefined, share: string | undefined) => string;
    totalsStated: string;
    amountsAsStated: string;
    projectsCount: (n: number, rule: string) => string;
    countedOverProjects: string;
    noBudget: string;
    objectivesCount: (n: number) => string;
    countedFromModel: string;
    noDeadlines: (period: string) => string;
    deadlinesIn: (n: number, period: string) => string;
    objectivesUnder: (n: number, line: string) => string;
    recordsUnder: (n: number, value: string, codes: string) => string;
  };
  /** sentences about one objective's fields */
  objective: {
    indicatorWeight: (description: string, code: string, weight: string) => string;
    indicatorTarget: (description: string, code: string, target: string) => string;
    /** an indicator's intermediate or final level, with the date it is due by */
    indicatorLevel: (
      description: string,
      code: string,
      kind: 'intermediate' | 'final',
      value: string,
      date?: string,
    ) => string;
    /** the level asked is a column the plan leaves empty for this indicator (found: false) */
    indicatorLevelMissing: (description: string, code: string, kind: 'intermediate' | 'final') => string;
    /** a value at a date ("valore al 30/09") the plan does not hold for this indicator (found: false) */
    indicatorValueAtMissing: (description: string, code: string, date: string) => string;
    /** a value for a year the indicator's sheet does not cover (found: false) */
    indicatorYearMissing: (description: string, code: string, year: number, years: string) => string;
    phaseWeight: (title: string, code: string, weight: string) => string;
    phase: (title: string, code: string) => string;
    noSuchIndicator: (words: string, code: string, title: string) => string;
    completion: (code: string, title: string, end: string, start: string | undefined) => string;
    datesOf: (code: string, title: string) => string;
    phasesCount: (code: string, title: string, n: number) => string;
    noPhases: (code: string) => string;
    indicatorsCount: (code: string, title: string, n: number) => string;
    noIndicators: (code: string) => string;
    structureIs: (code: string, title: string, structure: string) => string;
    noStructure: (code: string) => string;
    belongsTo: (code: string, title: string, link: string) => string;
    noStrategic: (code: string) => string;
    financial: (code: string, title: string, resources: string) => string;
    partOfProject: (code: string, project: string, budget: string) => string;
    noFinancial: (code: string) => string;
    noOwner: (code: string) => string;
    owners: (code: string, title: string, n: number, owners: string, structure: string | undefined) => string;
    indicatorCode: (indicator: string, description: string, code: string, target: string) => string;
  };
  /** sentences about records found by their words or codes */
  records: {
    theObjective: (code: string, title: string) => string;
    matchingObjectives: (codes: string) => string;
    indicatorWeight: (description: string, code: string, weight: string) => string;
    indicatorDue: (description: string, code: string, when: string) => string;
    indicatorTarget: (description: string, code: string, target: string) => string;
    phaseRuns: (title: string, code: string, start: string, end: string) => string;
    phaseDue: (title: string, code: string, end: string) => string;
    phaseOf: (title: string, code: string) => string;
    whichOne: (n: number) => string;
    /** the words name no record clearly: the closest ones are offered, none is picked */
    notSureWhich: (n: number) => string;
    codeInDocuments: (n: number) => string;
    /** a year asked of a record whose plan, phases and sheets are all of other years: what years it has */
    recordYearNotFound: (code: string, year: number, years: string) => string;
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

/** the levels of a plan's hierarchy that records link to (the plan model's strategic links) */
export type PlanLevel =
  | 'valorePubblico'
  | 'lineaMandato'
  | 'indirizzo'
  | 'obiettivoStrategico'
  | 'azione'
  | 'obiettivoOperativo'
  /** the area of a record's office, or the area its strategic link names */
  | 'area';
