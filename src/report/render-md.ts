// A report as Markdown (GFM tables): what `report`, `status` and `release --report` print by default.

import type { Report, ReportTable } from './types.js';

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function table(t: ReportTable): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const out = [line(t.header), line(t.header.map(() => '---')), ...t.rows.map(line)];
  if (t.note) out.push('', t.note);
  return out;
}

export function renderReportMarkdown(r: Report): string {
  const out: string[] = [`# ${r.title}`, ''];
  for (const m of r.meta) out.push(m, '');
  for (const s of r.sections) {
    out.push(`## ${s.heading}`, '');
    for (const p of s.paragraphs) out.push(p, '');
    if (s.list && s.list.length > 0) out.push(...s.list.map((l) => `- ${l}`), '');
    if (s.table) out.push(...table(s.table), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
