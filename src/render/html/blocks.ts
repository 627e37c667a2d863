// One SEC block as HTML: a numbered text block (clause, heading, paragraph, sub-paragraph) laid out as number
// then text (css.ts), and a table cell by cell. Shared by the annex and the review page, so a clause looks the
// same in both.

import type { Align } from '../../model/types.js';
import type { TextChange } from '../../redline/types.js';
import { literalRuns, richRuns } from '../rich-runs.js';
import { runsHtml, type RunSide } from './runs.js';

export interface TextBlockHtml {
  kind: 'heading' | 'clause' | 'subpara' | 'paragraph';
  /** Sub-paragraph depth (1, 2, …); 0 otherwise. */
  level: number;
  label: TextChange;
  text: TextChange;
  /** Extra classes (e.g. the block's status). */
  classes?: string;
  /** Markup appended after the text (an item tag), already escaped. */
  after?: string;
}

/** `<p class="blk clause …"><span class="num">G3.5</span> <span class="text">…</span></p>`. */
export function textBlockHtml(b: TextBlockHtml, side: RunSide = 'both'): string {
  const label = runsHtml(literalRuns(b.label), side);
  const num = label === '' ? '' : `<span class="num">${label}</span> `;
  const cls = ['blk', b.kind, ...(b.classes ? [b.classes] : [])].join(' ');
  const style = b.kind === 'subpara' && b.level > 1 ? ` style="--level:${b.level}"` : '';
  return `<p class="${cls}"${style}>${num}<span class="text">${runsHtml(richRuns(b.text), side)}</span>${b.after ?? ''}</p>`;
}

export interface RowHtml {
  /** 'unchanged' | 'changed' | 'inserted' | 'deleted', or 'gap' for an elision row. */
  status: string;
  cells: TextChange[];
  after?: string;
}

export function cellHtml(c: TextChange, side: RunSide = 'both'): string {
  return runsHtml(richRuns(c), side);
}

/** A table: header row then body rows; gap rows show '…' across every column. */
export function tableHtml(t: { columns: number; align: readonly (Align | null | undefined)[]; header: RowHtml; rows: readonly (RowHtml | { status: 'gap' })[] }, side: RunSide = 'both'): string {
  const row = (r: RowHtml, cell: 'th' | 'td'): string => {
    const cells = r.cells.map((c, i) => {
      const align = t.align[i];
      const style = align ? ` style="text-align:${align}"` : '';
      return `<${cell}${style}>${cellHtml(c, side)}${i === r.cells.length - 1 ? (r.after ?? '') : ''}</${cell}>`;
    });
    return `<tr class="${r.status}">${cells.join('')}</tr>`;
  };
  const body = t.rows.map((r) => ('cells' in r ? row(r, 'td') : `<tr class="gap"><td colspan="${t.columns}">…</td></tr>`));
  return `<table class="sec"><thead>${row(t.header, 'th')}</thead><tbody>${body.join('')}</tbody></table>`;
}
