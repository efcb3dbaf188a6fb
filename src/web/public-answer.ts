import type { Answer, Audience, Citation } from '../answer/answer.ts';

export interface ApiAnswer {
  answer: string;
  citations: Citation[];
  lang: Answer['lang'];
  found: boolean;
  answerId: string;
  intent: string;
  focus: string[];
}

/**
 * The engine already keeps staff-only data out of public answers; the web layer drops internal citations again so a
 * mistake in one place cannot put a staff allocation table in front of a citizen.
 */
export function toApiAnswer(answer: Answer, audience: Audience, answerId: string): ApiAnswer {
  const citations = audience === 'public' ? answer.citations.filter((c) => !c.internal) : answer.citations;
  return {
    answer: answer.answer,
    citations,
    lang: answer.lang,
    found: answer.found,
    answerId,
    intent: answer.intent,
    focus: answer.focus,
  };
}
