// Issue 16, hostile files and scale: inputs that are not regular files, change logs whose items all collide,
// pathological inline runs, huge values in messages. Each ends quickly, with bounded output and memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { boundedRead, MAX_FILE_BYTES } from '../../src/util/files.js';

const tmp = mkdtempSync(join(tmpdir(), 'sec-hostile-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SECTION_G = `---
kind: section
code: G
title: Security
version: SEC 2024-02
---

## G1 General

G1.1 The DCC shall notify teh Panel of each Major Security Incident.
`;

function repo(name: string): string {
  const dir = join(tmp, name);
  execFileSync('mkdir', ['-p', join(dir, 'sections')]);
  writeFileSync(join(dir, 'sections/section-G.md'), SECTION_G);
  return dir;
}

const HEAD = `modification: { id: MP900, title: Hostile }
release: June 2024 SEC Release
drafter: SECAS
date: 2024-05-22
documents:
  Section G: SEC 2024-02
items:
`;

describe('inputs that are not regular files', () => {
  it('refuses /dev/zero as a change log at once, naming what it is', async () => {
    const dir = repo('zero');
    const t = Date.now();
    const r = await runCli(['apply', '/dev/zero', '--dry-run'], dir);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read change log \/dev\/zero: a character device, not a regular file/);
  });

  it('refuses /dev/zero and a FIFO as documents without opening them', async () => {
    const dir = repo('fifo');
    execFileSync('mkfifo', [join(dir, 'sections/pipe.md')]);
    const r = await runCli(['check', 'sections/pipe.md', '/dev/zero'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/sections\/pipe\.md:1:1 {2}Cannot read: a named pipe \(FIFO\), not a regular file/);
    expect(r.stdout).toMatch(/\/dev\/zero:1:1 {2}Cannot read: a character device, not a regular file/);
    // A FIFO inside a directory is refused the same way, not waited on.
    const all = await runCli(['check'], dir);
    expect(all.stdout).toMatch(/pipe\.md:1:1 {2}Cannot read: a named pipe/);
  });

  it('stops reading one byte past the limit whatever the size said', () => {
    let calls = 0;
    const endless = (buf: Buffer, off: number, len: number): number => {
      calls++;
      buf.fill(0, off, off + len);
      return len;
    };
    const r = boundedRead(endless);
    expect(r.bytes).toBeNull();
    expect(r.error).toMatch(/the limit is/);
    expect(calls).toBeLessThanOrEqual(Math.ceil((MAX_FILE_BYTES + 1) / (1 << 20)) + 1);
  });
});

describe('items that all overlap', () => {
  it('reports 2,000 identical replaces in one problem per item, quickly, without a stack overflow', async () => {
    const dir = repo('overlap');
    let yaml = HEAD;
    for (let i = 1; i <= 2000; i++) yaml += `  - id: '${i}'\n    summary: Item ${i}.\n    proposed: Change ${i}.\n    edits:\n      - { kind: replace, in: G1.1, find: teh, with: the }\n`;
    writeFileSync(join(dir, 'changes.yaml'), yaml);
    const t = Date.now();
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|call stack/);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBe(2001); // 2,000 problems and the summary line
    expect(lines[0]).toMatch(/item '1' and 1999 others \('2', '3', '4' and 1996 more\) edit the same text in G1\.1 .*none of them is applied/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
  }, 30_000);
});

describe('pathological inline runs', () => {
  it("answers check on 150 KB of '*a_' at once, with the line of the block", async () => {
    const dir = repo('emphasis');
    writeFileSync(join(dir, 'sections/section-G.md'), `${SECTION_G}\nG1.2 ${'*a_'.repeat(50_000)}\n`);
    const t = Date.now();
    const r = await runCli(['check'], dir);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/section-G\.md:12:1 {2}This block has 50001 runs of '\*' or '_' \(the limit is 2000\)/);
  });

  it('bounds the sum over many blocks too', async () => {
    const dir = repo('emphasis-many');
    let doc = SECTION_G;
    for (let i = 2; i < 60; i++) doc += `\nG1.${i} ${'*a_'.repeat(950)}\n`;
    writeFileSync(join(dir, 'sections/section-G.md'), doc);
    const t = Date.now();
    const r = await runCli(['check'], dir);
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(r.stdout).toMatch(/too many '\*' and '_' runs for the Markdown parser/);
  }, 30_000);
});

describe('messages quote an excerpt, never a whole value', () => {
  it('a 5 MB text file given as a change log', async () => {
    const dir = repo('text-log');
    writeFileSync(join(dir, 'notes.txt'), 'lorem ipsum dolor '.repeat(300_000));
    const r = await runCli(['apply', 'notes.txt', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/must be a map of fields, found 'lorem ipsum dolor .*… \(5399999 characters\)'/);
    expect(r.stderr.length).toBeLessThan(500);
  });

  it('a 1 MB find and a 1 MB insertion', async () => {
    const dir = repo('long-values');
    const long = 'x'.repeat(1_000_000);
    writeFileSync(
      join(dir, 'changes.yaml'),
      `${HEAD}  - id: '1'\n    summary: S.\n    proposed: P.\n    edits:\n      - { kind: replace, in: G1.1, find: '${long}', with: y }\n` +
        `  - id: '2'\n    summary: S.\n    proposed: P.\n    edits:\n      - { kind: insert-paragraph, after: G1.1, text: '${long} x\`' }\n`,
    );
    const r = await runCli(['apply', 'changes.yaml', '--dry-run'], dir);
    expect(r.code).toBe(1);
    for (const line of r.stderr.trim().split('\n')) expect(line.length).toBeLessThan(600);
    // The read-back problem quotes where the texts part, not their first characters.
    expect(r.stderr).toMatch(/wrote paragraph '…x+ x`' \(1000003 characters\)/);
  });
});

describe('the documented examples at scale', () => {
  it('8,000 insert-row items into one table: linear attribution, seconds not minutes', async () => {
    const dir = repo('rows');
    writeFileSync(join(dir, 'sections/section-G.md'), `${SECTION_G}\nG1.2 The following table applies.\n\n| Code | Meaning |\n| --- | --- |\n| K0 | Zero |\n`);
    let yaml = HEAD;
    for (let i = 1; i <= 8000; i++) yaml += `  - id: '${i}'\n    summary: Row ${i}.\n    proposed: Add row ${i}.\n    edits:\n      - { kind: insert-row, table: G1.2, cells: [K${String(i).padStart(5, '0')}, Meaning ${i}] }\n`;
    writeFileSync(join(dir, 'changes.yaml'), yaml);
    const t = Date.now();
    const r = await runCli(['apply', 'changes.yaml', '--dry-run', '--format', 'json'], dir);
    // Was about 60 s here (a pairwise search over the clause's 8,000 edits); now about 5 s on an idle machine.
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(8000);
  }, 60_000);
});
