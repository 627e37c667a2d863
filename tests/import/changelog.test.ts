// `import redline.docx --changelog`: a tracked Word document becomes a change log whose apply on sections/
// gives exactly the accepted text; a baseline that is not sections/ is refused clause by clause; a person's
// name never reaches the log; the log's `notes` field validates.

import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocx } from './docx-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { importDocx } from '../../src/import/index.js';
import { loadChangeLog } from '../../src/changelog/index.js';
import { revisionNotes } from '../../src/cli/import-changelog.js';

const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const ins = (id: number, author: string, date: string, text: string): string => `<w:ins w:id="${id}" w:author="${author}" w:date="${date}T10:00:00Z">${r(text)}</w:ins>`;
const del = (id: number, author: string, date: string, text: string): string => `<w:del w:id="${id}" w:author="${author}" w:date="${date}T10:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;

// The document in sections/, written in SEC drafting style for this test.
const SECTION = `---
kind: section
code: G
title: Security
version: SEC 2024-06
---

## G1 General

G1.1 The DCC shall notify the Panel of each Security Incident within five Working Days.

G1.2 Each User shall keep a record of its Security Controls.

G1.3 The Panel may publish guidance on this Section G1.
`;

const ACCEPTED_BODY = `
## G1 General

G1.1 The DCC shall inform the Panel of each Security Incident within three Working Days.

G1.2 Each User shall keep a record of its Security Controls.

G1.3 The Panel may publish guidance on this Section G1.
`;

/** The redline: G1.1's 'notify' → 'inform' (by a person) and 'five' → 'three' (by SECAS), on two days. */
function redline(g12 = 'G1.2 Each User shall keep a record of its Security Controls.'): Uint8Array {
  const body =
    para(r('G1 General'), '<w:pStyle w:val="Heading2"/>') +
    para(`${r('G1.1 The DCC shall ')}${del(1, 'Jo Bloggs', '2024-05-20', 'notify')}${ins(2, 'Jo Bloggs', '2024-05-20', 'inform')}${r(' the Panel of each Security Incident within ')}${del(3, 'SECAS', '2024-05-21', 'five')}${ins(4, 'SECAS', '2024-05-21', 'three')}${r(' Working Days.')}`) +
    para(r(g12)) +
    para(r('G1.3 The Panel may publish guidance on this Section G1.'));
  return buildDocx({ custom: { kind: 'section', code: 'G', version: 'SEC 2024-06' }, title: 'Security', styles: STYLES, body });
}

function workspace(docx: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'sec-import-changelog-'));
  mkdirSync(join(dir, 'sections'));
  writeFileSync(join(dir, 'sections', 'section-G.md'), SECTION);
  writeFileSync(join(dir, 'redline.docx'), docx);
  return dir;
}

describe('import --changelog: a Word redline → a change log', () => {
  it('drafts a log that applies to a copy of sections/ giving exactly the accepted text, with notes and no personal name', async () => {
    const dir = workspace(redline());
    const res = await runCli(['import', 'redline.docx', '--changelog', 'annexes/MP000/changes.yaml', '--sections', 'sections', '--date', '2024-06-01'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/defaulted --mod MP000 and --mod-title/);
    const yaml = readFileSync(join(dir, 'annexes/MP000/changes.yaml'), 'utf8');
    expect(yaml).not.toMatch(/Jo|Bloggs/);
    const loaded = loadChangeLog(yaml, 'changes.yaml');
    expect(loaded.problems).toEqual([]);
    expect(loaded.log!.modification.id).toBe('MP000');
    for (const item of loaded.log!.items) expect(item.notes).toEqual(['Word revisions of 2024-05-20 by an author', 'Word revisions of 2024-05-21 by SECAS']);
    // The oracle: the ordinary `apply` on a copy of sections/ gives the accepted text byte for byte.
    cpSync(join(dir, 'sections'), join(dir, 'copy'), { recursive: true });
    const applied = await runCli(['apply', 'annexes/MP000/changes.yaml', '--sections', 'copy', '--write'], dir);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(readFileSync(join(dir, 'copy', 'section-G.md'), 'utf8')).toBe(SECTION.replace(/\n\n## G1[\s\S]*$/, `\n${ACCEPTED_BODY}`));
    // And the same text is what `import --tracked accept` reads.
    expect(importDocx(redline(), 'redline.docx', { tracked: 'accept' }).markdown).toBe(readFileSync(join(dir, 'copy', 'section-G.md'), 'utf8'));
  });

  it('a baseline that differs from sections/ is reported at the clause, exit 1, nothing written', async () => {
    const dir = workspace(redline('G1.2 Each User shall keep a full record of its Security Controls.'));
    const res = await runCli(['import', 'redline.docx', '--changelog', 'changes.yaml', '--sections', 'sections', '--mod', 'MP250', '--mod-title', 'Shorter incident notice'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/sections\/section-G\.md:12:1 +G1\.2 differs: .*keep a record.*keep a full record/);
    expect(res.stderr).not.toMatch(/G1\.1|G1\.3/);
    expect(existsSync(join(dir, 'changes.yaml'))).toBe(false);
  });

  it('names a clause the baseline lacks, and writes to standard output with -', async () => {
    const missing = workspace(redline('G1.2A Each User shall keep a record of its Security Controls.'));
    const res = await runCli(['import', '../redline.docx', '--changelog', '../changes.yaml'], join(missing, 'sections'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/section-G\.md:12:1 +G1\.2 is in .* but not in /);
    expect(res.stderr).toMatch(/section-G\.md:10:1 +G1\.2A is in \.\.\/redline\.docx .* but not in .*\(it follows G1\.1\): the redline must start from the text in \./);
    const dir = workspace(redline());
    const out = await runCli(['import', 'redline.docx', '--changelog', '-', '--mod', 'MP250', '--mod-title', 'Shorter incident notice', '--date', '2024-06-01'], dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^modification: \{ id: MP250, title: Shorter incident notice \}\n/);
    expect(out.stderr).not.toMatch(/defaulted/);
    expect(out.stderr).toMatch(/MP250: drafted a change log from redline\.docx: 1 item on Section G 'Security' \(4 tracked revisions\)/);
  });

  it('refuses to write over an input, and --mod-title without --changelog', async () => {
    const dir = workspace(redline());
    const over = await runCli(['import', 'redline.docx', '--changelog', 'sections/section-G.md'], dir);
    expect(over.code).toBe(2);
    expect(readFileSync(join(dir, 'sections', 'section-G.md'), 'utf8')).toBe(SECTION);
    const stray = await runCli(['import', 'redline.docx', '--tracked', 'accept', '--mod-title', 'x'], dir);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--mod-title goes with --changelog/);
  });

  it('revision notes: one per day, roles named, people never', () => {
    expect(revisionNotes([{ author: 'Mary Ann Smith', day: '2024-05-20' }, { author: 'SECAS', day: '2024-05-20' }, { author: 'jo@secas.example' }, { day: '2024-05-22' }])).toEqual([
      'Word revisions without a date by an author',
      'Word revisions of 2024-05-20 by SECAS and another author',
      'Word revisions of 2024-05-22',
    ]);
    // Logins and single names pass the drafter's person test but name no role: never written.
    const notes = revisionNotes([{ author: 'jbloggs', day: '2024-05-20' }, { author: 'Bloggs', day: '2024-05-20' }, { author: 'Bloggs, J', day: '2024-05-20' }, { author: 'Change Sub-Committee', day: '2024-05-21' }]);
    expect(notes).toEqual(['Word revisions of 2024-05-20 by an author', 'Word revisions of 2024-05-21 by Change Sub-Committee']);
  });
});

describe('change log item notes', () => {
  const log = (notes: string): string => `modification: { id: MP250, title: Shorter notice }
release: Release to be confirmed
drafter: SECAS
date: 2024-06-01
documents:
  Section G: SEC 2024-06
items:
  - id: '1'
    summary: G1.1 says five days.
    proposed: Say three days.
    notes: ${notes}
    edits:
      - { kind: replace, in: G1.1, find: five, with: three }
`;
  it('a list of one-line texts loads', () => {
    const r = loadChangeLog(log("['Word revisions of 2024-05-20 by SECAS']"), 'changes.yaml');
    expect(r.problems).toEqual([]);
    expect(r.log!.items[0]!.notes).toEqual(['Word revisions of 2024-05-20 by SECAS']);
  });
  it.each([
    ['text, not a list', "'one note'", /'notes' must be a list of one-line texts/],
    ['a control character', '["a\\tb"]', /note 1 must be one line without control characters/],
    ['an empty note', "['ok', '']", /note 2 must not be empty/],
    ['a map in the list', '[{ a: 1 }]', /note 1 must be text/],
  ])('refuses %s, with its position', (_what, value, message) => {
    const r = loadChangeLog(log(value), 'changes.yaml');
    expect(r.log).toBeNull();
    const p = r.problems.find((q) => message.test(q.message));
    expect(p, r.problems.map((q) => q.message).join('\n')).toBeDefined();
    expect(p!.line).toBe(11);
    expect(p!.column).toBeGreaterThan(1);
  });
});
