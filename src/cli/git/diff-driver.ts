// Git's external diff for SEC documents (`diff.sec-redline.command`, see setup.ts): Git runs it as
//   <command> PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH RENAME-INFO]
// and it prints exactly what `sec-redline diff OLD NEW` prints for the two versions (coloured when Git shows
// it on a terminal through its pager, `[-old-]{+new+}` when piped). A version it cannot read as an SEC document
// is never allowed to break `git diff`: it warns in one line and prints Git's own diff for that file. It exits
// 0 always, as Git expects of an external diff (anything else aborts the whole `git diff`).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { diffTrees, type TreeReader } from '../../diff/trees.js';
import { renderText } from '../../render/text.js';

const NULL = '/dev/null';

function side(file: string, path: string): TreeReader {
  if (file === NULL) return { list: () => [], read: () => new Uint8Array() };
  return { list: () => [{ key: '<file>', path }], read: () => readFileSync(file) };
}

/** Colour when Git shows the output on a terminal: its pager is in use (or stdout is a terminal), no NO_COLOR. */
function colour(ctx: CliContext): boolean {
  const noColor = ctx.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return !!ctx.stdout.isTTY || ctx.env['GIT_PAGER_IN_USE'] === 'true';
}

/** Git's own diff of the two temporary files, its header lines naming the repository path instead. */
function gitOwnDiff(path: string, oldFile: string, newFile: string, color: boolean, ctx: CliContext): void {
  const r = spawnSync('git', ['diff', '--no-index', '--no-ext-diff', `--color=${color ? 'always' : 'never'}`, '--', oldFile, newFile], { cwd: ctx.cwd, maxBuffer: 1 << 30 });
  const out = r.stdout?.toString('utf8') ?? '';
  const lines = out.split('\n');
  // The header runs up to the first hunk; only there do the temporary names appear.
  for (let i = 0; i < lines.length && !/^(\u001b\[[0-9;]*m)?@@/.test(lines[i]!); i++) {
    lines[i] = lines[i]!.split(`a/${oldFile.replace(/^\//, '')}`).join(`a/${path}`).split(`b/${newFile.replace(/^\//, '')}`).join(`b/${path}`)
      .split(oldFile).join(path).split(newFile).join(path);
  }
  ctx.stdout.write(lines.join('\n'));
}

export function runDiffDriver(args: readonly string[], ctx: CliContext): void {
  const [path, oldFile, , , newFile] = args;
  if (path === undefined || oldFile === undefined || newFile === undefined || args.length < 7) {
    ctx.stderr.write(`sec-redline: git diff-driver is run by Git with 7 arguments (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), got ${args.length}\n`);
    return;
  }
  const color = colour(ctx);
  let why: string | null = null;
  try {
    const result = diffTrees(side(oldFile, path), side(newFile, path), { context: 0 });
    if (result.problems.length === 0) {
      ctx.stdout.write(renderText(result.redline, { color, context: 0 }));
      return;
    }
    const p = result.problems[0]!;
    why = `${p.message} (line ${p.line})`;
  } catch (err) {
    why = err instanceof Error ? err.message : String(err);
  }
  ctx.stderr.write(`sec-redline: cannot read ${path} as an SEC document: ${why.split('\n')[0]}; showing Git's own diff\n`);
  gitOwnDiff(path, oldFile, newFile, color, ctx);
}
