// The impact matrix as text: a Markdown table (with a key to the modifications under it) or CSV (RFC 4180).
// Pure; the CLI decides where it goes.

import type { ImpactMatrix } from './matrix.js';

/** Header row and body rows as plain cell texts, shared by the Markdown, CSV and DOCX renderers. */
export function matrixCells(m: ImpactMatrix): { header: string[]; rows: string[][] } {
  const mods = m.columns.map((c) => (c.status === 'targeted' ? `${c.id} (targeted)` : c.id));
  const header = m.byClause ? ['Document', 'Clause', ...mods] : ['Document', 'Version', ...mods];
  const rows = m.rows.map((r) => {
    const lead = m.byClause ? [r.doc, r.clause ?? ''] : [r.doc, r.newVersion === null ? r.oldVersion : `${r.oldVersion} → ${r.newVersion}`];
    return [...lead, ...r.cells.map((items) => items.join(', '))];
  });
  return { header, rows };
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

export function renderMatrixMarkdown(m: ImpactMatrix): string {
  const { header, rows } = matrixCells(m);
  const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  const out = [line(header), line(header.map(() => '---')), ...rows.map(line)];
  out.push('');
  out.push(`Each cell lists the items of the modification that change the ${m.byClause ? 'clause' : 'document'}.`);
  out.push('');
  for (const c of m.columns) out.push(`- ${c.id} '${c.title}' (${c.status}): ${c.file}`);
  return `${out.join('\n')}\n`;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderMatrixCsv(m: ImpactMatrix): string {
  const { header, rows } = matrixCells(m);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
