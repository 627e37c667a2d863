// apply never writes documents that `check` rejects: consecutive insertions number on (G1.1A, G1.1B), a
// repeated or out-of-sequence explicit id is refused at its place in the change log, and (property) an
// applied result has no check error that its input did not have.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { docMap, parseOrThrow, run } from './helpers.js';
import { newCheckErrors } from '../../src/check/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-sound-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOC = `---
kind: section
code: G
title: Security
version: SEC 2024-02
---

## G1 General

G1.1 Each Party shall keep a record of every notice it gives under this Section G.

G1.2 A notice given under this Section G shall be given in writing.

G1.3 The Panel may publish guidance on the giving of notices.

| Code | Meaning |
| --- | --- |
| N1 | Notice given by post |
| N2 | Notice given by hand |
`;

const HEAD = `modification: { id: MP903, title: Soundness }
release: June 2024 SEC Release
drafter: SECAS
date: 2024-05-22
documents:
  Section G: SEC 2024-02
items:
  - id: '1'
    summary: A change.
    proposed: Change it.
    sections: [G1]
    edits:
`;

function project(name: string, edits: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'sections/section-G.md'), DOC);
  writeFileSync(join(dir, 'changes.yaml'), HEAD + edits);
  return dir;
}

describe('apply numbers consecutive insertions or refuses', () => {
  it('two insert-clause after G1.2 in one item become G1.2A and G1.2B, in that order', async () => {
    const dir = project('two', `      - { kind: insert-clause, after: G1.2, text: The first new clause. }\n      - { kind: insert-clause, after: G1.2, text: The second new clause. }\n`);
    const dry = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(dry.stdout).toContain('G1.2A inserted; G1.2B inserted');
    const r = await runCli(['apply', 'changes.yaml', '--write'], dir);
    expect(r.stderr).toBe('');
    const g = readFileSync(join(dir, 'sections/section-G.md'), 'utf8');
    expect(g).toContain('G1.2A The first new clause.\n\nG1.2B The second new clause.\n\nG1.3');
    expect((await runCli(['check', 'sections'], dir)).code).toBe(0);
  });

  it('two insertions after a last sub-paragraph letter on: (c), then (d)', () => {
    const withSubs = DOC.replace('G1.3 The Panel may publish guidance on the giving of notices.', 'G1.3 The Panel may publish guidance on:\n\n- (a) the giving of notices;\n- (b) the keeping of records.');
    const doc = parseOrThrow(withSubs, 'section-G.md');
    const { problems, result } = run(HEAD + `      - { kind: insert-clause, after: G1.3(b), text: the first; }\n      - { kind: insert-clause, after: G1.3(b), text: the second. }\n`, docMap(doc));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result!.docs.get('Section G')!.blocks.filter((b) => b.kind === 'subpara').map((b) => b.id)).toEqual(['G1.3(a)', 'G1.3(b)', 'G1.3(c)', 'G1.3(d)']);
  });

  const refused: [string, string, RegExp][] = [
    ['the same explicit id twice', `      - { kind: insert-clause, after: G1.2, id: G1.2A, text: One. }\n      - { kind: insert-clause, after: G1.2, id: G1.2A, text: Two. }\n`, /changes\.yaml:\d+:\d+  item '1', edit 2 \(insert-clause\): G1\.2A is also inserted by item '1', edit 1 \(insert-clause\)/],
    ['G1.2B without a G1.2A', `      - { kind: insert-clause, after: G1.2, id: G1.2B, text: One. }\n`, /changes\.yaml:\d+:\d+  item '1': the amended sections\/section-G\.md would fail check at line \d+: Unexpected 'G1\.2B'.*\[changelog-result\]/],
    ['G1.2A placed after G1.1', `      - { kind: insert-clause, after: G1.1, id: G1.2A, text: One. }\n`, /item '1': the amended sections\/section-G\.md would fail check/],
    ['two insert-row with one key', `      - { kind: insert-row, table: G1.3, cells: [N3, Notice given by fax] }\n      - { kind: insert-row, table: G1.3, cells: [N3, Notice given by e-mail] }\n`, /item '1'.*N3/],
  ];
  for (const [name, edits, message] of refused) {
    it(`refuses ${name}, writing nothing`, async () => {
      const dir = project(name.replace(/\W+/g, '-'), edits);
      const r = await runCli(['apply', 'changes.yaml', '--write'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(readFileSync(join(dir, 'sections/section-G.md'), 'utf8')).toBe(DOC);
    });
  }
});

describe('property: an applied result has no check error its input did not have', () => {
  const doc = parseOrThrow(DOC, 'sections/section-G.md');
  const clause = fc.constantFrom('G1.1', 'G1.2', 'G1.3');

  it('insertions without an id always apply, numbered in sequence, and the result checks clean', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 5 }), (anchors) => {
        const edits = anchors.map((a, i) => `      - { kind: insert-clause, after: ${a}, text: New clause ${i}. }\n`).join('');
        const { problems, result } = run(HEAD + edits, docMap(doc));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const after = result!.docs.get('Section G')!;
        expect(newCheckErrors([doc], [after])).toEqual([]);
        // Each anchor's insertions in the order given: G1.1A holds the first after G1.1.
        for (const a of new Set(anchors)) {
          const mine = anchors.map((x, i) => [x, i] as const).filter(([x]) => x === a).map(([, i]) => `New clause ${i}.`);
          const got = after.blocks.filter((b) => b.id.startsWith(`${a}`) && b.id !== a && /^G1\.\d[A-Z]+$/.test(b.id)).map((b) => b.text);
          expect(got).toEqual(mine);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('apply --write either refuses and writes nothing, or writes documents that check accepts', async () => {
    const edit = fc.oneof(
      fc.record({ after: clause, id: fc.option(fc.constantFrom('G1.1A', 'G1.1B', 'G1.2A', 'G1.2B', 'G1.3A', 'G1.4'), { nil: undefined }) }).map(({ after, id }) => `      - { kind: insert-clause, after: ${after}${id ? `, id: ${id}` : ''}, text: A new clause. }\n`),
      clause.map((c) => `      - { kind: delete-clause, target: ${c}, remove: true }\n`),
      fc.constantFrom('N1', 'N2', 'N3', 'N4').map((k) => `      - { kind: insert-row, table: G1.3, cells: [${k}, Notice given otherwise] }\n`),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const dir = project(`prop-${n++}`, edits.join(''));
        const r = await runCli(['apply', 'changes.yaml', '--write'], dir);
        expect(r.stderr).not.toMatch(/internal error/);
        if (r.code !== 0) expect(readFileSync(join(dir, 'sections/section-G.md'), 'utf8')).toBe(DOC);
        else expect((await runCli(['check', 'sections'], dir)).stdout).toBe('');
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('an error the input already had is not new because an insertion moved it', () => {
  it('a duplicate definition whose two places both move down is the same error', () => {
    const twice = DOC.replace('G1.3 The Panel', '| Term | Meaning |\n| --- | --- |\n| **Notice** | a notice in writing |\n\nG1.3 The Panel').replace(
      '| N2 | Notice given by hand |',
      '| N2 | Notice given by hand |\n\nG1.4 In this Section G, **Notice** (the **Notice**) means a notice given in writing.',
    );
    const doc = parseOrThrow(twice, 'sections/section-G.md');
    const before = newCheckErrors([], [doc]);
    expect(before.map((p) => p.rule)).toContain('duplicate-definition');
    const { problems, result } = run(`${HEAD}      - { kind: insert-clause, after: G1.1, text: A clause that moves every line below it. }\n`, docMap(doc));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const after = result!.docs.get('Section G')!;
    expect(after.blocks.find((b) => b.id === 'G1.1A')).toBeDefined();
    expect(newCheckErrors([doc], [after])).toEqual([]);
  });
});
