// validate → plan → apply, over the documents a change log was drafted against. Pure: documents in, new
// documents, a Redline and problems out. Every problem is collected before anything is applied; an item with
// a problem, or whose edits overlap another item's, is not applied at all. Callers must not write anything
// when an error is returned (the CLI refuses); the documents returned then hold only the items that planned
// cleanly, which is useful for a dry run but is not the modification.

import type { Problem, SecDocument } from '../model/types.js';
import { docId, readDocument, serializeDocument, identifyBlocks } from '../model/index.js';
import type { Redline } from '../redline/types.js';
import { buildDocumentRedline, sortDocuments } from '../diff/build-redline.js';
import { problem } from '../util/errors.js';
import { DocIndex } from './doc-index.js';
import { VisibleCache } from './match.js';
import { LABEL_FIELD, PlanContext, type Op, type SkippedPlace } from './plan-types.js';
import { moduleOf } from './edits/index.js';
import { rangesOverlap } from './overlap.js';
import { overlapGroups } from './overlap-groups.js';
import { applyOps, type AppliedDocument } from './apply-ops.js';
import { attribute } from './attribute.js';
import type { ChangeLog, ChangeItem, Edit } from './types.js';
import { firstDifference, quoteAround } from '../util/excerpt.js';

export interface ApplyOptions {
  /** Apply even where a document's version label differs from the one the change log was drafted against. */
  force?: boolean;
}

export interface ApplyResult {
  /** Every document given, amended or not, keyed by document ID. */
  docs: Map<string, SecDocument>;
  redline: Redline;
  problems: Problem[];
}

export function applyChangeLog(log: ChangeLog, docs: ReadonlyMap<string, SecDocument>, options: ApplyOptions = {}): ApplyResult {
  const problems: Problem[] = [];
  const indexes = new Map<string, DocIndex>();
  for (const doc of docs.values()) indexes.set(docId(doc.meta), new DocIndex(doc));

  checkVersions(log, indexes, options, problems);

  // Plan every item; an item with any error contributes no operations.
  const cache = new VisibleCache();
  const ops: Op[] = [];
  const listed = new Set(log.documents.map((d) => d.doc));
  const unlisted = new Set<string>();
  for (const item of log.items) {
    const itemOps: Op[] = [];
    const skipped: SkippedPlace[] = [];
    let failed = false;
    for (const edit of item.edits) {
      const ctx = new PlanContext(log.file, indexes, cache, editName(item, edit), { item: item.id, edit: edit.index });
      moduleOf(edit).plan(edit, ctx);
      for (const p of ctx.problems) problems.push(p);
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
          problems.push(problem(log.file, s.pos.line, s.pos.column, `${editName(item, s.edit)}: ${s.what} is skipped, but no other edit of the item deletes or changes it`, 'changelog-skip'));
          failed = true;
        }
      }
    }
    for (const op of itemOps) {
      if (!listed.has(op.doc) && !unlisted.has(op.doc)) {
        unlisted.add(op.doc);
        problems.push(problem(log.file, item.pos.line, item.pos.column, `item '${item.id}' edits ${op.doc}, which is not listed under 'documents:' with the version label it was drafted against`, 'changelog-version'));
        failed = true;
      }
    }
    if (!failed) for (const op of itemOps) ops.push(op);
  }

  // Overlapping edits: report every item of a group, apply none. One problem per item (not per pair), each
  // naming at most a few of the others, so the report stays as long as the change log however many collide.
  const rejected = new Set<string>();
  const itemById = new Map(log.items.map((it) => [it.id, it]));
  for (const group of overlapGroups(ops)) {
    const first = group[0]!;
    const doc = indexes.get(first.doc)!;
    const block = first.type === 'insert' ? Math.min(first.gap, doc.blocks.length - 1) : first.block;
    const where = `${doc.block(Math.max(0, block)).id} (${doc.where(Math.max(0, block))})`;
    const byItem = new Map<string, Op>();
    for (const op of group) {
      rejected.add(op.item);
      if (!byItem.has(op.item)) byItem.set(op.item, op);
    }
    if (byItem.size === 1) {
      const indexes = [...new Set(group.map((op) => op.edit.index))].sort((x, y) => x - y);
      const e = indexes.length === 1 ? `edit ${indexes[0]} makes overlapping changes` : `edits ${listNames(indexes.map(String), 'and')} overlap`;
      problems.push(problem(log.file, first.edit.pos.line, first.edit.pos.column, `item '${first.item}': ${e} in ${where}; the item is not applied`, 'changelog-overlap'));
      continue;
    }
    const verb = group.every((op) => op.type === 'insert') ? 'insert at the same place' : 'edit the same text';
    const items = [...byItem.keys()];
    for (const [item, op] of byItem) {
      // The first few others by name and how many in all: each message costs the same however large the group.
      const count = items.length - 1;
      const shown = items.slice(0, 5).filter((i) => i !== item).slice(0, 4).map((o) => `'${o}'`);
      const names = count > shown.length ? `${shown.slice(0, 3).join(', ')} and ${count - 3} more` : listNames(shown, 'and');
      const named = count === 1 ? `items '${item}' and ${shown[0]}` : `item '${item}' and ${count} others (${names})`;
      const none = count === 1 ? 'neither is applied' : 'none of them is applied';
      problems.push(problem(log.file, op.edit.pos.line, op.edit.pos.column, `${named} ${verb} in ${where}; ${none}: combine them into one item or make them touch different text`, 'changelog-overlap'));
    }
  }
  const accepted = ops.filter((op) => !rejected.has(op.item));

  // Applied twice: say so once, plainly, on top of each item's own 'already applied' problem.
  const appliedItems = new Set(problems.filter((p) => p.rule === 'changelog-already-applied').map((p) => p.item));
  if (appliedItems.size > 0 && appliedItems.size * 2 >= log.items.length) {
    problems.push(problem(log.file, 1, 1, `already applied: ${appliedItems.size} of ${log.items.length} items find their change already made; the documents already contain this change log`, 'changelog-already-applied'));
  }

  // Apply per document, then check the result reads back exactly as built (canonical Markdown).
  const itemOrder = new Map(log.items.map((it, i) => [it.id, i]));
  const out = new Map<string, SecDocument>();
  const redlineDocs = [];
  for (const [id, index] of indexes) {
    const docOps = accepted.filter((op) => op.doc === id);
    if (docOps.length === 0) {
      out.set(id, index.doc);
      continue;
    }
    const applied = applyOps(index.doc, docOps);
    const built: SecDocument = { file: index.doc.file, meta: index.doc.meta, blocks: identifyBlocks(index.doc.meta, applied.raws) };
    const reread = readBack(built, applied, itemById, log.file, problems);
    if (!reread) {
      out.set(id, index.doc);
      continue;
    }
    out.set(id, reread);
    // A change log says what it did, so clauses are not paired by content — except where it renumbered them:
    // then the renumbered clauses are found as such ('renumbered from G3.6'), not as rewrites of the numbers
    // they now hold.
    const renumbers = docOps.some((op) => op.type === 'text' && op.field === LABEL_FIELD);
    const redline = buildDocumentRedline(index.doc, reread, index.doc.file, { detectMoves: renumbers });
    attribute(redline, { oldBlocks: index.doc.blocks, newBlocks: reread.blocks, applied, itemOrder });
    redlineDocs.push(redline);
  }
  return { docs: out, redline: { documents: sortDocuments(redlineDocs) }, problems };
}

/** 'a, b and c', or the first few and how many more: a message names a bounded number of things. */
function listNames(names: readonly string[], and: string, max = 4): string {
  if (names.length > max) return `${names.slice(0, max - 1).join(', ')} ${and} ${names.length - max + 1} more`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function editName(item: ChangeItem, edit: Edit): string {
  return item.edits.length === 1 ? `item '${item.id}' (${edit.kind})` : `item '${item.id}', edit ${edit.index} (${edit.kind})`;
}

function checkVersions(log: ChangeLog, indexes: ReadonlyMap<string, DocIndex>, options: ApplyOptions, problems: Problem[]): void {
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

/**
 * Serializes the amended document and parses it back: the result must be the blocks we built. A difference
 * means an edit's text changes the structure (a replacement that starts a list, an unescaped '|') or is not
 * canonical Markdown; it is reported against the items that produced the block.
 */
function readBack(built: SecDocument, applied: AppliedDocument, items: ReadonlyMap<string, ChangeItem>, file: string, problems: Problem[]): SecDocument | null {
  const source = serializeDocument(built);
  // readDocument gives what the remark parse gives (tests/model/read-document*.test.ts), at a fraction of the cost.
  const { doc, problems: parseProblems } = readDocument(source, built.file);
  const culprit = (i: number): Edit | null => {
    const prov = applied.provenance[Math.min(i, applied.provenance.length - 1)];
    return prov ? [...prov.edits][0] ?? null : null;
  };
  const report = (i: number, message: string): null => {
    const edit = culprit(i) ?? [...items.values()][0]!.edits[0]!;
    problems.push(problem(file, edit.pos.line, edit.pos.column, `item '${edit.item}': ${message}`, 'changelog-text'));
    return null;
  };
  if (!doc || parseProblems.some((p) => p.severity === 'error')) {
    const first = applied.provenance.findIndex((p) => p.edits.size > 0);
    return report(first, `the amended ${built.file} does not parse: ${parseProblems[0]?.message ?? 'unknown problem'}`);
  }
  const n = Math.max(doc.blocks.length, built.blocks.length);
  for (let i = 0; i < n; i++) {
    const a = built.blocks[i];
    const b = doc.blocks[i];
    if (!a || !b || a.kind !== b.kind || a.id !== b.id || a.text !== b.text || a.depth !== b.depth || (a.cells ?? []).join('\u0000') !== (b.cells ?? []).join('\u0000')) {
      // Long texts are quoted around where they part, which is what the drafter needs to see.
      const at = a && b ? firstDifference(a.text, b.text) : 0;
      const wrote = a ? `${a.kind} ${quoteAround(a.text, at, 120)}` : 'nothing';
      const read = b ? `${b.kind} ${quoteAround(b.text, at, 120)}` : 'nothing';
      return report(i, `the new text does not read back as written in ${built.file} (wrote ${wrote} as ${a?.id ?? '?'}, reads back as ${read}); write it in canonical Markdown (e.g. '*' for emphasis, '\\[' for a literal bracket)`);
    }
  }
  return doc;
}
