import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** The web channels an answer can be given on; the server decides it from the audience it granted. */
export type WebChannel = 'web' | 'helpdesk';

const CODES: Record<WebChannel, string> = { web: 'w', helpdesk: 'h' };
const CHANNELS = new Map(Object.entries(CODES).map(([channel, code]) => [code, channel as WebChannel]));

/**
 * Answer ids signed by the server (`<uuid>.<channel>.<hmac>`): a vote can only name an answer this server gave, and
 * its channel is the one the server recorded, not one the voter picks. No store of issued ids is needed. With no
 * configured secret a random one is drawn per start, so votes on answers given before a restart are refused.
 */
export class AnswerIds {
  private readonly key: Buffer;

  constructor(secret?: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(channel: WebChannel): string {
    const body = `${randomUUID()}.${CODES[channel]}`;
    return `${body}.${this.mac(body)}`;
  }

  /** the channel of an id this server issued, or null for anything else */
  verify(id: string): { channel: WebChannel } | null {
    const cut = id.lastIndexOf('.');
    if (cut < 0) return null;
    const body = id.slice(0, cut);
    const given = Buffer.from(id.slice(cut + 1));
    const expected = Buffer.from(this.mac(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const channel = CHANNELS.get(body.slice(body.lastIndexOf('.') + 1));
    return channel ? { channel } : null;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 32);
  }
}
