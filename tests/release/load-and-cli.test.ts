// The release file (schema, positions, paths kept inside the repository) and the command's edges: usage
// errors, a symbolic link out of the repository, the matrix written to files (CSV, DOCX read back by pandoc).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRelease, repoPath } from '../../src/release/index.js';
import { runCli } from '../helpers/run-cli.js';
import { requireTool } from '../helpers/tools.js';
import { pandocUnits, runPandoc } from '../docx/pandoc.js';
import { parseCsv } from './csv.js';

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'release');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'release-cli-'));
  temps.push(d);
  return d;
}

describe('repoPath', () => {
  it('normalises paths inside the repository', () => {
    expect(repoPath('annexes/mp260/changes.yaml')).toEqual({ path: 'annexes/mp260/changes.yaml', error: null });
    expect(repoPath('./annexes/x/../mp260/changes.yml')).toEqual({ path: 'annexes/mp260/changes.yml', error: null });
  });

  it('refuses paths that leave it, with a clear message', () => {
    expect(repoPath('../../etc/passwd').error).toBe(
      "'../../etc/passwd' leads outside the repository: a change log must be inside it, named relative to the repository root (e.g. 'annexes/mp260-service-desk-hours/changes.yaml')",
    );
    expect(repoPath('annexes/../../x.yaml').error).toMatch(/leads outside the repository/);
    expect(repoPath('/etc/passwd').error).toMatch(/is an absolute path/);
    expect(repoPath('C:/x/changes.yaml').error).toMatch(/is an absolute path/);
    expect(repoPath('~/changes.yaml').error).toMatch(/is an absolute path/);
    expect(repoPath('annexes\\x\\changes.yaml').error).toMatch(/'\/' separators/);
    expect(repoPath('annexes/').error).toMatch(/is a directory/);
    expect(repoPath('annexes/x/changes.txt').error).toMatch(/expected a \.yaml file/);
    expect(repoPath('').error).toMatch(/relative to the repository root/);
  });
});

describe('loadRelease', () => {
  it('reads the example release with positions', () => {
    const { release, problems } = loadRelease(readFileSync(join(REPO, 'releases/example.yaml'), 'utf8'), 'releases/example.yaml');
    expect(problems).toEqual([]);
    expect(release!.name).toBe('June 2024 SEC Release');
    expect(release!.date).toBe('2024-06-27');
    expect(release!.drafter).toBe('SECAS');
    expect(release!.modifications.map((m) => [m.number, m.changes, m.status, m.id])).toEqual([
      [1, 'annexes/housekeeping-2024/changes.yaml', 'approved', 'MP250'],
      [2, 'annexes/mp260-service-desk-hours/changes.yaml', 'approved', 'MP260'],
      [3, 'annexes/mp261-comms-failure-reports/changes.yaml', 'targeted', 'MP261'],
    ]);
    expect(release!.modifications[0]!.changesPos).toEqual({ line: 7, column: 14 });
    expect(release!.versions.find((v) => v.doc === 'Appendix AD')).toEqual({ doc: 'Appendix AD', version: 'DUIS 5.3', pos: { line: 24, column: 3 } });
  });

  it('defaults the drafter to SECAS and canonicalises document IDs', () => {
    const { release } = loadRelease('name: R\ndate: 2024-06-27\nmodifications:\n  - { changes: a/changes.yaml, status: approved }\nversions:\n  appendix ad: DUIS 5.3\n', 'r.yaml');
    expect(release!.drafter).toBe('SECAS');
    expect(release!.versions[0]!.doc).toBe('Appendix AD');
  });

  it('reports YAML errors and an empty file as release problems', () => {
    const bad = loadRelease('name: [unclosed\n', 'r.yaml');
    expect(bad.release).toBeNull();
    expect(bad.problems.map((p) => p.rule)).toEqual(['release-yaml']);
    const empty = loadRelease('', 'r.yaml');
    expect(empty.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['1:1 the release file is empty: expected a map with name, date, modifications and versions']);
    const missing = loadRelease('name: R\n', 'r.yaml');
    expect(missing.problems.map((p) => p.message)).toEqual([
      "release: missing field 'date' (the target date of the release, YYYY-MM-DD)",
      "release: missing field 'modifications' (the ordered list of modifications, each with changes: <path of its change log> and status: approved or targeted)",
      "release: missing field 'versions' (the new version label of each document the release changes, e.g. 'Section G: SEC 2024-06')",
    ]);
  });
});

describe('sec-redline release: usage', () => {
  for (const [args, message] of [
    [['--matrix', '-o', 'm.csv', '--out', 'n.csv'], 'give -o/--output or --out (the same option), not both'],
    [['--by-clause'], '--by-clause goes with --matrix'],
    [['-o', '-'], 'a release writes a folder of documents and two DOCX files: give -o DIR'],
    [['--format', 'csv'], "--format takes text, json, not 'csv'"],
    [['--matrix', '--format', 'xlsx'], "--format takes md, csv, json, not 'xlsx'"],
    [['--matrix', '--format', 'csv', '-o', 'm.docx'], '--format does not apply to a .docx matrix'],
  ] as const) {
    it(`${args.join(' ')}: ${message}`, async () => {
      const r = await runCli(['release', 'releases/example.yaml', ...args], REPO);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`sec-redline: ${message}\n`);
    });
  }

  it('a missing release file is a usage error', async () => {
    const r = await runCli(['release', 'releases/none.yaml'], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sec-redline: cannot read release file releases/none.yaml: no such file\n');
  });

  it('validates without writing when no mode is given', async () => {
    const r = await runCli(['release', 'releases/example.yaml'], REPO);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('left out (targeted): MP261; use --include-targeted to take it in');
    expect(r.stdout).toContain('  Appendix AD: DUIS 5.2 → DUIS 5.3');
    expect(r.stdout.trim().split('\n').pop()).toBe('no conflicts between the modifications; write the result with -o DIR');
  });
});

describe('sec-redline release: a symbolic link out of the repository', () => {
  it('is refused at the release entry, and nothing is read or written', async () => {
    const dir = tempDir();
    const outside = tempDir();
    cpSync(join(FIXTURES, 'targeted'), join(dir, 'repo'), { recursive: true });
    cpSync(join(FIXTURES, '_baseline'), join(dir, 'repo', 'sections'), { recursive: true });
    writeFileSync(join(outside, 'changes.yaml'), readFileSync(join(FIXTURES, 'targeted', 'annexes', 'mp361', 'changes.yaml')));
    rmSync(join(dir, 'repo', 'annexes', 'mp361'), { recursive: true });
    symlinkSync(outside, join(dir, 'repo', 'annexes', 'mp361'));
    const r = await runCli(['release', 'release.yaml', '--out', 'out'], join(dir, 'repo'));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `release.yaml:4:14  modification 1: annexes/mp361/changes.yaml leads outside the repository (through a symbolic link to ${join(outside, 'changes.yaml')}): change logs must be inside it  [release-path]`,
    );
    expect(existsSync(join(dir, 'repo', 'out'))).toBe(false);
  });

  it('--root names the repository when running from elsewhere', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'targeted'), join(dir, 'repo'), { recursive: true });
    cpSync(join(FIXTURES, '_baseline'), join(dir, 'repo', 'sections'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    const r = await runCli(['release', '../repo/release.yaml', '--root', '../repo', '--include-targeted'], join(dir, 'elsewhere'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MP362');
  });
});

describe('sec-redline release: a change log drafted for another release', () => {
  it('is taken in with a warning at its entry', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'targeted'), dir, { recursive: true });
    cpSync(join(FIXTURES, '_baseline'), join(dir, 'sections'), { recursive: true });
    const file = join(dir, 'annexes', 'mp361', 'changes.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('release: Test Release', 'release: November 2024 SEC Release'));
    const r = await runCli(['release', 'release.yaml', '--include-targeted'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "release.yaml:4:5  warning: modification 1 (annexes/mp361/changes.yaml): MP361's change log is drafted for 'November 2024 SEC Release', not 'Test Release'  [release-modification]\n",
    );
  });
});

describe('sec-redline release --matrix -o', () => {
  it('writes CSV by the file extension', async () => {
    const dir = tempDir();
    const file = join(dir, 'matrix.csv');
    const r = await runCli(['release', 'releases/example.yaml', '--matrix', '-o', file], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote the impact matrix (9 rows) to ${file}\n`);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe('Document,Version,MP250,MP260');
  });

  const havePandoc = requireTool('pandoc');
  it.skipIf(!havePandoc)('writes a DOCX table that pandoc reads back cell by cell', async () => {
    const dir = tempDir();
    const file = join(dir, 'matrix.docx');
    const r = await runCli(['release', 'releases/example.yaml', '--matrix', '--by-clause', '--include-targeted', '-o', file], REPO);
    expect(r.code).toBe(0);
    const csv = (await runCli(['release', 'releases/example.yaml', '--matrix', '--by-clause', '--include-targeted', '--format', 'csv'], REPO)).stdout;
    const table = pandocUnits(readFileSync(file), 'all').find((u) => u.style === 'table')!;
    const expected = parseCsv(csv);
    expect(table.rows).toEqual(expected);
    expect(expected.length).toBe(31);
    // The Title paragraph is the document's title to pandoc.
    const meta = (JSON.parse(runPandoc(readFileSync(file), 'all', 'json')) as { meta: { title?: { c: unknown } } }).meta;
    expect(JSON.stringify(meta.title)).toContain('"matrix"');
    expect(runPandoc(readFileSync(file), 'all', 'plain')).toContain('Target date 2024-06-27');
  });
});
