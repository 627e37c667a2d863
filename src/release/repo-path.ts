// Paths in a release file name change logs relative to the repository root. A release file is shared and
// reviewed like code, so a path that leads outside the repository ('../../etc/passwd', '/etc/passwd') is refused
// outright rather than read: the check is lexical here (pure), and the CLI adds a check of the real path so a
// symbolic link cannot lead outside either.

import { posix } from 'node:path';

export type RepoPath = { path: string; error: null } | { path: null; error: string };

const EXAMPLE = "e.g. 'annexes/mp260-service-desk-hours/changes.yaml'";

/** Normalises a '/'-separated path relative to the repository root, or says why it is not one. */
export function repoPath(written: string): RepoPath {
  const fail = (why: string): RepoPath => ({ path: null, error: why });
  if (written.trim() === '') return fail(`name the change log relative to the repository root (${EXAMPLE})`);
  if (written.includes('\0')) return fail('the path contains a NUL character');
  if (written.includes('\\')) return fail(`write the path '${written}' with '/' separators (${EXAMPLE})`);
  if (written.startsWith('/') || /^[A-Za-z]:/.test(written) || written.startsWith('~')) {
    return fail(`'${written}' is an absolute path: name the change log relative to the repository root (${EXAMPLE})`);
  }
  const normal = posix.normalize(written);
  if (normal === '..' || normal.startsWith('../')) {
    return fail(`'${written}' leads outside the repository: a change log must be inside it, named relative to the repository root (${EXAMPLE})`);
  }
  if (normal === '.' || normal.endsWith('/')) return fail(`'${written}' is a directory: name the change log file (${EXAMPLE})`);
  if (!/\.ya?ml$/.test(normal)) return fail(`'${written}' is not a change log: expected a .yaml file (${EXAMPLE})`);
  return { path: normal, error: null };
}
