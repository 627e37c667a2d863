// One fixture per edit kind (tests/fixtures/changelog/<kind>/{before.md, changes.yaml, after.md}) and one per
// validation error (tests/fixtures/changelog/errors/<case>/{before.md, changes.yaml, expected.txt}, the exact
// problem lines). after.md and expected.txt are written by hand, not produced by the code under test.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../src/model/index.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { docMap, formatted, parseOrThrow, readFixture, run } from './helpers.js';

const ROOT = 'tests/fixtures/changelog';
const kinds = readdirSync(ROOT).filter((d) => d !== 'errors' && existsSync(`${ROOT}/${d}/after.md`));
const errors = readdirSync(`${ROOT}/errors`);

describe('edit kinds', () => {
  it('has a fixture for every edit kind', async () => {
    const { EDIT_KINDS } = await import('../../src/changelog/index.js');
    for (const k of EDIT_KINDS) expect(kinds).toContain(k);
  });

  it.each(kinds)('%s', (kind) => {
    const dir = `${ROOT}/${kind}`;
    const before = parseOrThrow(readFixture(dir, 'before.md'), 'before.md');
    const { problems, result } = run(readFixture(dir, 'changes.yaml'), docMap(before));
    expect(formatted(problems)).toEqual([]);
    const after = result!.docs.get('Section G')!;
    expect(serializeDocument(after)).toBe(readFixture(dir, 'after.md'));
    expect(redlineErrors(result!.redline)).toEqual([]);
    // Every changed block is attributed to the fixture's item.
    for (const d of result!.redline.documents) for (const c of d.clauses) for (const b of c.blocks) if (b.status !== 'unchanged') expect(b.items).toEqual(['1']);
  });
});

describe('validation errors', () => {
  it.each(errors)('%s', (name) => {
    const dir = `${ROOT}/errors/${name}`;
    const docs = existsSync(`${dir}/before.md`) ? docMap(parseOrThrow(readFixture(dir, 'before.md'), 'before.md')) : new Map();
    const { problems } = run(readFixture(dir, 'changes.yaml'), docs);
    const expected = readFixture(dir, 'expected.txt').split('\n').filter((l) => l !== '');
    expect(formatted(problems.filter((p) => p.severity === 'error'))).toEqual(expected);
  });
});
