// The legal-aware word diff behind every redline (change-log `apply`, `diff`, the Annex A): tokenize both
// texts (src/diff/tokenize.ts), find a minimal token edit script (src/diff/myers.ts), then clean it up for a
// reader (src/diff/cleanup.ts).
//
// Contract, for every result: rejecting every change (equal + delete spans) gives oldText and accepting every
// change (equal + insert spans) gives newText, byte for byte; no span is empty or carries `items`; adjacent
// spans never share an op; within a changed region the deletion comes before the insertion.

import type { Span } from '../redline/types.js';
import { cleanupRegions } from './cleanup.js';
import { myersDiff } from './myers.js';
import { tokenize } from './tokenize.js';
import { regionsFromRuns, regionsToSpans, type Regions } from './word-regions.js';

export interface DiffTextOptions {
  /** Fold confetti into whole replacements and move change boundaries to word starts (default true). */
  cleanup?: boolean;
}

export function diffText(oldText: string, newText: string, options: DiffTextOptions = {}): Span[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'equal', text: oldText }];
  const regions = tokenRegions(tokenize(oldText), tokenize(newText));
  return regionsToSpans(options.cleanup === false ? regions : cleanupRegions(regions));
}

/** The minimal token diff, before cleanup (spans merged, deletion before insertion in each region). */
export function diffTokens(oldTokens: readonly string[], newTokens: readonly string[]): Span[] {
  // An empty token carries no text; matched as "equal" it would sit invisibly between two changes and break
  // the delete-before-insert order of the spans. tokenize() never makes one; other callers might.
  const nonEmpty = (t: string): boolean => t !== '';
  return regionsToSpans(tokenRegions(oldTokens.filter(nonEmpty), newTokens.filter(nonEmpty)));
}

function tokenRegions(oldTokens: readonly string[], newTokens: readonly string[]): Regions {
  // Intern tokens as small integers so the search compares numbers, not strings.
  const ids = new Map<string, number>();
  const intern = (tokens: readonly string[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      out[i] = id;
    });
    return out;
  };
  const runs = myersDiff(intern(oldTokens), intern(newTokens));
  return regionsFromRuns(oldTokens, newTokens, runs);
}
