// Phase two: a Plan's operations made on the documents it was planned against, one pass per document; the result
// read back through the parser (it must be exactly the blocks built) and compared with the original into a
// Redline attributed to the plan's items. Pure: documents in, new documents, a Redline and problems out. Callers
// must not write anything when an error is returned (the CLI refuses); the documents returned then hold only
// the items that planned cleanly, which is useful for a dry run but is not the modification.

import type { Problem, SecDocument } from '../model/types.js';
import { blockPositions, docId, readAmended, readDocument, serializeDocument, identifyBlocks, wasProven, type ProvenBlock } from '../model/index.js';
import type { DocumentRedline, Redline } from '../redline/types.js';
import { buildDocumentRedline, sortDocuments } from '../diff/build-redline.js';
import { problem } from '../util/errors.js';
import { firstDifference, quote, quoteAround } from '../util/excerpt.js';
import { LABEL_FIELD, type Op } from './plan-types.js';
import { applyOps, type AppliedDocument } from './apply-ops.js';
import { attribute } from './attribute.js';
import type { Plan, PlannedItem } from './plan.js';
import type { Edit } from './types.js';

export interface ApplyResult {
  /** Every document given, amended or not, keyed by document ID. */
  docs: Map<string, SecDocument>;
  /** The amended documents against the originals, attributed to items: built on first access (a getter). */
  readonly redline: Redline;
  /**
   * For each amended document (by ID), where its blocks come from: the index of the original block that block i
   * is, unchanged, or -1 (inserted or edited). What lets a writer copy the unchanged text (spliceSerialized).
   */
  origins: Map<string, Int32Array>;
  /** The plan's problems, then those found reading the amended documents back. */
  problems: Problem[];
}

export interface ApplyPlanOptions {
  /**
   * Unchanged clauses the Redline keeps around each changed one (default Infinity: every clause). A caller that
   * shows only the changes passes what it shows (`annex` 1: the clause before an insertion names its place);
   * only those clauses are built (build-redline.ts, BuildOptions.context).
   */
  context?: number;
}

export function applyPlan(plan: Plan, docs: ReadonlyMap<string, SecDocument>, options: ApplyPlanOptions = {}): ApplyResult {
  const problems: Problem[] = [...plan.problems];
  const accepted: Op[] = [];
  for (const item of plan.items) if (item.applied) for (const op of item.ops) accepted.push(op);
  const itemOrder = new Map(plan.items.map((it, i) => [it.id, i]));
  const out = new Map<string, SecDocument>();
  const origins = new Map<string, Int32Array>();
  const amendedDocs: (() => DocumentRedline)[] = [];
  for (const original of docs.values()) {
    const id = docId(original.meta);
    const docOps = accepted.filter((op) => op.doc === id);
    const amended = amendDocument(original, docOps, plan, problems);
    const reread = amended?.reread;
    if (!amended || !reread) {
      out.set(id, original);
      continue;
    }
    const applied = amended.applied;
    out.set(id, reread);
    // The amended document's blocks are the built ones, one for one (read back or read where they changed).
    origins.set(id, Int32Array.from(applied.provenance, (p) => (p.origin !== null && p.edits.size === 0 ? p.origin : -1)));
    // A change log says what it did, so clauses are not paired by content — except where it renumbered them:
    // then the renumbered clauses are found as such ('renumbered from G3.6'), not as rewrites of the numbers
    // they now hold. A release's composed plan pairs none (as it always has).
    const renumbers = plan.kind === 'change-log' && docOps.some((op) => op.type === 'text' && op.field === LABEL_FIELD);
    amendedDocs.push(() => {
      const redline = buildDocumentRedline(original, reread, original.file, { detectMoves: renumbers, context: options.context ?? Infinity });
      attribute(redline, { oldBlocks: original.blocks, newBlocks: reread.blocks, applied, itemOrder });
      return redline;
    });
  }
  // The Redline is built when first asked for: `apply` writing documents asks only should the result fail
  // check (to name the item to blame), and at the scale of the whole SEC aligning every clause of every amended
  // document costs a tenth of the run. It is a pure function of what was applied, so when it is built does not
  // change what it holds.
  let redline: Redline | null = null;
  return {
    docs: out,
    origins,
    get redline(): Redline {
      return (redline ??= { documents: sortDocuments(amendedDocs.map((build) => build())) });
    },
    problems,
  };
}

/**
 * One document amended by its operations and read back (null: nothing to do, no operation and the same version
 * label). `reread` is null when the amended text does not read back as built (the problem is in `problems`).
 * applyPlan and planProblems (a release's validation of each modification) both go through here.
 */
export function amendDocument(original: SecDocument, docOps: readonly Op[], plan: Plan, problems: Problem[]): { applied: AppliedDocument; reread: SecDocument | null } | null {
  const id = docId(original.meta);
  const version = Object.hasOwn(plan.versions, id) ? plan.versions[id] : undefined;
  if (docOps.length === 0 && (version === undefined || version === original.meta.version)) return null;
  const applied = applyOps(original, docOps);
  const meta = version === undefined ? original.meta : { ...original.meta, version };
  // Placed where they will stand in the amended text, so reading it back (read-amended.ts) keeps them as built.
  const built: SecDocument = { file: original.file, meta, blocks: identifyBlocks(meta, applied.raws, blockPositions(meta, applied.raws)) };
  // Where it changed only, when that is enough to know (read-amended.ts); else the whole document read back.
  const local = readAmended(original, built, touchedBlocks(applied));
  if (local) return { applied, reread: local };
  const known = unchangedBlocks(original, built, applied);
  const reread = plan.kind === 'release' ? readBackRelease(built, applied, plan.items, problems, known) : readBack(built, applied, plan, problems, known);
  return { applied, reread };
}

/**
 * Which blocks of an amended document read-amended.ts must scan again: those inserted or edited, and those whose
 * predecessor is not the one they had (the line scan reads a block from its own lines and what comes before it:
 * a table row, for one, only after its table).
 */
function touchedBlocks(applied: AppliedDocument): boolean[] {
  const prov = applied.provenance;
  return prov.map((p, i) => {
    if (p.origin === null || p.edits.size > 0) return true;
    const before = i > 0 ? prov[i - 1]!.origin : -1;
    return before === null || before + 1 !== p.origin;
  });
}

/**
 * The blocks of the amended document that no edit touched and that read exactly as they did in a proven original
 * (read-document.ts, wasProven): reading the document back re-checks only the blocks the edits touched. A block
 * qualifies by its content and ID, whatever its index, so a structure the edits upset is still caught.
 */
function unchangedBlocks(original: SecDocument, built: SecDocument, applied: AppliedDocument): ProvenBlock | undefined {
  if (!wasProven(original) || original.meta.kind !== built.meta.kind || original.meta.code !== built.meta.code || original.meta.title !== built.meta.title) return undefined;
  return (block, i) => {
    const prov = applied.provenance[i];
    if (!prov || prov.origin === null || prov.edits.size > 0) return false;
    const before = original.blocks[prov.origin];
    return !!before && before.label === block.label && sameBlock(before, block);
  };
}

/** Whether two blocks read the same: kind, ID, text, depth and cells. */
function sameBlock(a: SecDocument['blocks'][number], b: SecDocument['blocks'][number]): boolean {
  return a.kind === b.kind && a.id === b.id && a.text === b.text && a.depth === b.depth && (a.cells ?? []).join('\u0000') === (b.cells ?? []).join('\u0000');
}

/**
 * Serializes the amended document and parses it back: the result must be the blocks we built. A difference
 * means an edit's text changes the structure (a replacement that starts a list, an unescaped '|') or is not
 * canonical Markdown; it is reported against the items that produced the block.
 */
export function readBack(built: SecDocument, applied: AppliedDocument, plan: Plan, problems: Problem[], known?: ProvenBlock): SecDocument | null {
  const source = serializeDocument(built);
  // readDocument gives what the remark parse gives (tests/model/read-document*.test.ts), at a fraction of the cost.
  const { doc, problems: parseProblems } = readDocument(source, built.file, known);
  const culprit = (i: number): Edit | null => {
    const prov = applied.provenance[Math.min(i, applied.provenance.length - 1)];
    return prov ? [...prov.edits][0] ?? null : null;
  };
  const file = plan.log?.file ?? plan.items[0]?.file ?? built.file;
  const report = (i: number, message: string): null => {
    const edit = culprit(i) ?? plan.log?.items[0]?.edits[0];
    if (edit) problems.push(problem(file, edit.pos.line, edit.pos.column, `item '${edit.item}': ${message}`, 'changelog-text'));
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
    if (!a || !b || !sameBlock(a, b)) {
      // Long texts are quoted around where they part, which is what the drafter needs to see.
      const at = a && b ? firstDifference(a.text, b.text) : 0;
      const wrote = a ? `${a.kind} ${quoteAround(a.text, at, 120)}` : 'nothing';
      const read = b ? `${b.kind} ${quoteAround(b.text, at, 120)}` : 'nothing';
      return report(i, `the new text does not read back as written in ${built.file} (wrote ${wrote} as ${a?.id ?? '?'}, reads back as ${read}); write it in canonical Markdown (e.g. '*' for emphasis, '\\[' for a literal bracket)`);
    }
  }
  return doc;
}

/**
 * The same check for a release's composed plan: each modification read back on its own when its change log was
 * validated, but two of them side by side in one block could still make text that reads differently (two
 * insertions that together open emphasis). Reported against an edit that touched the block, in its own change log.
 */
export function readBackRelease(built: SecDocument, applied: AppliedDocument, items: readonly PlannedItem[], problems: Problem[], known?: ProvenBlock): SecDocument | null {
  const { doc, problems: parsed } = readDocument(serializeDocument(built), built.file, known);
  const fileOf = new Map(items.map((it) => [it.id, it.file]));
  const fallback = items.find((it) => it.ops.length > 0);
  const report = (i: number, what: string): null => {
    const prov = applied.provenance[Math.min(Math.max(i, 0), applied.provenance.length - 1)];
    const edits = prov ? [...prov.edits] : [];
    const edit = edits.find((e) => fileOf.has(e.item)) ?? fallback?.ops[0]?.edit;
    if (edit) {
      const names = edits.map((e) => e.item).join(', ');
      problems.push(problem(fileOf.get(edit.item)!, edit.pos.line, edit.pos.column, `in the release, ${what}${names ? ` (edited by ${names})` : ''}: the modifications together make text that is not canonical Markdown; change one of them`, 'release-text'));
    }
    return null;
  };
  if (!doc || parsed.some((p) => p.severity === 'error')) {
    return report(applied.provenance.findIndex((p) => p.edits.size > 0), `the consolidated ${built.file} does not parse: ${parsed[0]?.message ?? 'unknown problem'}`);
  }
  const n = Math.max(doc.blocks.length, built.blocks.length);
  for (let i = 0; i < n; i++) {
    const a = built.blocks[i];
    const b = doc.blocks[i];
    if (!a || !b || !sameBlock(a, b)) {
      return report(i, `${a?.id ?? 'a block'} of ${built.file} reads back as ${b ? `${b.kind} ${quote(b.text)}` : 'nothing'}`);
    }
  }
  return doc;
}
