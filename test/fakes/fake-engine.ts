import { readFileSync } from 'node:fs';
import type { Answer, AnswerEngine, AskOptions, EngineHealth, PersonOverview } from '../../src/answer/answer.ts';
import { PianobotError } from '../../src/errors.ts';
import { personKey } from '../../src/plan/names.ts';
import { fold } from '../../src/plan/text.ts';

const PRATO = '000_dd772a8f217c4819.txt';
const REGGIO = '002_51402a20550dfbf2.txt';

/**
 * A deterministic AnswerEngine for Slack tests. Its canned answers quote the sample plans (Reggio Emilia PEG 2021,
 * Comune di Prato 2020) and it resolves "e i suoi indicatori?" from the history it is given, like the real engine.
 * Questions containing "esplodi" throw; "indice mancante" throws INDEX_MISSING; "elenca tutte le righe" returns the
 * whole Prato plan as a list (to overflow Slack's limits).
 */
export class FakeEngine implements AnswerEngine {
  readonly asked: { question: string; options: AskOptions | undefined }[] = [];

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asked.push({ question, options });
    const q = fold(question);
    if (q.includes('esplodi')) throw new Error('engine exploded');
    if (q.includes('indice mancante')) throw new PianobotError('INDEX_MISSING', 'no index at data/index');
    if (q.includes('elenca tutte le righe')) return wholePlanAsList();
    const focus = q.match(/\b(2021_pd_\d+|2020-[a-z]{2}\d{2})\b/)?.[1]?.toUpperCase() ?? lastFocus(options);
    if (q.includes('indicator')) {
      if (focus === '2020-PL09') return indicatorsOf2020PL09();
      return notFound(question);
    }
    if (focus === '2021_PD_8735' && q.includes('budget')) return budgetOf2021PD8735();
    if (focus === '2020-PL09') return owner2020PL09();
    return notFound(question);
  }

  personOverview(name: string): PersonOverview | null {
    if (personKey(name) !== personKey('Sardi Valentina')) return null;
    return {
      person: 'Sardi Valentina',
      objectives: [
        {
          doc: PRATO,
          code: '2020-PL09',
          title: 'Servizi a misura terza età',
          nextDeadline: { date: '30/06/2020', title: 'Predisposizione atti di rinnovo del servizio trasporti sociali' },
          indicators: [
            { description: '% attivazione servizi urgenti SAD', target: '80,00' },
            { description: 'Percentuale richieste per recupero morosità SAD', target: '100,00' },
          ],
        },
      ],
      projects: [],
    };
  }

  health(): EngineHealth {
    return { documents: 5, objectives: 0, projects: 0, chunks: 0, builtAt: null };
  }
}

function lastFocus(options: AskOptions | undefined): string | undefined {
  const turns = options?.history ?? [];
  for (let i = turns.length - 1; i >= 0; i--) {
    const f = turns[i]?.answer?.focus?.[0];
    if (f) return f;
  }
  return undefined;
}

function budgetOf2021PD8735(): Answer {
  return {
    answer:
      'Il budget previsto di *2021_PD_8735* (Servizi per la residenzialità anziani) è di 1.920.000,00 di spese correnti.\n\n' +
      'Entrate correnti: 120.000,00\nSpese correnti: 1.920.000,00',
    citations: [{ doc: REGGIO, section: '2021_PD_8735', lines: '2315-2321' }],
    lang: 'it',
    found: true,
    intent: 'project_budget',
    focus: ['2021_PD_8735'],
  };
}

function owner2020PL09(): Answer {
  return {
    answer:
      "L'obiettivo *2020-PL09* «Servizi a misura terza età» è affidato a Sardi Valentina (Sociale e Immigrazione).",
    citations: [{ doc: PRATO, section: '2020-PL09', lines: '623-625' }],
    lang: 'it',
    found: true,
    intent: 'objective_lookup',
    focus: ['2020-PL09'],
  };
}

function indicatorsOf2020PL09(): Answer {
  return {
    answer:
      'Indicatori di *2020-PL09*:\n' +
      '- % attivazione servizi urgenti SAD — atteso 80,00\n' +
      "- Diminuzione lista di attesa per Sad: n. persone in lista d'attesa — atteso 60,00\n" +
      "- Diminuzione persone in lista d'attesa per contributi di cura — atteso 5,00\n" +
      '- Percentuale richieste per recupero morosità SAD — atteso 100,00',
    citations: [{ doc: PRATO, section: '2020-PL09 > Indicatori', lines: '717-733' }],
    lang: 'it',
    found: true,
    intent: 'objective_indicators',
    focus: ['2020-PL09'],
  };
}

function notFound(question: string): Answer {
  return {
    answer: `Non ho trovato nei piani nulla su «${question}». Prova con il codice di un obiettivo o di un progetto.`,
    citations: [],
    lang: 'it',
    found: false,
    intent: 'passage_search',
    focus: [],
  };
}

function wholePlanAsList(): Answer {
  const lines = readFileSync(new URL(`../../data/plans/${PRATO}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    answer: `Righe del piano ${PRATO}:\n\n${lines.map((l) => `- ${l}`).join('\n')}`,
    citations: Array.from({ length: 8 }, (_, i) => ({ doc: PRATO, lines: `${i * 100 + 1}-${i * 100 + 100}` })),
    lang: 'it',
    found: true,
    intent: 'passage_search',
    focus: [],
  };
}
