// The word diff's working form: equal runs and changed regions, alternating, as token arrays.
//
//   equals[0] changes[0] equals[1] changes[1] … changes[n-1] equals[n]
//
// equals has one more entry than changes; equals[0] and equals[n] may be empty, every other equal run is not
// (two changes with nothing between them are one change), and every change deletes or inserts something.
// A change holds everything deleted and everything inserted between two equal runs, which is what makes
// "delete before insert" and "adjacent spans merged" hold by construction, and lets the cleanup fold an
// equal run into its neighbours by concatenating arrays. Working on tokens, not strings, is what guarantees
// that no step of the cleanup can split a token.

import type { Span } from '../redline/types.js';
import type { EditRun } from './myers.js';

export interface Change {
  del: string[];
  ins: string[];
}

export interface Regions {
  equals: string[][];
  changes: Change[];
}

/** Regions from an edit script over the two token arrays. */
export function regionsFromRuns(oldTokens: readonly string[], newTokens: readonly string[], runs: readonly EditRun[]): Regions {
  const equals: string[][] = [[]];
  const changes: Change[] = [];
  let pending: Change | null = null;
  let i = 0;
  let j = 0;
  for (const run of runs) {
    if (run.op === 'equal') {
      const tokens = oldTokens.slice(i, i + run.count);
      i += run.count;
      j += run.count;
      if (pending) {
        changes.push(pending);
        equals.push(tokens);
        pending = null;
      } else {
        append(equals[equals.length - 1]!, tokens);
      }
    } else if (run.op === 'delete') {
      pending ??= { del: [], ins: [] };
      append(pending.del, oldTokens.slice(i, i + run.count));
      i += run.count;
    } else {
      pending ??= { del: [], ins: [] };
      append(pending.ins, newTokens.slice(j, j + run.count));
      j += run.count;
    }
  }
  if (pending) {
    changes.push(pending);
    equals.push([]);
  }
  return { equals, changes };
}

/** Spans of the regions: each equal run, then each change as its deletion followed by its insertion. */
export function regionsToSpans(regions: Regions): Span[] {
  const spans: Span[] = [];
  const push = (op: Span['op'], tokens: readonly string[]): void => {
    if (tokens.length === 0) return;
    const text = tokens.join('');
    if (text === '') return;
    const last = spans[spans.length - 1];
    if (last && last.op === op) last.text += text;
    else spans.push({ op, text });
  };
  regions.changes.forEach((change, k) => {
    push('equal', regions.equals[k]!);
    push('delete', change.del);
    push('insert', change.ins);
  });
  push('equal', regions.equals[regions.equals.length - 1]!);
  return spans;
}

/** target.push(...source) without spreading, which overflows the call stack for very long runs. */
export function append(target: string[], source: readonly string[]): void {
  for (const t of source) target.push(t);
}
