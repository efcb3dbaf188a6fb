import { z } from 'zod';

/** The matching rule of shared/eval/README.md, ported from its reference scorer (score.mjs). */
export const EvalQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  status: z.enum(['answered', 'not_found']),
  expect: z.array(z.string()).default([]),
  forbid: z.array(z.string()).default([]),
  kind: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, '');

export const NOT_FOUND =
  /(non\s+(ho\s+)?trovat|nessun|non\s+risult|non\s+(e|è)\s+(present|indicat|specificat|riportat)|non\s+compar|non\s+(sono|viene|vengono)\s+(indicat|specificat|riportat)|not\s+found|not\s+(stated|specified|given|listed|indicated)|no\s+(matching|such|result|record|objective|project|data|budget|weight|figure)|could\s*n[o']?t\s+find|cannot\s+find|can't\s+find|did\s*n[o']?t\s+find|unable\s+to\s+find|non\s+sono\s+riuscit)/i;

export interface Verdict {
  pass: boolean;
  missing: string[];
  forbidden: string[];
  saidNotFound: boolean;
}

export function judge(question: EvalQuestion, answer: string): Verdict {
  const n = norm(answer);
  const numbers = new Set(answer.match(/\d+(?:[.,]\d+)*/g) ?? []);
  const has = (e: string) => (e.startsWith('#') ? numbers.has(e.slice(1)) : n.includes(norm(e)));
  const missing = question.expect.filter((e) => !has(e));
  const forbidden = question.forbid.filter((f) => has(f));
  const saidNotFound = NOT_FOUND.test(answer);
  let pass = answer.trim().length > 0 && missing.length === 0 && forbidden.length === 0;
  if (question.status === 'not_found' && pass) pass = saidNotFound;
  return { pass, missing, forbidden, saidNotFound };
}
