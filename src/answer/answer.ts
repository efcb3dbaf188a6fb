import { z } from 'zod';
import type { PlanStore } from '../store/plan-store.ts';
import type { Lang } from './labels.ts';

/** Where an answer's facts come from: enough for a person to open the document at the right place. */
export const CitationSchema = z.object({
  doc: z.string().describe('source file name'),
  entity: z.string().optional(),
  section: z.string().optional().describe('section path or record, e.g. "2023_PX_4101" or "PIAO > Accessibilità"'),
  lines: z.string().optional().describe('line range, e.g. "1544-1545"'),
  page: z.number().int().optional(),
  excerpt: z.string().optional().describe('the quoted passage'),
  label: z
    .string()
    .optional()
    .describe('the source as a reader names it: "PEG 2023 — Comune di Monteluce, righe 1530–1533"'),
  /** true when the cited record holds staff-only data (staff allocations); the public help desk never shows it */
  internal: z.boolean().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const AnswerSchema = z.object({
  answer: z.string().describe('plain text (light markdown: *bold*, bullet lines); first line is the direct answer'),
  citations: z.array(CitationSchema),
  lang: z.enum(['it', 'en']),
  found: z.boolean().describe('false when nothing matched (the answer then says so plainly)'),
  intent: z.string().describe('which route answered, e.g. project_budget, objectives_by_owner, passage_search'),
  /** the codes the answer is about, so a follow-up ("e i suoi indicatori?") can refer to them */
  focus: z.array(z.string()).default([]),
});
export type Answer = z.infer<typeof AnswerSchema>;

export type Audience = 'staff' | 'public';

export interface AskOptions {
  audience?: Audience;
  /** earlier turns of the same conversation (Slack thread, web chat), oldest first */
  history?: { question: string; answer?: Answer }[];
  /** plan files a channel's scope restricts answers to (on top of the audience's); undefined = no scope */
  scope?: string[];
}

export interface PersonOverview {
  person: string;
  objectives: {
    doc: string;
    code: string;
    title: string;
    nextDeadline?: { date: string; title: string };
    indicators: { description: string; target?: string }[];
  }[];
  projects: { doc: string; code: string; title: string; commitment?: string; relation?: string }[];
}

export interface EngineHealth {
  documents: number;
  objectives: number;
  projects: number;
  chunks: number;
  builtAt: string | null;
  /** why the index does not match the plans folder: files skipped or served from their last good version */
  problems?: { file: string; code: string; message: string; kept?: boolean }[];
}

/** The single entry point every interface (Slack, web, CLI) calls. */
export interface AnswerEngine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** the objectives / projects of the person whose name best matches `name` (e.g. a Slack profile name), or null */
  personOverview(name: string): PersonOverview | null;
  health(): EngineHealth;
  /** the loaded plan model, for the staff tools beside questions (digest, plan checks, channel scope, charts); fakes may omit it */
  readonly planStore?: PlanStore;
  /**
   * Questions worth suggesting to the audience, built from the plans loaded now (their codes and people), so that
   * every suggestion is one the engine answers; fakes may omit it.
   */
  suggestions?(lang: Lang, audience?: Audience): Promise<string[]>;
  /**
   * Swaps in the index on disk when it is newer than the one serving (a finished `npm run ingest`), atomically:
   * questions already being answered finish on the index they started with. `changed` is false when nothing newer
   * was there (or it could not be read: the serving index stays).
   */
  reload?(): Promise<{ changed: boolean; builtAt: string | null }>;
}
