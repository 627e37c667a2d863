// The pre-commit hook's work (`sec-redline git pre-commit`, run by the hook `git setup --hook` installs): the
// staged SEC documents must pass `fmt --check` and `check`, the staged change logs and release files must load.
// What is checked is what will be committed — the index, not the working tree — so it is written out of the
// index into a temporary directory (git checkout-index) and the ordinary commands run there, printing the
// same repository-relative paths.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext, ExitCode } from '../context.js';
import type { Problem } from '../../model/types.js';
import { git, gitRepo } from '../tree-readers.js';
import { loadChangeLog } from '../../changelog/index.js';
import { loadRelease } from '../../release/index.js';
import { formatProblem, sortProblems } from '../../util/errors.js';

const isDocument = (p: string): boolean => p.startsWith('sections/') && p.endsWith('.md');
const isChangeLog = (p: string): boolean => /^annexes\/.+\.ya?ml$/.test(p);
const isRelease = (p: string): boolean => /^releases\/[^/]+\.ya?ml$/.test(p);

export async function runPreCommit(ctx: CliContext): Promise<ExitCode> {
  const repo = gitRepo(ctx.cwd);
  const staged = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], repo.root).toString('utf8').split('\0').filter(Boolean);
  const docs = staged.filter(isDocument);
  const yamls = staged.filter((p) => isChangeLog(p) || isRelease(p));
  if (!docs.length && !yamls.length) return 0;

  const problems: Problem[] = [];
  for (const p of yamls) {
    const text = git(['cat-file', 'blob', `:${p}`], repo.root).toString('utf8');
    const loaded = isRelease(p) ? loadRelease(text, p) : loadChangeLog(text, p);
    problems.push(...loaded.problems);
  }
  for (const p of sortProblems(problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
  let failed = problems.some((p) => p.severity === 'error');

  if (docs.length) {
    const dir = mkdtempSync(join(tmpdir(), 'sec-redline-pre-commit-'));
    try {
      git(['checkout-index', `--prefix=${dir}/`, '-z', '--stdin'], repo.root, docs.join('\0'));
      // Imported here, not at the top: main.ts registers this command, so a static import would be a cycle.
      const { main } = await import('../main.js');
      const sub = { ...ctx, cwd: dir };
      if ((await main({ ...sub, argv: ['fmt', '--check', ...docs] })) !== 0) failed = true;
      if ((await main({ ...sub, argv: ['check', ...docs] })) !== 0) failed = true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (failed) {
    ctx.stderr.write('sec-redline pre-commit: the staged files have the problems above; fix them and `git add` again, or commit with --no-verify to skip this check\n');
    return 1;
  }
  return 0;
}
