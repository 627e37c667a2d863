// The check errors one set of documents has beyond another: what an apply must never introduce. Errors are
// matched without line numbers (an insertion shifts every line after it), counting repeats.

import type { Problem, SecDocument } from '../model/types.js';
import { runChecks } from './run.js';

/** Check errors of `after` beyond those of `before`, keyed without line numbers (insertions shift lines). */
export function newCheckErrors(before: readonly SecDocument[], after: readonly SecDocument[]): Problem[] {
  // Places in the message move too: 'file.md:12:3' and 'also at line 12' ("line 12 and line 40").
  const key = (p: Problem): string => `${p.file}\u0000${p.rule}\u0000${p.message.replace(/:\d+(:\d+)?\b|\blines? \d+\b/g, '')}`;
  const had = new Map<string, number>();
  for (const p of runChecks(before)) if (p.severity === 'error') had.set(key(p), (had.get(key(p)) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of runChecks(after)) {
    if (p.severity !== 'error') continue;
    const n = had.get(key(p)) ?? 0;
    if (n > 0) had.set(key(p), n - 1);
    else out.push(p);
  }
  return out;
}
