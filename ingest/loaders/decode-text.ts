import { PianobotError } from '../../src/errors.ts';

/**
 * A text plan as UTF-8, strictly: a byte sequence that is not UTF-8 (a file saved as Latin-1 or Windows-1252) would
 * otherwise turn into U+FFFD silently and make names and figures unfindable. The error names the first bad line.
 */
export function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const line = countLines(bytes, at);
    throw new PianobotError(
      'PLAN_FILE_ENCODING',
      `${file}: not valid UTF-8 at line ${line} (byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8`,
    );
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    // the second byte's range depends on the lead byte (no overlong forms, no surrogates, nothing past U+10FFFF)
    const [low, high] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length - 1;
}

function countLines(bytes: Buffer, upTo: number): number {
  let line = 1;
  for (let i = 0; i < upTo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
