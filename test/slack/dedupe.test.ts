import { describe, expect, it } from 'vitest';
import { Dedupe } from '../../src/slack/dedupe.ts';
import { deliveryKeys } from '../../src/slack/delivery-keys.ts';

describe('Dedupe', () => {
  it('claims a delivery once; the same event_id again is a duplicate', () => {
    const d = new Dedupe();
    expect(d.claim(deliveryKeys({ eventId: 'Ev1', channel: 'C1', ts: '1.1' }))).toBe(true);
    expect(d.claim(deliveryKeys({ eventId: 'Ev1', channel: 'C1', ts: '1.1' }))).toBe(false);
  });

  it('treats the app_mention and the message event of one message as the same delivery', () => {
    const d = new Dedupe();
    expect(d.claim(deliveryKeys({ eventId: 'EvMention', channel: 'C1', ts: '1.1', clientMsgId: 'm1' }))).toBe(true);
    expect(d.claim(deliveryKeys({ eventId: 'EvMessage', channel: 'C1', ts: '1.1', clientMsgId: 'm1' }))).toBe(false);
  });

  it('keeps messages with the same ts in different channels apart', () => {
    const d = new Dedupe();
    expect(d.claim(deliveryKeys({ channel: 'C1', ts: '1.1' }))).toBe(true);
    expect(d.claim(deliveryKeys({ channel: 'C2', ts: '1.1' }))).toBe(true);
  });

  it('forgets the oldest deliveries beyond its capacity', () => {
    const d = new Dedupe(2);
    d.claim(['a']);
    d.claim(['b']);
    d.claim(['c']);
    expect(d.claim(['a'])).toBe(true);
    expect(d.claim(['c'])).toBe(false);
  });

  it('refuses a capacity below one', () => {
    expect(() => new Dedupe(0)).toThrow(RangeError);
  });
});
