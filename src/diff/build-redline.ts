// Old and new SecDocuments → a Redline: clauses aligned by ID (then by content for moves, renumberings and
// shifted implicit IDs), blocks aligned within each clause, changed text word-diffed. `diff` calls this on two
// versions of the SEC; `apply` calls it on the documents before and after a change log (without moves, since
// a change log says exactly what it did) and then attributes spans to change-log items.

import type { DocMeta, SecDocument } from '../model/types.js';
import { compareDocRefs } from '../model/doc-ref.js';
import type { BlockRedline, ClauseRedline, ClauseStatus, DocumentRedline, DocumentStatus, Redline } from '../redline/types.js';
import { alignClauses, type ClauseStep } from './align-clauses.js';
import { alignBlocks } from './align-blocks.js';
import { blockRedline, TableContext } from './block-redline.js';
import { groupClauses, identicalClauses } from './clauses.js';
import { contextMask } from '../redline/context.js';

export interface BuildOptions {
  /** Pair clauses that moved or were renumbered by their content (default true; `apply` passes false). */
  detectMoves?: boolean;
  /**
   * Unchanged clauses kept around each changed one (default Infinity: every clause). With fewer, only the kept
   * clauses are built: the result is exactly keepContext(the whole redline, context) (tests/diff/
   * build-context.test.ts), at a fraction of the cost when a few clauses of a large document change.
   */
  context?: number;
}

export function buildDocumentRedline(oldDoc: SecDocument | null, newDoc: SecDocument | null, file: string, options: BuildOptions = {}): DocumentRedline {
  if (!newDoc && !oldDoc) throw new Error(`buildDocumentRedline: ${file} has neither an old nor a new document`);
  const oldBlocks = oldDoc?.blocks ?? [];
  const newBlocks = newDoc?.blocks ?? [];
  const tables = new TableContext(oldBlocks, newBlocks);
  const steps = alignClauses(groupClauses(oldBlocks), groupClauses(newBlocks), { detectMoves: options.detectMoves ?? true });
  const clauses = keptClauses(steps, tables, options.context ?? Infinity);
  noteReusedIds(clauses);
  return documentRedline(oldDoc?.meta ?? null, newDoc?.meta ?? null, file, clauses);
}

/**
 * The clause redlines of `steps` that contextMask keeps. A step pairing two identical clauses by their ID is
 * 'unchanged' without being built (buildClauseRedline gives every block of it 'unchanged'), so only the changed
 * clauses and the context around them are built: at the scale of the whole SEC, `apply` of a modification
 * builds a few hundred clauses, not fifty thousand.
 */
function keptClauses(steps: readonly ClauseStep[], tables: TableContext, context: number): ClauseRedline[] {
  if (!Number.isFinite(context)) return steps.map((s) => buildClauseRedline(s, tables));
  const built = steps.map((s) => (s.old && s.new && s.via === 'id' && identicalClauses(s.old, s.new) ? null : buildClauseRedline(s, tables)));
  const keep = contextMask(
    built.map((c) => c !== null && c.status !== 'unchanged'),
    context,
  );
  const out: ClauseRedline[] = [];
  steps.forEach((s, i) => {
    if (keep[i]) out.push(built[i] ?? buildClauseRedline(s, tables));
  });
  return out;
}

/** The document-level record around a list of clauses (which may be only the changed ones, see trees.ts). */
export function documentRedline(oldMeta: DocMeta | null, newMeta: DocMeta | null, file: string, clauses: ClauseRedline[]): DocumentRedline {
  const meta = (newMeta ?? oldMeta)!;
  const metaChanged = !!oldMeta && !!newMeta && (oldMeta.title !== newMeta.title || oldMeta.version !== newMeta.version || oldMeta.kind !== newMeta.kind || oldMeta.code !== newMeta.code);
  const status: DocumentStatus = !oldMeta
    ? 'inserted'
    : !newMeta
      ? 'deleted'
      : metaChanged || clauses.some((c) => c.status !== 'unchanged')
        ? 'changed'
        : 'unchanged';
  return {
    meta: { ...meta },
    file: fileBaseName(file),
    oldVersion: oldMeta?.version ?? null,
    newVersion: newMeta?.version ?? null,
    status,
    clauses,
  };
}

export function buildRedline(pairs: readonly { file: string; old: SecDocument | null; new: SecDocument | null }[], options: BuildOptions = {}): Redline {
  const documents = pairs.map((p) => buildDocumentRedline(p.old, p.new, p.file, options));
  return { documents: sortDocuments(documents) };
}

/** SEC order, then file name (two files claiming one document stay in a stable order). */
export function sortDocuments(documents: DocumentRedline[]): DocumentRedline[] {
  return documents.sort((a, b) => compareDocRefs(a.meta, b.meta) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** One clause of the redline from a pair of aligned clauses (either side may be absent). */
export function buildClauseRedline(step: ClauseStep, tables: TableContext): ClauseRedline {
  const oldC = step.old;
  const newC = step.new;
  let blocks: BlockRedline[];
  if (oldC && newC && identicalClauses(oldC, newC)) {
    // The bulk of any diff of the whole SEC: no alignment or word diff needed.
    blocks = newC.blocks.map((b, i) => blockRedline(oldC.blocks[i]!, b, tables));
  } else if (oldC && newC) {
    blocks = alignBlocks(oldC.blocks, newC.blocks, oldC.id, newC.id).map((s) => blockRedline(s.old, s.new, tables));
  } else {
    blocks = (newC ?? oldC)!.blocks.map((b) => (newC ? blockRedline(null, b, tables) : blockRedline(b, null, tables)));
  }
  const id = (newC ?? oldC)!.id;
  const out: ClauseRedline = { id, status: clauseStatus(step, blocks), blocks, items: [], edits: [] };
  if (oldC && newC && oldC.id !== newC.id) out.oldId = oldC.id;
  if (step.via === 'moved') out.note = `moved from ${oldC!.id}`;
  if (step.via === 'renumbered') out.note = `renumbered from ${oldC!.id}`;
  return out;
}

/**
 * A clause inserted under an ID whose text moved away ('G3.6 Not used' after G3.6 moved to G4.2) would read as
 * brand new; say where the former text went.
 */
export function noteReusedIds(clauses: ClauseRedline[]): void {
  const movedAway = new Map<string, ClauseRedline>();
  for (const c of clauses) if ((c.status === 'moved' || c.status === 'renumbered') && c.oldId) movedAway.set(c.oldId, c);
  if (movedAway.size === 0) return;
  for (const c of clauses) {
    const to = c.status === 'inserted' ? movedAway.get(c.id) : undefined;
    if (to) c.note = `former ${c.id} ${to.status} to ${to.id}`;
  }
}

function clauseStatus(step: ClauseStep, blocks: readonly BlockRedline[]): ClauseStatus {
  if (!step.old) return 'inserted';
  if (!step.new) return 'deleted';
  if (step.via === 'moved' || step.via === 'renumbered') return step.via;
  return blocks.every((b) => b.status === 'unchanged') ? 'unchanged' : 'changed';
}

/** 'sections/section-G.md' → 'section-G.md' (also for 'REV:path' and Windows paths). */
export function fileBaseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'), file.lastIndexOf(':'));
  return i >= 0 ? file.slice(i + 1) : file;
}
