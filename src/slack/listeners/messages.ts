import type { App } from '@slack/bolt';
import { answerInThread } from '../answer-in-thread.ts';
import { deliveryKeys } from '../delivery-keys.ts';
import { addressedToSomeoneElse, questionFromText } from '../question-text.ts';
import type { SlackDeps } from '../slack-deps.ts';

/** The fields of a `message` event this listener reads (Bolt types it as a wide union of subtypes). */
interface PlainMessage {
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  subtype?: string;
  bot_id?: string;
  client_msg_id?: string;
}

/**
 * Messages that are questions without a tag:
 * - a reply in a channel thread pianobot has answered (a follow-up; it keeps the thread's context), unless it tags
 *   someone else;
 * - a top-level direct message (DMs inside an assistant thread are handled by the assistant listener).
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    const m = event as unknown as PlainMessage;
    if (m.subtype || m.bot_id || !m.user) return;
    const isDm = m.channel_type === 'im';
    const inThread = m.thread_ts !== undefined && m.thread_ts !== m.ts;
    if (isDm) {
      if (inThread) return;
    } else {
      if (!inThread || !(await deps.threads.has(m.channel, m.thread_ts!))) return;
      if (addressedToSomeoneElse(m.text, context.botUserId)) return;
    }
    await answerInThread(deps, client, {
      channel: m.channel,
      threadTs: m.thread_ts ?? m.ts,
      messageTs: m.ts,
      user: m.user,
      question: questionFromText(m.text, context.botUserId),
      dedupeKeys: deliveryKeys({ eventId: body.event_id, channel: m.channel, ts: m.ts, clientMsgId: m.client_msg_id }),
      retryNum: context.retryNum,
    });
  });
}
