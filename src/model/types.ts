// The typed model of one SEC document: front matter plus a flat list of blocks in document order.
// Every block is one line of canonical Markdown (a table is a header block plus one block per row), which is
// what lets the line scanner (scan.ts) and the remark parser (parse.ts) produce the same structure.

export type DocKind = 'section' | 'schedule' | 'appendix';

/** Identifies a document: Section G, Appendix AD, Schedule 8. */
export interface DocRef {
  kind: DocKind;
  /** 'G', 'AD', '8' */
  code: string;
}

export interface DocMeta extends DocRef {
  title: string;
  /** Version label of this text: 'SEC 2024-06', 'DUIS 5.2'. */
  version: string;
}

export type BlockKind =
  | 'heading' // numbered or unnumbered heading (# … ######)
  | 'clause' // numbered paragraph: 'G3.5 …', '3.8.17.1 …'
  | 'subpara' // list item with a label: '- (a) …'
  | 'paragraph' // any other paragraph
  | 'table' // a table's header line + delimiter line
  | 'row'; // one body row of a table

export type Align = 'left' | 'right' | 'center' | null;

export interface Block {
  kind: BlockKind;
  /** Canonical full ID: 'G3.5', 'H17.5(a)(i)', 'Appendix AD 3.8.17.1', 'A1.1[SM WAN]', 'F4.17/p1'. */
  id: string;
  /** The number or label as written at the start of the block: 'G3.5', '3.8.17.1', '(a)'; '' when unnumbered. */
  label: string;
  /**
   * Heading level 1–6 for headings; nesting level 1, 2, … for sub-paragraphs; 0 for everything else.
   */
  depth: number;
  /**
   * Canonical inline Markdown after the label (and the space after it). For a heading: its title.
   * For a row: the cells joined with ' | ' (see cells). For a table header: the header cells joined likewise.
   */
  text: string;
  /** Table header and rows: the canonical inline Markdown of each cell. */
  cells?: string[];
  /** Table header only: column alignments. */
  align?: Align[];
  /** Row only: the row key (plain text of the first cell, emphasis and quotes removed). */
  key?: string;
  /** Row only: the ID of the table block this row belongs to. */
  table?: string;
  /** ID of the clause this block belongs to (see docs/format.md, 'Clauses'). */
  clause: string;
  /** 1-based source position of the block's first character (the list marker or '#', '|', or number). */
  line: number;
  column: number;
}

export interface SecDocument {
  /** Path as given (used in messages). */
  file: string;
  meta: DocMeta;
  blocks: Block[];
}

/** A problem with a position, as every command reports them: `file:line:col  message  [rule]`. */
export type { Problem } from '../util/problem.js';

/** A block before identification: what edits build and what identifyBlocks turns into Blocks. */
export type RawBlock = Omit<Block, 'id' | 'clause' | 'key' | 'table' | 'line' | 'column'> &
  Partial<Pick<Block, 'line' | 'column'>>;
