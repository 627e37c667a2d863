// Planning a release: every modification's edits become operations on the BASELINE documents, by the change
// log's own public planner (planChangeLog), once per modification. All modifications of a release are drafted
// against the same baseline, so their operations can be compared with one another (conflicts) and, when they
// do not collide, applied together in one pass (composition). Only src/changelog/index.ts is used.

import type { SecDocument } from '../model/types.js';
import { lookupDocuments, planChangeLog, type ChangeLog, type ChangeItem, type DocLookup, type Edit, type Op, type Plan } from '../changelog/index.js';
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
  /** The baseline documents, looked up by document ID. */
  indexes: ReadonlyMap<string, DocLookup>;
  /** Every operation of every modification, in release order (then change-log order). */
  ops: ReleaseOp[];
}

/**
 * The operations of every modification against the baseline, qualified. Callers validate each change log
 * first (prepareRelease plans and applies each on its own and passes those plans in `plans`, so nothing is
 * planned twice); a modification without a plan there is planned here. An item that fails to plan
 * contributes nothing.
 */
export function planModifications(mods: readonly Modification[], baseline: ReadonlyMap<string, SecDocument>, plans: ReadonlyMap<Modification, Plan> = new Map()): Planned {
  const ops: ReleaseOp[] = [];
  for (const mod of mods) {
    // Each modification numbers its insertions on its own; two of them claiming G3.5A is a conflict found later.
    const plan = plans.get(mod) ?? planChangeLog(mod.log, baseline, { force: true });
    const qualified = new Map<Edit, Edit>();
    const qualify = (edit: Edit): Edit => {
      let q = qualified.get(edit);
      if (!q) {
        q = { ...edit, item: qualifiedItem(mod, edit.item) } as Edit;
        qualified.set(edit, q);
      }
      return q;
    };
    for (const item of plan.items) {
      if (!item.applied) continue;
      for (const op of item.ops) {
        const q = qualify(op.edit);
        ops.push({ op: { ...op, item: q.item, edit: q } as Op, mod, edit: op.edit });
      }
    }
  }
  return { indexes: lookupDocuments(baseline), ops };
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
