// Canonical Markdown for a document: front matter, then one line per block, one blank line between blocks,
// none between the items of one list or the lines of one table. parse(serialize(d)) reproduces d.

import type { Block, SecDocument } from './types.js';
import { serializeFrontMatter } from './front-matter.js';
import { delimiterCell, rowLine } from './table-syntax.js';

export function blockLines(b: Pick<Block, 'kind' | 'label' | 'depth' | 'text' | 'cells' | 'align'>): string[] {
  const labelled = (label: string, text: string): string => (label && text ? `${label} ${text}` : label || text);
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.depth)} ${labelled(b.label, b.text)}`];
    case 'clause':
      return [labelled(b.label, b.text)];
    case 'subpara':
      return [`${'  '.repeat(Math.max(0, b.depth - 1))}- ${labelled(b.label, b.text)}`];
    case 'paragraph': {
      // A continuation paragraph is indented to its list item's text (two spaces a level); a paragraph kept
      // verbatim may span several lines, each indented alike.
      const indent = '  '.repeat(Math.max(0, b.depth));
      const lines = labelled(b.label, b.text).split('\n');
      return indent ? lines.map((l) => (l === '' ? l : indent + l)) : lines;
    }
    case 'table': {
      const cells = b.cells ?? [];
      return [rowLine(cells), rowLine(cells.map((_, i) => delimiterCell(b.align?.[i] ?? null)))];
    }
    case 'row':
      return [rowLine(b.cells ?? [])];
  }
}

/** Whether `next` continues the same list or table as `prev` (no blank line between them). */
export function joined(prev: Block, next: Block): boolean {
  if (next.kind === 'row') return prev.kind === 'table' || prev.kind === 'row';
  return next.kind === 'subpara' && prev.kind === 'subpara';
}

export function serializeBlocks(blocks: readonly Block[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    const prev = i > 0 ? blocks[i - 1]! : null;
    if (prev) out += joined(prev, b) ? '\n' : '\n\n';
    out += blockLines(b).join('\n');
  });
  return out;
}

export function serializeDocument(doc: SecDocument): string {
  const body = serializeBlocks(doc.blocks);
  return serializeFrontMatter(doc.meta) + (body ? `\n${body}\n` : '');
}
