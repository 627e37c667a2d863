// A small deterministic ZIP writer for OOXML packages: entries in the order given, DEFLATE via node:zlib,
// CRC-32 from node:zlib where it has one (else our own), a fixed DOS timestamp (1980-01-01 00:00) and no extra fields, so the same parts always
// give the same bytes whatever the clock or time zone.

import * as zlib from 'node:zlib';
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated, ASCII. */
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// node:zlib's CRC-32 (Node 20.15 and later) is native: over the 56 conformed copies of a whole-SEC release the
// table below took a quarter of a second. The same standard CRC-32 (tests/docx/zip.test.ts holds them equal).
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) : tableCrc32(data);
}

/** CRC-32 (IEEE) by table, where node:zlib has none. */
export function tableCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

class Bytes {
  private chunks: Uint8Array[] = [];
  length = 0;
  u16(v: number): void {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, v, true);
    this.add(b);
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.add(b);
  }
  add(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`duplicate zip entry ${e.name}`);
    names.add(e.name);
    const name = new TextEncoder().encode(e.name);
    const crc = crc32(e.data);
    const deflated = new Uint8Array(deflateRawSync(e.data, { level: 9 }));
    // Store when deflate does not help (tiny parts); both are valid for OOXML readers.
    const method = deflated.length < e.data.length ? 8 : 0;
    const body = method === 8 ? deflated : e.data;
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(20); // version needed: 2.0
    out.u16(0); // flags
    out.u16(method);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(crc);
    out.u32(body.length);
    out.u32(e.data.length);
    out.u16(name.length);
    out.u16(0); // extra field length
    out.add(name);
    out.add(body);

    central.u32(0x02014b50);
    central.u16(20); // version made by: 2.0, MS-DOS attributes
    central.u16(20);
    central.u16(0);
    central.u16(method);
    central.u16(DOS_TIME);
    central.u16(DOS_DATE);
    central.u32(crc);
    central.u32(body.length);
    central.u32(e.data.length);
    central.u16(name.length);
    central.u16(0); // extra
    central.u16(0); // comment
    central.u16(0); // disk number
    central.u16(0); // internal attributes
    central.u32(0); // external attributes
    central.u32(offset);
    central.add(name);
  }
  const cdOffset = out.length;
  const cd = central.concat();
  out.add(cd);
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(entries.length);
  out.u16(entries.length);
  out.u32(cd.length);
  out.u32(cdOffset);
  out.u16(0);
  return out.concat();
}
