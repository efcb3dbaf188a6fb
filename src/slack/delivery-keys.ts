/**
 * The keys that identify one delivery of one message: Slack's event_id (the same on a retry), the message's
 * client_msg_id and its channel+ts (the same for the `app_mention` and `message` events of one message).
 */
export function deliveryKeys(parts: {
  eventId?: string;
  channel?: string;
  ts?: string;
  clientMsgId?: string;
}): (string | undefined)[] {
  return [
    parts.eventId && `event:${parts.eventId}`,
    parts.channel && parts.ts ? `msg:${parts.channel}:${parts.ts}` : undefined,
    parts.clientMsgId && `cmsg:${parts.clientMsgId}`,
  ];
}
