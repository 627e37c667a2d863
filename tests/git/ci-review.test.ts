// The CI recipe (scripts/ci-review.sh, run by .github/workflows/review.yml) in a temporary repository with two
// branches: main with the documents and two modifications, and a pull-request branch that adds the housekeeping
// change log, applies it and touches the release file. The artifacts are opened and checked.

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, git, gitOk, repoRoot, tempRepo } from '../helpers/git-repo.js';
import { zipText } from '../docx/zip-reader.js';
import { canValidateDocx, validateDocx } from '../helpers/validate-docx.js';

const script = join(repoRoot, 'scripts', 'ci-review.sh');
const cliCommand = `${process.execPath} ${join(repoRoot, 'bin', 'sec-redline.js')}`;

function ciReview(repo: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('bash', [script, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, SEC_REDLINE: cliCommand, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr };
}

describe('scripts/ci-review.sh on a pull-request branch', () => {
  let repo: string;
  let run: { status: number | null; stderr: string };
  const out = (p: string): string => join(repo, 'artifacts', p);

  beforeAll(() => {
    ensureBuilt();
    repo = tempRepo(['sections', 'annexes/mp260-service-desk-hours', 'annexes/mp261-comms-failure-reports', 'releases/example.yaml']);
    gitOk(repo, ['checkout', '-qb', 'mp250']);
    spawnSync('mkdir', ['-p', join(repo, 'annexes/housekeeping-2024')]);
    spawnSync('cp', [join(repoRoot, 'annexes/housekeeping-2024/changes.yaml'), join(repo, 'annexes/housekeeping-2024/')]);
    const apply = spawnSync(process.execPath, [join(repoRoot, 'bin', 'sec-redline.js'), 'apply', 'annexes/housekeeping-2024/changes.yaml', '--write'], { cwd: repo, encoding: 'utf8' });
    expect(apply.status).toBe(0);
    appendFileSync(join(repo, 'releases/example.yaml'), '# MP250 drafted on this branch\n');
    gitOk(repo, ['add', '-A']);
    gitOk(repo, ['commit', '-qm', 'MP250 housekeeping']);
    run = ciReview(repo, ['main', 'artifacts']);
  }, 240_000);

  it('passes check and fmt --check, and exits 0', () => {
    expect(run.stderr).not.toMatch(/exit [12]\)/);
    expect(run.status).toBe(0);
    expect(readFileSync(out('check.txt'), 'utf8')).toMatch(/0 errors/);
  });

  it('builds Annex A, visual and tracked, of the changed change log against the merge base', () => {
    const visual = readFileSync(out('housekeeping-2024/annex-a.docx'));
    const tracked = readFileSync(out('housekeeping-2024/annex-a-tracked.docx'));
    expect(zipText(visual, 'word/document.xml')).toContain('Amend Section G3.5 as follows:');
    expect(zipText(visual, 'word/document.xml')).not.toContain('<w:ins ');
    expect((zipText(tracked, 'word/document.xml').match(/<w:ins /g) ?? []).length).toBeGreaterThan(20);
    if (canValidateDocx()) expect(validateDocx(out('housekeeping-2024/annex-a.docx'), out('housekeeping-2024/annex-a-tracked.docx'))).toEqual([]);
  });

  it('builds the review pages: the change log grouped by item, and the documents merge base → HEAD', () => {
    const page = readFileSync(out('housekeeping-2024/review.html'), 'utf8');
    expect(page.match(/<article class="change"/g)?.length).toBe(27);
    expect(page).toContain('<option value="27">Item 27</option>');
    const docs = readFileSync(out('sections-review.html'), 'utf8');
    expect(docs.match(/<article class="change"/g)?.length).toBe(27);
  });

  it('builds the impact matrix of the changed release file', () => {
    const matrix = readFileSync(out('releases/example-matrix.md'), 'utf8');
    expect(matrix).toContain('MP250');
    expect(matrix).toContain('MP260');
  });

  it('builds nothing for a change log the branch did not touch', () => {
    expect(existsSync(out('mp260-service-desk-hours'))).toBe(false);
  });

  it('refuses an unknown base or a dirty work tree: exit 2, nothing written', () => {
    const bad = ciReview(repo, ['no-such-branch', 'bad1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown base revision 'no-such-branch'");
    expect(existsSync(join(repo, 'bad1'))).toBe(false);
    appendFileSync(join(repo, 'sections/section-G.md'), '\n');
    const dirty = ciReview(repo, ['main', 'bad2']);
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toContain('uncommitted changes in sections/');
    expect(existsSync(join(repo, 'bad2'))).toBe(false);
    gitOk(repo, ['checkout', '--', 'sections/section-G.md']);
    expect(git(repo, ['status', '--porcelain']).stdout).toBe('?? artifacts/\n');
  });
});
