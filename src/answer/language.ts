import { fold } from '../plan/text.ts';

const EN =
  /\b(which|what|who|whose|how|many|much|the|of|is|are|does|do|did|owned|owns|phases|show|list|tell|me|about|expected|due|by|when|deadline|deadlines|staff|employees|offices|wheelchair|accessible|budget of|projects|indicators|responsible for|works?|there)\b/g;
const IT =
  /\b(quali|quale|qual|chi|cosa|quanti|quante|quanto|del|della|dell|dei|degli|delle|di|il|la|le|gli|sono|ha|hanno|obiettivi|obiettivo|progetto|progetti|indicatori|fasi|scadenze|entro|quando|previsto|prevista|previste|responsabile|dirigente|dipendenti|uffici|sedi|risorse|peso|e|per|su|con|lavora|assegnati|aveva|azioni)\b/g;

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
  const en = q.match(EN)?.length ?? 0;
  const it = q.match(IT)?.length ?? 0;
  return en > it ? 'en' : 'it';
}
