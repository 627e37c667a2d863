// Writing a command's one output file (-o/--out FILE): refused when it is one of the command's inputs (the same
// file, also through a link), then written through the one write layer with the user's own name for the path.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { collectMarkdownFiles } from '../util/files.js';
import { refuseInputsAsOutputs, type PathRef } from '../util/same-file.js';
import { UsageError } from '../util/errors.js';
import type { FsPort } from '../util/fs-port.js';

/** The context's file system as write options (tests inject faults through it). */
export function fsOf(ctx: Pick<CliContext, 'fs'>): { fs?: FsPort } {
  return ctx.fs ? { fs: ctx.fs } : {};
}

/** Input paths as the user gave them; a folder stands for every Markdown file in it. */
export function inputRefs(paths: readonly string[], cwd: string): PathRef[] {
  const out: PathRef[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    out.push({ path: abs, shown: p });
    let dir = false;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      continue;
    }
    if (!dir) continue;
    try {
      for (const f of collectMarkdownFiles([p], cwd)) out.push({ path: resolve(cwd, f), shown: f });
    } catch {
      // An unreadable folder is reported by the command's own reading.
    }
  }
  return out;
}

/** --out DIR must name a folder, new or existing; `what` says what goes into it. Returns whether it exists. */
export function checkOutFolder(given: string, cwd: string, what: string): boolean {
  let st;
  try {
    st = statSync(resolve(cwd, given));
  } catch {
    return false; // created when writing
  }
  if (!st.isDirectory()) throw new UsageError(`--out ${given} is a file, not a folder: give the folder to write ${what} into`);
  return true;
}

/** Writes `data` to the output path `given` (relative to cwd), never over an input. `flag` names the option. */
export function writeOutputFile(ctx: Pick<CliContext, 'cwd' | 'fs'>, flag: string, given: string, data: string | Uint8Array, inputs: readonly string[]): void {
  const abs = resolve(ctx.cwd, given);
  refuseInputsAsOutputs([{ path: abs, shown: given }], inputRefs(inputs, ctx.cwd), flag, 'choose another output file');
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // a new file
  }
  if (isDir) throw new UsageError(`${flag} ${given} is a folder: give the name of a file (inside it, or elsewhere)`);
  writeFileAtomic(abs, data, given, fsOf(ctx));
}
