// Never write an output path that is an input: `annex c.yaml -o c.yaml` would replace the change log with the
// annex. Paths are compared as files (device and inode), so a symbolic or hard link to an input is caught too.

import { statSync } from 'node:fs';
import { UsageError } from './errors.js';

export interface PathRef {
  /** Absolute path. */
  path: string;
  /** As the user gave it. */
  shown: string;
}

function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** The first input that `path` is (the same file or folder, through any link), or null. */
export function sameAs(path: string, inputs: readonly PathRef[]): PathRef | null {
  const id = identity(path);
  if (id === null) return null;
  return inputs.find((i) => identity(i.path) === id) ?? null;
}

/**
 * Throws UsageError when an output is one of the inputs. `what` names the output option ('-o', '--out');
 * `hint` adds what to do instead.
 */
export function refuseInputsAsOutputs(outputs: readonly PathRef[], inputs: readonly PathRef[], what: string, hint = 'choose another output path'): void {
  for (const out of outputs) {
    const input = sameAs(out.path, inputs);
    if (!input) continue;
    const which = input.shown === out.shown ? 'an input of this command' : `the same file as the input ${input.shown}`;
    throw new UsageError(`${what} ${out.shown} is ${which}: writing it would replace the input; ${hint}`);
  }
}
