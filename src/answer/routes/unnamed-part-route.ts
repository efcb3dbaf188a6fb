/**
 * A sum or comparison with a part that names nothing the plans hold ("Home Care Premium e il progetto sulle piste
 * ciclabili"): that part is said not found, plainly, and the records the other parts name are shown with their
 * figure — never a total of the whole scope in their place. `found` is false: what was asked is not all there.
 */
import type { LanguagePack } from '../../lang/language-pack.ts';
import { wordsOf } from '../../linking/phrases.ts';
import type { QuestionFrame } from '../../linking/question-frame.ts';
import { distinctiveOwners } from '../../linking/titled-records.ts';
import { typoVocabularyOf } from '../../linking/typo-vocabulary.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { stem } from '../text-match.ts';
import { answerComputation } from './query-route.ts';
import { emptyReply, type Reply } from './reply.ts';

/** the figure shown beside each record named, by kind of record */
const SHOWN = { project: ['budget'], objective: ['financialAmount'] } as const;

export function unnamedPartReply(ctx: ToolContext, frame: QuestionFrame, pack: LanguagePack): Reply {
  const M = pack.messages;
  const reply = emptyReply('unnamed_part');
  reply.found = false;
  // words the plans write name several records, or none alone: unclear, not missing
  const known = typoVocabularyOf(ctx.store).known;
  const names = distinctiveOwners(ctx.store);
  for (const words of frame.unnamedParts) {
    const written = wordsOf(words).trim().split(' ');
    const used = written.every((w) => w.length < 3 || known.has(w) || names.has(stem(w)));
    reply.lines.push(used ? M.partUnclear(words) : M.partNotFound(words));
  }
  for (const kind of ['project', 'objective'] as const) {
    const named = frame.codes.filter((c) => c.kind === kind);
    if (!named.length) continue;
    const found = answerComputation(
      ctx,
      {
        kind: 'list',
        query: {
          target: kind,
          documents: [...new Set(named.map((c) => c.doc))],
          filters: [{ field: 'code', op: 'in', values: named.map((c) => c.code) }],
        },
        shown: [...SHOWN[kind]],
      },
      pack,
    );
    if (!found?.found) continue;
    reply.lines.push(M.partsFound, ...found.lines.slice(1));
    reply.citations.push(...found.citations);
    reply.focus.push(...found.focus);
  }
  return reply;
}
