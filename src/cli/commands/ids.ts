// `sec-redline ids [paths…]`: every block ID in document order, one a line — handy for scripts and reviews.

import type { Register } from './index.js';
import { defaultPaths, loadDocuments } from '../load.js';
import { ProblemsError } from '../../util/errors.js';
import { formatValue, jsonOut, outputOption, outputPath, writeOutput } from '../conventions.js';

interface IdsFlags {
  withLines?: boolean;
  clauses?: boolean;
  format: string;
  output?: string;
  out?: string;
}
import { addresses } from '../../model/addresses.js';

export const registerIds: Register = (program, ctx) => {
  const cmd = program
    .command('ids')
    .description('print every clause ID in document order (default: sections/)')
    .argument('[paths...]', 'files or directories; - reads one document from standard input')
    .option('--with-lines', 'prefix each ID with file:line')
    .option('--clauses', 'only the first block of each clause (the unit a redline shows)')
    .option('--format <format>', 'text, or json: [{ "id", "kind", "clause", "file", "line" }, …]', 'text');
  outputOption(cmd, 'write the list to this file')
    .action((paths: string[], opts: IdsFlags) => {
      const format = formatValue(opts.format, ['text', 'json'] as const);
      const { docs, problems } = loadDocuments(defaultPaths(paths, ctx), ctx.cwd, ctx.stdin);
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      const rows: { id: string; kind: string; clause: string; file: string; line: number }[] = [];
      for (const d of docs) {
        if (opts.clauses || opts.withLines) {
          // One ID a block: what change logs target (a 'Not used' range by its first number).
          for (const b of d.doc.blocks) {
            if (opts.clauses && b.clause !== b.id) continue;
            rows.push({ id: b.id, kind: b.kind, clause: b.clause, file: d.file, line: b.line });
          }
          continue;
        }
        // Every address: blocks, the other numbers of 'Not used' ranges, inline terms, limbs of cells.
        for (const a of addresses(d.doc)) rows.push({ id: a.id, kind: a.part?.kind ?? a.block.kind, clause: a.block.clause, file: d.file, line: a.block.line });
      }
      const text = format === 'json' ? jsonOut(rows) : rows.map((r) => (opts.withLines ? `${r.file}:${r.line}\t${r.id}\n` : `${r.id}\n`)).join('');
      writeOutput(ctx, outputPath(opts), text);
    });
};
