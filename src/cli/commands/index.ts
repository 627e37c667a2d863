// Every command registers itself on the one program. Add a command by adding its module here.
import type { Command } from 'commander';
import type { CliContext, ExitCode } from '../context.js';
import { registerFmt } from './fmt.js';
import { registerIds } from './ids.js';
import { registerShow } from './show.js';

export type SetExit = (code: ExitCode) => void;
export type Register = (program: Command, ctx: CliContext, setExit: SetExit) => void;

export const commands: Register[] = [registerFmt, registerIds, registerShow];
