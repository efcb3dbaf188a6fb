/** Questions that name a code: each record it names answered in turn, per document when a code is in several. */

import type { LanguagePack } from '../../lang/language-pack.ts';
import { packFor } from '../../lang/packs.ts';
import { splitSentences } from '../../lang/split-sentences.ts';
import { fold } from '../../plan/text.ts';
import { codeGroupsOf, nearestAmong } from '../../tools/near-codes.ts';
import { searchPassages } from '../../tools/search-passages.ts';
import { type ToolContext, visible } from '../../tools/tool-context.ts';
import { clip } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import type { CodeHit } from '../link-entities.ts';
import { indicatorReply } from './objective-reply.ts';
import { projectReply } from './project-reply.ts';
import { objectiveOfYear, ofYear } from './record-year-reply.ts';
import { emptyReply, type Reply } from './reply.ts';

export function dedupeHits(hits: CodeHit[]): CodeHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.kind}|${h.kind === 'indicator' ? h.objective.doc : h.record.doc}|${h.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function answerForCodes(
  ctx: ToolContext,
  hits: CodeHit[],
  intents: Intent[],
  question: string,
  year: number | null,
  lang: Lang,
): Reply {
  const reply = emptyReply('by_code');
  const projects = hits
    .filter((h): h is Extract<CodeHit, { kind: 'project' }> => h.kind === 'project')
    .map((h) => h.record);
  const objectives = hits
    .filter((h): h is Extract<CodeHit, { kind: 'objective' }> => h.kind === 'objective')
    .map((h) => h.record);
  const indicators = hits.filter((h): h is Extract<CodeHit, { kind: 'indicator' }> => h.kind === 'indicator');
  // a project code also matches its objectives by ending; the project is what was named
  const primaryObjectives = projects.length
    ? objectives.filter((o) => !projects.some((p) => p.doc === o.doc && p.objectives.includes(o.code)))
    : objectives;

  const parts: Reply[] = [];
  for (const p of projects) parts.push(ofYear(ctx, p, year, lang, projectReply(ctx, p, intents, lang, question)));
  for (const o of primaryObjectives) parts.push(objectiveOfYear(ctx, o, year, intents, question, lang));
  for (const h of indicators) parts.push(indicatorReply(ctx, h.record, h.objective, lang, question));
  if (parts.length > 1) {
    const docs = new Set([
      ...projects.map((p) => p.doc),
      ...primaryObjectives.map((o) => o.doc),
      ...indicators.map((i) => i.objective.doc),
    ]);
    if (docs.size > 1) reply.lines.push(packFor(lang).messages.records.codeInDocuments(docs.size));
  }
  for (const [i, part] of parts.entries()) {
    if (i > 0) reply.lines.push('');
    reply.lines.push(...part.lines);
    reply.citations.push(...part.citations);
    reply.focus.push(...part.focus);
    reply.intent = part.intent;
  }
  // what no record named holds is not found, whichever way the record was named
  if (parts.length && parts.every((part) => part.found === false)) reply.found = false;
  if (parts.length && parts.every((part) => part.fieldMissing)) reply.fieldMissing = true;
  return reply;
}

/**
 * A code-shaped mention that names no record. When the indexed text contains it (a code quoted in prose or in a
 * table the extractors do not read as records), the passages are the answer; otherwise it is not in the plans.
 */
export async function codeNotFound(ctx: ToolContext, code: string, lang: Lang, pack: LanguagePack): Promise<Reply> {
  const hits = (await searchPassages(ctx, { query: code, k: 8 })).filter((h) =>
    fold(h.chunk.text).includes(fold(code)),
  );
  if (hits.length) {
    const reply = emptyReply('code_in_text');
    reply.lines.push(pack.messages.codeInTextOnly(code));
    for (const h of hits.slice(0, 3)) {
      const quote = sentenceWith(h.chunk.text, code);
      reply.lines.push(`> ${quote}`);
      reply.citations.push({ ...h.citation, excerpt: quote });
    }
    return reply;
  }
  const reply = emptyReply('not_found_code');
  reply.found = false;
  // the nearest existing codes, said to be suggestions: none of them is answered as if it were the code asked
  const near = nearestAmong(code, codeGroupsOf(ctx.store), (r) => visible(ctx, r.doc));
  reply.lines.push(pack.messages.codeNotFound(code));
  if (near.length) {
    reply.lines.push(pack.messages.similarCodes(near.map((r) => r.code).join(', ')));
    for (const r of near) reply.lines.push(`• ${r.code} — ${clip(r.title, 90)} (${ctx.store.entityOf(r.doc)})`);
  }
  void lang;
  return reply;
}

/** The sentence of a passage that holds the code. */
function sentenceWith(text: string, code: string): string {
  const wanted = fold(code);
  const sentence = splitSentences(text).find((s) => fold(s).includes(wanted));
  return clip(sentence ?? text, 400);
}
