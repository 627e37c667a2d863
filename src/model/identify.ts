// Assigns every block its ID, its clause and (for rows) its key and table. This is the one place IDs are
// computed: the line scanner, the remark parser and every change-log edit go through it.

import type { Block, DocMeta, RawBlock } from './types.js';
import { docId } from './doc-ref.js';
import { rowKey } from './plain-text.js';
import { ownSectionNumber, scopeName } from './scope.js';

/** Prefix that turns a local number into a full ID: '' for Sections (the letter is in the number). */
export function idPrefix(meta: Pick<DocMeta, 'kind' | 'code'>): string {
  return meta.kind === 'section' ? '' : `${docId(meta)} `;
}

/** Whether a block is a footnote definition ('[^1]: …'): its label is the footnote's. */
export function isFootnote(b: Pick<Block, 'kind' | 'label'>): boolean {
  return b.kind === 'paragraph' && b.label.startsWith('[^');
}

/** The footnote number of a definition label '[^3]:' → '3'. */
export function footnoteNumber(label: string): string {
  return label.replace(/^\[\^|\]:?$/g, '');
}

type Counted = 'heading' | 'p' | 'table';

/** A list item that blocks nested under it hang from: its ID and its own counters (bullets, paragraphs). */
interface Item {
  id: string;
  bullets: number;
  paragraphs: number;
}

/**
 * `positions`: each block's line and column in pairs (serialize.ts, blockPositions), for blocks whose own are not
 * where they will stand (an amended document's). A raw block that carries a row `key` (a block of a document
 * read before: keys are a pure function of the first cell, which it still has) keeps it.
 */
export function identifyBlocks(meta: Pick<DocMeta, 'kind' | 'code'>, raw: readonly RawBlock[], positions?: Int32Array): Block[] {
  const documentId = docId(meta);
  let prefix = idPrefix(meta);
  let anchor = documentId; // nearest numbered heading or clause
  // The implicit numbers under the current anchor: a plain record, made anew at each of ~50,000 anchors.
  let counters: Record<Counted, number> = { heading: 0, p: 0, table: 0 };
  let clause: string | null = null;
  let base: Item = { id: documentId, bullets: 0, paragraphs: 0 }; // the block list items hang from
  let items: Item[] = []; // the open list items, one per level
  let table: { id: string; rowPrefix: string; seen: Map<string, number> } | null = null;
  let footnotes = 0;
  const scopes = new Set<string>(); // a name starts a scope once; a repeated one is a plain heading

  const count = (kind: Counted): number => ++counters[kind];
  const startAnchor = (id: string): void => {
    anchor = id;
    counters = { heading: 0, p: 0, table: 0 };
    clause = id;
    base = { id, bullets: 0, paragraphs: 0 };
    items = [];
  };

  return raw.map((b, index): Block => {
    let id: string;
    let key: string | undefined;
    let tableId: string | undefined;
    let ownClause: string | null = null;
    const numbered = b.label !== '' && (b.kind === 'heading' || b.kind === 'clause');
    if (b.kind !== 'row') table = null;
    let scope = b.kind === 'heading' && b.label === '' ? scopeName(b.text, b.depth) : null;
    if (scope !== null && scopes.has(scope)) scope = null;
    if (scope !== null) scopes.add(scope);
    if (numbered && ownSectionNumber(meta, b.label)) prefix = idPrefix(meta); // a Section's own number ends a scope
    if (numbered) {
      id = prefix + b.label;
      startAnchor(id);
    } else if (scope !== null) {
      id = `${documentId} ${scope}`;
      prefix = `${id} `;
      startAnchor(id);
    } else if (isFootnote(b)) {
      // Footnotes are numbered in the document and are each a clause of their own (fmt puts them at the end).
      footnotes++;
      id = `${documentId}/fn${footnoteNumber(b.label) || footnotes}`;
      ownClause = id;
    } else if (b.kind === 'subpara') {
      const depth = Math.max(1, b.depth);
      items = items.slice(0, depth - 1);
      while (items.length < depth - 1) {
        const parent = items[items.length - 1] ?? base;
        items.push({ id: `${parent.id}(?)`, bullets: 0, paragraphs: 0 });
      }
      const parent = items[depth - 2] ?? base;
      id = b.label !== '' ? parent.id + b.label : `${parent.id}/bullet${++parent.bullets}`;
      items.push({ id, bullets: 0, paragraphs: 0 });
    } else if (b.kind === 'paragraph' && b.depth > 0) {
      // A continuation paragraph of the list item at its depth: 'H17.5(a)/p1'.
      items = items.slice(0, b.depth);
      const parent = items[b.depth - 1] ?? items[items.length - 1] ?? base;
      id = `${parent.id}/p${++parent.paragraphs}`;
    } else if (b.kind === 'row') {
      if (!table) {
        // A row with no header before it cannot come from Markdown; keep IDs unique all the same.
        table = { id: `${anchor}/table${count('table')}`, rowPrefix: anchor, seen: new Map() };
      }
      key = (b as Partial<Block>).key ?? rowKey(b.cells?.[0] ?? b.text);
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
        base = { id, bullets: 0, paragraphs: 0 };
        items = [];
      }
      if (b.kind === 'heading' || clause === null) clause = id;
    }
    const block: Block = {
      kind: b.kind,
      id,
      label: b.label,
      depth: b.depth,
      text: b.text,
      clause: ownClause ?? clause ?? id,
      line: positions ? positions[2 * index]! : b.line ?? index + 1,
      column: positions ? positions[2 * index + 1]! : b.column ?? 1,
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
