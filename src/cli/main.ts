// The CLI entry point: builds the commander program, runs it, and is the one place errors are caught.

import { Command, CommanderError } from 'commander';
import type { CliContext, ExitCode } from './context.js';
import { commandsFor, type Register } from './commands/index.js';
import { setGlobals } from './conventions.js';
import { ProblemsError, UsageError, formatProblem, sortProblems } from '../util/errors.js';

export function createProgram(ctx: CliContext, setExit: (code: ExitCode) => void, commands: readonly Register[]): Command {
  const program = new Command('sec-redline')
    .description('Structured legal text, change logs and redlined Annex A for the GB Smart Energy Code')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError()
    // Program options (--version) only before the command name, so a command may have its own --version.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    // Program-wide, so every command (and every command added later) takes them, before or after its name.
    .option('-q, --quiet', 'no status lines ("wrote …", "formatted …"); problems and output still appear')
    .option('--no-color', 'no colour, whatever the terminal, FORCE_COLOR or --color say')
    .configureHelp({ showGlobalOptions: true })
    .hook('preAction', (_root, action) => {
      const o = action.optsWithGlobals<{ quiet?: boolean; color?: boolean | string }>();
      setGlobals(ctx, { quiet: !!o.quiet, color: o.color !== false });
    });
  for (const register of commands) register(program, ctx, setExit);
  // Positional options keep a command's own --version its own; so that -q and --no-color still work after the
  // command name, every command takes them too.
  const addGlobals = (parent: Command): void => {
    for (const c of parent.commands) {
      if (!c.options.some((o) => o.long === '--quiet')) c.option('-q, --quiet', 'no status lines');
      if (!c.options.some((o) => o.long === '--no-color')) c.option('--no-color', 'no colour');
      addGlobals(c);
    }
  };
  addGlobals(program);
  return program;
}

export async function main(ctx: CliContext): Promise<ExitCode> {
  let code: ExitCode = 0;
  try {
    const program = createProgram(
      ctx,
      (c) => {
        code = c;
      },
      await commandsFor(ctx.argv),
    );
    await program.parseAsync(ctx.argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ProblemsError) {
      for (const p of sortProblems(err.problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
      ctx.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      ctx.stderr.write(`sec-redline: ${err.message}\n`);
      return 2;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    ctx.stderr.write(`sec-redline: internal error: ${e.message}\n`);
    if (ctx.env['SEC_REDLINE_DEBUG']) ctx.stderr.write(`${e.stack ?? ''}\n`);
    return 2;
  }
}
