// `sec-redline git setup [--hook]`: makes this repository's Git speak SEC. Idempotent: a second run changes
// nothing. Writes
//   .gitattributes   sections/*.md diff=sec-redline
//   .git/config      diff.sec-redline.command = '<node>' '<package>/bin/sec-redline.js' git diff-driver
//   --hook           the pre-commit hook (only if there is none, or it is ours)
// so `git diff` (and `git log -p --ext-diff`, `git show --ext-diff`) prints the clause-aware redline of
// `sec-redline diff`. `git diff-driver` and `git pre-commit` are what Git and the hook call back (hidden).

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Register } from './index.js';
import type { CliContext } from '../context.js';
import { git, gitRepo } from '../tree-readers.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { UsageError } from '../../util/errors.js';
import { DRIVER, HOOK_MARKER, preCommitHook, withDriverAttribute } from '../git/setup.js';
import { packageBin, selfCommand } from '../git/invocation.js';
import { runDiffDriver } from '../git/diff-driver.js';
import { runPreCommit } from '../git/pre-commit.js';

function setup(opts: { hook?: boolean }, ctx: CliContext): void {
  const repo = gitRepo(ctx.cwd);
  const bin = packageBin();
  if (!existsSync(bin)) throw new UsageError(`cannot find this package's bin at ${bin}: reinstall sec-redline`);
  const shown = (abs: string): string => relative(ctx.cwd, abs) || '.';
  const writes: { path: string; data: string; mode?: number }[] = [];
  const report: string[] = [];

  const attributes = join(repo.root, '.gitattributes');
  const current = existsSync(attributes) ? readFileSync(attributes, 'utf8') : null;
  const wanted = withDriverAttribute(current);
  if (wanted !== current) writes.push({ path: attributes, data: wanted });
  report.push(`${shown(attributes)}: ${wanted !== current ? 'added' : 'already has'} sections/*.md diff=${DRIVER}`);

  let hook: string | null = null;
  if (opts.hook) {
    hook = resolve(repo.root, git(['rev-parse', '--git-path', 'hooks/pre-commit'], repo.root).toString('utf8').trim());
    const text = preCommitHook(selfCommand('pre-commit'));
    const existing = existsSync(hook) ? readFileSync(hook, 'utf8') : null;
    if (existing !== null && !existing.includes(HOOK_MARKER)) {
      throw new UsageError(`${shown(hook)} exists and was not written by sec-redline: nothing changed. Add the line \`${selfCommand('pre-commit')} || exit 1\` to it yourself, or remove it and run again`);
    }
    if (existing !== text) writes.push({ path: hook, data: text, mode: 0o755 });
    report.push(`${shown(hook)}: ${existing === text ? 'already installed' : 'installed'} (skip once with git commit --no-verify)`);
  }

  // Everything checked: now write, the files first (all or nothing), then the one config entry.
  writeFilesAtomic(writes);
  const key = `diff.${DRIVER}.command`;
  const command = selfCommand('diff-driver');
  const had = spawnSync('git', ['config', '--local', '--get', key], { cwd: repo.root }).stdout?.toString('utf8').trim();
  if (had !== command) git(['config', '--local', key, command], repo.root);
  report.push(`.git/config: ${had === command ? 'already has' : 'set'} ${key} = ${command}`);
  report.push('git diff now shows the clause-aware redline of SEC documents; for git log -p and git show add --ext-diff.');
  ctx.stdout.write(`${report.join('\n')}\n`);
}

export const registerGit: Register = (program, ctx, setExit) => {
  const cmd = program.command('git').description('Git integration: `git setup` installs the diff driver (and, with --hook, the pre-commit hook)');
  cmd
    .command('setup')
    .description('write .gitattributes and .git/config so git diff shows the clause-aware redline of sections/*.md (idempotent)')
    .option('--hook', 'also install a pre-commit hook running fmt --check and check on staged documents and change logs')
    .action((opts: { hook?: boolean }) => {
      setup(opts, ctx);
      setExit(0);
    });
  cmd
    .command('diff-driver', { hidden: true })
    .description("Git's external diff for SEC documents (called by Git)")
    .argument('[args...]')
    .allowUnknownOption()
    .action((args: string[]) => {
      runDiffDriver(args, ctx);
      setExit(0);
    });
  cmd
    .command('pre-commit', { hidden: true })
    .description('the pre-commit hook: fmt --check and check on what is staged')
    .action(async () => {
      setExit(await runPreCommit(ctx));
    });
};
