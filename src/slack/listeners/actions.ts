import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { FeedbackVote } from '../../feedback/feedback-store.ts';
import { ACTIONS, answerMessage, parseButtonValue } from '../blocks/answer-blocks.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { errorMessage } from '../blocks/notice-blocks.ts';
import { describeError, pianobotCode } from '../error-fields.ts';
import { sendEphemeral } from '../send-ephemeral.ts';
import type { SlackDeps } from '../slack-deps.ts';

type ButtonClick = BlockAction<ButtonAction>;

/** 👍 / 👎 under an answer, and "Condividi nel canale" under an ephemeral /piani answer. */
export function registerActions(app: App, deps: SlackDeps): void {
  for (const [actionId, vote] of [
    [ACTIONS.feedbackUp, 'up'],
    [ACTIONS.feedbackDown, 'down'],
  ] as const) {
    app.action<ButtonClick>(
      { type: 'block_actions', action_id: actionId },
      async ({ ack, action, body, client, respond }) => {
        await ack();
        await recordVote(deps, client, respond, body, action.value, vote);
      },
    );
  }
  app.action<ButtonClick>(
    { type: 'block_actions', action_id: ACTIONS.share },
    async ({ ack, action, body, client, respond }) => {
      await ack();
      await shareAnswer(deps, client, respond, body, action.value);
    },
  );
}

/** One vote per user per answer: a second click is refused with a short note, not counted twice. */
async function recordVote(
  deps: SlackDeps,
  client: webApi.WebClient,
  respond: RespondFn,
  body: ButtonClick,
  value: string | undefined,
  vote: FeedbackVote['vote'],
): Promise<void> {
  const target = {
    channel: body.channel?.id ?? body.container?.channel_id ?? '',
    user: body.user.id,
    threadTs: body.message?.thread_ts ?? body.message?.ts,
  };
  const parsed = parseButtonValue(value);
  if (!parsed) return;
  const known = await deps.answers.get(parsed.a);
  let text: string;
  try {
    const accepted = await deps.feedback.record({
      channel: 'slack',
      user: body.user.id,
      answerId: parsed.a,
      vote,
      question: known?.question ?? parsed.q ?? '',
      answer: known?.answer.answer ?? body.message?.text ?? '',
    });
    text = accepted
      ? `Grazie, ho registrato il tuo ${vote === 'up' ? '👍' : '👎'}.`
      : 'Hai già votato questa risposta: conta un voto per persona.';
    deps.log.info('feedback', { answerId: parsed.a, vote, accepted });
  } catch (err) {
    const ref = deps.newErrorRef();
    deps.log.error('could not store feedback', { ref, ...describeError(err) });
    text = `⚠️ Non sono riuscito a registrare il voto. Riferimento: \`${ref}\`.`;
  }
  await sendEphemeral(deps, client, respond, target, { text, blocks: [] });
}

/** Posts the answer publicly in the channel, then removes the ephemeral copy. */
async function shareAnswer(
  deps: SlackDeps,
  client: webApi.WebClient,
  respond: RespondFn,
  body: ButtonClick,
  value: string | undefined,
): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const user = body.user.id;
  const parsed = parseButtonValue(value);
  if (!channel || !parsed) return;
  const target = { channel, user };
  try {
    let posted = await deps.answers.get(parsed.a);
    if (!posted && parsed.q) {
      const scope = await deps.scopes?.get(channel);
      const options = { audience: 'staff' as const, ...(scope ? { scope: scope.docs } : {}) };
      posted = { question: parsed.q, answer: await deps.engine.ask(parsed.q, options) };
    }
    if (!posted) {
      await sendEphemeral(deps, client, respond, target, {
        text: 'Questa risposta non è più disponibile: ripeti la domanda con `/piani`.',
        blocks: [],
      });
      return;
    }
    const answerId = deps.newAnswerId();
    const note = `Condiviso da <@${user}> · domanda: «${escapeMrkdwn(posted.question)}»`;
    const message = answerMessage(posted.answer, { answerId, question: posted.question, note });
    const result = await client.chat.postMessage({ channel, unfurl_links: false, ...message });
    await deps.answers.remember(answerId, posted);
    if (result.ts) await deps.threads.remember(channel, result.ts, posted);
    await respond({ delete_original: true }).catch((err) =>
      deps.log.debug('could not remove the ephemeral answer', describeError(err)),
    );
  } catch (err) {
    const ref = deps.newErrorRef();
    deps.log.error('sharing an answer failed', { ref, channel, ...describeError(err) });
    const slackError = (err as { data?: { error?: string } }).data?.error;
    const message =
      slackError === 'not_in_channel' || slackError === 'channel_not_found'
        ? {
            text: `⚠️ Non posso scrivere in questo canale: invitami con \`/invite @pianobot\` e riprova. Riferimento: \`${ref}\`.`,
            blocks: [],
          }
        : errorMessage(ref, pianobotCode(err));
    await sendEphemeral(deps, client, respond, target, message);
  }
}
