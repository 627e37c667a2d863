// Reads a ZIP archive through its central directory (stored and DEFLATE entries), checking each entry's
// CRC-32 and that the local header agrees with the central one. Test-only: the product only writes ZIPs.

import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/render/docx/zip.js';

export interface ZipItem {
  name: string;
  data: Uint8Array;
  method: number;
  time: number;
  date: number;
}

export function readZip(bytes: Uint8Array): ZipItem[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const items: ZipItem[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central header at ${p}`);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    const csize = view.getUint32(p + 20, true);
    const usize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    if (view.getUint32(local + 14, true) !== crc) throw new Error(`local/central CRC differ for ${name}`);
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + localExtra;
    const raw = bytes.subarray(start, start + csize);
    const data = method === 8 ? new Uint8Array(inflateRawSync(raw)) : method === 0 ? raw : null;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== usize) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    items.push({ name, data, method, time, date });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return items;
}

export function zipText(bytes: Uint8Array, name: string): string {
  const item = readZip(bytes).find((i) => i.name === name);
  if (!item) throw new Error(`no ${name} in archive`);
  return new TextDecoder('utf-8', { fatal: true }).decode(item.data);
}
