// Where a report goes and in which form, the same for `report modification`, `status` and `release --report`:
// --format names the form; without it, -o FILE's extension does; without either, Markdown to stdout. DOCX needs
// a file; `-o -` is stdout.

import { extname, resolve } from 'node:path';
import type { CliContext } from './context.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from '../util/errors.js';
import { renderReportCsv, renderReportDocx, renderReportMarkdown, type Report } from '../report/index.js';

export type ReportFormat = 'md' | 'docx' | 'json' | 'csv';

export function reportFormat(format: string | undefined, output: string | undefined, allowed: readonly ReportFormat[]): ReportFormat {
  const fromExt = output !== undefined && output !== '-' ? extname(output).toLowerCase().slice(1) : '';
  const f = format ?? (fromExt === 'markdown' ? 'md' : fromExt === '' ? 'md' : fromExt);
  if (!(allowed as readonly string[]).includes(f)) {
    throw new UsageError(`${format !== undefined ? '--format' : `-o ${output ?? ''}`}: the report is written as ${allowed.join(', ')}, not '${f}'`);
  }
  if (f === 'docx' && (output === undefined || output === '-')) throw new UsageError('DOCX output needs -o FILE.docx');
  return f as ReportFormat;
}

export function writeReport(report: Report, format: ReportFormat, output: string | undefined, author: string, ctx: CliContext): void {
  const data =
    format === 'docx'
      ? renderReportDocx(report, { author })
      : format === 'json'
        ? `${JSON.stringify(report.data, null, 2)}\n`
        : format === 'csv'
          ? renderReportCsv(report)
          : renderReportMarkdown(report);
  if (output === undefined || output === '-') {
    ctx.stdout.write(data as string);
    return;
  }
  writeFileAtomic(resolve(ctx.cwd, output), data);
  ctx.stdout.write(`wrote ${report.title} to ${output}\n`);
}
