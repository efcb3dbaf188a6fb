import type { webApi } from '@slack/bolt';
import type { Answer } from '../answer/answer.ts';
import { answerMessage, type SlackMessage } from './blocks/answer-blocks.ts';
import { errorMessage, helpMessage } from './blocks/notice-blocks.ts';
import { describeError, pianobotCode } from './error-fields.ts';
import { CHART_INTENTS, postChart } from './post-chart.ts';
import { scopeNote } from './scope-note.ts';
import type { SlackDeps } from './slack-deps.ts';

type WebClient = webApi.WebClient;

export const WORKING_REACTION = 'hourglass_flowing_sand';
export const WORKING_STATUS = 'sta consultando i piani…';

export interface ThreadQuestion {
  channel: string;
  /** the thread to answer in: the question's own ts when it starts a thread */
  threadTs: string;
  /** the message asking; it carries the "working" reaction when there is no assistant status to set */
  messageTs: string;
  user: string;
  question: string;
  /** event_id, client_msg_id, channel+ts: any of them seen before means this delivery was already handled */
  dedupeKeys: (string | undefined)[];
  /** assistant.threads.setStatus for this thread (DMs in the agent Messages tab) */
  setStatus?: (status: string) => Promise<unknown>;
  /** assistant.threads.setTitle, called with the first question of a thread */
  setTitle?: (title: string) => Promise<unknown>;
  retryNum?: number;
}

/**
 * Answers a question in its thread, once: shows that it is working, asks the engine with the thread's earlier turns,
 * posts the answer (or "non ho trovato…", or an error with a reference id) and remembers the turn for follow-ups.
 * Never throws: a failure is posted to the thread and logged.
 */
export async function answerInThread(deps: SlackDeps, client: WebClient, q: ThreadQuestion): Promise<void> {
  const { log } = deps;
  if (!(await deps.dedupe.claim(q.dedupeKeys))) {
    log.info('duplicate delivery ignored', { channel: q.channel, ts: q.messageTs, retryNum: q.retryNum });
    return;
  }
  if (!q.question) {
    await post(deps, client, q, helpMessage());
    return;
  }
  const history = await deps.threads.history(q.channel, q.threadTs);
  if (q.setTitle && history.length === 0) {
    await q.setTitle(q.question.slice(0, 80)).catch((err) => log.debug('setTitle failed', describeError(err)));
  }
  const scope = (await deps.scopes?.get(q.channel)) ?? null;
  const stopWorking = await showWorking(deps, client, q);
  try {
    let answer: Answer;
    try {
      answer = await deps.engine.ask(q.question, {
        audience: 'staff',
        history,
        ...(scope ? { scope: scope.docs } : {}),
      });
    } catch (err) {
      const ref = deps.newErrorRef();
      log.error('answer engine failed', { ref, channel: q.channel, ts: q.messageTs, ...describeError(err) });
      await post(deps, client, q, errorMessage(ref, pianobotCode(err)));
      return;
    }
    const answerId = deps.newAnswerId();
    const posted = await post(
      deps,
      client,
      q,
      answerMessage(answer, { answerId, question: q.question, ...scopeNote(scope) }),
    );
    await deps.answers.remember(answerId, { question: q.question, answer });
    if (posted) {
      await deps.threads.remember(q.channel, q.threadTs, { question: q.question, answer });
      log.info('answered', { channel: q.channel, thread: q.threadTs, intent: answer.intent, found: answer.found });
      // a budget by capitolo or an objective's phases say more as a chart: it follows the answer in the thread
      if (answer.found && answer.focus.length === 1 && CHART_INTENTS.has(answer.intent)) {
        const ref = answer.focus[0]!;
        await postChart(deps, client, {
          channel: q.channel,
          threadTs: q.threadTs,
          ref,
          ...(scope ? { docs: scope.docs } : {}),
        });
      }
    }
  } finally {
    await stopWorking();
  }
}

/**
 * Posts in the question's thread. If Slack refuses the message, posts a plain error message with a reference id
 * instead; returns whether the intended message went out.
 */
async function post(deps: SlackDeps, client: WebClient, q: ThreadQuestion, message: SlackMessage): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, unfurl_links: false, ...message });
    return true;
  } catch (err) {
    const ref = deps.newErrorRef();
    deps.log.error('chat.postMessage failed', { ref, channel: q.channel, thread: q.threadTs, ...describeError(err) });
    try {
      await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text: errorMessage(ref).text });
    } catch (again) {
      deps.log.error('could not post the error message either', { ref, channel: q.channel, ...describeError(again) });
    }
    return false;
  }
}

/** Status in assistant threads, an ⏳ reaction elsewhere; returns how to undo it. Failing to show it is not fatal. */
async function showWorking(deps: SlackDeps, client: WebClient, q: ThreadQuestion): Promise<() => Promise<void>> {
  if (q.setStatus) {
    const setStatus = q.setStatus;
    await setStatus(WORKING_STATUS).catch((err) => deps.log.warn('setStatus failed', describeError(err)));
    // Slack clears the status when the reply is posted; clearing again is harmless and covers failed posts.
    return async () => {
      await setStatus('').catch((err) => deps.log.debug('clearing status failed', describeError(err)));
    };
  }
  const target = { channel: q.channel, timestamp: q.messageTs, name: WORKING_REACTION };
  const added = await client.reactions
    .add(target)
    .then(() => true)
    .catch((err) => {
      deps.log.warn('reactions.add failed', describeError(err));
      return false;
    });
  return async () => {
    if (!added) return;
    await client.reactions.remove(target).catch((err) => deps.log.warn('reactions.remove failed', describeError(err)));
  };
}
