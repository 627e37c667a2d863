// Temporary Git repositories for the Git integration tests, and a compiled CLI for what Git calls back (the
// diff driver and the hook run bin/sec-redline.js, which loads dist/: rebuilt here when older than src/).

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

/** Builds dist/ when it is missing or older than src/ (CI builds it in `npm ci`). */
export function ensureBuilt(): void {
  const main = join(repoRoot, 'dist', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(repoRoot, 'src'))) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
  if (!existsSync(main)) throw new Error(`could not build dist/: ${r.stdout}${r.stderr}`);
}

const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2024-05-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-05-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  NO_COLOR: '',
};

export function git(cwd: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { NO_COLOR: _drop, ...rest } = process.env;
  return spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...rest, HOME: cwd, ...ENV, ...env } });
}

export function gitOk(cwd: string, args: string[], env: Record<string, string> = {}): string {
  const r = git(cwd, args, env);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** A new repository (branch main) holding copies of `paths` from this project, committed. */
export function tempRepo(paths: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sec-redline-git-'));
  gitOk(dir, ['init', '-q', '-b', 'main']);
  for (const p of paths) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    cpSync(join(repoRoot, p), join(dir, p), { recursive: true });
  }
  gitOk(dir, ['add', '-A']);
  gitOk(dir, ['commit', '-qm', 'base']);
  return dir;
}

/** The CLI as Git would run it: the current node and this package's bin. */
export function cli(cwd: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { NO_COLOR: _drop, ...rest } = process.env;
  return spawnSync(process.execPath, [join(repoRoot, 'bin', 'sec-redline.js'), ...args], { cwd, encoding: 'utf8', env: { ...rest, HOME: cwd, ...ENV, ...env } });
}
