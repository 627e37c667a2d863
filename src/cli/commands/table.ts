// `sec-redline table <changes.yaml> [-o FILE] [--format md|docx]`: the Modification Report's items table
// (Item | Summary of error | Sections affected | Proposed change) from a change log. Needs only the change log.

import { extname } from 'node:path';
import type { Register } from './index.js';
import { proseName } from '../../model/index.js';
import { readText } from '../../util/files.js';
import { outputOption, outputPath, status, toStdout, writeOutput } from '../conventions.js';
import { ProblemsError, UsageError } from '../../util/errors.js';
import { loadChangeLog } from '../../changelog/index.js';
import type { ItemRow } from '../../render/table-items.js';
import { renderItemsTableMarkdown } from '../../render/table-md.js';
import { renderItemsTableDocx } from '../../render/table-docx.js';

interface TableFlags {
  output?: string;
  out?: string;
  format?: string;
}

export const registerTable: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('table')
    .description("write the Modification Report's items table from a change log (Markdown or DOCX)")
    .argument('<changes>', 'the change log (YAML); - reads it from standard input')
    .option('--format <format>', 'md or docx (default: from the output file name, else md)');
  outputOption(cmd, 'output file (.md or .docx); Markdown goes to stdout without it')
    .action((changes: string, flags: TableFlags) => {
      const out = outputPath(flags);
      const ext = !toStdout(out) ? extname(out!).toLowerCase().slice(1) : 'md';
      const format = flags.format ?? (ext === 'markdown' ? 'md' : ext);
      if (format !== 'md' && format !== 'docx') throw new UsageError(`table output must be md or docx, got '${format}'`);
      if (format === 'docx' && out === undefined) throw new UsageError('DOCX output needs -o FILE (or -o - to write it to standard output)');
      const read = readText(changes, ctx.cwd, ctx.stdin);
      if (read.text === null) throw new UsageError(`cannot read change log ${changes}: ${read.error}`);
      const loaded = loadChangeLog(read.text, changes);
      if (!loaded.log) throw new ProblemsError(loaded.problems);
      const log = loaded.log;
      const rows: ItemRow[] = log.items.map((i) => ({ id: i.id, summary: i.summary, sections: i.sections.map(proseName), proposed: i.proposed }));
      const data =
        format === 'md'
          ? renderItemsTableMarkdown(rows)
          : renderItemsTableDocx(rows, { date: `${log.date}T00:00:00Z`, author: log.drafter, title: `${log.modification.id} '${log.modification.title}': items` });
      writeOutput(ctx, out, data, [changes]);
      if (!toStdout(out)) status(ctx, `${log.modification.id}: wrote the items table (${rows.length} item${rows.length === 1 ? '' : 's'}) to ${out}`);
      setExit(0);
    });
};
