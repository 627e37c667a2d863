// overlapGroups must be exactly the connected components of findConflicts' pairs (the pairwise definition),
// and stay linear where the pairs are quadratic.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/changelog/overlap.js';
import { overlapGroups } from '../../src/changelog/overlap-groups.js';
import type { Op } from '../../src/changelog/plan-types.js';
import type { Edit } from '../../src/changelog/types.js';

const edit = { index: 1, pos: { line: 1, column: 1 } } as unknown as Edit;
const row = { kind: 'row', label: '', depth: 0, text: 'x', line: 1 } as never;
const para = { kind: 'para', label: '', depth: 0, text: 'x', line: 1 } as never;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ item: fc.constantFrom('a', 'b', 'c'), block: fc.nat({ max: 2 }), field: fc.constantFrom(-1, 0), start: fc.nat({ max: 8 }), len: fc.nat({ max: 4 }), whole: fc.boolean() }).map(
    (r) => ({ type: 'text', doc: 'G', item: r.item, edit, block: r.block, field: r.field, start: r.start, end: r.start + r.len, insert: '', whole: r.whole && r.len > 0 }) as Op,
  ),
  fc.record({ item: fc.constantFrom('a', 'b', 'c'), block: fc.nat({ max: 2 }) }).map((r) => ({ type: 'delete', doc: 'G', item: r.item, edit, block: r.block }) as Op),
  fc.record({ item: fc.constantFrom('a', 'b', 'c'), gap: fc.nat({ max: 1 }), isRow: fc.boolean(), keyed: fc.boolean(), anchor: fc.nat({ max: 1 }), after: fc.boolean() }).map(
    (r) => ({ type: 'insert', doc: 'G', item: r.item, edit, gap: r.gap, blocks: [r.isRow ? row : para], rowKey: r.keyed ? 'k' : null, anchor: r.anchor, side: r.after ? 'after' : 'before' }) as Op,
  ),
);

/** Components of the pairwise relation, as sorted lists of op indexes. */
function pairwiseComponents(ops: readonly Op[]): number[][] {
  const parent = ops.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const involved = new Set<number>();
  for (const { a, b } of findConflicts(ops)) {
    const ia = ops.indexOf(a);
    const ib = ops.indexOf(b);
    involved.add(ia).add(ib);
    parent[find(ia)] = find(ib);
  }
  const groups = new Map<number, number[]>();
  for (const i of [...involved].sort((x, y) => x - y)) (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i);
  return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

describe('overlapGroups', () => {
  it('are the connected components of the pairwise conflicts', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 14 }), (ops) => {
        const got = overlapGroups(ops).map((g) => g.map((op) => ops.indexOf(op)).sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
        expect(got).toEqual(pairwiseComponents(ops));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('groups 20,000 identical ranges in well under a second', () => {
    const ops: Op[] = Array.from({ length: 20_000 }, (_, i) => ({ type: 'text', doc: 'G', item: `i${i}`, edit, block: 0, field: -1, start: 4, end: 9, insert: 'x', whole: false }));
    const t = performance.now();
    const groups = overlapGroups(ops);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(20_000);
  });
});
