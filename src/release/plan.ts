// Planning a release: every modification's edits become operations on the BASELINE documents, exactly as
// `apply` plans one change log (src/changelog/plan-types.ts). All modifications of a release are drafted
// against the same baseline, so their operations can be compared with one another (conflicts) and, when they
// do not collide, applied together in one pass (composition). The change log's own planner is reused through
// its internals; nothing here edits src/changelog.

import type { SecDocument } from '../model/types.js';
import { docId } from '../model/index.js';
import type { ChangeLog, ChangeItem, Edit } from '../changelog/types.js';
import { DocIndex } from '../changelog/doc-index.js';
import { VisibleCache } from '../changelog/match.js';
import { PlanContext, type Op } from '../changelog/plan-types.js';
import { moduleOf } from '../changelog/edits/index.js';
import type { ReleaseEntry } from './types.js';

/** A modification taken into the release: its entry in the release file and its loaded change log. */
export interface Modification {
  /** 0-based release order among the modifications taken in. */
  order: number;
  entry: ReleaseEntry;
  log: ChangeLog;
}

/**
 * One planned operation and the modification it belongs to. `op` carries the qualified item ('MP250 item 7')
 * on itself and on its edit, so composition attributes every change to its modification and two items with
 * the same number in different modifications are never taken for one; `edit` is the edit as the change log
 * has it (for messages).
 */
export interface ReleaseOp {
  op: Op;
  mod: Modification;
  edit: Edit;
}

export interface Planned {
  /** The baseline documents, indexed once for every modification. */
  indexes: Map<string, DocIndex>;
  /** Visible text of the baseline's fields, shared by every phrase lookup. */
  cache: VisibleCache;
  /** Every operation of every modification, in release order (then change-log order). */
  ops: ReleaseOp[];
}

export function indexDocuments(baseline: ReadonlyMap<string, SecDocument>): Map<string, DocIndex> {
  const indexes = new Map<string, DocIndex>();
  for (const doc of baseline.values()) indexes.set(docId(doc.meta), new DocIndex(doc));
  return indexes;
}

/**
 * Plans every edit of every modification against the baseline. Callers validate each change log first
 * (applyChangeLog over the baseline reports every problem of a log on its own); an edit that still fails to
 * plan here contributes nothing.
 */
export function planModifications(mods: readonly Modification[], baseline: ReadonlyMap<string, SecDocument>): Planned {
  const indexes = indexDocuments(baseline);
  const cache = new VisibleCache();
  const ops: ReleaseOp[] = [];
  const qualified = new Map<Edit, Edit>();
  const qualify = (mod: Modification, edit: Edit): Edit => {
    let q = qualified.get(edit);
    if (!q) {
      q = { ...edit, item: qualifiedItem(mod, edit.item) } as Edit;
      qualified.set(edit, q);
    }
    return q;
  };
  for (const mod of mods) {
    // Each modification numbers its insertions on its own; two of them claiming G3.5A is a conflict found later.
    for (const index of indexes.values()) index.planned.clear();
    for (const item of mod.log.items) {
      for (const edit of item.edits) {
        const ctx = new PlanContext(mod.log.file, indexes, cache, editName(mod, item, edit), { item: item.id, edit: edit.index });
        moduleOf(edit).plan(edit, ctx);
        if (ctx.hasErrors()) continue;
        for (const op of ctx.ops) {
          const q = qualify(mod, op.edit);
          ops.push({ op: { ...op, item: q.item, edit: q } as Op, mod, edit: op.edit });
        }
      }
    }
  }
  return { indexes, cache, ops };
}

/** 'MP250 item 7': how a release names an item, in messages and on every change of the release redline. */
export function qualifiedItem(mod: Modification, item: string): string {
  return `${mod.log.modification.id} item ${item}`;
}

/** 'MP250 item 3, edit 2 (replace)', or 'MP250 item 4 (insert-clause)' when the item has one edit. */
export function editName(mod: Modification, item: ChangeItem | undefined, edit: Edit): string {
  const many = (item?.edits.length ?? 1) > 1;
  return `${qualifiedItem(mod, edit.item)}${many ? `, edit ${edit.index}` : ''} (${edit.kind})`;
}

export function itemOf(mod: Modification, edit: Edit): ChangeItem | undefined {
  return mod.log.items.find((it) => it.id === edit.item);
}

/** `file:line:col` of an edit in its change log. */
export function editPlace(mod: Modification, edit: Edit): string {
  return `${mod.log.file}:${edit.pos.line}:${edit.pos.column}`;
}
