// Turns an errno from the file system into a sentence for the user: what is wrong with the path they gave and
// what to do. Ordinary mistakes (a read-only folder, a directory where a file should be) are usage errors
// (exit 2), never "internal error: EACCES: …" with the name of a temporary file.

import { UsageError } from './errors.js';
import { errCode } from './fs-port.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied: make the file and its folder writable, or choose another path',
  EPERM: 'the operation is not permitted (the file or its folder is read-only or immutable): make it writable, or choose another path',
  EROFS: 'the file system is read-only: choose a path on a writable disk',
  EISDIR: 'it is a directory: give a file name',
  ENOTDIR: 'a part of the path is a file, not a folder: give a path whose folders are folders',
  ENOENT: 'no such file or folder',
  ENOSPC: 'the disk is full: free some space and run again',
  EDQUOT: 'the disk quota is exhausted: free some space and run again',
  ELOOP: 'too many symbolic links (a link that points to itself?): fix or remove the link',
  ENAMETOOLONG: 'the name is too long: choose a shorter path',
  EEXIST: 'something already exists there: remove it or choose another path',
  EBUSY: 'the file is in use by another program: close it and run again',
  ETXTBSY: 'the file is in use by another program: close it and run again',
  EXDEV: 'it is on another disk than its folder expects: choose a path inside one folder',
  EMFILE: 'too many files are open: close some programs and run again',
  EIO: 'the disk reported an input/output error: check the disk and run again',
};

/** A known errno as a UsageError naming `shown`; anything else is returned unchanged (an internal error). */
export function userFsError(err: unknown, action: string, shown: string, tail = ''): unknown {
  const code = errCode(err);
  const reason = REASONS[code];
  if (!reason) return err;
  return new UsageError(`${action} ${shown}: ${reason}${tail}`);
}

/** Whether an fs error is one userFsError explains. */
export function isUserFsError(err: unknown): boolean {
  return REASONS[errCode(err)] !== undefined;
}
