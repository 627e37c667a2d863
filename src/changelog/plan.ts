// Phase one of a change log (the changesets shape: plan, then apply): validate every item against the documents
// it was drafted against and turn its edits into operations on source ranges and block positions of those
// ORIGINAL documents. Pure: the documents are only read, and the Plan is a plain value (ops, problems, flags) that
// a caller may inspect, compose with other plans (a release) or hand to applyPlan. Every problem is collected
// here; an item with a problem, or whose edits overlap another item's, is marked not applied.

import type { Problem, SecDocument } from '../model/types.js';
import { problem } from '../util/errors.js';
import { indexDocuments, type DocIndex } from './doc-index.js';
import { VisibleCache } from './match.js';
import { PlanContext, type Op, type SkippedPlace } from './plan-types.js';
import { moduleOf } from './edits/index.js';
import { rangesOverlap } from './overlap.js';
import { overlapGroups } from './overlap-groups.js';
import type { ChangeLog, ChangeItem, Edit } from './types.js';

export interface PlanOptions {
  /** Apply even where a document's version label differs from the one the change log was drafted against. */
  force?: boolean;
}

/** One item of a plan: the operations its edits make and the problems found planning it. */
export interface PlannedItem {
  /** The item's id: '7' in a change log, 'MP250 item 7' in a release's composed plan. */
  id: string;
  /** The change log the item comes from (where problems about it are reported). */
  file: string;
  /** Every operation its edits planned (a failed edit's included: applyPlan makes them only when `applied`). */
  ops: Op[];
  /** Problems filed against the item (warnings included); also listed, in report order, in Plan.problems. */
  problems: Problem[];
  /** Whether applyPlan makes its operations: false when it has an error or collides with another item. */
  applied: boolean;
}

export interface Plan {
  /**
   * 'change-log' for planChangeLog's plans; 'release' for a plan a release composes from several (its items
   * are qualified 'MP250 item 7', and text that fails to read back is the release's problem, not an item's).
   */
  kind: 'change-log' | 'release';
  /** The change log planned (null for a composed plan). */
  log: ChangeLog | null;
  /** In change-log (or release) order. */
  items: PlannedItem[];
  /** Every problem of planning, in report order: versions, then items, overlaps, 'already applied'. */
  problems: Problem[];
  /** Document ID → the version label the applied document takes (a release's new labels; empty for a change log). */
  versions: Record<string, string>;
}

export function planChangeLog(log: ChangeLog, docs: ReadonlyMap<string, SecDocument>, options: PlanOptions = {}): Plan {
  const problems: Problem[] = [];
  const indexes = indexDocuments(docs);
  const items: PlannedItem[] = log.items.map((item) => ({ id: item.id, file: log.file, ops: [], problems: [], applied: false }));
  const byId = new Map(items.map((it) => [it.id, it]));
  const fileAgainst = (p: Problem, item: PlannedItem | undefined): void => {
    problems.push(p);
    item?.problems.push(p);
  };

  checkVersions(log, indexes, options, problems);

  // Plan every item; an item with any error contributes no operations.
  const cache = new VisibleCache();
  const ops: Op[] = [];
  const listed = new Set(log.documents.map((d) => d.doc));
  const unlisted = new Set<string>();
  log.items.forEach((item, n) => {
    const planned = items[n]!;
    const itemOps = planned.ops;
    const skipped: SkippedPlace[] = [];
    let failed = false;
    for (const edit of item.edits) {
      const ctx = new PlanContext(log.file, indexes, cache, editName(item, edit), { item: item.id, edit: edit.index });
      moduleOf(edit).plan(edit, ctx);
      for (const p of ctx.problems) fileAgainst(p, planned);
      if (ctx.hasErrors()) failed = true;
      for (const op of ctx.ops) itemOps.push(op);
      for (const sk of ctx.skipped) skipped.push(sk);
    }
    if (!failed) {
      for (const s of skipped) {
        const handled = itemOps.some(
          (op) =>
            op.doc === s.doc &&
            op.edit !== s.edit &&
            ((op.type === 'delete' && op.block === s.block) || (op.type === 'text' && op.block === s.block && op.field === s.field && (op.whole || rangesOverlap(op, s)))),
        );
        if (!handled) {
          fileAgainst(problem(log.file, s.pos.line, s.pos.column, `${editName(item, s.edit)}: ${s.what} is skipped, but no other edit of the item deletes or changes it`, 'changelog-skip'), planned);
          failed = true;
        }
      }
    }
    for (const op of itemOps) {
      if (!listed.has(op.doc) && !unlisted.has(op.doc)) {
        unlisted.add(op.doc);
        fileAgainst(problem(log.file, item.pos.line, item.pos.column, `item '${item.id}' edits ${op.doc}, which is not listed under 'documents:' with the version label it was drafted against`, 'changelog-version'), planned);
        failed = true;
      }
    }
    planned.applied = !failed;
    if (!failed) for (const op of itemOps) ops.push(op);
  });

  // Overlapping edits: report every item of a group, apply none. One problem per item (not per pair), each
  // naming at most a few of the others, so the report stays as long as the change log however many collide.
  for (const group of overlapGroups(ops)) {
    const first = group[0]!;
    const doc = indexes.get(first.doc)!;
    const block = first.type === 'insert' ? Math.min(first.gap, doc.blocks.length - 1) : first.block;
    const where = `${doc.block(Math.max(0, block)).id} (${doc.where(Math.max(0, block))})`;
    const byItem = new Map<string, Op>();
    for (const op of group) {
      byId.get(op.item)!.applied = false;
      if (!byItem.has(op.item)) byItem.set(op.item, op);
    }
    if (byItem.size === 1) {
      const indexes = [...new Set(group.map((op) => op.edit.index))].sort((x, y) => x - y);
      const e = indexes.length === 1 ? `edit ${indexes[0]} makes overlapping changes` : `edits ${listNames(indexes.map(String), 'and')} overlap`;
      fileAgainst(problem(log.file, first.edit.pos.line, first.edit.pos.column, `item '${first.item}': ${e} in ${where}; the item is not applied`, 'changelog-overlap'), byId.get(first.item));
      continue;
    }
    const verb = group.every((op) => op.type === 'insert') ? 'insert at the same place' : 'edit the same text';
    const names = [...byItem.keys()];
    for (const [item, op] of byItem) {
      // The first few others by name and how many in all: each message costs the same however large the group.
      const count = names.length - 1;
      const shown = names.slice(0, 5).filter((i) => i !== item).slice(0, 4).map((o) => `'${o}'`);
      const others = count > shown.length ? `${shown.slice(0, 3).join(', ')} and ${count - 3} more` : listNames(shown, 'and');
      const named = count === 1 ? `items '${item}' and ${shown[0]}` : `item '${item}' and ${count} others (${others})`;
      const none = count === 1 ? 'neither is applied' : 'none of them is applied';
      fileAgainst(problem(log.file, op.edit.pos.line, op.edit.pos.column, `${named} ${verb} in ${where}; ${none}: combine them into one item or make them touch different text`, 'changelog-overlap'), byId.get(item));
    }
  }

  // Applied twice: say so once, plainly, on top of each item's own 'already applied' problem.
  const appliedItems = new Set(problems.filter((p) => p.rule === 'changelog-already-applied').map((p) => p.item));
  if (appliedItems.size > 0 && appliedItems.size * 2 >= log.items.length) {
    problems.push(problem(log.file, 1, 1, `already applied: ${appliedItems.size} of ${log.items.length} items find their change already made; the documents already contain this change log`, 'changelog-already-applied'));
  }
  return { kind: 'change-log', log, items, problems, versions: {} };
}

/** 'a, b and c', or the first few and how many more: a message names a bounded number of things. */
function listNames(names: readonly string[], and: string, max = 4): string {
  if (names.length > max) return `${names.slice(0, max - 1).join(', ')} ${and} ${names.length - max + 1} more`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function editName(item: ChangeItem, edit: Edit): string {
  return item.edits.length === 1 ? `item '${item.id}' (${edit.kind})` : `item '${item.id}', edit ${edit.index} (${edit.kind})`;
}

function checkVersions(log: ChangeLog, indexes: ReadonlyMap<string, DocIndex>, options: PlanOptions, problems: Problem[]): void {
  for (const d of log.documents) {
    const index = indexes.get(d.doc);
    if (!index) {
      problems.push(problem(log.file, d.pos.line, d.pos.column, `documents: '${d.doc}' is not among the documents loaded (${[...indexes.keys()].join(', ') || 'none'})`, 'changelog-unknown-document'));
      continue;
    }
    if (index.doc.meta.version !== d.version) {
      const msg = `documents: ${d.doc} is version '${index.doc.meta.version}' (${index.doc.file}), but the change log was drafted against '${d.version}'`;
      problems.push(
        options.force
          ? problem(log.file, d.pos.line, d.pos.column, `${msg}; applied anyway (--force)`, 'changelog-version', 'warning')
          : problem(log.file, d.pos.line, d.pos.column, `${msg}: check the edits against this version, then update the label or use --force`, 'changelog-version'),
      );
    }
  }
}
