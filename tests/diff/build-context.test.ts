// A Redline built with `context` (only the changed clauses and that many unchanged ones around each) is exactly
// the whole Redline with the other unchanged clauses left out, on random documents and edits, with and without
// move detection: building fewer clauses must not change a single one of those kept.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { buildDocumentRedline } from '../../src/diff/build-redline.js';
import { keepContext } from '../../src/diff/fast-document.js';
import { contextMask } from '../../src/redline/context.js';
import type { DocumentRedline } from '../../src/redline/types.js';
import { applyEdit, edit, rawDoc, toDoc } from './generate.js';

const versions = fc.tuple(rawDoc, fc.array(edit, { maxLength: 8 })).map(([raw, edits]) => ({ old: toDoc(raw), new: toDoc(edits.reduce(applyEdit, raw), 'SEC 2024-09') }));

// Through JSON: what a caller can observe, without object identity.
const plain = (d: DocumentRedline): unknown => JSON.parse(JSON.stringify(d));

describe('buildDocumentRedline with context', () => {
  it('equals keepContext of the whole redline', () => {
    let elided = 0;
    fc.assert(
      fc.property(versions, fc.boolean(), (v, detectMoves) => {
        const whole = buildDocumentRedline(v.old, v.new, 'section-G.md', { detectMoves });
        for (const context of [0, 1, 2, 5, Infinity]) {
          const kept = buildDocumentRedline(v.old, v.new, 'section-G.md', { detectMoves, context });
          expect(plain(kept)).toEqual(plain(keepContext(whole, context)));
          if (kept.clauses.length < whole.clauses.length) elided++;
        }
      }),
      { numRuns: runs(300) },
    );
    // The property is about leaving clauses out: it must have done so.
    expect(elided).toBeGreaterThan(0);
  });
});

describe('contextMask', () => {
  it('keeps each changed place and `context` places either side, within bounds', () => {
    const changed = [false, false, true, false, false, false, true, false];
    expect([...contextMask(changed, 0)]).toEqual([0, 0, 1, 0, 0, 0, 1, 0]);
    expect([...contextMask(changed, 1)]).toEqual([0, 1, 1, 1, 0, 1, 1, 1]);
    expect([...contextMask(changed, 3)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect([...contextMask([false, false], 2)]).toEqual([0, 0]);
    expect([...contextMask([false, false], Infinity)]).toEqual([1, 1]);
  });
});
