// A report's tables as CSV (RFC 4180): each table under a one-cell line naming its section, tables separated by
// an empty line, so a spreadsheet opens every table of the report from one file.

import type { Report } from './types.js';

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(r: Report): string {
  const blocks: string[][][] = [];
  for (const s of r.sections) {
    if (!s.table) continue;
    blocks.push([[s.heading], s.table.header, ...s.table.rows]);
  }
  return blocks.map((rows) => rows.map((row) => row.map(csvCell).join(',')).join('\r\n')).join('\r\n\r\n') + '\r\n';
}
