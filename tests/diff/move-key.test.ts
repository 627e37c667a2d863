// findMoves builds a clause's move key only when its length, computed without building it, is a candidate's:
// that length must be exactly the key's, whatever the white space (every character JavaScript's \s takes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../helpers/runs.js';
import { clauseMoveKey, clauseMoveKeyLength, type ClauseGroup } from '../../src/diff/clauses.js';
import type { Block } from '../../src/model/types.js';

const spaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
// Near-spaces that are not \s: they count as text.
const others = ['a', 'É', '1', '*', '\u200b', '\u180e', '\u0085', '😀'];
const text = fc.array(fc.constantFrom(...spaces, ...others), { maxLength: 20 }).map((u) => u.join(''));
const block = fc.record({ kind: fc.constantFrom('clause', 'subpara', 'paragraph', 'heading', 'row'), depth: fc.nat(12), label: fc.constantFrom('', '(a)', 'G3.5', '(iv)'), text });

describe('clauseMoveKeyLength', () => {
  it('is the length of the move key', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (bs) => {
        const c: ClauseGroup = { id: 'G1.1', blocks: bs.map((b) => ({ ...b, id: 'G1.1', clause: 'G1.1', line: 1, column: 1 }) as Block) };
        expect(clauseMoveKeyLength(c)).toBe(clauseMoveKey(c).key.length);
      }),
      { numRuns: runs(2000) },
    );
  });
});
