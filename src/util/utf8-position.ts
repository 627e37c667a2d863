// Where a file stops being UTF-8, so a message can point at the line and column instead of just the file.

export interface InvalidByte {
  line: number;
  /** 1-based, counted in characters decoded so far on the line. */
  column: number;
  offset: number;
  byte: number;
}

/** The first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or null when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidByte | null {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let length: number;
    // The allowed range of the second byte excludes overlong forms, surrogates and code points past U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { line, column, offset: i, byte: b };
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return { line, column, offset: i, byte: b };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += length;
  }
  return null;
}
