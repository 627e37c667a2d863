// What a command gets from the outside world. Commands never touch process.* directly, so tests can run the
// whole CLI in-process with captured streams and a temporary cwd.

import type { StdinReader } from '../util/files.js';
import type { FsPort } from '../util/fs-port.js';

export interface Writer {
  write(chunk: string): unknown;
  /** True when attached to a terminal (colour allowed). */
  isTTY?: boolean;
}

export interface CliContext {
  argv: string[];
  stdout: Writer;
  stderr: Writer;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard input, read whole (bounded) when a command is given `-` for a file; absent: `-` is refused. */
  stdin?: StdinReader;
  /** The file system writes go through (tests inject faults here); node:fs when left out. */
  fs?: FsPort;
}

/** A command's action returns its exit code: 0 ok, 1 problems found / differences, 2 usage or internal error. */
export type ExitCode = 0 | 1 | 2;
