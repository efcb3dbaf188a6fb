import { fold } from '../plan/text.ts';

/** What the question asks for, independent of which record it is about. */
export type Intent =
  | 'budget'
  | 'budget_detail'
  | 'indicators'
  | 'indicator_value'
  | 'weight'
  | 'phases'
  | 'deadline'
  | 'owner'
  | 'dirigente'
  | 'structure'
  | 'objectives_of'
  | 'projects_of'
  | 'staff'
  | 'total'
  | 'count'
  | 'strategic'
  | 'resources'
  | 'description'
  | 'general';

const RULES: [Intent, RegExp][] = [
  ['budget_detail', /\b(entrat\w*|spes[ae]\w*|capitol\w*|investiment\w*|revenue\w*|expenditure\w*|spending|income)\b/],
  ['total', /\b(total\w*|somma|sum)\b/],
  [
    'count',
    /\b(quant[ie](?! soldi)|quanta gente|how many|numero di (obiettivi|progetti|indicatori)|number of (objectives|projects|indicators)|count)\b/,
  ],
  ['budget', /\b(quanti soldi|how much money|quanto (e )?stanziato|quanto e stato stanziato|dotazione|set aside)\b/],
  ['weight', /\b(peso|pesi|weight\w*|pesatura|importanza)\b/],
  [
    'staff',
    /\b(impegn\w*|personale assegnato|staff|chi lavora|who works|lavora|lavorano|works? on|working on|commitment|allocation\w*|dedica|dedicano|dedicate|devotes?|(?:his|her|their) time|puts? in|chi fa cosa|who does what|chi ci lavora|who is involved|persone coinvolte|persone (?:sono )?assegnat\w*|people (?:are )?assigned|assigned people)\b/,
  ],
  ['phases', /\b(fas[ei]|phase\w*|attivita|activit\w*|step\w*|cronoprogramma|piano operativo)\b/],
  [
    'deadline',
    /\b(scad\w*|deadline\w*|entro quando|by when|when|quando|due|data|date|dates|periodo|period|termine|termina\w*|end|ends|finish\w*|completion|completamento|conclusione|chiusura|data ultima|wraps? up)\b/,
  ],
  ['indicator_value', /\b(valore (previsto|atteso)|expected value|target|valore|value|livello atteso)\b/],
  ['indicators', /\b(indicator\w*|kpis?|misur\w*)\b/],
  ['budget', /\b(budget|stanziament\w*|quanto costa|cost\w*|importo|amount|funding|fondi)\b/],
  ['resources', /\b(risorse|resources|finanziari\w*|financial)\b/],
  [
    'strategic',
    /\b(linea di mandato|obiettivo strategico|obiettivi strategici|strategic\w*|indirizzo|azione strategica|dup|valore pubblico|operativo|operational|belongs? to|fa parte|appartiene|discende|gerarchia|hierarchy)\b/,
  ],
  ['dirigente', /\b(dirigent\w*|director|head of|manager|guida|capo)\b/],
  [
    'structure',
    /\b(struttura|structure|ufficio|servizio|which office|quale ufficio|unita organizzativa|settore|department)\b/,
  ],
  [
    'owner',
    /\b(responsabil\w*|owner|owns|owned|chi (e|ha|gestisce|segue|cura)|who (is|owns|leads|manages|runs|heads|looks after|is in charge)|in charge|referente|assegnat\w*|assigned|titolare|incaricat\w*|in carico|fa capo|fanno capo|point person|accountable|leads|looks? after)\b/,
  ],
  [
    'description',
    // a bounded gap: `what is .* about` rescanned the rest of the question at every "what is"
    /\b(cosa prevede|descrizion\w*|describe|description|what is .{0,200} about|di cosa|in cosa consiste|what does|risultato atteso|expected result|finalita|scopo)\b/,
  ],
];

/** All intents the question expresses, strongest first. */
export function detectIntents(question: string): Intent[] {
  const q = fold(question).replace(/['’]/g, ' ');
  const found = RULES.filter(([, re]) => re.test(q)).map(([intent]) => intent);
  if (
    /\b(obiettiv\w*|objectives?)\b/.test(q) &&
    /\b(ha|hanno|has|have|own|owned|owns|assegnat\w*|di|of|sono)\b/.test(q)
  )
    found.push('objectives_of');
  else if (/\b(obiettivi|objectives)\b/.test(q)) found.push('objectives_of');
  if (/\b(progett\w*|projects?)\b/.test(q)) found.push('projects_of');
  return found.length ? found : ['general'];
}
