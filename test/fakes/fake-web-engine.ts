import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Answer,
  AnswerEngine,
  AskOptions,
  Citation,
  EngineHealth,
  PersonOverview,
} from '../../src/answer/answer.ts';
import { fold } from '../../src/plan/text.ts';

import { PLANS_DIR } from '../support/plan-fixture.ts';

const CODE = /\b\d{4}_(?:PD|PG|OB)_[A-Z0-9_]+\b/;

export interface FakeWebEngineOptions {
  /** make ask() reject with this error, to test how interfaces report failures */
  failWith?: Error;
  /**
   * put a staff allocation citation (internal: true) in every answer, even public ones, to prove the web layer drops
   * it on its own; the real engine never does this
   */
  leakInternal?: boolean;
  health?: Partial<EngineHealth>;
}

/**
 * A stand-in for the answer engine that answers from the real sample plans by plain text search: a project code finds
 * its budget row and, for staff, its staff allocation table; other questions find the line sharing the most words.
 * It keeps every call so tests can check what the web layer passed (audience, history).
 */
export class FakeWebEngine implements AnswerEngine {
  readonly calls: { question: string; options: AskOptions | undefined }[] = [];
  private readonly plans: { doc: string; lines: string[] }[];

  constructor(private readonly options: FakeWebEngineOptions = {}) {
    this.plans = readdirSync(PLANS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((doc) => ({ doc, lines: readFileSync(join(PLANS_DIR, doc), 'utf8').split('\n') }));
  }

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, options });
    if (this.options.failWith) throw this.options.failWith;
    const lang = /^\s*(what|which|who|when|how|where|is|are|show|list)\b/i.test(question) ? 'en' : 'it';
    const code = question.match(CODE)?.[0];
    const answer = code ? this.byCode(code, lang) : this.byWords(question, lang);
    const staff = (options?.audience ?? 'staff') === 'staff';
    if (answer.found && code && (staff || this.options.leakInternal)) {
      const allocation = this.allocationOf(code);
      if (allocation) answer.citations.push(allocation);
    }
    return answer;
  }

  personOverview(): PersonOverview | null {
    return null;
  }

  health(): EngineHealth {
    return {
      documents: this.plans.length,
      objectives: 120,
      projects: 40,
      chunks: 900,
      builtAt: '2025-01-01T00:00:00.000Z',
      ...this.options.health,
    };
  }

  /** the row where the code sits beside a figure (a budget table), else its first mention */
  private byCode(code: string, lang: 'it' | 'en'): Answer {
    const hits = this.plans.flatMap((p) =>
      p.lines.map((line, i) => ({ doc: p.doc, line, i })).filter((h) => h.line.includes(code)),
    );
    const hit = hits.find((h) => /\d\.\d{3},\d{2}/.test(h.line)) ?? hits[0];
    if (!hit) return notFound(code, lang);
    const cells = hit.line
      .split('\t')
      .map((c) => c.trim())
      .filter(Boolean);
    const intro =
      lang === 'en' ? `*${code}* in ${hit.doc}, line ${hit.i + 1}:` : `*${code}* in ${hit.doc}, riga ${hit.i + 1}:`;
    return {
      answer: [intro, ...cells.filter((c) => c !== code).map((c) => `- ${c}`)].join('\n'),
      citations: [{ doc: hit.doc, section: code, lines: String(hit.i + 1), excerpt: cells.join(' | ') }],
      lang,
      found: true,
      intent: 'fake_code_lookup',
      focus: [code],
    };
  }

  private byWords(question: string, lang: 'it' | 'en'): Answer {
    const words = fold(question)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 4);
    let best: { doc: string; line: string; i: number; score: number } | undefined;
    for (const p of this.plans) {
      p.lines.forEach((line, i) => {
        const folded = fold(line);
        const score = words.filter((w) => folded.includes(w)).length;
        if (score > (best?.score ?? 0)) best = { doc: p.doc, line, i, score };
      });
    }
    if (!best) return notFound(question, lang);
    const text = best.line
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const sentence = text.length > 300 ? `${text.slice(0, 300)}…` : text;
    return {
      answer: `${lang === 'en' ? 'From' : 'Dal documento'} ${best.doc}:\n${sentence}`,
      citations: [{ doc: best.doc, lines: String(best.i + 1), excerpt: text }],
      lang,
      found: true,
      intent: 'fake_passage_search',
      focus: [],
    };
  }

  /** the "Nome Soggetto / Relazione Personale / Impegno Personale" table that follows the project's own section */
  private allocationOf(code: string): Citation | undefined {
    for (const p of this.plans) {
      const start = p.lines.findIndex((l) => l.trim() === code);
      if (start < 0) continue;
      const header = p.lines.findIndex((l, i) => i > start && l.startsWith('Nome Soggetto'));
      if (header < 0) continue;
      let end = header + 1;
      while (end < p.lines.length && p.lines[end]!.trim()) end++;
      return {
        doc: p.doc,
        section: `${code} > Personale`,
        lines: `${header + 1}-${end}`,
        excerpt: p.lines.slice(header, end).join('\n'),
        internal: true,
      };
    }
    return undefined;
  }
}

function notFound(what: string, lang: 'it' | 'en'): Answer {
  return {
    answer:
      lang === 'en' ? `I found nothing about "${what}" in the plans.` : `Non ho trovato nulla su "${what}" nei piani.`,
    citations: [],
    lang,
    found: false,
    intent: 'fake_not_found',
    focus: [],
  };
}
