// Git integration in real temporary repositories: `git setup` (idempotent), the diff driver behind `git diff`,
// `git log -p --ext-diff` and `git show --ext-diff`, its fallback for files it cannot read, the pre-commit hook,
// and `annex <changes.yaml> --from REV`.

import { existsSync, readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, git, gitOk, repoRoot, tempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

beforeAll(() => ensureBuilt(), 240_000);

const G = 'sections/section-G.md';

describe('git setup and the diff driver', () => {
  let repo: string;
  let setupOut: string;
  beforeAll(() => {
    repo = tempRepo(['sections/section-G.md', 'sections/section-M.md']);
    const r = cli(repo, ['git', 'setup']);
    expect(r.status).toBe(0);
    setupOut = r.stdout;
    writeFileSync(join(repo, G), readFileSync(join(repo, G), 'utf8').replace('notify teh Panel', 'notify the Panel'));
  });

  it('writes .gitattributes and a driver calling this node and bin by absolute paths', () => {
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8')).toContain('sections/*.md diff=sec-redline\n');
    const command = gitOk(repo, ['config', '--get', 'diff.sec-redline.command']).trim();
    expect(command).toBe(`${process.execPath} ${join(repoRoot, 'bin', 'sec-redline.js')} git diff-driver`);
    expect(setupOut).toContain('added sections/*.md diff=sec-redline');
  });

  it('is idempotent: a second run changes nothing', () => {
    const before = [readFileSync(join(repo, '.gitattributes'), 'utf8'), readFileSync(join(repo, '.git/config'), 'utf8')];
    const r = cli(repo, ['git', 'setup']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('already has sections/*.md diff=sec-redline');
    expect([readFileSync(join(repo, '.gitattributes'), 'utf8'), readFileSync(join(repo, '.git/config'), 'utf8')]).toEqual(before);
  });

  it('git diff prints exactly what sec-redline diff prints for the file, [-old-]{+new+} when piped', async () => {
    const r = git(repo, ['diff'], { PATH: '/usr/bin:/bin' }); // no sec-redline on PATH, no node_modules in the repo
    expect(r.status).toBe(0);
    writeFileSync(join(repo, 'old.md'), gitOk(repo, ['show', `HEAD:${G}`]));
    const direct = await runCli(['diff', 'old.md', G], repo);
    expect(r.stdout).toContain('[-teh-]{+the+}');
    expect(r.stdout).toBe(direct.stdout.replace("· old.md ·", '· section-G.md ·'));
  });

  it('is coloured when Git shows it through its pager', () => {
    const r = git(repo, ['diff'], { GIT_PAGER_IN_USE: 'true' });
    expect(r.stdout).toContain('\u001b[31;9mteh\u001b[0m');
    expect(r.stdout).not.toContain('[-teh-]');
    expect(git(repo, ['diff'], { GIT_PAGER_IN_USE: 'true', NO_COLOR: '1' }).stdout).toContain('[-teh-]');
  });

  it('git log -p --ext-diff and git show --ext-diff print the redline too', () => {
    gitOk(repo, ['commit', '-qam', 'typo']);
    const log = gitOk(repo, ['log', '-p', '--ext-diff', '-1']);
    const show = gitOk(repo, ['show', '--ext-diff', 'HEAD']);
    for (const out of [log, show]) expect(out).toContain('@@ G3.5 changed @@\nG3.5 Without prejudice');
    expect(gitOk(repo, ['show', 'HEAD'])).toContain('-G3.5 Without prejudice'); // without --ext-diff: Git's own
  });

  it("falls back to Git's own diff, with a one-line warning, for a file it cannot read", () => {
    mkdirSync(join(repo, 'sections'), { recursive: true });
    writeFileSync(join(repo, 'sections/broken.md'), '---\nkind: section\n---\n\nSome text.\n');
    gitOk(repo, ['add', 'sections/broken.md']);
    gitOk(repo, ['commit', '-qm', 'broken', '--no-verify']);
    appendFileSync(join(repo, 'sections/broken.md'), 'More text.\n');
    const r = git(repo, ['diff']);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sec-redline: cannot read sections\/broken\.md as an SEC document: .*; showing Git's own diff$/)]);
    expect(r.stdout).toMatch(/^diff --git a\/sections\/broken\.md b\/sections\/broken\.md\n/);
    expect(r.stdout).toContain('--- a/sections/broken.md\n+++ b/sections/broken.md\n');
    expect(r.stdout).toContain('+More text.');
  });
});

describe('the pre-commit hook', () => {
  let repo: string;
  beforeAll(() => {
    repo = tempRepo(['sections/section-M.md', 'annexes/housekeeping-2024/changes.yaml']);
    expect(cli(repo, ['git', 'setup', '--hook']).status).toBe(0);
  });

  it('passes a canonical, clean document', () => {
    const m = join(repo, 'sections/section-M.md');
    writeFileSync(m, readFileSync(m, 'utf8').replace('pre-paid first class post', 'pre-paid first-class post'));
    gitOk(repo, ['add', '-A']);
    expect(git(repo, ['commit', '-qm', 'ok']).status).toBe(0);
  });

  it('refuses a document not in canonical form, saying how to skip; --no-verify and SEC_REDLINE_SKIP_HOOK skip it', () => {
    const m = join(repo, 'sections/section-M.md');
    writeFileSync(m, readFileSync(m, 'utf8').replace(/\n\n/, '\n\n\n'));
    gitOk(repo, ['add', '-A']);
    const r = git(repo, ['commit', '-qm', 'bad']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/sections\/section-M\.md:\d+:1 +Not in canonical form/);
    expect(r.stderr).toContain('commit with --no-verify to skip');
    expect(git(repo, ['commit', '-qm', 'bad'], { SEC_REDLINE_SKIP_HOOK: '1' }).status).toBe(0);
  });

  it('checks what is staged, not the working tree', () => {
    const log = join(repo, 'annexes/housekeeping-2024/changes.yaml');
    writeFileSync(log, readFileSync(log, 'utf8').replace('items:', 'itemz:'));
    gitOk(repo, ['add', '-A']);
    writeFileSync(log, readFileSync(join(repoRoot, 'annexes/housekeeping-2024/changes.yaml'), 'utf8')); // fixed, but not staged
    const r = git(repo, ['commit', '-qm', 'bad log']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/annexes\/housekeeping-2024\/changes\.yaml:\d+:\d+ .*itemz/);
    expect(git(repo, ['commit', '-qm', 'bad log', '--no-verify']).status).toBe(0);
  });

  it('never overwrites a hook it did not write: exit 2, nothing written', () => {
    const other = tempRepo(['sections/section-M.md']);
    writeFileSync(join(other, '.git/hooks/pre-commit'), '#!/bin/sh\nexit 0\n');
    const r = cli(other, ['git', 'setup', '--hook']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/pre-commit exists and was not written by sec-redline: nothing changed/);
    expect(existsSync(join(other, '.gitattributes'))).toBe(false);
    expect(git(other, ['config', '--get', 'diff.sec-redline.command']).status).toBe(1);
  });
});

describe('annex <changes.yaml> --from REV', () => {
  it('builds the annex against the documents at a revision after apply --write', async () => {
    const repo = tempRepo(['sections', 'annexes/housekeeping-2024/changes.yaml']);
    const log = 'annexes/housekeeping-2024/changes.yaml';
    expect((await runCli(['apply', log, '--write'], repo)).code).toBe(0);
    const again = await runCli(['annex', log, '-o', 'a.md'], repo);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already applied');
    const r = await runCli(['annex', log, '--from', 'HEAD', '-o', 'annex.md'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const committed = readFileSync(join(repoRoot, 'annexes/housekeeping-2024/annex-a.md'), 'utf8');
    expect(readFileSync(join(repo, 'annex.md'), 'utf8')).toBe(committed);
    const page = await runCli(['review', log, '--from', 'HEAD', '-o', 'review.html'], repo);
    expect(page.code).toBe(0);
  });

  it('an unknown revision or a path outside the repository: exit 2, nothing written', async () => {
    const repo = tempRepo(['sections/section-G.md', 'annexes/housekeeping-2024/changes.yaml']);
    const log = 'annexes/housekeeping-2024/changes.yaml';
    const bad = await runCli(['annex', log, '--from', 'nope', '-o', 'x.docx'], repo);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("unknown Git revision 'nope'")]);
    const outside = await runCli(['annex', log, '--from', 'HEAD', '--sections', '/tmp', '-o', 'x.docx'], repo);
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringContaining('is outside the Git repository')]);
    expect(existsSync(join(repo, 'x.docx'))).toBe(false);
  });

  it('outside any repository, git setup says so: exit 2', () => {
    const r = cli('/', ['git', 'setup']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: git rev-parse failed: fatal: not a git repository/);
  });
});
