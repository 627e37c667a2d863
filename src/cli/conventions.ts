// The conventions every command follows, in one place (README "Conventions"). A new command uses these:
//
//   outputOption(cmd, '…')      -o, --output <path>: a file or a folder; `-o -` is standard output. The old
//                               spelling --out stays as a hidden alias (outputPath merges the two).
//   writeOutput(ctx, path, …)   writes data atomically to a file, or to stdout for `-` / no path.
//   status(ctx, line)           a status line ("wrote …"): on stdout, or on stderr when stdout carries the
//                               output; nothing under -q/--quiet.
//   useColor(ctx, when)         --color/--no-color, then FORCE_COLOR, then NO_COLOR, then "is stdout a terminal".
//   repoRoot / sectionsDir      the repository is the nearest ancestor of the cwd holding sections/; paths the
//                               user types stay relative to the cwd.
//   formatOption / jsonOut      --format text|json (and more), JSON as one document with a trailing newline.
//
// -q/--quiet and --no-color are program-wide options (src/cli/main.ts), so every command accepts them.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext } from './context.js';
import { writeOutputFile } from './write-output.js';
import { display } from '../util/files.js';
import { UsageError } from '../util/errors.js';

/** Program-wide options, as main.ts parsed them. */
export interface GlobalFlags {
  quiet: boolean;
  /** false under --no-color; true otherwise (the default, meaning "decide"). */
  color: boolean;
}

const globals = new WeakMap<CliContext, GlobalFlags>();

export function setGlobals(ctx: CliContext, flags: GlobalFlags): void {
  globals.set(ctx, flags);
}

export function globalFlags(ctx: CliContext): GlobalFlags {
  return globals.get(ctx) ?? { quiet: false, color: true };
}

/** `-o, --output <path>` plus the hidden alias `--out <path>` (the spelling apply, release, annex and table had). */
export function outputOption(cmd: Command, description: string): Command {
  return cmd.option('-o, --output <path>', `${description}; - is standard output`).addOption(new Option('--out <path>', 'the same as --output').hideHelp());
}

/** The output path given by -o/--output or its alias --out (both, differing: a usage error). */
export function outputPath(flags: { output?: string; out?: string }): string | undefined {
  if (flags.output !== undefined && flags.out !== undefined && flags.output !== flags.out) {
    throw new UsageError(`give -o/--output or --out (the same option), not both`);
  }
  return flags.output ?? flags.out;
}

/** Whether the output goes to standard output: no path, or `-`. */
export function toStdout(path: string | undefined): boolean {
  return path === undefined || path === '-';
}

/**
 * Writes the output: to stdout for `-` or no path, else through the one write layer to the file (relative to the
 * cwd) — refused when it is one of `inputs` (the same file, also through a link) or a folder.
 */
export function writeOutput(ctx: CliContext, path: string | undefined, data: string | Uint8Array, inputs: readonly string[] = []): void {
  if (toStdout(path)) {
    if (typeof data !== 'string') {
      // Binary on a terminal is garbage; through a pipe or into a file (`-o - > a.docx`) it is what was asked.
      if (ctx.stdout.isTTY) throw new UsageError('this output is binary (DOCX): give -o FILE, or redirect standard output to a file');
      ctx.stdout.write(data as unknown as string);
    } else ctx.stdout.write(data);
    return;
  }
  writeOutputFile(ctx, '-o', path!, data, inputs);
}

/** A status line: stdout normally, stderr when stdout carries the command's output, nothing with -q. */
export function status(ctx: CliContext, line: string, outputOnStdout = false): void {
  if (globalFlags(ctx).quiet) return;
  (outputOnStdout ? ctx.stderr : ctx.stdout).write(`${line}\n`);
}

/**
 * Colour on stdout: an explicit --color always|never (or --no-color) wins; then FORCE_COLOR (set and not '0'
 * turns it on, '0' off); then NO_COLOR (set and not empty turns it off); then whether stdout is a terminal.
 */
export function useColor(ctx: CliContext, when: string = 'auto', toFile = false): boolean {
  if (when !== 'auto' && when !== 'always' && when !== 'never') throw new UsageError(`--color takes auto, always or never, not '${when}'`);
  if (!globalFlags(ctx).color || when === 'never') return false;
  if (when === 'always') return true;
  if (toFile) return false;
  const force = ctx.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  const noColor = ctx.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return !!ctx.stdout.isTTY;
}

/** The repository root: the nearest ancestor of the cwd (itself included) holding a sections/ directory. */
export function repoRoot(ctx: Pick<CliContext, 'cwd'>): string | null {
  let dir = resolve(ctx.cwd);
  for (;;) {
    const candidate = join(dir, 'sections');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The sections directory: as given (relative to the cwd), else the repository's sections/, as a path to show. */
export function sectionsDir(given: string | undefined, ctx: Pick<CliContext, 'cwd'>): string {
  if (given !== undefined) return given;
  const root = repoRoot(ctx);
  return root === null ? 'sections' : display(join(root, 'sections'), ctx.cwd);
}

/** Paths to read: as given, else the repository's sections/. */
export function pathsOrSections(paths: readonly string[] | undefined, ctx: Pick<CliContext, 'cwd'>): string[] {
  return paths && paths.length ? [...paths] : [sectionsDir(undefined, ctx)];
}

/** Checks a --format value against the formats a command takes. */
export function formatValue<T extends string>(value: string, formats: readonly T[]): T {
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(`--format takes ${formats.join(', ')}, not '${value}'`);
  return value as T;
}

/** One JSON document, two-space indented, with a trailing newline: what every --format json prints. */
export function jsonOut(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
