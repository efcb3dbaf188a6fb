import type { App } from '@slack/bolt';
import { answerInThread } from '../answer-in-thread.ts';
import { deliveryKeys } from '../delivery-keys.ts';
import { questionFromText } from '../question-text.ts';
import type { SlackDeps } from '../slack-deps.ts';

/** `@pianobot <domanda>` in a channel: answered in the thread of the question. */
export function registerMentions(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id) return;
    await answerInThread(deps, client, {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      messageTs: event.ts,
      user: event.user ?? '',
      question: questionFromText(event.text, context.botUserId),
      dedupeKeys: deliveryKeys({
        eventId: body.event_id,
        channel: event.channel,
        ts: event.ts,
        clientMsgId: event.client_msg_id,
      }),
      retryNum: context.retryNum,
    });
  });
}
