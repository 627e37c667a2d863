// Issue 16, items 6, 7 and the YAML hints of 9: answers that were wrong or misleading, and a change log whose
// problems took three runs to see.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { firstDifferentLine } from '../../src/model/read-document.js';
import { listPlaces } from '../../src/changelog/doc-index.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-answers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SECTION_G = `---
kind: section
code: G
title: Security
version: SEC 2024-02
---

## G1 General

G1.1 The DCC shall notify teh Panel of each Major Security Incident.

G1.2 The following table applies.

| Code | Meaning |
| --- | --- |
| X1 | First |
`;

const HEAD = `modification: { id: MP900, title: Answers }
release: June 2024 SEC Release
drafter: SECAS
date: 2024-05-22
documents:
  Section G: SEC 2024-02
`;

function repo(name: string, log: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'sections/section-G.md'), SECTION_G);
  writeFileSync(join(dir, 'changes.yaml'), log);
  return dir;
}

const item = (id: string, edit: string): string => `  - id: '${id}'\n    summary: S.\n    proposed: P.\n    edits:\n      - ${edit}\n`;

describe('wrong answers', () => {
  it("a typo'd find is a typo with a suggestion, not 'already applied'", async () => {
    const dir = repo('typo', `${HEAD}items:\n${item('1', '{ kind: replace, in: G1.1, find: tehh, with: the }')}${item('2', '{ kind: replace, in: G1.1, find: major security incident, with: X }')}`);
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/already applied/);
    expect(r.stderr).toContain("find 'tehh' not found in G1.1 (sections/section-G.md:10): did you mean 'teh'?  [changelog-anchor]");
    expect(r.stderr).toContain("it is there with different case: 'Major Security Incident' (sections/section-G.md:10)");
  });

  it('names a line inside the file, never one past its end', () => {
    expect(firstDifferentLine('a\nb\n', 'a\nb\nc\n')).toBe(2);
    expect(firstDifferentLine('a\nb\n', 'a\nx\n')).toBe(2);
    expect(firstDifferentLine('', 'x')).toBe(1);
  });

  it('lists places without nested parentheses, and counts cells in the singular', async () => {
    expect(listPlaces([{ file: 'f.md', line: 36 }, { file: 'f.md', line: 36 }, { file: 'f.md', line: 40 }])).toBe('f.md:36 ×2, :40');
    const dir = repo('cells', `${HEAD}items:\n${item('1', '{ kind: insert-row, table: G1.2, cells: [X2] }')}`);
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(r.stderr).toMatch(/has 2 columns, the new row gives 1 cell  \[changelog-column\]/);
  });
});

describe('every problem of a change log in one run', () => {
  it('an unknown document, a duplicate item id, an unknown edit kind and an unknown clause together', async () => {
    const log =
      HEAD.replace('documents:\n', 'documents:\n  Section Q: SEC 2024-02\n') +
      `items:\n${item('1', '{ kind: replace, in: G1.1, find: teh, with: the }')}${item('1', '{ kind: replace, in: G1.1, find: DCC, with: X }')}` +
      `${item('2', '{ kind: replace, in: G9.99, find: teh, with: the }')}${item('3', '{ kind: replac, in: G1.1, find: teh, with: the }')}`;
    const dir = repo('all-at-once', log);
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/documents: 'Section Q' is not among the documents loaded/);
    expect(r.stderr).toMatch(/item '1': the id is used twice/);
    expect(r.stderr).toMatch(/'G9\.99' not found in Section G/);
    expect(r.stderr).toMatch(/unknown edit kind 'replac': did you mean 'replace'\?/);
  });
});

describe('YAML mistakes told plainly', () => {
  it("an unquoted text ending in ':' says to quote it; tab indentation is reported once", async () => {
    const colon = repo('colon', `${HEAD}items:\n  - id: '1'\n    summary: The following is inserted:\n    proposed: P.\n    edits:\n      - { kind: replace, in: G1.1, find: teh, with: the }\n`);
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], colon);
    expect(r.stderr).toBe(
      "changes.yaml:9:14  the text of 'summary' contains ': ' or ends with ':', which YAML reads as a key: quote the text, e.g. summary: 'The following is inserted:'  [changelog-yaml]\n1 problem found\n",
    );
    const tabs = repo('tabs', `${HEAD}items:\n\t- id: '1'\n\t  summary: S.\n\t  proposed: P.\n\t  edits: []\n`);
    const t = await runCli(['apply', 'changes.yaml', '--dry-run'], tabs);
    expect(t.stderr.trim().split('\n')).toEqual([
      'changes.yaml:8:1  a tab is used for indentation here (and 3 more lines): YAML indents with spaces only; replace the tabs with spaces  [changelog-yaml]',
      '1 problem found',
    ]);
  });
});
