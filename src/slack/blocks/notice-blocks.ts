import type { PianobotErrorCode } from '../../errors.ts';
import { type SlackMessage, section } from './answer-blocks.ts';

/** Why pianobot could not answer, in words for the person who asked; the details stay in the logs. */
export function errorReason(code: PianobotErrorCode | undefined): string {
  switch (code) {
    case 'INDEX_MISSING':
    case 'INDEX_INCOMPATIBLE':
      return "l'indice dei piani non è disponibile (va ricostruito con `npm run ingest`)";
    case 'DATABASE_UNAVAILABLE':
      return 'il database dei piani non risponde';
    case 'LLM_UNAVAILABLE':
      return 'il servizio di linguaggio non risponde';
    case 'BAD_REQUEST':
      return 'la domanda non è valida';
    default:
      return 'si è verificato un errore interno';
  }
}

/** The short message posted instead of an answer when something failed; `ref` is also in the logs. */
export function errorMessage(ref: string, code?: PianobotErrorCode): SlackMessage {
  const text =
    `⚠️ Non sono riuscito a rispondere: ${errorReason(code)}. ` +
    `Riprova tra poco; se il problema continua, segnala il riferimento \`${ref}\`.`;
  return { text, blocks: [section(text)] };
}

export const EXAMPLE_QUESTIONS = [
  'Quali obiettivi riguardano la digitalizzazione?',
  'Qual è il budget del progetto <codice>?',
  "Quali indicatori ha l'obiettivo <codice>?",
  'Quali obiettivi ha <Cognome Nome>?',
] as const;

/** Shown when someone tags pianobot without a question. */
export function helpMessage(): SlackMessage {
  const examples = EXAMPLE_QUESTIONS.map((q) => `• ${q.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`).join('\n');
  const text =
    `Ciao! Fammi una domanda sui piani (PEG, piano della performance, PIAO). Per esempio:\n${examples}\n\n` +
    'Altri comandi: `/piani ambito <ente o piano> [anno]` (limita le risposte del canale), ' +
    '`/piani verifica` (incongruenze dei piani), `/piani grafico <codice | cdr N | aree>`.';
  return { text, blocks: [section(text)] };
}

/** Prompts offered when a user opens a conversation with pianobot (agent Messages tab); at most 4. */
export const SUGGESTED_PROMPTS = {
  title: 'Prova a chiedere',
  prompts: [
    { title: 'Quali piani conosci?', message: 'Quali piani conosci?' },
    { title: 'Obiettivi sulla digitalizzazione', message: 'Quali obiettivi riguardano la digitalizzazione?' },
    { title: 'Scadenze di fine anno', message: 'Quali fasi scadono il 31/12?' },
    { title: 'Come funziona?', message: 'Che cosa puoi dirmi sui piani?' },
  ],
};
