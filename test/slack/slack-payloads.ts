/** Requests as Slack sends them to the app (Events API callbacks, slash command forms, interaction payloads). */

let eventCounter = 0;

export const TEAM = 'T1';
export const BOT_USER = 'UBOT';

export function eventCallback(
  event: Record<string, unknown>,
  eventId = `Ev${++eventCounter}`,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function appMention(o: { channel: string; ts: string; text: string; user?: string; threadTs?: string }) {
  return {
    type: 'app_mention',
    user: o.user ?? 'U1',
    text: o.text,
    ts: o.ts,
    channel: o.channel,
    event_ts: o.ts,
    client_msg_id: `cm-${o.channel}-${o.ts}`,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  };
}

export function message(o: {
  channel: string;
  ts: string;
  text: string;
  user?: string;
  threadTs?: string;
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
}) {
  return {
    type: 'message',
    channel: o.channel,
    channel_type: o.channelType ?? 'channel',
    user: o.user ?? 'U1',
    text: o.text,
    ts: o.ts,
    event_ts: o.ts,
    client_msg_id: `cm-${o.channel}-${o.ts}`,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  };
}

export function assistantThreadStarted(o: { channel: string; threadTs: string; user?: string }) {
  return {
    type: 'assistant_thread_started',
    assistant_thread: {
      user_id: o.user ?? 'U1',
      context: { channel_id: 'C1', team_id: TEAM },
      channel_id: o.channel,
      thread_ts: o.threadTs,
    },
    event_ts: o.threadTs,
  };
}

export function appHomeOpened(o: { user: string; tab?: 'home' | 'messages' }) {
  return { type: 'app_home_opened', user: o.user, channel: 'D9', tab: o.tab ?? 'home', event_ts: '1700000000.000900' };
}

export function slashCommand(o: { text: string; channel?: string; user?: string; responseUrl: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: o.channel ?? 'C1',
    channel_name: 'generale',
    user_id: o.user ?? 'U1',
    user_name: 'mario',
    command: '/piani',
    text: o.text,
    api_app_id: 'A1',
    response_url: o.responseUrl,
    trigger_id: 'trigger-1',
  };
}

export function buttonClick(o: {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  responseUrl: string;
  /** the message carrying the button; absent for an ephemeral message */
  message?: { ts: string; text: string; thread_ts?: string };
}) {
  return {
    type: 'block_actions',
    user: { id: o.user ?? 'U1', username: 'mario', team_id: TEAM },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: o.message
      ? { type: 'message', message_ts: o.message.ts, channel_id: o.channel ?? 'C1', is_ephemeral: false }
      : { type: 'message', message_ts: '1800000000.999999', channel_id: o.channel ?? 'C1', is_ephemeral: true },
    trigger_id: 'trigger-2',
    team: { id: TEAM, domain: 'fake' },
    channel: { id: o.channel ?? 'C1', name: 'generale' },
    ...(o.message ? { message: { type: 'message', user: BOT_USER, ...o.message } } : {}),
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'answer_actions',
        value: o.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000000',
      },
    ],
  };
}
