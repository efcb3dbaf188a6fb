import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../ingest/loaders/decode-text.ts';
import { printable } from '../../ingest/printable.ts';

describe('decodeUtf8', () => {
  it('decodes well-formed UTF-8, accents and all', () => {
    expect(decodeUtf8('a.txt', Buffer.from('Attività\nResponsabilità: Sì €'))).toBe('Attività\nResponsabilità: Sì €');
  });

  it.each([
    ['a Latin-1 "à"', [0x61, 0x0a, 0x62, 0x0a, 0x63, 0xe0, 0x20], 3, '0xE0'],
    ['a lone continuation byte', [0x80], 1, '0x80'],
    ['an overlong "/"', [0x0a, 0xc0, 0xaf], 2, '0xC0'],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 1, '0xED'],
    ['a sequence cut short at the end', [0x61, 0x0a, 0xe2, 0x82], 2, '0xE2'],
  ])('refuses %s, naming the line and the byte', (_case, bytes, line, byte) => {
    expect(() => decodeUtf8('piano.txt', Buffer.from(bytes))).toThrow(
      `piano.txt: not valid UTF-8 at line ${line} (byte ${byte})`,
    );
  });
});

describe('printable', () => {
  it('shows control characters escaped so that a file name stays on one line', () => {
    expect(printable('a\nb\rc\td\u001b[31m\u0000')).toBe('a\\nb\\rc\\td\\x1b[31m\\x00');
    expect(printable('riga\u2028separata')).toBe('riga\\u2028separata');
  });

  it('leaves ordinary names alone', () => {
    expect(printable('002_Piano esecutivo — 2021 (bozza).txt')).toBe('002_Piano esecutivo — 2021 (bozza).txt');
  });
});
