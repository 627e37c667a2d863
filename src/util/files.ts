// File discovery and reading at the edge: commands take files or directories (recursing into *.md).

import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { firstInvalidUtf8 } from './utf8-position.js';
import { WRITE_LAYER_PREFIX, recoverFolder } from './transaction.js';

/** Expands files and directories into a sorted list of Markdown files (paths relative to cwd when inside it). */
export function collectMarkdownFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`No such file or directory: ${display(abs, cwd)}`);
    }
    if (st.isDirectory()) {
      // A write that was interrupted here is completed or rolled back before anything is read.
      const names = readdirSync(abs).sort();
      if (names.some((n) => n.startsWith(WRITE_LAYER_PREFIX))) recoverFolder(abs, { shown: display(abs, cwd) });
      for (const name of names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const child = join(abs, name);
        let isDir: boolean;
        try {
          isDir = statSync(child).isDirectory();
        } catch {
          throw new UsageError(`${display(child, cwd)} is a symbolic link that leads nowhere (its target is missing, or it points to itself): fix or remove it`);
        }
        if (isDir || name.endsWith('.md')) walk(child);
      }
    } else {
      out.push(display(abs, cwd));
    }
  };
  // `-` is standard input: kept as it is, for readText to read.
  for (const p of paths) {
    if (p === '-') out.push('-');
    else walk(resolve(cwd, p));
  }
  return out;
}

export function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') ? abs : rel || '.';
}

/** Largest input file we read (bytes). The whole SEC is ~30 MB; a single document far beyond this is a mistake. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads standard input (the `-` path); bounded like a file. The CLI context supplies it. */
export type StdinReader = () => Uint8Array;

export type ReadBytes = { bytes: Uint8Array; error: null } | { bytes: null; error: string };

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const tooLarge = (n: number | string): string => `file is ${n} bytes; the limit is ${MAX_FILE_BYTES}`;

/**
 * Reads at most MAX_FILE_BYTES from a regular file, whatever `stat` says: /dev/zero reports size 0 and never
 * ends, a FIFO blocks on open, a file may grow while read. Anything that is not a regular file is refused
 * before it is opened, and the read stops one byte past the limit.
 */
export function readBytes(abs: string): ReadBytes {
  let st: Stats;
  try {
    st = statSync(abs);
  } catch {
    return { bytes: null, error: 'no such file' };
  }
  if (!st.isFile()) return { bytes: null, error: `${kindOf(st)}, not a regular file: give a file` };
  if (st.size > MAX_FILE_BYTES) return { bytes: null, error: tooLarge(st.size) };
  let fd: number;
  try {
    // O_NONBLOCK: should the path become a FIFO between stat and open, opening it must not hang.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { bytes: null, error: 'cannot read file' };
  }
  try {
    if (!fstatSync(fd).isFile()) return { bytes: null, error: 'not a regular file: give a file' };
    return boundedRead((buf, off, len) => readSync(fd, buf, off, len, null), st.size);
  } catch {
    return { bytes: null, error: 'cannot read file' };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads chunks until end of input or one byte past the limit. `size`: what the input is expected to hold (a
 * file's size): the first chunk is one byte larger, so that a file read whole takes one read into one buffer
 * (no copy: a whole SEC is 40 MB), and a file that grew is still read to its end.
 */
export function boundedRead(read: (buf: Buffer, offset: number, length: number) => number, size = 0): ReadBytes {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = total === 0 && size > 0 ? size + 1 : 1 << 20;
    const buf = Buffer.allocUnsafe(Math.min(want, MAX_FILE_BYTES + 1 - total));
    const n = read(buf, 0, buf.length);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) return { bytes: null, error: `more than ${MAX_FILE_BYTES} bytes; the limit is ${MAX_FILE_BYTES}` };
  }
  return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), error: null };
}

/** Standard input of this process, bounded (blocking reads; retried while the descriptor says "try again"). */
export function readProcessStdin(): Uint8Array {
  const r = boundedRead((buf, off, len) => {
    for (;;) {
      try {
        return readSync(0, buf, off, len, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EOF') return 0;
        if (code !== 'EAGAIN') throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    }
  });
  if (r.bytes === null) throw new UsageError(`standard input: ${r.error}`);
  return r.bytes;
}

export interface ReadText {
  text: string | null;
  /** The bytes `text` was decoded from, when they are exactly its UTF-8 (no byte-order mark was dropped). */
  bytes?: Uint8Array;
  /** Set when the file cannot be used as text: not found, too large, not UTF-8. */
  error: string | null;
  /** Where the problem is (1-based), when it has a place: the first byte that is not UTF-8. */
  line?: number;
  column?: number;
}

/**
 * Reads a file as strict UTF-8 (a file that is not UTF-8 is an error, never silently mangled). The path `-` is
 * standard input when `stdin` is given.
 */
export function readText(path: string, cwd: string, stdin?: StdinReader): ReadText {
  let buf: Uint8Array;
  if (path === '-' && stdin) {
    buf = stdin();
    if (buf.length > MAX_FILE_BYTES) return { text: null, error: tooLarge(buf.length) };
  } else {
    const r = readBytes(resolve(cwd, path));
    if (r.bytes === null) return { text: null, error: r.error };
    buf = r.bytes;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.startsWith('\uFEFF') ? { text: text.slice(1), error: null } : { text, error: null, bytes: buf };
  } catch {
    const bad = firstInvalidUtf8(buf);
    if (!bad) return { text: null, error: 'file is not valid UTF-8: save it as UTF-8' };
    const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
    return { text: null, error: `file is not valid UTF-8 (byte 0x${hex} at offset ${bad.offset}): save it as UTF-8`, line: bad.line, column: bad.column };
  }
}

/** A YAML file by its name (a change log or a release file, as opposed to a document or a directory). */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
