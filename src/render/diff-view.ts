// What the diff renderers (text, md, json, stat) share: which documents and clauses to show (changed ones and
// `context` unchanged clauses around them), which blocks of a shown clause to print, and each block's
// canonical source line(s) as a TextChange, so a mark sits exactly where the Markdown source changed.

import type { Align } from '../model/types.js';
import type { BlockRedline, ClauseRedline, DocumentRedline, Redline, TextChange } from '../redline/types.js';
import { joinChanges } from '../redline/text-change.js';
import { contextMask } from '../redline/context.js';

export interface ShownClause {
  clause: ClauseRedline;
  /** Shown only as context around a change. */
  context: boolean;
}

export interface ShownDocument {
  doc: DocumentRedline;
  clauses: ShownClause[];
}

/** Documents that differ, in the Redline's (SEC) order, each with its changed clauses and their context. */
export function shownDocuments(redline: Redline, context: number): ShownDocument[] {
  const out: ShownDocument[] = [];
  for (const doc of redline.documents) {
    if (doc.status === 'unchanged') continue;
    const show = contextMask(doc.clauses.map((c) => c.status !== 'unchanged'), context);
    const clauses: ShownClause[] = [];
    doc.clauses.forEach((c, i) => {
      if (show[i]) clauses.push({ clause: c, context: c.status === 'unchanged' });
    });
    out.push({ doc, clauses });
  }
  return out;
}

/** One printed piece of a clause: a block, or a note that unchanged rows of a table were left out. */
export type ShownBlock = { kind: 'block'; block: BlockRedline } | { kind: 'elided-rows'; count: number };

/**
 * The blocks of a shown clause worth printing: all of them, except unchanged table rows (a definitions table
 * has hundreds); a table header is printed when it changed or any of its rows is printed.
 */
export function shownBlocks(clause: ClauseRedline): ShownBlock[] {
  const out: ShownBlock[] = [];
  const blocks = clause.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'table') {
      if (b.kind === 'row' && b.status === 'unchanged') continue;
      out.push({ kind: 'block', block: b });
      continue;
    }
    // A table: its header, then its rows up to the next non-row block.
    let end = i + 1;
    while (end < blocks.length && blocks[end]!.kind === 'row') end++;
    const rows = blocks.slice(i + 1, end);
    const changedRows = rows.filter((r) => r.status !== 'unchanged');
    if (b.status !== 'unchanged' || changedRows.length) {
      out.push({ kind: 'block', block: b });
      // Changed rows at their places, each run after the unchanged row before it (or before the one after it,
      // at the top of the table), so an inserted or moved row is seen where it goes.
      const changed = (k: number): boolean => rows[k] !== undefined && rows[k]!.status !== 'unchanged';
      const leadingRun = (k: number): boolean => k > 0 && rows.slice(0, k).every((_, j) => changed(j));
      const shown = rows.map((_, k) => changed(k) || changed(k + 1) || leadingRun(k));
      let printed = 0;
      rows.forEach((r, k) => {
        if (!shown[k]) return;
        out.push({ kind: 'block', block: r });
        printed++;
      });
      if (printed < rows.length) out.push({ kind: 'elided-rows', count: rows.length - printed });
    } else if (rows.length) {
      out.push({ kind: 'elided-rows', count: rows.length });
    }
    i = end - 1;
  }
  return out;
}

/** Whether two consecutive printed blocks sit on adjacent lines in canonical Markdown (one list, one table). */
export function joinedLines(prev: BlockRedline, next: BlockRedline): boolean {
  if (next.kind === 'row') return prev.kind === 'table' || prev.kind === 'row';
  return next.kind === 'subpara' && prev.kind === 'subpara';
}

const same = (s: string): TextChange => ({ old: s, new: s, spans: s ? [{ op: 'equal', text: s }] : [] });

/** A fixed piece of syntax ('## ', '- ', '| ') on the sides where the block exists. */
function syntax(block: BlockRedline, s: string): TextChange {
  if (block.status === 'inserted') return { old: null, new: s, spans: s ? [{ op: 'insert', text: s }] : [] };
  if (block.status === 'deleted') return { old: s, new: null, spans: s ? [{ op: 'delete', text: s }] : [] };
  return same(s);
}

/** An empty label or text takes no space in the source line ('## Title', not '##  Title'). */
function dropEmpty(c: TextChange): TextChange {
  return { old: c.old === '' ? null : c.old, new: c.new === '' ? null : c.new, spans: c.spans };
}

/** Concatenation without separators, keeping both sides' texts. */
function concat(parts: readonly TextChange[], block: BlockRedline): TextChange {
  const joined = joinChanges(parts, '');
  return {
    old: block.status === 'inserted' ? null : (joined.old ?? ''),
    new: block.status === 'deleted' ? null : (joined.new ?? ''),
    spans: joined.spans,
  };
}

function delimiterCell(a: Align): string {
  return a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---';
}

/**
 * The block's canonical source line(s) with the changes inside: one TextChange per physical line (a table
 * header has two: the header and the delimiter line). Old and new of each are the source lines of each side.
 * Known limit: the Redline keeps only the new side's column alignments, so a changed alignment is shown as
 * the new one, and a removed column's delimiter as '---'.
 */
export function blockLineChanges(block: BlockRedline): TextChange[] {
  const body = joinChanges([dropEmpty(block.label), dropEmpty(block.text)], ' ');
  const bodyChange: TextChange = { old: body.old, new: body.new, spans: body.spans };
  switch (block.kind) {
    case 'heading':
      return [concat([syntax(block, `${'#'.repeat(block.depth)} `), bodyChange], block)];
    case 'subpara':
      return [concat([syntax(block, `${'  '.repeat(Math.max(0, block.depth - 1))}- `), bodyChange], block)];
    case 'clause':
      return [concat([bodyChange], block)];
    case 'paragraph':
      // A continuation paragraph is indented to its sub-paragraph's text, as in the source.
      return [concat(block.depth > 0 ? [syntax(block, '  '.repeat(block.depth)), bodyChange] : [bodyChange], block)];
    case 'row':
      return [concat([syntax(block, '| '), bodyChange, syntax(block, ' |')], block)];
    case 'table': {
      const header = concat([syntax(block, '| '), bodyChange, syntax(block, ' |')], block);
      const parts: TextChange[] = [syntax(block, '|')];
      let newColumn = 0;
      for (const cell of block.cells ?? []) {
        const d = ` ${delimiterCell(cell.new !== null ? (block.align?.[newColumn] ?? null) : null)} |`;
        if (cell.new !== null) newColumn++;
        if (cell.old !== null && cell.new !== null) parts.push(same(d));
        else if (cell.new !== null) parts.push({ old: null, new: d, spans: [{ op: 'insert', text: d }] });
        else parts.push({ old: d, new: null, spans: [{ op: 'delete', text: d }] });
      }
      return [header, concat(parts, block)];
    }
  }
}

/** The clause's source lines (every block, no blank lines) as one change; what `--format json` reports. */
export function clauseLinesChange(clause: ClauseRedline): TextChange {
  return joinChanges(clause.blocks.flatMap(blockLineChanges), '\n');
}

/** Whether anything but the clause's own number changed (a renumbered clause may also have been edited). */
export function clauseTextChanged(clause: ClauseRedline): boolean {
  return clause.blocks.some(
    (b) =>
      b.status === 'inserted' ||
      b.status === 'deleted' ||
      (b.status === 'changed' && (b.text.spans.some((s) => s.op !== 'equal') || b.kind === 'subpara' && b.label.spans.some((s) => s.op !== 'equal'))),
  );
}

/**
 * 'G3.5 changed', 'G3.9 renumbered from G3.7', 'G3.9 moved from G3.7, changed', 'G3.4 unchanged',
 * 'G3.6 inserted (former G3.6 moved to G4.2)'.
 */
export function clauseHeadline(clause: ClauseRedline): string {
  if (clause.status === 'moved' || clause.status === 'renumbered') {
    return `${clause.id} ${clause.note ?? `${clause.status} from ${clause.oldId ?? '?'}`}${clauseTextChanged(clause) ? ', changed' : ''}`;
  }
  return clause.note ? `${clause.id} ${clause.status} (${clause.note})` : `${clause.id} ${clause.status}`;
}

/** 'SEC 2024-06 → SEC 2024-09', 'SEC 2024-06', or 'new document' / 'document deleted'. */
export function versionLine(doc: DocumentRedline): string {
  if (doc.oldVersion === null) return `new document (${doc.newVersion ?? ''})`;
  if (doc.newVersion === null) return `document deleted (was ${doc.oldVersion})`;
  return doc.oldVersion === doc.newVersion ? doc.newVersion : `${doc.oldVersion} → ${doc.newVersion}`;
}
