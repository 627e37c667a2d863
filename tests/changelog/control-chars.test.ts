// Control characters never reach the legal text: change logs (raw or as YAML escapes), documents, titles and
// authors are refused with the position of the character.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadChangeLog } from '../../src/changelog/index.js';
import { findControlChars } from '../../src/util/control-chars.js';
import { formatted } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-ctrl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOC = `---
kind: section
code: G
title: Security
version: SEC 2024-02
---

## G1 General

G1.1 Each Party shall keep a record of every notice it gives under this Section G.
`;

const log = (text: string): string => `modification: { id: MP904, title: Control }
release: June 2024 SEC Release
drafter: SECAS
date: 2024-05-22
documents:
  Section G: SEC 2024-02
items:
  - id: '1'
    summary: A change.
    proposed: Change it.
    sections: [G1.1]
    edits:
      - kind: insert-text
        in: G1.1
        after: a record
        text: ${text}
`;

function project(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  return dir;
}

describe('findControlChars', () => {
  it('finds C0 controls, a lone CR, U+FFFE/U+FFFF and lone surrogates, with line and column; allows tab, LF, CRLF and surrogate pairs', () => {
    expect(findControlChars('a\tb\r\nc\n\u{1F600} \u00e9')).toEqual([]);
    expect(findControlChars('ab\u0000\nx\u0001y\rz\n\uFFFE\uFFFF\uD800 \uDC00').map((c) => [c.line, c.column, c.code.toString(16)])).toEqual([
      [1, 3, '0'],
      [2, 2, '1'],
      [2, 4, 'd'],
      [3, 1, 'fffe'],
      [3, 2, 'ffff'],
      [3, 3, 'd800'],
      [3, 5, 'dc00'],
    ]);
  });
});

describe('change logs', () => {
  for (const [name, yaml, what] of [
    ['a NUL escape', '" and \\0 more"', 'NUL \\(U\\+0000\\) in this value \\(character 6\\)'],
    ['U+0001', '" and \\x01 more"', 'control character U\\+0001'],
    ['U+FFFE', '" and \\uFFFE more"', 'non-character U\\+FFFE'],
    ['a lone surrogate', '" and \\uD800 more"', 'lone surrogate U\\+D800'],
    ['a raw U+0001', `' and \u0001 more'`, 'control character U\\+0001'],
  ] as const) {
    it(`refuses ${name} in a value, at its position`, () => {
      const { log: l, problems } = loadChangeLog(log(yaml), 'c.yaml');
      expect(l).toBeNull();
      expect(formatted(problems).join('\n')).toMatch(new RegExp(`^c\\.yaml:16:15  ${what}.*: remove it .*\\[control-character\\]`));
    });
  }

  it('apply refuses and writes nothing', async () => {
    const dir = project('apply', { 'sections/section-G.md': DOC, 'c.yaml': log('" and \\0 more"') });
    const r = await runCli(['apply', 'c.yaml', '--write'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^c\.yaml:16:15  NUL/);
    expect(readFileSync(join(dir, 'sections/section-G.md'), 'utf8')).toBe(DOC);
  });
});

describe('documents, titles and authors', () => {
  const bad = DOC.replace('keep a record', 'keep a\u0000record');
  it('check, fmt --check, apply and diff refuse a NUL in a clause, at its line and column', async () => {
    const dir = project('doc', { 'sections/section-G.md': bad, 'good.md': DOC, 'c.yaml': log("' too'") });
    for (const argv of [['check'], ['fmt', '--check'], ['apply', 'c.yaml', '--dry-run'], ['diff', 'good.md', 'sections/section-G.md']]) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.stderr + r.stdout, argv.join(' ')).toMatch(/sections\/section-G\.md:10:29  NUL \(U\+0000\): remove it/);
    }
  });

  it('annex refuses a control character in --title, --author and --classification', async () => {
    const dir = project('flags', { 'sections/section-G.md': DOC, 'new.md': DOC.replace('a record', 'a full record') });
    for (const [flag, value] of [['--title', 'Draft\u0007'], ['--author', 'SEC\u0000AS'], ['--classification', '\uFFFF']]) {
      const r = await runCli(['annex', 'sections/section-G.md', 'new.md', '--format', 'md', flag!, value!], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^sec-redline: ${flag}: .* at character \\d+: remove it`));
    }
  });
});
