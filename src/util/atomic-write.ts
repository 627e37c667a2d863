// The one way commands write files. Every write, of one file or of a tree, is a transaction (transaction.ts):
// all files land whole, or none does, even when the process is killed; a second writer of the same folder
// waits or is refused; nothing but the targets remains once a run or its recovery ends. File-system refusals
// come back as UsageError naming the path the user gave. See docs/writing.md.

import { commitFiles, type CommitOptions, type FileWrite } from './transaction.js';

export type { FileWrite, CommitOptions } from './transaction.js';
export { withFolderLock, recoverFolder } from './transaction.js';
export { refuseInputsAsOutputs } from './same-file.js';

export function writeFileAtomic(path: string, data: string | Uint8Array, shown?: string, options: CommitOptions = {}): void {
  commitFiles([{ path, data, ...(shown !== undefined ? { shown } : {}) }], options);
}

export function writeFilesAtomic(files: readonly FileWrite[], options: CommitOptions = {}): void {
  commitFiles(files, options);
}
