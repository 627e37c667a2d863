// A whole SEC document as the renderers of `sec-redline render` see it: the title-page facts, the table of
// contents and the body as typed items, one per model block (a table with its rows is one item). DOCX and HTML
// are both written from this, so they agree on what is a heading, what goes in the contents and what is "Not
// used". Text stays inline Markdown; each renderer turns it into visible runs (src/render/rich-runs.ts).
//
// New block kinds (limbs, footnotes, bullets…) slot in as one more case of `viewItem`; until a renderer knows a
// kind, its text is shown as a plain paragraph, so nothing a document says is ever dropped.

import type { Align, Block, SecDocument } from '../../model/types.js';
import { docDisplayName, docId, isDefinitionsHeader, isNotUsed } from '../../model/index.js';
import { footnoteNumber, isFootnote } from '../../model/identify.js';

export interface DocumentViewOptions {
  /** YYYY-MM-DD shown on the title page, or null for an undated document. */
  date: string | null;
  /** The classification line of the footer (default 'White'). */
  classification?: string;
  /** Headings of levels 1…tocLevels go in the table of contents (default 2). */
  tocLevels?: number;
}

export interface HeadingItem {
  type: 'heading';
  id: string;
  /** 1 = a part ('G3 Security Incident Management'); deeper levels follow the Markdown depth. */
  level: number;
  /** Literal number ('G3', '2.10'), '' for an unnumbered heading. */
  number: string;
  text: string;
  /** Its place in the table of contents (1-based), or 0 when it is not listed. */
  toc: number;
}

/** An unnumbered heading inside a part: a cross-heading over the clauses that follow. */
export interface CrossHeadingItem {
  type: 'cross-heading';
  id: string;
  text: string;
}

export interface ClauseItem {
  type: 'clause';
  id: string;
  number: string;
  text: string;
  notUsed: boolean;
}

export interface SubparaItem {
  type: 'subpara';
  id: string;
  label: string;
  /** 1 for (a), 2 for (i), … */
  depth: number;
  text: string;
  notUsed: boolean;
}

/** A paragraph without a number: continuation text, a note under a table, text before the first clause. */
export interface ParagraphItem {
  type: 'paragraph';
  id: string;
  text: string;
  notUsed: boolean;
  /** A continuation paragraph: the depth of the list item it continues ('H9.3(b)/p1' → 1); 0 otherwise. */
  depth?: number;
  /** A footnote definition ('[^1]: …', text then holds both): its number and its own text. */
  footnote?: { number: string; text: string };
}

export interface TableRowView {
  id: string;
  cells: string[];
}

export interface TableItem {
  type: 'table';
  id: string;
  header: string[];
  align: Align[];
  rows: TableRowView[];
  /** Expression | Meaning: the definitions of a Section or Appendix. */
  definitions: boolean;
}

export type DocumentItem = HeadingItem | CrossHeadingItem | ClauseItem | SubparaItem | ParagraphItem | TableItem;

export interface TocEntry {
  /** 1-based, the same number as HeadingItem.toc. */
  n: number;
  level: number;
  number: string;
  text: string;
}

export interface DocumentView {
  /** 'Section G' */
  docId: string;
  /** "Section G 'Security'" */
  name: string;
  version: string;
  date: string | null;
  classification: string;
  tocLevels: number;
  toc: TocEntry[];
  items: DocumentItem[];
}

/** Word levels of the headings: the shallowest Markdown depth in the document is level 1. */
function headingBase(blocks: readonly Block[]): number {
  let min = 7;
  for (const b of blocks) if (b.kind === 'heading' && b.depth < min) min = b.depth;
  return min === 7 ? 1 : min;
}

export function documentView(doc: SecDocument, options: DocumentViewOptions): DocumentView {
  const tocLevels = options.tocLevels ?? 2;
  const base = headingBase(doc.blocks);
  const items: DocumentItem[] = [];
  const toc: TocEntry[] = [];
  let table: TableItem | null = null;
  for (const b of doc.blocks) {
    if (b.kind === 'row') {
      // Rows follow their table block; a row without one cannot come out of the model, but is kept visible.
      if (table && b.table === table.id) table.rows.push({ id: b.id, cells: [...(b.cells ?? [])] });
      else items.push({ type: 'paragraph', id: b.id, text: b.text, notUsed: false });
      continue;
    }
    table = null;
    const item = viewItem(b, base);
    if (item.type === 'table') table = item;
    if (item.type === 'heading' && item.level <= tocLevels) {
      item.toc = toc.length + 1;
      toc.push({ n: item.toc, level: item.level, number: item.number, text: item.text });
    }
    items.push(item);
  }
  return {
    docId: docId(doc.meta),
    name: docDisplayName(doc.meta),
    version: doc.meta.version,
    date: options.date,
    classification: options.classification ?? 'White',
    tocLevels,
    toc,
    items,
  };
}

function viewItem(b: Block, base: number): DocumentItem {
  switch (b.kind) {
    case 'heading': {
      const level = Math.max(1, b.depth - base + 1);
      // An unnumbered heading below the top level is a cross-heading; at the top level it heads a part.
      if (b.label === '' && level > 1) return { type: 'cross-heading', id: b.id, text: b.text };
      return { type: 'heading', id: b.id, level, number: b.label, text: b.text, toc: 0 };
    }
    case 'clause':
      return { type: 'clause', id: b.id, number: b.label, text: b.text, notUsed: isNotUsed(b.text) };
    case 'subpara':
      return { type: 'subpara', id: b.id, label: b.label, depth: Math.max(1, b.depth), text: b.text, notUsed: isNotUsed(b.text) };
    case 'table': {
      const header = [...(b.cells ?? [])];
      return { type: 'table', id: b.id, header, align: [...(b.align ?? header.map(() => null))], rows: [], definitions: isDefinitionsHeader(header) };
    }
    case 'paragraph':
    default: {
      const item: ParagraphItem = { type: 'paragraph', id: b.id, text: b.label === '' ? b.text : `${b.label} ${b.text}`, notUsed: isNotUsed(b.text) };
      if (b.depth > 0) item.depth = b.depth;
      if (isFootnote(b)) item.footnote = { number: footnoteNumber(b.label), text: b.text };
      return item;
    }
  }
}
