// The Annex A of a Modification Report as a renderer-neutral document: title block, about text, legend, then
// one part per changed SEC document with instructions and the changed clauses. Text stays as TextChanges over
// inline Markdown source (the Markdown renderer wants the source; DOCX and HTML turn it into visible runs with
// src/render/rich-runs.ts), so the exactness invariant of the Redline carries through unchanged.

import type { Align } from '../model/types.js';
import type { BlockStatus, ClauseStatus, DocumentStatus, TextChange } from '../redline/types.js';

export interface AnnexMeta {
  /** Modification identifier: 'MP999', 'DP123'. */
  modId: string;
  /** The modification's title, without quotes. */
  title: string;
  /** Target release, e.g. 'June 2024 SEC Release'. */
  release?: string;
  /** A role, never a person: 'SECAS'. */
  drafter: string;
  /** YYYY-MM-DD; absent for an undated comparison (never the clock). */
  date?: string;
  /** For an annex of two versions rather than a change log: what was compared ('HEAD', 'working tree'). */
  comparison?: { from: string; to: string };
  /** Annex version, e.g. '1.0'. */
  version?: string;
  /** Default 'White'. */
  classification?: string;
}

export interface AnnexTitleBlock {
  /** "MP999 'Housekeeping changes'". */
  heading: string;
  annex: string;
  subtitle: string;
  /** 'Version 1.0', or null when the meta has no version. */
  version: string | null;
  /** '22 May 2024'; null when undated. */
  date: string | null;
  release: string | null;
  drafter: string;
}

/** One document the changes are drafted against: "Section G 'Security'" at 'SEC 2024-06'. */
export interface AnnexBasis {
  document: string;
  version: string;
}

export interface AnnexDocument {
  meta: AnnexMeta & { classification: string };
  title: AnnexTitleBlock;
  /** Paragraphs of plain text (renderers word the legend for their own mode). */
  about: string[];
  basis: AnnexBasis[];
  /** Whether any change carries change-log items (then renderers explain the [Item n] tags). */
  hasItems: boolean;
  /**
   * Notes on the changes, one per item per passage: 'Item 8: Section M still …'. Never part of the text: DOCX
   * writes them as Word comments, Markdown as CriticMarkup comments. Blocks, rows and instructions point at
   * them by index through their `anchor`.
   */
  notes: AnnexNote[];
  parts: AnnexPart[];
}

/** What the change log says of one item, for its notes. */
export interface AnnexItemInfo {
  /** The item id as the changes carry it: '8', or a release's 'MP250 item 8'. */
  id: string;
  summary: string;
  /** The modification the item belongs to, in a release ('MP250'); revisions are attributed to it. */
  modification?: string;
}

export interface AnnexNote {
  item: string;
  /** 'Item 8', 'MP250 item 8'. */
  label: string;
  /** 'Item 8: Section M still provides for notices by Fax in six places.' (the label alone without a summary). */
  text: string;
  /** The modification of a release item; null otherwise. */
  modification: string | null;
}

/** Notes whose range starts at the beginning of this block / row / instruction, and those ending at its end. */
export interface AnnexAnchor {
  start: number[];
  end: number[];
}

export interface AnnexPart {
  /** 'Section G', 'Appendix AD'. */
  docId: string;
  file: string;
  /** "Section G 'Security'". */
  heading: string;
  /** 'redlined against SEC 2024-06', or 'new document' / 'document deleted'. */
  against: string;
  status: DocumentStatus;
  content: AnnexPartItem[];
}

export type AnnexPartItem = AnnexInstruction | AnnexGap | AnnexClause;

/** An imperative line before a changed passage: "Amend Section G3.5 as follows:". Never a revision. */
export interface AnnexInstruction {
  type: 'instruction';
  text: string;
  /** Change-log items the instruction covers (empty for diffs). */
  items: string[];
  /** Notes of items whose passage shows no changed block (a document deleted whole). */
  anchor?: AnnexAnchor;
}

/** Unchanged clauses left out between two changed ones (rendered as an ellipsis line). */
export interface AnnexGap {
  type: 'gap';
}

export interface AnnexClause {
  type: 'clause';
  id: string;
  oldId?: string;
  status: ClauseStatus;
  items: string[];
  blocks: AnnexBlock[];
}

export type AnnexBlock = AnnexTextBlock | AnnexTable;

export type AnnexTextKind = 'heading' | 'clause' | 'subpara' | 'paragraph';

export interface AnnexTextBlock {
  type: 'text';
  kind: AnnexTextKind;
  id: string;
  status: BlockStatus;
  /** Heading level 1–6 for headings, 0 otherwise. */
  level: number;
  /** 0 for clauses, headings and paragraphs; the sub-paragraph depth (1, 2, …) for sub-paragraphs. */
  indent: number;
  /** The clause number or label ('G3.5', '(a)'), literal text; '' on a side where there is none. */
  label: TextChange;
  /** Inline Markdown after the label. */
  text: TextChange;
  /** Items to tag the block with ([Item 7]); empty for unchanged blocks and diffs. */
  items: string[];
  anchor?: AnnexAnchor;
}

export interface AnnexTable {
  type: 'table';
  id: string;
  status: BlockStatus;
  /** Column count (the widest of header and rows, both sides). */
  columns: number;
  align: Align[];
  header: AnnexRow;
  /** Body rows in order; runs of unchanged rows are replaced by a gap row. */
  rows: (AnnexRow | AnnexGapRow)[];
  /** True when this is a definitions table (expression | meaning). */
  definitions: boolean;
}

export interface AnnexRow {
  type: 'row';
  id: string;
  status: BlockStatus;
  key?: string;
  /** One per column; a column that does not exist on a side has null there. */
  cells: TextChange[];
  items: string[];
  anchor?: AnnexAnchor;
}

export interface AnnexGapRow {
  type: 'gap-row';
  /** How many unchanged rows it stands for. */
  count: number;
}
