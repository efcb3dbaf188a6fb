/**
 * Two phases (or indicators) of one objective named by their words and compared: "pesa di più la redazione del
 * progetto definitivo o l'affidamento dell'incarico?", "which ends later, the survey or the report?". Each part of the
 * question (split where a comparison splits it) names the sub-record whose wording it shares most, words weighed by
 * how few of the objective's sub-records use them; the objective's own title words name none of them.
 */
import { contentTokens, stem } from '../answer/text-match.ts';
import { translateQuery } from '../answer/translate-query.ts';
import type { Objective } from '../plan/model.ts';
import { partsOf } from './titled-records.ts';

/** a part names a sub-record only with this much of its wording (one word two sub-records share is half of it) */
const MIN_SCORE = 0.5;

/**
 * The wordings of the sub-records the question's parts name, in the order named (one per part); null unless two or
 * more. A year keeps that sheet's sub-records, when the objective has one sheet per year.
 */
export function subRecordsNamedByParts(
  question: string,
  objective: Objective,
  kind: 'phase' | 'indicator',
  year?: number,
): string[] | null {
  const all = kind === 'phase' ? objective.phases : objective.indicators;
  const ofYear = year !== undefined && all.some((r) => r.year === year) ? all.filter((r) => r.year === year) : all;
  const wordings = ofYear.map((r) => ('title' in r ? r.title : r.description));
  if (wordings.length < 2) return null;
  const stemsOf = wordings.map((w) => new Set(contentTokens(w).map(stem)));
  const df = new Map<string, number>();
  for (const stems of stemsOf) for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  // the objective's title words name the objective, not one of its sub-records; but an objective reached through its
  // project ("Welfare con la comunità: progetti di territorio contro …") is not named by them: read again with them
  const own = new Set(contentTokens(objective.title).map(stem));
  return namedWith(question, wordings, stemsOf, df, own) ?? namedWith(question, wordings, stemsOf, df, new Set());
}

function namedWith(
  question: string,
  wordings: string[],
  stemsOf: Set<string>[],
  df: Map<string, number>,
  own: Set<string>,
): string[] | null {
  const named: string[] = [];
  // an English question names the Italian wordings through the glossary, part by part ("the number of sanctions" →
  // "numero sanzioni"); the translation keeps the question's separators, so its parts are the question's
  const parts = partsOf(question);
  const translated = translateQuery(question);
  const inItalian = translated === question ? [] : partsOf(translated);
  for (const [i, part] of parts.entries()) {
    const asked = new Set(
      contentTokens(inItalian.length === parts.length ? `${part} ${inItalian[i]}` : part)
        .map(stem)
        .filter((s) => !own.has(s)),
    );
    const scores = stemsOf.map((stems) => [...asked].reduce((sum, s) => sum + (stems.has(s) ? 1 / df.get(s)! : 0), 0));
    const best = Math.max(...scores);
    const at = scores.indexOf(best);
    // the best wording must be clear of the next (a repeated wording, one per year sheet, counts once)
    const rivals = scores.filter((x, i) => x === best && wordings[i] !== wordings[at]);
    if (best < MIN_SCORE || rivals.length) continue;
    if (!named.includes(wordings[at]!)) named.push(wordings[at]!);
  }
  return named.length >= 2 ? named : null;
}

/**
 * How many of the question's words (beyond the objective's title) the named wordings hold between them: "persone
 * inserite al Casone e a Borgovalsugana" is said in the indicators' words more than in the phases'.
 */
export function wordsCovered(question: string, objective: Objective, wordings: readonly string[]): number {
  const own = new Set(contentTokens(objective.title).map(stem));
  const held = new Set(wordings.flatMap((w) => contentTokens(w).map(stem)));
  return new Set(
    contentTokens(question)
      .map(stem)
      .filter((s) => !own.has(s) && held.has(s)),
  ).size;
}
