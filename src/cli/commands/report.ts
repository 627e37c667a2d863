// `sec-redline report modification <changes.yaml>`: the computable parts of a Modification Report (documents
// impacted with their titles, party categories, DCC Systems, technical specification versions, items table,
// implementation) as Markdown, DOCX or JSON. Reads the change log and, for the documents' titles, sections/.

import { join } from 'node:path';
import type { Register } from './index.js';
import { docDisplayName, docId } from '../../model/index.js';
import { readText } from '../../util/files.js';
import { ProblemsError, UsageError, formatProblem, sortProblems } from '../../util/errors.js';
import { loadChangeLog } from '../../changelog/index.js';
import { modificationReport } from '../../report/index.js';
import { loadDocuments } from '../load.js';
import { reportFormat, writeReport } from '../report-output.js';

interface ReportFlags {
  format?: string;
  output?: string;
  sections?: string;
}

export const registerReport: Register = (program, ctx, setExit) => {
  const report = program.command('report').description('write the reports computed from change logs (see also `status` and `release --report`)');
  report
    .command('modification')
    .description('the computable parts of a Modification Report from a change log (Markdown, DOCX or JSON)')
    .argument('<changes>', 'the change log (YAML)')
    .option('--format <format>', 'md, docx or json (default: from -o FILE, else md)')
    .option('-o, --output <file>', 'output file (.md, .docx or .json); - or none for stdout')
    .option('--sections <dir>', "where the documents' titles are read from", 'sections')
    .action((changes: string, flags: ReportFlags) => {
      const format = reportFormat(flags.format, flags.output, ['md', 'docx', 'json']);
      const read = readText(changes, ctx.cwd);
      if (read.text === null) throw new UsageError(`cannot read change log ${changes}: ${read.error}`);
      const loaded = loadChangeLog(read.text, changes);
      if (!loaded.log) throw new ProblemsError(loaded.problems);
      const docs = loadDocuments([flags.sections ?? join('sections')], ctx.cwd);
      if (docs.problems.some((p) => p.severity === 'error')) throw new ProblemsError(docs.problems);
      const titles = new Map(docs.docs.map((d) => [docId(d.doc.meta), docDisplayName(d.doc.meta)]));
      const { report: r, problems } = modificationReport(loaded.log, titles);
      for (const p of sortProblems(problems)) ctx.stderr.write(`${formatProblem(p)}\n`);
      writeReport(r, format, flags.output, loaded.log.drafter, ctx);
      setExit(0);
    });
};
