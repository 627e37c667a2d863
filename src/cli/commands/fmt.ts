// `sec-redline fmt [paths…]`: rewrite files in canonical form; `--check` only reports the ones that are not;
// `--diff` prints what would change as a unified diff; `-` (or -o -) formats standard input to standard output.

import { createTwoFilesPatch } from 'diff';
import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { serializeDocument } from '../../model/serialize.js';
import { firstDifferentLine } from '../../model/read-document.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, UsageError, formatProblem, problem } from '../../util/errors.js';
import { resolve } from 'node:path';
import { outputOption, outputPath, status, toStdout, writeOutput } from '../conventions.js';
import { fsOf } from '../write-output.js';

export { firstDifferentLine };

interface FmtFlags {
  check?: boolean;
  diff?: boolean;
  output?: string;
  out?: string;
}

export const registerFmt: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('fmt')
    .description('write SEC Markdown files in canonical form (default: sections/)')
    .argument('[paths...]', 'files or directories; - formats standard input to standard output')
    .option('--check', 'write nothing; exit 1 when a file is not in canonical form')
    .option('--diff', 'write nothing; print what would change as a unified diff (exit 1 when anything would)');
  outputOption(cmd, 'with one file: write its canonical form here instead of in place')
    .action((paths: string[], opts: FmtFlags) => {
      if (opts.check && opts.diff) throw new UsageError('give --check or --diff, not both');
      const given = defaultPaths(paths, ctx);
      let out = outputPath(opts);
      if (given.includes('-')) {
        if (given.length !== 1) throw new UsageError('- (standard input) is formatted on its own: give no other paths');
        out ??= '-';
      }
      const { docs, problems } = loadDocuments(given, ctx.cwd, ctx.stdin);
      // Never rewrite a file we could not fully understand: formatting it would drop what we could not read.
      // A block the format does not know is a warning: the model keeps it byte for byte, so fmt may go on.
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      for (const p of problems) ctx.stderr.write(`${formatProblem(p)}\n`);
      if (out !== undefined && !opts.check && !opts.diff) {
        if (docs.length !== 1) throw new UsageError(`-o takes the canonical form of one file; ${given.join(', ')} holds ${docs.length}`);
        const d = docs[0]!;
        writeOutput(ctx, out, serializeDocument(d.doc));
        if (!toStdout(out)) status(ctx, `formatted ${d.file} into ${out}`);
        setExit(0);
        return;
      }
      const changed = docs.filter((d) => serializeDocument(d.doc) !== d.source);
      if (opts.diff) {
        const patch = changed.map((d) => createTwoFilesPatch(`a/${d.file}`, `b/${d.file}`, d.source, serializeDocument(d.doc), undefined, undefined, { context: 3 })).join('');
        writeOutput(ctx, out, patch.replace(/^={67}\n/gm, ''));
        setExit(changed.length ? 1 : 0);
        return;
      }
      if (opts.check) {
        if (changed.length === 0) return;
        throw new ProblemsError(
          changed.map((d) => problem(d.file, firstDifferentLine(d.source, serializeDocument(d.doc)), 1, 'Not in canonical form: run `sec-redline fmt` to fix (`fmt --diff` shows what would change)', 'fmt')),
          `${changed.length} file${changed.length === 1 ? '' : 's'} not in canonical form`,
        );
      }
      // Written only if each file still holds the text that was formatted (an editor may have saved it since).
      writeFilesAtomic(changed.map((d) => ({ path: resolve(ctx.cwd, d.file), shown: d.file, data: serializeDocument(d.doc), expect: d.source })), fsOf(ctx));
      for (const d of changed) status(ctx, `formatted ${d.file}`);
      setExit(0);
    });
};
