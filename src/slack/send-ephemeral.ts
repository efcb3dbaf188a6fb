import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from './blocks/answer-blocks.ts';
import { describeError } from './error-fields.ts';
import type { SlackDeps } from './slack-deps.ts';

export interface EphemeralTarget {
  channel: string;
  user: string;
  threadTs?: string;
}

/**
 * Shows a message only to `user`: chat.postEphemeral first; where Slack refuses it (pianobot is not in the channel,
 * a DM between other people) the interaction's response_url, which works anywhere. Returns whether it was shown.
 */
export async function sendEphemeral(
  deps: SlackDeps,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
  target: EphemeralTarget,
  message: SlackMessage,
): Promise<boolean> {
  try {
    await client.chat.postEphemeral({
      channel: target.channel,
      user: target.user,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      ...message,
    });
    return true;
  } catch (err) {
    deps.log.warn('chat.postEphemeral failed, trying response_url', { channel: target.channel, ...describeError(err) });
  }
  if (!respond) return false;
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return true;
  } catch (err) {
    deps.log.error('could not reply through response_url either', { channel: target.channel, ...describeError(err) });
    return false;
  }
}
