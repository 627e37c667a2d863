// `sec-redline ids [paths…]`: every block ID in document order, one a line — handy for scripts and reviews.

import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { ProblemsError } from '../../util/errors.js';
import { addresses } from '../../model/addresses.js';

export const registerIds: Register = (program, ctx) => {
  program
    .command('ids')
    .description('print every clause ID in document order (default: sections/)')
    .argument('[paths...]', 'files or directories')
    .option('--with-lines', 'prefix each ID with file:line')
    .option('--clauses', 'only the first block of each clause (the unit a redline shows)')
    .action((paths: string[], opts: { withLines?: boolean; clauses?: boolean }) => {
      const { docs, problems } = loadDocuments(defaultPaths(paths), ctx.cwd);
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      for (const d of docs) {
        if (opts.clauses || opts.withLines) {
          // One ID a block: what change logs target (a 'Not used' range by its first number).
          for (const b of d.doc.blocks) {
            if (opts.clauses && b.clause !== b.id) continue;
            ctx.stdout.write(opts.withLines ? `${d.file}:${b.line}\t${b.id}\n` : `${b.id}\n`);
          }
          continue;
        }
        // Every address: blocks, the other numbers of 'Not used' ranges, inline terms, limbs of cells.
        for (const a of addresses(d.doc)) ctx.stdout.write(`${a.id}\n`);
      }
    });
};
