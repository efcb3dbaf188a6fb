import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

  describe('kept in a file', () => {
    const tempFile = () => join(mkdtempSync(join(tmpdir(), 'pianobot-dedupe-')), 'deliveries.jsonl');

    it('remembers claimed deliveries across instances on the same file', () => {
      const file = tempFile();
      expect(new Dedupe(100, { file }).claim(['Ev1', 'C1:1.1'])).toBe(true);
      const restarted = new Dedupe(100, { file });
      expect(restarted.claim(['Ev1'])).toBe(false);
      expect(restarted.claim(['C1:1.1'])).toBe(false);
      expect(restarted.claim(['Ev2'])).toBe(true);
      rmSync(dirname(file), { recursive: true, force: true });
    });

    it('forgets a delivery once it has expired, also when read back', () => {
      const file = tempFile();
      let now = 1_000_000;
      const d = new Dedupe(100, { file, ttlMs: 60_000, now: () => now });
      d.claim(['Ev1']);
      now += 60_001;
      expect(new Dedupe(100, { file, ttlMs: 60_000, now: () => now }).claim(['Ev1'])).toBe(true);
      rmSync(dirname(file), { recursive: true, force: true });
    });

    it('compacts the file so it stays bounded by its capacity', () => {
      const file = tempFile();
      const d = new Dedupe(10, { file });
      for (let i = 0; i < 200; i++) d.claim([`Ev${i}`]);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.length).toBeLessThanOrEqual(20);
      expect(new Dedupe(10, { file }).claim(['Ev199'])).toBe(false);
      rmSync(dirname(file), { recursive: true, force: true });
    });
  });
});
