// Every command registers itself on the one program. Add a command by adding its module here.
import type { Command } from 'commander';
import type { CliContext, ExitCode } from '../context.js';
import { registerAnnex } from './annex.js';
import { registerApply } from './apply.js';
import { registerChangelog } from './changelog.js';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerFmt } from './fmt.js';
import { registerIds } from './ids.js';
import { registerRelease } from './release.js';
import { registerShow } from './show.js';
import { registerTable } from './table.js';

export type SetExit = (code: ExitCode) => void;
export type Register = (program: Command, ctx: CliContext, setExit: SetExit) => void;

export const commands: Register[] = [
  registerAnnex,
  registerApply,
  registerChangelog,
  registerCheck,
  registerDiff,
  registerFmt,
  registerIds,
  registerRelease,
  registerShow,
  registerTable,
];
