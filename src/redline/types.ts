// The one structure every output is rendered from. `apply` (change logs) and `diff` (two versions) both
// produce a Redline; the text, Markdown, JSON, HTML and DOCX renderers only read it.
//
// Exactness invariant, for every TextChange, always:
//   old === spans.filter(s => s.op !== 'insert').map(s => s.text).join('')   (or '' when old is null)
//   new === spans.filter(s => s.op !== 'delete').map(s => s.text).join('')   (or '' when new is null)
// src/redline/invariant.ts checks it; tests run it over every Redline they build.

import type { BlockKind, DocMeta, Align } from '../model/types.js';

export type SpanOp = 'equal' | 'delete' | 'insert';

export interface Span {
  op: SpanOp;
  text: string;
  /** Change-log item ids that caused this insertion or deletion (empty for diffs and equal spans). */
  items?: string[];
}

/** One piece of text on both sides; null when the text does not exist on that side. */
export interface TextChange {
  old: string | null;
  new: string | null;
  spans: Span[];
}

export type BlockStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted';

export interface BlockRedline {
  kind: BlockKind;
  /** ID on the new side (on the old side when deleted). */
  id: string;
  /** ID on the old side when it differs (renumbered or moved). */
  oldId?: string;
  status: BlockStatus;
  depth: number;
  /** The number or label ('G3.5', '(a)'); spans show a renumbering. */
  label: TextChange;
  /** Inline Markdown after the label. For rows and table headers, the cells joined with ' | '. */
  text: TextChange;
  /** Rows and table headers: one TextChange per column (a column added or removed has null on one side). */
  cells?: TextChange[];
  /** Table headers: alignments of the new side (old side when deleted). */
  align?: Align[];
  /** Rows: the key. */
  key?: string;
  /** Change-log items that touched this block. */
  items: string[];
}

export type ClauseStatus = BlockStatus | 'moved' | 'renumbered';

/** The kinds of edit a change log can make; used to word the Annex A instructions. */
export type EditKind =
  | 'replace'
  | 'insert-text'
  | 'insert-clause'
  | 'insert-paragraph'
  | 'delete-clause'
  | 'remove-clause'
  | 'rewrite'
  | 'rename-heading'
  | 'insert-row'
  | 'delete-row'
  | 'move-row'
  | 'renumber'
  | 'amend-row';

export interface ClauseEdit {
  /** Change-log item id ('1' … '27'). */
  item: string;
  kind: EditKind;
  /** For document-wide replacements: the text replaced, for the instruction "replacing each instance of 'Fax'". */
  find?: string;
  /** Where the edit was anchored, for instructions such as "Insert new Section G3.5A after G3.5". */
  after?: string;
  before?: string;
}

export interface ClauseRedline {
  /** ID of the clause's first block on the new side (old side when deleted). */
  id: string;
  oldId?: string;
  status: ClauseStatus;
  /** For moved/renumbered clauses: a human note such as 'moved from G3.7'. */
  note?: string;
  /** Every block of the clause, in order; unchanged blocks included (renderers decide what to elide). */
  blocks: BlockRedline[];
  /** Change-log items that touched this clause (empty for diffs). */
  items: string[];
  /** The edits that touched this clause (empty for diffs). */
  edits: ClauseEdit[];
}

export type DocumentStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted';

export interface DocumentRedline {
  /** Metadata of the new side (old side when deleted). */
  meta: DocMeta;
  /** File name without directory: 'section-G.md'. */
  file: string;
  oldVersion: string | null;
  newVersion: string | null;
  status: DocumentStatus;
  /** Every clause, new-document order, deleted clauses where they stood. */
  clauses: ClauseRedline[];
}

export interface Redline {
  /** In SEC order. Unchanged documents may be left out by the producer. */
  documents: DocumentRedline[];
}
