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
        for (const b of d.doc.blocks) {
          if (opts.clauses && b.clause !== b.id) continue;
          rows.push({ id: b.id, kind: b.kind, clause: b.clause, file: d.file, line: b.line });
        }
      }
      const text = format === 'json' ? jsonOut(rows) : rows.map((r) => (opts.withLines ? `${r.file}:${r.line}\t${r.id}\n` : `${r.id}\n`)).join('');
      writeOutput(ctx, outputPath(opts), text);
    });
};
