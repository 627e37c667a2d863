// The `import` command end to end: stdout or -o FILE, a folder to -o DIR in one go, the summary and guesses on
// stderr, and `annex` taking Word files.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocx, p } from './docx-builder.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sec-import-cli-'));
const G = (text: string): Uint8Array => buildDocx({ custom: { kind: 'section', code: 'G', version: 'SEC 2024-06' }, title: 'Security', body: p('G1 General', {}).replace('<w:p>', '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>') + p(text) });

describe('sec-redline import', () => {
  it('writes one document to stdout, with the summary on stderr', async () => {
    writeFileSync(join(dir, 'g.docx'), G('G1.1 The DCC shall comply.'));
    const res = await runCli(['import', 'g.docx'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-06\n---\n\n## G1 General\n\nG1.1 The DCC shall comply.\n');
    expect(res.stderr).toBe("imported g.docx as Section G 'Security': 1 clause, 1 heading, 0 sub-paragraphs, 0 paragraphs, 0 definitions, 0 tables, 0 footnotes, 0 warnings\n");
  });

  it('says what it guessed', async () => {
    writeFileSync(join(dir, 'Section H draft.docx'), buildDocx({ body: p('H1.1 A clause.') }));
    const res = await runCli(['import', 'Section H draft.docx', '-o', 'h.md'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/Section H draft\.docx: guessed kind section \(from the file name or title\)/);
    expect(res.stderr).toMatch(/guessed version 'unversioned' \(no version label in the file: pass --version\)/);
    expect(readFileSync(join(dir, 'h.md'), 'utf8')).toMatch(/^---\nkind: section\ncode: H\ntitle: Untitled\nversion: unversioned\n---\n\nH1\.1 A clause\.\n$/);
  });

  it('imports a folder into -o DIR, each document under its SEC file name', async () => {
    const folder = join(dir, 'word');
    mkdirSync(folder);
    writeFileSync(join(folder, 'SEC Section G.docx'), G('G1.1 One.'));
    writeFileSync(join(folder, 'appendix.docx'), buildDocx({ custom: { kind: 'appendix', code: 'AD', version: 'DUIS 5.2' }, title: 'DCC User Interface Specification', body: p('1.1 One.') }));
    const res = await runCli(['import', 'word', '-o', 'out'], dir);
    expect(res.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['appendix-AD.md', 'section-G.md']);
    expect(res.stderr).toMatch(/^imported 2 documents: 2 clauses, 1 heading/m);
  });

  it('annex compares two Word versions', async () => {
    writeFileSync(join(dir, 'old.docx'), G('G1.1 The DCC shall notify the Panel.'));
    writeFileSync(join(dir, 'new.docx'), G('G1.1 The DCC shall inform the Panel.'));
    const res = await runCli(['annex', 'old.docx', 'new.docx', '--format', 'md', '--date', '2024-06-01'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/G1\.1 The DCC shall \{--notify--\}\{\+\+inform\+\+\} the Panel\.|G1\.1 The DCC shall \{~~notify~>inform~~\} the Panel\./);
  });
});

describe('sec-redline import -o an existing folder', () => {
  it('writes one document into it under its SEC file name', async () => {
    mkdirSync(join(dir, 'into'), { recursive: true });
    writeFileSync(join(dir, 'one.docx'), G('G1.1 One.'));
    const res = await runCli(['import', 'one.docx', '-o', 'into', '--version', 'SEC 2024-07'], dir);
    expect(res.code).toBe(0);
    expect(readFileSync(join(dir, 'into', 'section-G.md'), 'utf8')).toMatch(/^---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-07\n---\n/);
  });
});
