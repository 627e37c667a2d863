// The items table as a GFM table. Cell text is inline Markdown; literal pipes and line breaks are written the
// way the SEC Markdown format writes them in cells ('\|' and '<br>').

import { ITEM_COLUMNS, type ItemRow } from './table-items.js';

function cell(text: string): string {
  const t = text
    .trim()
    .replace(/\r?\n/g, '<br>')
    .replace(/(^|[^\\])\|/g, '$1\\|');
  return t === '' ? ' ' : t;
}

export function renderItemsTableMarkdown(items: readonly ItemRow[]): string {
  const lines = [`| ${ITEM_COLUMNS.join(' | ')} |`, `| ${ITEM_COLUMNS.map(() => '---').join(' | ')} |`];
  for (const it of items) {
    const sections = it.sections.map((s) => cell(s)).join('<br>');
    lines.push(`| ${cell(it.id)} | ${cell(it.summary)} | ${sections === '' ? ' ' : sections} | ${cell(it.proposed)} |`);
  }
  return `${lines.join('\n')}\n`;
}
