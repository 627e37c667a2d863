// The Myers search is minimal: its edit script deletes and inserts exactly N + M − 2·LCS elements (LCS from a
// plain dynamic programme), and replaying it rebuilds both inputs. Small alphabets make repeated elements and
// ties common, which is where a bidirectional search goes wrong if it goes wrong at all.
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { myersDiff, type EditRun } from '../../src/diff/myers.js';

function lcsLength(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

function replay(a: readonly number[], b: readonly number[], runs: readonly EditRun[]): { old: number[]; new: number[] } {
  const oldOut: number[] = [];
  const newOut: number[] = [];
  let i = 0;
  let j = 0;
  for (const run of runs) {
    for (let n = 0; n < run.count; n++) {
      if (run.op === 'equal') {
        expect(a[i]).toBe(b[j]);
        oldOut.push(a[i++]!);
        newOut.push(b[j++]!);
      } else if (run.op === 'delete') oldOut.push(a[i++]!);
      else newOut.push(b[j++]!);
    }
  }
  return { old: oldOut, new: newOut };
}

function check(a: number[], b: number[], maxCost?: number): void {
  const runs = myersDiff(a, b, maxCost === undefined ? {} : { maxCost });
  const rebuilt = replay(a, b, runs);
  expect(rebuilt.old).toEqual(a);
  expect(rebuilt.new).toEqual(b);
  for (let k = 1; k < runs.length; k++) expect(runs[k]!.op).not.toBe(runs[k - 1]!.op);
  for (const r of runs) expect(r.count).toBeGreaterThan(0);
  const edits = runs.filter((r) => r.op !== 'equal').reduce((n, r) => n + r.count, 0);
  const minimal = a.length + b.length - 2 * lcsLength(a, b);
  if (maxCost === undefined) expect(edits).toBe(minimal);
  else expect(edits).toBeGreaterThanOrEqual(minimal);
}

describe('myersDiff', () => {
  it('handles the edge cases', () => {
    expect(myersDiff([], [])).toEqual([]);
    expect(myersDiff([1, 2], [])).toEqual([{ op: 'delete', count: 2 }]);
    expect(myersDiff([], [1])).toEqual([{ op: 'insert', count: 1 }]);
    expect(myersDiff([1, 2, 3], [1, 2, 3])).toEqual([{ op: 'equal', count: 3 }]);
    check([1, 2, 3, 4], [5, 6, 7]);
    check([1, 2, 1, 2, 1], [2, 1, 2, 1, 2, 1, 2]);
    check([0, 0, 0, 1], [1, 0, 0, 0]);
  });

  it('is minimal and exact on random sequences over small alphabets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((k) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: k }), { maxLength: 40 }),
            fc.array(fc.integer({ min: 0, max: k }), { maxLength: 40 }),
          ),
        ),
        ([a, b]) => check(a, b),
      ),
      { numRuns: runs(3000) },
    );
  });

  it('is minimal on a sequence and an edited copy of it', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), add: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }), fc.array(edit, { maxLength: 8 }), (a, edits) => {
        const b = [...a];
        for (const e of edits) b.splice(b.length ? e.at % (b.length + 1) : 0, e.remove, ...e.add);
        check(a, b);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('stays exact when the work budget runs out', () => {
    // A budget of 0 leaves only the common prefix and suffix: the middle is deleted and inserted whole.
    expect(myersDiff([1, 2, 3, 4, 5], [1, 6, 3, 7, 5], { maxCost: 0 })).toEqual([
      { op: 'equal', count: 1 },
      { op: 'delete', count: 3 },
      { op: 'insert', count: 3 },
      { op: 'equal', count: 1 },
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }),
        fc.nat({ max: 200 }),
        (a, b, maxCost) => check(a, b, maxCost),
      ),
      { numRuns: runs(2000) },
    );
  });
});
