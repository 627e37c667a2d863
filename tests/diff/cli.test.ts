// `sec-redline diff` end to end: files, directories, Git revisions, formats, exit codes, -o.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';

const LONG_A = 'Each User shall take reasonable steps to ensure that its Systems are protected against Compromise.';

function section(code: string, body: string, version = 'SEC 2024-06'): string {
  return `---\nkind: section\ncode: ${code}\ntitle: Section ${code} Title\nversion: ${version}\n---\n\n${body.trim()}\n`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sec-diff-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
  const abs = join(dir, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, text);
}

function twoTrees(): void {
  write('old/section-G.md', section('G', `## G3 Incidents\n\nG3.1 ${LONG_A}\n\nG3.2 The DCC shall pay £35,000,000 within 30 days.\n\nG3.3 Not used`));
  write('new/section-G.md', section('G', `## G3 Incidents\n\nG3.1 ${LONG_A}\n\nG3.2 The DCC shall pay £55,000,000 within 30 days.\n\nG3.3 Not used`, 'SEC 2024-09'));
  write('old/section-H.md', section('H', 'H1.1 Unchanged text of Section H.'));
  write('new/section-H.md', section('H', 'H1.1 Unchanged text of Section H.'));
  write('old/section-X.md', section('X', 'X1.1 A section that goes away.'));
  write('new/section-M.md', section('M', 'M1.1 A section that arrives.'));
}

describe('sec-redline diff: directories and files', () => {
  it('pairs documents by file name; identical documents are compared but not shown', async () => {
    twoTrees();
    const r = await runCli(['diff', 'old', 'new', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { summary: { documents: Record<string, number> }; documents: { file: string; status: string; clauses: { id: string; status: string }[] }[] };
    expect(json.summary.documents).toEqual({ compared: 4, changed: 1, inserted: 1, deleted: 1, unchanged: 1 });
    // SEC order: G, M, X.
    expect(json.documents.map((d) => [d.file, d.status])).toEqual([
      ['section-G.md', 'changed'],
      ['section-M.md', 'inserted'],
      ['section-X.md', 'deleted'],
    ]);
    expect(json.documents[0]!.clauses.map((c) => [c.id, c.status])).toEqual([['G3.2', 'changed']]);
  });

  it('--stat: one line per document and the totals', async () => {
    twoTrees();
    const r = await runCli(['diff', 'old', 'new', '--stat'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        ' section-G.md | clause: 1 changed; +1 -1 words',
        // Clause numbers are not words: 'M1.1 A section that arrives.' adds 4.
        ' section-M.md | document inserted; clause: 1 inserted; +4 -0 words',
        ' section-X.md | document deleted; clause: 1 deleted; +0 -5 words',
        '4 documents compared (1 changed, 1 inserted, 1 deleted); clauses: 1 changed, 1 inserted, 1 deleted; 5 words added, 6 removed.',
        '',
      ].join('\n'),
    );
  });

  it('text format: git word-diff brackets when not a terminal, ANSI colour on a terminal, none with NO_COLOR', async () => {
    twoTrees();
    const plain = await runCli(['diff', 'old/section-G.md', 'new/section-G.md'], dir);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('G3.2 The DCC shall pay [-£35,000,000-]{+£55,000,000+} within 30 days.');
    expect(plain.stdout).toContain('@@ G3.2 changed @@');
    expect(plain.stdout).not.toContain('\u001b[');

    const tty = async (env: Record<string, string>): Promise<string> => {
      let out = '';
      await main({ argv: ['diff', 'old/section-G.md', 'new/section-G.md'], cwd: dir, env, stdout: { write: (s: string) => (out += s), isTTY: true }, stderr: { write: () => true } });
      return out;
    };
    const coloured = await tty({});
    expect(coloured).toContain('\u001b[31;9m£35,000,000\u001b[0m\u001b[32;4m£55,000,000\u001b[0m');
    expect(coloured).not.toContain('[-');
    expect(await tty({ NO_COLOR: '1' })).not.toContain('\u001b[');
    const forced = await runCli(['diff', 'old/section-G.md', 'new/section-G.md', '--color', 'always'], dir);
    expect(forced.stdout).toContain('\u001b[31;9m');
  });

  it('identical inputs: exit 0 and only the summary', async () => {
    twoTrees();
    for (const format of ['text', 'md']) {
      const r = await runCli(['diff', 'old/section-H.md', 'new/section-H.md', '--format', format], dir);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(/^(\{>> )?No differences \(1 document compared\)\.( <<\})?$/);
    }
    const json = await runCli(['diff', 'old/section-H.md', 'new/section-H.md', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schema: 'sec-redline/diff@1', documents: [] });
  });

  it('--context N shows N unchanged clauses around each change', async () => {
    twoTrees();
    const r = await runCli(['diff', 'old/section-G.md', 'new/section-G.md', '--context', '1', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { documents: { clauses: { id: string; context: boolean }[] }[] };
    expect(json.documents[0]!.clauses.map((c) => [c.id, c.context])).toEqual([
      ['G3.1', true],
      ['G3.2', false],
      ['G3.3', true],
    ]);
  });

  it('-o writes the output file atomically and prints nothing', async () => {
    twoTrees();
    const r = await runCli(['diff', 'old', 'new', '--format', 'md', '-o', 'out/redline.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const written = readFileSync(join(dir, 'out', 'redline.md'), 'utf8');
    expect(written).toContain('G3.2 The DCC shall pay {~~£35,000,000~>£55,000,000~~} within 30 days.');
    expect(readdirSync(join(dir, 'out'))).toEqual(['redline.md']);
  });

  it('a file that is not in canonical form is parsed in full and still diffed correctly', async () => {
    write('a.md', section('G', `G3.1 The DCC shall notify\nthe Panel within 5 days.\n\n* (a) in writing;`));
    write('b.md', section('G', `G3.1 The DCC shall notify\nthe Panel within 10 days.\n\n* (a) in writing;`));
    const r = await runCli(['diff', 'a.md', 'b.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('G3.1 The DCC shall notify the Panel within [-5-]{+10+} days.');
    // The '*' bullet reads as the canonical '-' (the full parse), and the unchanged item is not marked.
    expect(r.stdout).toContain('\n- (a) in writing;\n');
  });

  it('problems in an input are reported with positions and exit 2 (1 would mean "different")', async () => {
    write('a.md', section('G', 'G3.1 Text.'));
    write('b.md', 'no front matter\n');
    const r = await runCli(['diff', 'a.md', 'b.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^b\.md:1:1 {2}.*front matter/m);
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2', async () => {
    twoTrees();
    for (const argv of [
      ['diff', 'old', 'new/section-G.md'],
      ['diff', 'old'],
      ['diff', 'old', 'missing'],
      ['diff', 'old', 'new', '--format', 'xml'],
      ['diff', 'old', 'new', '--context', 'two'],
      ['diff', 'old', 'new', '--to', 'HEAD'],
    ]) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^sec-redline: /);
    }
  });
});

describe('sec-redline diff: Git revisions', () => {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

  beforeEach(() => {
    git('init', '-q');
    write('sections/section-G.md', section('G', `G3.1 ${LONG_A}\n\nG3.2 The DCC shall pay £35,000,000.`));
    write('sections/section-H.md', section('H', 'H1.1 Stays the same.'));
    write('README.md', 'not a SEC document\n');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    write('sections/section-G.md', section('G', `G3.1 ${LONG_A}\n\nG3.2 The DCC shall pay £55,000,000.`));
    git('commit', '-q', '-am', 'two');
  });

  it('--from REV --to REV compares two commits (default path sections/)', async () => {
    const r = await runCli(['diff', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('G3.2 The DCC shall pay {~~£35,000,000~>£55,000,000~~}.');
    expect(r.stdout).toContain('{>> section-G.md: SEC 2024-06 <<}');
    expect(r.stdout).toContain('2 documents compared (1 changed)');
  });

  it('--from REV alone compares with the working tree, also from a subdirectory and for one file', async () => {
    write('sections/section-H.md', section('H', 'H1.1 Stays the same, mostly.'));
    const r = await runCli(['diff', '--from', 'HEAD', '--stat'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(' section-H.md | clause: 1 changed; +1 -0 words');
    expect(r.stdout).not.toContain('section-G.md');

    const sub = await runCli(['diff', '--from', 'HEAD~1', '--stat', 'section-G.md'], join(dir, 'sections'));
    expect(sub.stderr).toBe('');
    expect(sub.stdout).toContain('1 document compared (1 changed)');

    const same = await runCli(['diff', '--from', 'HEAD', '--to', 'HEAD'], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('No differences (2 documents compared).\n');
  });

  it('a bad revision is a usage error', async () => {
    const r = await runCli(['diff', '--from', 'no-such-rev'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: unknown Git revision 'no-such-rev'/);
  });
});
