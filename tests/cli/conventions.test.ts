// Issue 16, item 9 (and 5, 6): the conventions every command follows (README "Conventions"): the repository
// found from a subdirectory, one output option (-o/--output, `-o -` for stdout, --out kept as an alias),
// -q/--quiet, colour switches, `-` for stdin, --format json, fmt --diff, near-match hints, a closed pipe.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const REPO = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sec-conventions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the repository's sections/ and the housekeeping change log, with a subdirectory to work from. */
function repo(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO, 'sections'), join(dir, 'sections'), { recursive: true });
  cpSync(join(REPO, 'annexes/housekeeping-2024/changes.yaml'), join(dir, 'annexes/housekeeping-2024/changes.yaml'));
  mkdirSync(join(dir, 'annexes/work'), { recursive: true });
  return dir;
}
const LOG = 'annexes/housekeeping-2024/changes.yaml';

describe('the repository is found from a subdirectory', () => {
  const dir = repo('subdir');
  const sub = join(dir, 'annexes/work');

  it('check, ids and show read the sections/ of the nearest ancestor', async () => {
    const check = await runCli(['check'], sub);
    // The sections hold the five errors the housekeeping corrects; what matters is that all nine were read.
    expect(check.stderr).toMatch(/ in 9 files\n$/);
    // Files outside the cwd are shown by their absolute path, which a terminal or an editor can open.
    expect(check.stdout).toContain(`${join(dir, 'sections/section-A.md')}:`);
    const ids = await runCli(['ids', '--clauses'], sub);
    expect(ids.stdout).toContain('G3.5\n');
    const show = await runCli(['show', 'G3.5'], sub);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^G3\.5 /);
  });

  it('apply takes the change log relative to the cwd and the documents from the root', async () => {
    const r = await runCli(['apply', '../housekeeping-2024/changes.yaml', '--dry-run'], sub);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`would change 9 documents: ${join(dir, 'sections/appendix-AD.md')}`);
  });
});

describe('one output option', () => {
  it('-o - writes to stdout (no file named -), --out stays an alias, -o FILE writes the file', async () => {
    const dir = repo('output');
    const dash = await runCli(['table', LOG, '-o', '-'], dir);
    expect(dash.code).toBe(0);
    expect(dash.stdout).toMatch(/^\| Item \|/);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const alias = await runCli(['table', LOG, '--out', 't.md'], dir);
    expect(alias.stdout).toBe('MP250: wrote the items table (27 items) to t.md\n');
    const long = await runCli(['table', LOG, '--output', 't2.md'], dir);
    expect(readFileSync(join(dir, 't2.md'), 'utf8')).toBe(readFileSync(join(dir, 't.md'), 'utf8'));
    expect(long.code).toBe(0);
    const annex = await runCli(['annex', LOG, '-o', '-'], dir);
    expect(annex.stdout).toMatch(/^# /m);
    const ids = await runCli(['ids', 'sections/section-G.md', '-o', 'ids.txt'], dir);
    expect(ids.stdout).toBe('');
    expect(readFileSync(join(dir, 'ids.txt'), 'utf8')).toMatch(/^G3\.5$/m);
  });

  it('apply -o DIR (and --out DIR) writes the documents; -o - prints the one amended document', async () => {
    const dir = repo('apply-out');
    const r = await runCli(['apply', LOG, '-o', 'amended'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'amended/section-G.md'))).toBe(true);
    const old = await runCli(['apply', LOG, '--out', 'amended2'], dir);
    expect(old.code).toBe(0);
    expect(existsSync(join(dir, 'amended2/section-G.md'))).toBe(true);
    const many = await runCli(['apply', LOG, '-o', '-'], dir);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/-o - prints one amended document, but this change log changes 9: give -o DIR/);
  });

  it('-q/--quiet drops status lines, before or after the command name', async () => {
    const dir = repo('quiet');
    expect((await runCli(['table', LOG, '-o', 't.md', '-q'], dir)).stdout).toBe('');
    expect((await runCli(['--quiet', 'table', LOG, '-o', 't.md'], dir)).stdout).toBe('');
    const check = await runCli(['check', '-q', '--format', 'text'], dir);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/\[duplicate-definition\]/);
  });
});

describe('colour', () => {
  const args = ['diff', 'sections/section-G.md', 'amended/section-G.md'];
  const dir = repo('colour');
  writeFileSync(join(dir, 'amended.md'), '');
  mkdirSync(join(dir, 'amended'));
  writeFileSync(join(dir, 'amended/section-G.md'), readFileSync(join(dir, 'sections/section-G.md'), 'utf8').replace('teh', 'the'));
  const ESC = '\u001b[';

  it('FORCE_COLOR turns it on through a pipe; --no-color and NO_COLOR turn it off', async () => {
    expect((await runCli(args, dir, { NO_COLOR: undefined })).stdout).not.toContain(ESC);
    expect((await runCli(args, dir, { NO_COLOR: undefined, FORCE_COLOR: '1' })).stdout).toContain(ESC);
    expect((await runCli([...args, '--no-color'], dir, { NO_COLOR: undefined, FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await runCli(['--no-color', ...args, '--color', 'always'], dir)).stdout).not.toContain(ESC);
    expect((await runCli([...args, '--color', 'always'], dir)).stdout).toContain(ESC);
    expect((await runCli(args, dir, { NO_COLOR: undefined, FORCE_COLOR: '0' })).stdout).not.toContain(ESC);
  });
});

describe('- reads standard input', () => {
  const dir = repo('stdin');
  const g = readFileSync(join(dir, 'sections/section-G.md'), 'utf8');

  it('check -, ids -, fmt - and diff FILE -', async () => {
    const check = await runCli(['check', '-', '--format', 'json'], dir, {}, g.replace('G3.5 ', 'G3.9 '));
    expect(check.stdout).toMatch(/"file": "-"/);
    const ids = await runCli(['ids', '-', '--clauses'], dir, {}, g);
    expect(ids.stdout).toContain('G3.5\n');
    const fmt = await runCli(['fmt', '-'], dir, {}, g.replace('\n\n## G2', '\n\n\n## G2'));
    expect(fmt.stdout).toBe(g);
    const diff = await runCli(['diff', 'sections/section-G.md', '-', '--stat'], dir, {}, g.replace('teh', 'the'));
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^ - \| clause: 1 changed; \+1 -1 words$/m);
  });

  it('apply - and table - read the change log', async () => {
    const log = readFileSync(join(dir, LOG), 'utf8');
    const apply = await runCli(['apply', '-', '--dry-run'], dir, {}, log);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/^MP250 /);
    const table = await runCli(['table', '-'], dir, {}, log);
    expect(table.stdout).toMatch(/^\| Item \|/);
  });
});

describe('--format json', () => {
  const dir = repo('json');

  it('apply --dry-run, ids, show and release print one JSON document', async () => {
    const apply = JSON.parse((await runCli(['apply', LOG, '--dry-run', '--format', 'json'], dir)).stdout);
    expect(apply.modification.id).toBe('MP250');
    expect(apply.items).toHaveLength(27);
    expect(apply.items[0].blocks[0]).toEqual({ id: 'A1.1[SM WAN]', status: 'inserted' });
    const ids = JSON.parse((await runCli(['ids', 'sections/section-G.md', '--format', 'json'], dir)).stdout);
    expect(ids.find((r: { id: string }) => r.id === 'G3.5')).toMatchObject({ kind: 'clause', file: 'sections/section-G.md' });
    const show = JSON.parse((await runCli(['show', 'H17.5', '--format', 'json'], dir)).stdout);
    expect(show.blocks.map((b: { id: string }) => b.id).slice(0, 2)).toEqual(['H17.5', 'H17.5(a)']);
    const release = await runCli(['release', 'releases/example.yaml', '--format', 'json'], REPO);
    expect(release.code).toBe(0);
    expect(JSON.parse(release.stdout).modifications.map((m: { id: string }) => m.id)).toEqual(['MP250', 'MP260']);
  });

  it('diff --stat --format json prints the counts as JSON', async () => {
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new/section-G.md'), readFileSync(join(dir, 'sections/section-G.md'), 'utf8').replace('teh', 'the'));
    const r = await runCli(['diff', 'sections/section-G.md', 'new/section-G.md', '--stat', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const stat = JSON.parse(r.stdout);
    expect(stat.summary.clauses.changed).toBe(1);
    expect(stat.documents[0].words).toEqual({ added: 1, removed: 1 });
  });
});

describe('show: cells and near matches', () => {
  it('{Column} prints that cell; an unknown column lists the columns; an unknown ID names the nearest', async () => {
    const cell = await runCli(['show', 'AD 3.5.10[E63]{Description}'], REPO);
    expect(cell.code).toBe(0);
    expect(cell.stdout).toBe('The Schedule identified in the Service Request does not exist\n');
    const bad = await runCli(['show', 'AD 3.5.10[E63]{Foo}'], REPO);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("sec-redline: Appendix AD 3.5.10[E63] has no column 'Foo': the columns are 'Code', 'Description', 'Response'\n");
    const near = await runCli(['show', 'G3.51'], REPO);
    expect(near.code).toBe(1);
    expect(near.stderr).toMatch(/no clause G3\.51 in sections\/section-G\.md: did you mean 'G3\.1' or 'G3\.5'/);
    const lower = await runCli(['show', 'g3.5'], REPO);
    expect(lower.stderr).toBe("sec-redline: 'g3.5' is not a clause ID: did you mean 'G3.5'?\n");
  });
});

describe('fmt --diff', () => {
  it('prints a unified diff of what fmt would change, writes nothing, exits 1', async () => {
    const dir = repo('fmt-diff');
    const file = join(dir, 'sections/section-G.md');
    const before = readFileSync(file, 'utf8').replace('\n\n## G2', '\n\n\n## G2');
    writeFileSync(file, before);
    const r = await runCli(['fmt', '--diff'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^--- a\/sections\/section-G\.md\n\+\+\+ b\/sections\/section-G\.md\n@@ /m);
    expect(r.stdout).toMatch(/^-$/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('a closed pipe ends the command quietly', () => {
  it('ids | head -1 prints one ID, no EPIPE, no stack trace', () => {
    const script = join(tmp, 'run.mts');
    writeFileSync(script, `import { runAsProcess } from ${JSON.stringify(join(REPO, 'src/cli/process.ts'))};\nawait runAsProcess();\n`);
    // Far more than a pipe's buffer (64 KB), so the writer is still writing when head has gone.
    const sections = Array(16).fill('sections').join(' ');
    const r = spawnSync('bash', ['-c', `set -o pipefail; node --import tsx ${script} ids ${sections} | head -1`], { cwd: REPO, encoding: 'utf8' });
    expect(r.stdout).toBe('Appendix AD 1\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
  }, 30_000);
});
