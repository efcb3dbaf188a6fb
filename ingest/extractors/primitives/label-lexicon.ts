/**
 * The words plans use for their fields, as data: one language pack per language, all read by the same code.
 * Labels are written accent-folded and lower-case; the reader folds the text before matching, so `Responsabilità`,
 * `RESPONSABILITA'` and `responsabilita` are one label. Longer labels win over their prefixes ("valore atteso" over
 * "valore"), so a pack lists the full phrases a plan writes.
 */

import type { Structure } from '../../../src/plan/model.ts';

/** What a labelled value means in the plan model. */
export type Field =
  | 'objective'
  | 'code'
  | 'title'
  | 'description'
  | 'owner'
  | 'structure'
  | 'indicator'
  | 'target'
  | 'result'
  | 'weight'
  | 'phase'
  | 'phases'
  | 'start'
  | 'end'
  | 'budget'
  | 'strategic'
  /** the unit an indicator is measured in ("km", "n.", "%"): a column of its own beside the target */
  | 'unit';

export interface LabelPack {
  /** field → the labels that introduce it */
  labels: Record<Field, readonly string[]>;
  /** structure labels that also open a heading ("AREA SERVIZI DEMOGRAFICI", "Settore Tecnico") */
  structureWords: readonly string[];
  /** header words qualifying a column without changing its field ("Obiettivo *operativo*", "Peso *%*") */
  headerQualifiers: readonly string[];
  /** words an indicator description often opens with, where a flattened row gives no column boundary */
  indicatorOpeners: readonly string[];
  /**
   * endings of the participle that closes many indicator descriptions ("classi coinvolte", "dataset pubblicati"),
   * the last cue left where a flattened row runs a title into its indicator
   */
  indicatorEndings: readonly string[];
  /**
   * endings of adjectives that stand between a noun and its participle ("veicoli *elettrici* acquistati"), so the
   * noun, not the adjective, opens the indicator
   */
  adjectiveEndings: readonly string[];
  /** units a target may carry after its figure ("45 minuti", "15 giorni") */
  targetUnits: readonly string[];
  /** words opening a target written in words ("entro il 30/06/2024", "almeno 450", "≥ 85") */
  targetLeads: readonly string[];
  /** honorifics and ranks written before a name, beyond those `splitTitle` knows */
  honorifics: readonly string[];
  /** the kinds of issuing body a title page names ("Comune di …", "Agenzia regionale …") */
  bodyKinds: readonly string[];
  /** words that, at the end of a table, close it ("Totale") */
  totalWords: readonly string[];
  /** capitalised words that open a unit's name inside running text ("… processi decisionali Segreteria Generale") */
  unitHeads: readonly string[];
  /** words a structure name cannot end with, before its owner ("Sociale e | Immigrazione Sardi Valentina") */
  connectors: readonly string[];
  /**
   * word ends and prefixes after which a hyphen at a line's end joins two words of a compound
   * ("tecnico-amministrativo", "extra-istituzionali") rather than splitting one word ("poliambu-latori")
   */
  compoundParts: readonly string[];
  /** a unit's first word (folded) → the kind of structure it names */
  structureKinds: Readonly<Record<string, Structure['kind']>>;
}

export const ITALIAN: LabelPack = {
  labels: {
    objective: [
      'obiettivo',
      'obiettivo n.',
      'obiettivo n',
      'obiettivo nr.',
      'obiettivo n°',
      'obiettivo operativo',
      'obiettivo specifico',
      'obiettivo gestionale',
      'obiettivo di gestione',
      'obiettivo di performance',
      'ob.',
      'obiettivi',
    ],
    code: [
      'codice',
      'codice obiettivo',
      "codice dell'obiettivo",
      'cod.',
      'cod',
      'cod. obiettivo',
      'cod. ob.',
      'cod. ob',
      'n. obiettivo',
      'id',
      'codice ob.',
    ],
    title: [
      'titolo',
      'denominazione',
      'oggetto',
      'titolo obiettivo',
      "titolo dell'obiettivo",
      "denominazione dell'obiettivo",
      'nome obiettivo',
    ],
    description: ['descrizione', "descrizione dell'obiettivo", 'descrizione obiettivo', 'finalita', 'contenuto'],
    owner: [
      'responsabile',
      'responsabili',
      "responsabile dell'obiettivo",
      'responsabile obiettivo',
      'responsabile del servizio',
      'responsabile del settore',
      "responsabile dell'area",
      'responsabile di area',
      'responsabile di settore',
      'responsabile di servizio',
      'responsabile p.o.',
      'responsabile del procedimento',
      'responsabile amministrativo',
      'responsabile gestionale',
      'referente tecnico',
      'dirigente',
      'dirigente responsabile',
      'dirigente del settore',
      'referente',
      'referenti',
      'direttore',
      'direttrice',
      'titolare',
      'owner',
      'manager',
    ],
    structure: [
      'centro di responsabilita',
      'centro di costo',
      'cdr',
      'c.d.r.',
      'settore',
      'servizio',
      'area',
      'struttura',
      'struttura responsabile',
      'unita organizzativa',
      'unita organizzativa responsabile',
      'ufficio',
      'direzione',
      'u.o.',
      'structure',
    ],
    indicator: [
      'indicatore',
      'indicatori',
      'indicatore di risultato',
      'indicatore di performance',
      'kpi',
      'indicator',
      'misura',
    ],
    target: [
      'target',
      'valore atteso',
      'valore obiettivo',
      'risultato atteso',
      'valore target',
      'valore previsto',
      'livello atteso',
      'traguardo',
      'atteso',
      'expected',
    ],
    result: ['risultato', 'risultato raggiunto', 'valore raggiunto', 'consuntivo', 'valore a consuntivo', 'actual'],
    weight: ['peso', 'peso %', 'pesatura', 'ponderazione', 'peso ponderale', 'weight'],
    phase: [
      'fase',
      'descrizione fase',
      'attivita',
      'azione',
      'step',
      'milestone',
      'sub-obiettivo / attivita',
      'sub-obiettivo',
    ],
    phases: ['fasi', 'fasi di attuazione', 'cronoprogramma', 'attivita previste', 'fasi e tempi'],
    start: ['inizio', 'data inizio', 'data di inizio', 'avvio', 'dal', 'start'],
    end: ['fine', 'data fine', 'data di fine', 'scadenza', 'termine', 'entro il', 'al', 'tempi', 'deadline'],
    budget: [
      'budget',
      'risorse',
      'risorse finanziarie',
      'risorse economiche',
      'stanziamento',
      'stanziamenti',
      'importo',
      'costo',
      'risorse assegnate',
    ],
    strategic: [
      'obiettivo strategico',
      'obiettivi strategici',
      'indirizzo strategico',
      'linea di mandato',
      'linea strategica',
      'ambito strategico',
      'missione',
      'missione/programma',
      'missione e programma',
      'programma',
      'programma di bilancio',
    ],
    unit: ['unita di misura', 'u.m.', 'udm', 'unita misura'],
  },
  structureWords: [
    'area',
    'settore',
    'servizio',
    'servizi',
    'direzione',
    'direzione centrale',
    'ufficio',
    'u.o.',
    'unita operativa',
    'unita operativa complessa',
    'unita operativa semplice',
    'uoc',
    'uos',
    'uosd',
    'u.o.c.',
    'u.o.s.',
    'dipartimento',
    'segreteria',
  ],
  headerQualifiers: [
    'trasversale',
    'trasversali',
    'individuale',
    'organizzativo',
    'annuale',
    'operativo',
    'operativi',
    'specifico',
    'specifici',
    'strategico',
    'gestionale',
    '%',
    'n.',
    'n',
    'di',
    'del',
    'e',
    '/',
    '-',
  ],
  indicatorOpeners: [
    'n.',
    'n°',
    'nr.',
    'numero',
    '%',
    'percentuale',
    'tempo',
    'tempi',
    'grado',
    'approvazione',
    'rispetto',
    'livello',
    'tasso',
    'importo',
    'giorni',
    'realizzazione',
    'stato di avanzamento',
    'indice',
    'disponibilita',
    'certificato',
    'delibera',
    'pubblicazione',
  ],
  indicatorEndings: [
    'ati',
    'ate',
    'ato',
    'ata',
    'iti',
    'ite',
    'ito',
    'ita',
    'uti',
    'ute',
    'uto',
    'olti',
    'olte',
    'olto',
    'essi',
    'esse',
    'esso',
  ],
  adjectiveEndings: ['ale', 'ali', 'ile', 'ili', 'ico', 'ici', 'ica', 'iche', 'ivo', 'ivi', 'iva', 'ive', 'ari'],
  targetUnits: ['minuti', 'giorni', 'gg', 'ore', 'mesi', 'anni', 'euro', 'kmq', 'km', 'mq', 'unita', 'su'],
  targetLeads: [
    'entro il',
    'entro',
    'almeno',
    'non oltre',
    'oltre',
    'fino a',
    '≥',
    '≤',
    '>=',
    '<=',
    '>',
    '<',
    '+',
    '-',
  ],
  honorifics: [
    'dott. ing.',
    'dott.ing.',
    'dott. arch.',
    'comm.',
    'commissario',
    'col.',
    'magg.',
    'cap.',
    'ten.',
    'm.llo',
    'isp.',
    'p.i.',
    'per. ind.',
    'sig.ra',
    'dr.ssa',
    'dott.ssa',
    'prof.ssa',
    'avv.',
  ],
  bodyKinds: [
    'comune',
    'citta',
    'provincia',
    'regione',
    'citta metropolitana',
    'unione',
    'unione dei comuni',
    'comunita montana',
    'agenzia',
    'istituto',
    'ente',
    'azienda',
    'autorita',
    'consorzio',
    'camera di commercio',
    'universita',
    'ministero',
    'parco',
    'fondazione',
  ],
  totalWords: ['totale', 'totali', 'tot.', 'somma'],
  unitHeads: [
    'Servizio',
    'Servizi',
    'Ufficio',
    'Uffici',
    'Settore',
    'Area',
    'Staff',
    'Segreteria',
    'Polizia',
    'Dirigente',
    'Direzione',
    'Unità',
    'U.O.',
    'Comando',
    'Avvocatura',
    'Sportello',
    'Gabinetto',
    'Corpo',
  ],
  connectors: [
    'e',
    'ed',
    'di',
    'del',
    'della',
    'dei',
    'degli',
    'delle',
    'per',
    'a',
    'al',
    'alla',
    'ai',
    'in',
    'con',
    'da',
    'dal',
    'dalla',
    'sul',
    'sulla',
    'sui',
    'nel',
    'nella',
    'nei',
  ],
  compoundParts: [
    '*ico',
    '*ica',
    '*io',
    '*co',
    'extra',
    'post',
    'pre',
    'anti',
    'inter',
    'infra',
    'sovra',
    'sotto',
    'multi',
    'pluri',
    'ex',
    'vice',
    'semi',
    'auto',
    'micro',
    'macro',
    'tele',
    'euro',
    'ultra',
    'super',
    'iper',
  ],
  structureKinds: {
    servizio: 'servizio',
    servizi: 'servizio',
    ufficio: 'ufficio',
    uffici: 'ufficio',
    settore: 'settore',
    area: 'area',
  },
};

export const ENGLISH: LabelPack = {
  labels: {
    objective: ['objective', 'objective no.', 'goal', 'operational objective', 'specific objective'],
    code: ['code', 'objective code', 'id', 'ref.', 'no.'],
    title: ['title', 'name', 'objective title'],
    description: ['description', 'purpose'],
    owner: ['owner', 'manager', 'responsible', 'person in charge', 'director', 'head', 'lead'],
    structure: ['structure', 'unit', 'department', 'office', 'directorate', 'division', 'cost centre', 'cost center'],
    indicator: ['indicator', 'indicators', 'kpi', 'measure', 'performance indicator'],
    target: ['target', 'expected', 'expected value', 'expected result', 'goal value'],
    result: ['result', 'actual', 'achieved', 'outcome'],
    weight: ['weight', 'weighting', 'weight %'],
    phase: ['phase', 'activity', 'step', 'milestone', 'action'],
    phases: ['phases', 'timeline', 'milestones'],
    start: ['start', 'start date', 'from'],
    end: ['end', 'end date', 'deadline', 'due date', 'due', 'by'],
    budget: ['budget', 'resources', 'financial resources', 'funding', 'allocation'],
    strategic: ['strategic objective', 'strategic goal', 'strategic line'],
    unit: ['unit of measure', 'unit of measurement', 'measurement unit'],
  },
  structureWords: ['department', 'directorate', 'division', 'office', 'unit'],
  headerQualifiers: ['operational', 'specific', '%', 'no.', 'of', 'and', '/', '-'],
  indicatorOpeners: ['no.', 'number', '%', 'percentage', 'share', 'time', 'rate', 'level', 'approval'],
  indicatorEndings: ['ed', 'ted'],
  adjectiveEndings: ['al', 'ic', 'ive', 'ous'],
  targetUnits: ['days', 'hours', 'months', 'minutes', 'eur', 'units'],
  targetLeads: ['by', 'at least', 'within', 'up to'],
  honorifics: ['dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'eng.'],
  bodyKinds: ['municipality', 'province', 'region', 'agency', 'authority', 'institute', 'ministry', 'university'],
  totalWords: ['total', 'totals'],
  unitHeads: ['Department', 'Directorate', 'Division', 'Office'],
  connectors: ['and', 'of', 'for', 'the', 'to', 'in', 'with', 'by'],
  compoundParts: ['co', 'non', 'pre', 'post', 'self', 'cross', 'multi', 'well', 'long', 'short'],
  structureKinds: { office: 'ufficio', department: 'settore', area: 'area' },
};

/** Every language's words together: plans mix Italian and English labels, and the reader needs no language guess. */
export function mergePacks(packs: readonly LabelPack[]): LabelPack {
  const uniq = (xs: readonly string[]) => [...new Set(xs)];
  const fields = Object.keys(packs[0]!.labels) as Field[];
  const list = (key: Exclude<keyof LabelPack, 'labels' | 'structureKinds'>) => uniq(packs.flatMap((p) => p[key]));
  return {
    labels: Object.fromEntries(fields.map((f) => [f, uniq(packs.flatMap((p) => p.labels[f]))])) as unknown as Record<
      Field,
      readonly string[]
    >,
    structureWords: list('structureWords'),
    headerQualifiers: list('headerQualifiers'),
    indicatorOpeners: list('indicatorOpeners'),
    indicatorEndings: list('indicatorEndings'),
    adjectiveEndings: list('adjectiveEndings'),
    targetUnits: list('targetUnits'),
    targetLeads: list('targetLeads'),
    honorifics: list('honorifics'),
    bodyKinds: list('bodyKinds'),
    totalWords: list('totalWords'),
    unitHeads: list('unitHeads'),
    connectors: list('connectors'),
    compoundParts: list('compoundParts'),
    structureKinds: Object.assign({}, ...packs.map((p) => p.structureKinds)),
  };
}

/** The lexicon the readers use by default. */
export const LEXICON: LabelPack = mergePacks([ITALIAN, ENGLISH]);
