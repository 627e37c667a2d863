// `sec-redline changelog`: options, defaults, Git revisions, and the refusals (exit 1, nothing written) for
// differences no change log can make.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

function section(code: string, body: string, extra: { version?: string; title?: string } = {}): string {
  return `---\nkind: section\ncode: ${code}\ntitle: ${extra.title ?? 'Security'}\nversion: ${extra.version ?? 'SEC 2024-06'}\n---\n\n## ${code}3 Incidents\n\n${body}\n`;
}

function write(rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

const MOD = ['--mod', 'MP270', '--title', 'Incident reporting'];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sec-changelog-'));
  write('old/section-G.md', section('G', 'G3.1 The DCC shall notify teh Panel within one Working Day.'));
  write('new/section-G.md', section('G', 'G3.1 The DCC shall notify the Panel within one Working Day.'));
  write('old/section-H.md', section('H', 'H3.1 Nothing changes here.'));
  write('new/section-H.md', section('H', 'H3.1 Nothing changes here.'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sec-redline changelog', () => {
  it('drafts to standard output with the documented defaults', async () => {
    const r = await runCli(['changelog', 'old', 'new', ...MOD], dir, { SOURCE_DATE_EPOCH: '1767571200' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'modification: { id: MP270, title: Incident reporting }',
        'release: Release to be confirmed',
        'drafter: SECAS',
        'date: 2026-01-05',
        'documents:',
        '  Section G: SEC 2024-06',
        'items:',
        "  - id: '1'",
        "    summary: \"G3.1: 'teh' replaced by 'the'.\"",
        "    proposed: In G3.1, replace 'teh' with 'the'.",
        '    edits:',
        '      - { kind: replace, in: G3.1, find: teh, with: the }',
        '',
      ].join('\n'),
    );
  });

  it('-o writes the file atomically and says what it wrote; --group one makes one item', async () => {
    write('new/section-H.md', section('H', 'H3.1 Nothing much changes here.'));
    const r = await runCli(['changelog', 'old', 'new', ...MOD, '--group', 'one', '--date', '2026-02-01', '--release', 'November 2026 SEC Release', '-o', 'changes.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^MP270: wrote changes\.yaml: 1 item over 2 documents \(/);
    const yaml = readFileSync(join(dir, 'changes.yaml'), 'utf8');
    expect(yaml).toContain('release: November 2026 SEC Release');
    expect(yaml.match(/- id:/g)).toHaveLength(1);
  });

  it('--from REV --to REV drafts between two commits', async () => {
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    write('sections/section-G.md', readFileSync(join(dir, 'old/section-G.md'), 'utf8'));
    git('init', '-q');
    git('-c', 'user.name=SECAS', '-c', 'user.email=secas@example.invalid', 'add', 'sections');
    git('-c', 'user.name=SECAS', '-c', 'user.email=secas@example.invalid', 'commit', '-qm', 'one');
    write('sections/section-G.md', readFileSync(join(dir, 'new/section-G.md'), 'utf8'));
    const r = await runCli(['changelog', '--from', 'HEAD', ...MOD, '--date', '2026-01-05'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('{ kind: replace, in: G3.1, find: teh, with: the }');
  });

  it('refuses, writing nothing, a document added, a title changed, a non-canonical NEW', async () => {
    write('new/section-M.md', section('M', 'M3.1 A new document.'));
    write('new/section-H.md', section('H', 'H3.1 Nothing changes here.', { title: 'Other' }));
    write('new/section-G.md', section('G', 'G3.1 The DCC shall notify the Panel\nwithin one Working Day.'));
    const r = await runCli(['changelog', 'old', 'new', ...MOD, '-o', 'changes.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Section M is new: a change log edits existing documents and cannot add one');
    expect(r.stderr).toContain("the title of Section H changed ('Security' → 'Other')");
    expect(r.stderr).toContain("is not in canonical form: run 'sec-redline fmt");
    expect(existsSync(join(dir, 'changes.yaml'))).toBe(false);
  });

  it('a changed version label is allowed: documents: names the one drafted against', async () => {
    write('new/section-G.md', section('G', 'G3.1 The DCC shall notify the Panel within one Working Day.', { version: 'SEC 2024-09' }));
    const r = await runCli(['changelog', 'old', 'new', ...MOD], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Section G: SEC 2024-06');
  });

  it('usage errors exit 2: a bad --mod, a person as drafter, --group, an output that is an input', async () => {
    expect((await runCli(['changelog', 'old', 'new', '--title', 'x'], dir)).code).toBe(2);
    const bad = await runCli(['changelog', 'old', 'new', '--mod', 'X1', '--title', 'x'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--mod 'X1' is not a modification identifier");
    expect((await runCli(['changelog', 'old', 'new', ...MOD, '--drafter', 'Jo Bloggs'], dir)).code).toBe(2);
    expect((await runCli(['changelog', 'old', 'new', ...MOD, '--group', 'clauses'], dir)).code).toBe(2);
    expect((await runCli(['changelog', 'old', 'new', ...MOD, '--date', '2026-02-30'], dir)).code).toBe(2);
    const over = await runCli(['changelog', 'old', 'new', ...MOD, '-o', 'new/section-G.md'], dir);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is one of the inputs');
  });

  it('no difference at all is exit 1', async () => {
    write('new/section-G.md', readFileSync(join(dir, 'old/section-G.md'), 'utf8'));
    const r = await runCli(['changelog', 'old', 'new', ...MOD], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing to draft');
  });
});
