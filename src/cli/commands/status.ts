// `sec-redline status [annexes/]`: the Change Status Report — every change log found under the folder, grouped
// by stage; the decisions made since --since; the releases (releases/*.yaml) and what each contains.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Register } from './index.js';
import type { Problem } from '../../model/types.js';
import { display, readText } from '../../util/files.js';
import { ProblemsError, UsageError, problem } from '../../util/errors.js';
import { dateOption } from '../../util/calendar-date.js';
import { loadChangeLog } from '../../changelog/index.js';
import type { ChangeLog } from '../../changelog/types.js';
import { loadRelease, type Release } from '../../release/index.js';
import { statusReport } from '../../report/index.js';
import { reportFormat, writeReport } from '../report-output.js';
import { repoRoot } from '../conventions.js';

interface StatusFlags {
  since?: string;
  date?: string;
  releases?: string;
  format?: string;
  output?: string;
}

/** The change logs under a folder: <dir>/changes.yaml and <dir>/*\/changes.yaml, sorted. */
function changeLogFiles(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  let names: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new Error('not a folder');
    names = readdirSync(abs).sort();
  } catch {
    throw new UsageError(`status: ${dir} is not a folder of change logs (expected annexes/ with one folder per modification)`);
  }
  const out: string[] = [];
  for (const name of ['.', ...names]) {
    if (name.startsWith('.') && name !== '.') continue;
    const file = join(abs, name, 'changes.yaml');
    try {
      if (statSync(file).isFile()) out.push(display(file, cwd));
    } catch {
      // a folder without a change log (or a file): not a modification
    }
  }
  return out;
}

function releaseFiles(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  try {
    return readdirSync(abs)
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort()
      .map((n) => display(join(abs, n), cwd));
  } catch {
    return [];
  }
}

export const registerStatus: Register = (program, ctx, setExit) => {
  program
    .command('status')
    .description('write the Change Status Report: modifications by stage, decisions, releases (Markdown, DOCX or JSON)')
    .argument('[annexes]', "the folder of change logs (default: the repository's annexes/)")
    .option('--since <date>', 'only decisions made on or after this date (YYYY-MM-DD)')
    .option('--date <date>', "the report's date (default: the latest date in the change logs and releases)")
    .option('--releases <dir>', "the folder of release files (default: the repository's releases/)")
    .option('--format <format>', 'md, docx or json (default: from -o FILE, else md)')
    .option('-o, --output <file>', 'output file (.md, .docx or .json); - is standard output (the default)')
    .action((given: string | undefined, flags: StatusFlags) => {
      // Paths the user types are relative to the cwd; the defaults are the repository's folders.
      const root = repoRoot(ctx) ?? ctx.cwd;
      const dir = given ?? display(join(root, 'annexes'), ctx.cwd);
      const releasesDir = flags.releases ?? display(join(root, 'releases'), ctx.cwd);
      const format = reportFormat(flags.format, flags.output, ['md', 'docx', 'json']);
      for (const [name, value] of [['--since', flags.since], ['--date', flags.date]] as const) {
        if (value !== undefined) dateOption(name, value);
      }
      const problems: Problem[] = [];
      const logs: ChangeLog[] = [];
      for (const file of changeLogFiles(dir, ctx.cwd)) {
        const read = readText(file, ctx.cwd);
        if (read.text === null) {
          problems.push(problem(file, read.line ?? 1, read.column ?? 1, `Cannot read: ${read.error}`, 'read'));
          continue;
        }
        const loaded = loadChangeLog(read.text, file);
        problems.push(...loaded.problems);
        if (loaded.log) logs.push(loaded.log);
      }
      const releases: Release[] = [];
      for (const file of releaseFiles(releasesDir, ctx.cwd)) {
        const read = readText(file, ctx.cwd);
        if (read.text === null) {
          problems.push(problem(file, read.line ?? 1, read.column ?? 1, `Cannot read: ${read.error}`, 'read'));
          continue;
        }
        const loaded = loadRelease(read.text, file);
        problems.push(...loaded.problems);
        if (loaded.release) releases.push(loaded.release);
      }
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      // Release files name change logs by their path from the repository root.
      const byPath = new Map(logs.map((l) => [resolve(ctx.cwd, l.file), l]));
      const options = {
        ...(flags.since !== undefined ? { since: flags.since } : {}),
        ...(flags.date !== undefined ? { date: flags.date } : {}),
        logOf: (changes: string) => byPath.get(resolve(root, changes)),
      };
      writeReport(statusReport(logs, releases, options), format, flags.output, 'SECAS', ctx);
      setExit(0);
    });
};
