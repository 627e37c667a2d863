// `sec-redline fmt [paths…]`: rewrite files in canonical form; `--check` only reports the ones that are not.

import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { serializeDocument } from '../../model/serialize.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, formatProblem, problem } from '../../util/errors.js';
import { resolve } from 'node:path';

/** The first line where two texts differ (1-based), for pointing at what fmt would change. */
export function firstDifferentLine(a: string, b: string): number {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return i + 1;
  return 1;
}

export const registerFmt: Register = (program, ctx, setExit) => {
  program
    .command('fmt')
    .description('write SEC Markdown files in canonical form (default: sections/)')
    .argument('[paths...]', 'files or directories')
    .option('--check', 'write nothing; exit 1 when a file is not in canonical form')
    .action((paths: string[], opts: { check?: boolean }) => {
      const { docs, problems } = loadDocuments(defaultPaths(paths), ctx.cwd);
      // Never rewrite a file we could not fully understand: formatting it would drop what we could not read.
      // A block the format does not know is a warning: the model keeps it byte for byte, so fmt may go on.
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      for (const p of problems) ctx.stderr.write(`${formatProblem(p)}\n`);
      const changed = docs.filter((d) => serializeDocument(d.doc) !== d.source);
      if (opts.check) {
        if (changed.length === 0) return;
        throw new ProblemsError(
          changed.map((d) => problem(d.file, firstDifferentLine(d.source, serializeDocument(d.doc)), 1, 'Not in canonical form: run `sec-redline fmt` to fix', 'fmt')),
          `${changed.length} file${changed.length === 1 ? '' : 's'} not in canonical form`,
        );
      }
      writeFilesAtomic(changed.map((d) => ({ path: resolve(ctx.cwd, d.file), data: serializeDocument(d.doc) })));
      for (const d of changed) ctx.stdout.write(`formatted ${d.file}\n`);
      setExit(0);
    });
};
