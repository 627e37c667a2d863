// Never leave a partial output file: write to a temporary file beside the target, then rename over it.
// writeFilesAtomic writes every temp file first and renames only when all writes succeeded, so a set of
// outputs lands whole or not at all (short of a crash between renames).

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/** `mode`: permission bits of a new file (e.g. 0o755 for a Git hook); default as writeFileSync. */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array; mode?: number }[]): void {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const temp = tempName(f.path);
      staged.push({ temp, path: f.path });
      writeFileSync(temp, f.data, f.mode !== undefined ? { mode: f.mode } : undefined);
    }
  } catch (err) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw err;
  }
  for (const s of staged) renameSync(s.temp, s.path);
}
