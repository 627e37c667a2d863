// Assigns every block its ID, its clause and (for rows) its key and table. This is the one place IDs are
// computed: the line scanner, the remark parser and every change-log edit go through it.

import type { Block, DocMeta, RawBlock } from './types.js';
import { docId } from './doc-ref.js';
import { rowKey } from './plain-text.js';

/** Prefix that turns a local number into a full ID: '' for Sections (the letter is in the number). */
export function idPrefix(meta: Pick<DocMeta, 'kind' | 'code'>): string {
  return meta.kind === 'section' ? '' : `${docId(meta)} `;
}

type Counted = 'heading' | 'p' | 'table';

export function identifyBlocks(meta: Pick<DocMeta, 'kind' | 'code'>, raw: readonly RawBlock[]): Block[] {
  const prefix = idPrefix(meta);
  const documentId = docId(meta);
  let anchor = documentId; // nearest numbered heading or clause
  let counters = new Map<Counted, number>();
  let clause: string | null = null;
  let subparaBase = documentId; // the block sub-paragraph IDs hang from
  let labels: string[] = []; // current sub-paragraph label path
  let table: { id: string; rowPrefix: string; seen: Map<string, number> } | null = null;

  const count = (kind: Counted): number => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return n;
  };

  return raw.map((b, index): Block => {
    let id: string;
    let key: string | undefined;
    let tableId: string | undefined;
    const numbered = b.label !== '' && (b.kind === 'heading' || b.kind === 'clause');
    if (b.kind !== 'row') table = null;
    if (numbered) {
      id = prefix + b.label;
      anchor = id;
      counters = new Map();
      clause = id;
      subparaBase = id;
      labels = [];
    } else if (b.kind === 'subpara') {
      labels = labels.slice(0, Math.max(0, b.depth - 1));
      while (labels.length < b.depth - 1) labels.push('(?)');
      labels.push(b.label || '(?)');
      id = subparaBase + labels.join('');
    } else if (b.kind === 'row') {
      if (!table) {
        // A row with no header before it cannot come from Markdown; keep IDs unique all the same.
        table = { id: `${anchor}/table${count('table')}`, rowPrefix: anchor, seen: new Map() };
      }
      key = rowKey(b.cells?.[0] ?? b.text);
      const n = (table.seen.get(key) ?? 0) + 1;
      table.seen.set(key, n);
      id = `${table.rowPrefix}[${key}${n > 1 ? `#${n}` : ''}]`;
      tableId = table.id;
    } else {
      const kind: Counted = b.kind === 'heading' ? 'heading' : b.kind === 'table' ? 'table' : 'p';
      const n = count(kind);
      id = `${anchor}/${kind}${n}`;
      if (b.kind === 'table') {
        table = { id, rowPrefix: n === 1 ? anchor : id, seen: new Map() };
      } else {
        subparaBase = id;
        labels = [];
      }
      if (b.kind === 'heading' || clause === null) clause = id;
    }
    const block: Block = {
      kind: b.kind,
      id,
      label: b.label,
      depth: b.depth,
      text: b.text,
      clause: clause ?? id,
      line: b.line ?? index + 1,
      column: b.column ?? 1,
    };
    if (b.cells) block.cells = b.cells;
    if (b.align) block.align = b.align;
    if (key !== undefined) block.key = key;
    if (tableId !== undefined) block.table = tableId;
    return block;
  });
}

/** Drops the derived fields, e.g. before an edit rebuilds a document. */
export function toRaw(block: Block): RawBlock {
  const raw: RawBlock = { kind: block.kind, label: block.label, depth: block.depth, text: block.text, line: block.line, column: block.column };
  if (block.cells) raw.cells = [...block.cells];
  if (block.align) raw.align = [...block.align];
  return raw;
}
