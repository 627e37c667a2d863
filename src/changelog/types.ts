// The typed change log: what `loadChangeLog` produces from annexes/<folder>/changes.yaml and what
// `applyChangeLog` consumes. Every value keeps the YAML position it came from, so a problem found later
// (while planning against the documents) still points at the change log's file:line:col.

import type { EditKind } from '../redline/types.js';
import type { Lifecycle } from './lifecycle.js';

/** 1-based position in the change-log file. */
export interface Pos {
  line: number;
  column: number;
}

/** Which version of a document the change log was drafted against ('Appendix AD: DUIS 5.2'). */
export interface DraftedAgainst {
  /** Canonical document ID: 'Appendix AD'. */
  doc: string;
  version: string;
  pos: Pos;
}

export interface ChangeLog {
  file: string;
  modification: { id: string; title: string };
  release: string;
  /** A role or organisation ('SECAS'), never a person. */
  drafter: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  documents: DraftedAgainst[];
  /** The optional life-cycle facts (route, stage, decisions, impacts); null when the header has none. */
  lifecycle: Lifecycle | null;
  items: ChangeItem[];
}

export interface ChangeItem {
  id: string;
  summary: string;
  proposed: string;
  /** Optional remarks (one line each), e.g. the dates and roles of the Word revisions an item was drafted from. */
  notes?: string[];
  /**
   * Document or clause IDs the item affects. Derived from the edits (their documents) when the change log
   * leaves it out; when given, every entry must be touched by an edit and every edit covered by an entry.
   */
  sections: string[];
  /** True when `sections` came from the change log rather than being derived. */
  sectionsGiven: boolean;
  edits: Edit[];
  pos: Pos;
}

/** Fields every edit has. `fieldPos` holds the position of each field's value (for messages). */
export interface EditBase {
  kind: EditKind;
  /** The item this edit belongs to, and its 1-based index there. */
  item: string;
  index: number;
  pos: Pos;
  fieldPos: Record<string, Pos>;
}

/** How `find`, `before` and `after` phrases match (docs/changelog.md, 'Matching text'). */
export interface MatchOptions {
  wholeWord: boolean;
  matchCase: boolean;
}

export interface OccurrenceOverride {
  /** Replacement for this occurrence only ('' deletes it). */
  with?: string;
  /** A longer phrase around this occurrence that is replaced instead (to take a comma or 'or' with it). */
  find?: string;
  /**
   * Counted but left alone here, because another edit of the same item removes or rewrites it (a table row
   * holding the word is deleted whole). Checked: an unhandled skipped occurrence is an error.
   */
  skip?: boolean;
  pos: Pos;
}

export interface ReplaceEdit extends EditBase, MatchOptions {
  kind: 'replace';
  /** Scope: clause/block IDs or document IDs, as written (canonicalised). */
  in: string[];
  find: string;
  with: string;
  /** Replace only the n-th match (1-based) in the scope. */
  occurrence: number | null;
  all: boolean;
  /** With `all`: how many matches the drafter expects (required with `all`). */
  expect: number | null;
  /** Per-occurrence overrides (with `all`), keyed by 1-based occurrence number. */
  occurrences: Map<number, OccurrenceOverride>;
}

export interface InsertTextEdit extends EditBase, MatchOptions {
  kind: 'insert-text';
  in: string;
  before: string | null;
  after: string | null;
  at: 'start' | 'end' | null;
  occurrence: number | null;
  text: string;
}

export interface SubParagraphSpec {
  label: string | null;
  text: string;
  subparagraphs: SubParagraphSpec[];
  pos: Pos;
}

/** Clauses or sub-paragraphs an insertion or removal renumbers: old ID → new ID (edits/renumber.ts). */
export interface Renumbering {
  map: Map<string, string>;
  pos: Map<string, Pos>;
}

export interface InsertClauseEdit extends EditBase {
  kind: 'insert-clause';
  /** The first sub-paragraph under this clause or sub-paragraph, which has none yet (instead of after/before). */
  under: string | null;
  /** The siblings that move up to make room (the new clause may then take an existing number). */
  renumber: Renumbering;
  after: string | null;
  before: string | null;
  /** The new clause's ID when given; otherwise assigned by the SEC convention. */
  id: string | null;
  text: string;
  subparagraphs: SubParagraphSpec[];
}

export interface InsertParagraphEdit extends EditBase {
  kind: 'insert-paragraph';
  after: string | null;
  before: string | null;
  text: string;
}

export interface DeleteClauseEdit extends EditBase {
  kind: 'delete-clause';
  target: string;
  /** Remove the clause outright instead of leaving 'Not used'. */
  remove: boolean;
  /** With remove: the siblings that move down into the gap. */
  renumber: Renumbering;
}

export interface RewriteEdit extends EditBase {
  kind: 'rewrite';
  target: string;
  /** The new text of the target block (null when `blocks` is given). */
  text: string | null;
  /**
   * The last resort for a difference no narrower edit can say: the whole clause `target` (through the clause
   * `through`, when given) replaced by these blocks, one canonical Markdown line each (a table is its header
   * line, its delimiter line and its rows). An empty list removes the clauses.
   */
  blocks: string[] | null;
  through: string | null;
}

export interface RenameHeadingEdit extends EditBase {
  kind: 'rename-heading';
  target: string;
  title: string;
}

/** Cells of a new or amended row: by position (a list) or by column heading (a map). */
export type CellValues = { by: 'position'; values: string[] } | { by: 'heading'; values: Map<string, string> };

export interface InsertRowEdit extends EditBase {
  kind: 'insert-row';
  /** The table: its anchor clause ('A1.1') or its ID ('Appendix AD 3.5.10/table1'). */
  table: string;
  cells: CellValues;
  /** Place the row after / before the row with this key instead of in key order. */
  after: string | null;
  before: string | null;
}

export interface DeleteRowEdit extends EditBase {
  kind: 'delete-row';
  target: string;
}

/** Clauses renumbered with nothing inserted or removed (edits/renumber-kind.ts). */
export interface RenumberEdit extends EditBase {
  kind: 'renumber';
  renumber: Renumbering;
}

/** A row moved within its table, next to the row with key `after` or `before` (a reordered table). */
export interface MoveRowEdit extends EditBase {
  kind: 'move-row';
  target: string;
  after: string | null;
  before: string | null;
}

export interface AmendRowEdit extends EditBase, MatchOptions {
  kind: 'amend-row';
  target: string;
  /** Whole-cell replacements by column heading. */
  cells: Map<string, string> | null;
  /** find/with within one cell. */
  cell: string | null;
  find: string | null;
  with: string | null;
  occurrence: number | null;
}

export type Edit =
  | ReplaceEdit
  | InsertTextEdit
  | InsertClauseEdit
  | InsertParagraphEdit
  | DeleteClauseEdit
  | RewriteEdit
  | RenameHeadingEdit
  | InsertRowEdit
  | DeleteRowEdit
  | MoveRowEdit
  | RenumberEdit
  | AmendRowEdit;

/** The edit kinds a change log may name (remove-clause is delete-clause with `remove: true`). */
export type ChangeLogEditKind = Edit['kind'];
