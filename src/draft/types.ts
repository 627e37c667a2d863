// What drafting produces before it is written as YAML: items of edits in the change-log format
// (docs/changelog.md), each edit a plain object whose key order is the order the YAML shows.

export type DraftEdit = { kind: string } & Record<string, unknown>;

/** One word-level change, for the drafted summary ("'teh' replaced by 'the'"). */
export type TextChangeNote =
  | { kind: 'replace'; old: string; new: string }
  | { kind: 'insert'; new: string; where: string }
  | { kind: 'rewrite'; old: string; new: string };

export interface DraftItem {
  /** Document ID the item edits. */
  doc: string;
  /** The clause the item is about, as the reader knows it now (new ID), and its old ID when renumbered. */
  clause: string;
  oldClause?: string;
  /** Phrases for the summary, in order ('G3.5: …'). */
  notes: string[];
  edits: DraftEdit[];
  /** The window of differences the item belongs to (document.ts), to redraft it whole when it fails. */
  window: string;
}

export type GroupBy = 'clause' | 'document' | 'one';

export interface DraftHeader {
  modification: { id: string; title: string };
  release: string;
  drafter: string;
  date: string;
}
