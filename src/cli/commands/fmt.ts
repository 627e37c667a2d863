// `sec-redline fmt [paths…]`: rewrite files in canonical form; `--check` only reports the ones that are not.

import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { serializeDocument } from '../../model/serialize.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { ProblemsError, problem } from '../../util/errors.js';
import { resolve } from 'node:path';
import { fsOf } from '../write-output.js';

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
      if (problems.length) throw new ProblemsError(problems);
      const changed = docs.filter((d) => serializeDocument(d.doc) !== d.source);
      if (opts.check) {
        if (changed.length === 0) return;
        throw new ProblemsError(
          changed.map((d) => problem(d.file, firstDifferentLine(d.source, serializeDocument(d.doc)), 1, 'Not in canonical form: run `sec-redline fmt` to fix', 'fmt')),
          `${changed.length} file${changed.length === 1 ? '' : 's'} not in canonical form`,
        );
      }
      // Written only if each file still holds the text that was formatted (an editor may have saved it since).
      writeFilesAtomic(changed.map((d) => ({ path: resolve(ctx.cwd, d.file), shown: d.file, data: serializeDocument(d.doc), expect: d.source })), fsOf(ctx));
      for (const d of changed) ctx.stdout.write(`formatted ${d.file}\n`);
      setExit(0);
    });
};
