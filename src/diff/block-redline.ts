// One BlockRedline from a pair of aligned blocks (either side may be absent). Rows and table headers are
// compared cell by cell through the column alignment of their tables; every other block by its label and text.

import type { Block } from '../model/types.js';
import type { BlockRedline, TextChange } from '../redline/types.js';
import { textChangeError } from '../redline/invariant.js';
import { alignColumns, type ColumnAlignment } from './align-columns.js';
import { sameBlockContent } from './clauses.js';
import { deletedText, insertedText, joinChanges, labelChange, unchangedText } from '../redline/text-change.js';
import { wordChange } from './text-change.js';

/** Finds the header block of a row's table on either side, and caches column alignments per table pair. */
export class TableContext {
  private readonly oldTables = new Map<string, Block>();
  private readonly newTables = new Map<string, Block>();
  private readonly cache = new Map<string, ColumnAlignment>();

  constructor(oldBlocks: readonly Block[], newBlocks: readonly Block[]) {
    for (const b of oldBlocks) if (b.kind === 'table') this.oldTables.set(b.id, b);
    for (const b of newBlocks) if (b.kind === 'table') this.newTables.set(b.id, b);
  }

  /** Column alignment for a pair of header blocks or of rows (through their tables). */
  columns(oldBlock: Block, newBlock: Block): ColumnAlignment {
    const oldHeader = oldBlock.kind === 'table' ? oldBlock : this.oldTables.get(oldBlock.table ?? '');
    const newHeader = newBlock.kind === 'table' ? newBlock : this.newTables.get(newBlock.table ?? '');
    const oldCells = oldHeader?.cells ?? positions(oldBlock.cells?.length ?? 0);
    const newCells = newHeader?.cells ?? positions(newBlock.cells?.length ?? 0);
    const key = `${oldHeader?.id ?? '?'}\u0000${newHeader?.id ?? '?'}\u0000${oldCells.join('|')}\u0000${newCells.join('|')}`;
    let found = this.cache.get(key);
    if (!found) this.cache.set(key, (found = alignColumns(oldCells, newCells)));
    return found;
  }
}

function positions(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `#${i + 1}`);
}

function oneSided(block: Block, side: 'old' | 'new'): BlockRedline {
  const text = side === 'old' ? deletedText : insertedText;
  const out: BlockRedline = {
    kind: block.kind,
    id: block.id,
    status: side === 'old' ? 'deleted' : 'inserted',
    depth: block.depth,
    label: text(block.label),
    text: text(block.text),
    items: [],
  };
  if (block.cells) out.cells = block.cells.map(text);
  if (block.align) out.align = [...block.align];
  if (block.key !== undefined) out.key = block.key;
  return out;
}

export function blockRedline(oldBlock: Block | null, newBlock: Block | null, tables: TableContext): BlockRedline {
  if (!oldBlock && !newBlock) throw new Error('blockRedline needs at least one block');
  if (!oldBlock) return oneSided(newBlock!, 'new');
  if (!newBlock) return oneSided(oldBlock, 'old');
  const same = sameBlockContent(oldBlock, newBlock);
  const out: BlockRedline = {
    kind: newBlock.kind,
    id: newBlock.id,
    status: same ? 'unchanged' : 'changed',
    depth: newBlock.depth,
    label: labelChange(oldBlock.label, newBlock.label),
    text: same ? unchangedText(newBlock.text) : wordChange(oldBlock.text, newBlock.text),
    items: [],
  };
  if (oldBlock.id !== newBlock.id) out.oldId = oldBlock.id;
  if (newBlock.align) out.align = [...newBlock.align];
  if (newBlock.key !== undefined) out.key = newBlock.key;
  if (oldBlock.cells || newBlock.cells) {
    const { cells, text } = cellChanges(oldBlock, newBlock, same, tables);
    out.cells = cells;
    if (text) out.text = text;
  }
  return out;
}

/**
 * Cell-by-cell changes of a row or header; also the row's whole-text change rebuilt from them, so the text
 * and the cells tell the same story (null when the columns moved and the word diff of the row text stands).
 */
function cellChanges(oldBlock: Block, newBlock: Block, same: boolean, tables: TableContext): { cells: TextChange[]; text: TextChange | null } {
  const oldCells = oldBlock.cells ?? [];
  const newCells = newBlock.cells ?? [];
  if (same) return { cells: newCells.map(unchangedText), text: null };
  const columns = tables.columns(oldBlock, newBlock);
  const cells: TextChange[] = [];
  for (const step of columns.steps) {
    const o = step.old >= 0 ? oldCells[step.old] : undefined;
    const n = step.new >= 0 ? newCells[step.new] : undefined;
    if (o !== undefined && n !== undefined) cells.push(wordChange(o, n));
    else if (o !== undefined) cells.push(deletedText(o));
    else if (n !== undefined) cells.push(insertedText(n));
  }
  // Cells a row has beyond its header's columns (not canonical, but possible) keep their place.
  const covered = (len: number, side: 'old' | 'new'): boolean => columns.steps.filter((s) => s[side] >= 0 && s[side] < len).length === len;
  if (!columns.inOrder || !covered(oldCells.length, 'old') || !covered(newCells.length, 'new')) {
    return { cells, text: null };
  }
  const text = joinChanges(cells, ' | ');
  const fixed: TextChange = { old: oldBlock.text, new: newBlock.text, spans: text.spans };
  // The block text is the cells joined; if a producer ever spelled it differently, keep the word diff.
  return { cells, text: textChangeError(fixed) === null ? fixed : null };
}
