// The check errors one set of documents has beyond another: what an apply must never introduce. Errors are
// matched without line numbers (an insertion shifts every line after it), counting repeats. Both sets are
// checked with one memo (memo.ts): a document an apply left alone is the same object in both, so its
// per-document work (and every finding of a per-document rule) is done once, not twice; the findings are exactly
// those of two separate runs (tests/check/incremental.test.ts).

import type { Problem, SecDocument } from '../model/types.js';
import { rules } from './rules/index.js';
import { runChecks } from './run.js';
import { checkMemo } from './memo.js';

/** Check errors of `after` beyond those of `before`, keyed without line numbers (insertions shift lines). */
export function newCheckErrors(before: readonly SecDocument[], after: readonly SecDocument[]): Problem[] {
  // Places in the message move too: 'file.md:12:3' and 'also at line 12' ("line 12 and line 40").
  const key = (p: Problem): string => `${p.file}\u0000${p.rule}\u0000${p.message.replace(/:\d+(:\d+)?\b|\blines? \d+\b/g, '')}`;
  const memo = checkMemo();
  // Only errors count: a rule whose findings are all warnings (types.ts, Rule.severity) need not run.
  const only = rules.filter((r) => r.severity === 'error').map((r) => r.name);
  // The amended documents first: when they have no error (every clean apply) there is nothing to subtract, and
  // the documents before need no check at all.
  const errors = runChecks(after, { memo, only }).filter((p) => p.severity === 'error');
  if (errors.length === 0) return [];
  const had = new Map<string, number>();
  for (const p of runChecks(before, { memo, only })) if (p.severity === 'error') had.set(key(p), (had.get(key(p)) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of errors) {
    const n = had.get(key(p)) ?? 0;
    if (n > 0) had.set(key(p), n - 1);
    else out.push(p);
  }
  return out;
}
