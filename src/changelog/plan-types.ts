// The plan: every edit becomes operations on source ranges and block positions of the ORIGINAL documents.
// All addresses resolve against the text the change log was drafted against, never against text another item
// produced, so items are independent: they compose when their operations do not overlap.

import type { Problem, RawBlock } from '../model/types.js';
import { docId, parseId, type ParsedId } from '../model/index.js';
import { problem } from '../util/errors.js';
import type { DocIndex } from './doc-index.js';
import { nearest } from '../util/suggest.js';
import { escapeCellPipes } from '../model/table-syntax.js';
import type { Edit, Pos } from './types.js';
import type { TextPlace, VisibleCache } from './match.js';

interface OpBase {
  doc: string;
  item: string;
  edit: Edit;
}

/** The field of a TextOp that is the block's number or label ('G3.6', '(c)'): renumbering. */
export const LABEL_FIELD = -2;

/** Replace source range [start, end) of one field (-1 = text, -2 = label, k = cell k) with `insert`. */
export interface TextOp extends OpBase {
  type: 'text';
  block: number;
  field: number;
  start: number;
  end: number;
  insert: string;
  /** The edit replaces the block's whole text (rewrite, rename, 'Not used'): nothing else may touch the block. */
  whole: boolean;
  /**
   * The phrase an insertion is placed against ('after: the Panel'), source range [start, end) of the same field.
   * The insertion changes none of it but cannot survive another change to it (a release's anchor conflicts).
   */
  phrase?: { start: number; end: number; text: string };
}

export interface DeleteOp extends OpBase {
  type: 'delete';
  block: number;
}

/** Insert blocks before original block `gap` (gap = blocks.length: at the end). */
export interface InsertOp extends OpBase {
  type: 'insert';
  gap: number;
  blocks: RawBlock[];
  /** Rows placed by key order: several items may insert rows into one gap, ordered by key. */
  rowKey: string | null;
  /**
   * The block the insertion is anchored to, and on which side. At one gap, insertions after an inner block
   * (sub-paragraph (b)) come before insertions after the clause that contains it (G3.5): the later anchor first.
   */
  anchor: number;
  side: 'after' | 'before';
}

export type Op = TextOp | DeleteOp | InsertOp;

export interface Resolved {
  doc: DocIndex;
  index: number;
}

/** What an edit module gets to plan one edit: lookups, the visible-text cache, and where to put ops/problems. */
/** An occurrence a replace left to another edit of the same item (see OccurrenceOverride.skip). */
export interface SkippedPlace {
  doc: string;
  block: number;
  field: number;
  start: number;
  end: number;
  edit: Edit;
  pos: Pos;
  what: string;
}

export class PlanContext {
  readonly ops: Op[] = [];
  readonly skipped: SkippedPlace[] = [];
  readonly problems: Problem[] = [];
  private suggestionsLeft = 200;

  constructor(
    readonly file: string,
    readonly docs: ReadonlyMap<string, DocIndex>,
    readonly cache: VisibleCache,
    /** 'item 4' or 'item 4, edit 2 (replace)'. */
    readonly name: string,
    /** The item and edit planned, carried on every problem as data. */
    readonly where: { item?: string; edit?: number } = {},
  ) {}

  report(pos: Pos, message: string, rule = 'changelog-target', severity: Problem['severity'] = 'error'): void {
    this.problems.push(problem(this.file, pos.line, pos.column, `${this.name}: ${message}`, rule, severity, this.where));
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  document(id: string, pos: Pos): DocIndex | null {
    const d = this.docs.get(id);
    if (d) return d;
    const known = [...this.docs.keys()];
    this.report(pos, `document '${id}' is not in the documents loaded (${known.length ? known.join(', ') : 'none'})`, 'changelog-unknown-document');
    return null;
  }

  /** Parses a canonical ID stored on an edit (read() already checked it parses). */
  parse(id: string): ParsedId {
    const p = parseId(id);
    if (!p) throw new Error(`internal: stored ID '${id}' does not parse`);
    return p;
  }

  /** A block by ID; reports an unknown document or clause (with the nearest existing ID). */
  resolve(id: ParsedId, pos: Pos): Resolved | null {
    const doc = this.document(docId(id.doc), pos);
    if (!doc) return null;
    const index = doc.byId.get(id.id);
    if (index !== undefined) return { doc, index };
    let hint = '';
    if (this.suggestionsLeft-- > 0) {
      const candidates = [...doc.byId.keys()].filter((k) => Math.abs(k.length - id.id.length) <= 3);
      const near = nearest(id.id, candidates);
      if (near) hint = `: did you mean '${near}' (${doc.where(doc.byId.get(near)!)})?`;
    }
    this.report(pos, `'${id.id}' not found in ${doc.id} (${doc.doc.file})${hint}`, 'changelog-unknown-clause');
    return null;
  }

  /** Replaces a source range. Text put into a table cell has its pipes escaped ('a | b' → 'a \\| b'). */
  text(edit: Edit, place: Pick<TextPlace, 'doc' | 'block' | 'field' | 'start' | 'end'>, text: string, whole = false, phrase?: TextOp['phrase']): void {
    const insert = place.field >= 0 ? escapeCellPipes(text) : text;
    const op: TextOp = { type: 'text', doc: place.doc.id, item: edit.item, edit, block: place.block, field: place.field, start: place.start, end: place.end, insert, whole };
    if (phrase) op.phrase = phrase;
    this.ops.push(op);
  }

  /** Renumbers a block: its label becomes `label` (IDs below it follow when the document is identified again). */
  relabel(edit: Edit, doc: DocIndex, block: number, label: string): void {
    const old = doc.block(block).label;
    this.ops.push({ type: 'text', doc: doc.id, item: edit.item, edit, block, field: LABEL_FIELD, start: 0, end: old.length, insert: label, whole: false });
  }

  delete(edit: Edit, doc: DocIndex, block: number): void {
    this.ops.push({ type: 'delete', doc: doc.id, item: edit.item, edit, block });
  }

  insert(edit: Edit, doc: DocIndex, gap: number, blocks: RawBlock[], at: { anchor: number; side: 'after' | 'before'; rowKey?: string | null }): void {
    this.ops.push({ type: 'insert', doc: doc.id, item: edit.item, edit, gap, blocks, rowKey: at.rowKey ?? null, anchor: at.anchor, side: at.side });
  }
}
