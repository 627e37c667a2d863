// Composition: the operations of every modification (planned against the baseline, conflict-free, re-lettered
// where asked) applied to the baseline in one pass per document. Within a field, ranges are spliced by position
// (they do not overlap, so the order of modifications cannot change the text); insertions at one place keep
// release order. The result is read back through the parser like `apply` does, and the Redline against the
// baseline is attributed to qualified items ('MP250 item 7') so every change says which modification made it.

import type { Problem, SecDocument } from '../model/types.js';
import { docId, identifyBlocks, readDocument, serializeDocument } from '../model/index.js';
import type { DocumentRedline, Redline } from '../redline/types.js';
import { buildDocumentRedline, sortDocuments } from '../diff/build-redline.js';
import { applyOps, type AppliedDocument } from '../changelog/apply-ops.js';
import { attribute } from '../changelog/attribute.js';
import { problem } from '../util/errors.js';
import type { ReleaseOp } from './plan.js';
import { quote } from '../util/excerpt.js';

export interface Composed {
  /** Every baseline document, keyed by document ID: the consolidated text where the release changes it. */
  docs: Map<string, SecDocument>;
  /** IDs of the documents the release changes, in SEC order. */
  changed: string[];
  /** The whole release against the baseline, changed documents only, SEC order. */
  redline: Redline;
  problems: Problem[];
}

/**
 * Applies `ops` (from findReleaseConflicts, with no conflicts left) to the baseline and gives each changed
 * document its new version label from `versions` (document ID → label).
 */
export function composeRelease(baseline: ReadonlyMap<string, SecDocument>, ops: readonly ReleaseOp[], versions: ReadonlyMap<string, string>): Composed {
  const problems: Problem[] = [];
  const itemOrder = new Map<string, number>();
  for (const r of ops) if (!itemOrder.has(r.op.item)) itemOrder.set(r.op.item, itemOrder.size);
  const owner = new Map<object, ReleaseOp>(ops.map((r) => [r.op.edit, r]));

  const docs = new Map<string, SecDocument>();
  const redlines: DocumentRedline[] = [];
  for (const [id, doc] of baseline) {
    const docOps = ops.filter((r) => r.op.doc === id).map((r) => r.op);
    const version = versions.get(id);
    if (docOps.length === 0 && (version === undefined || version === doc.meta.version)) {
      docs.set(id, doc);
      continue;
    }
    const applied = applyOps(doc, docOps);
    const meta = { ...doc.meta, version: version ?? doc.meta.version };
    const built: SecDocument = { file: doc.file, meta, blocks: identifyBlocks(meta, applied.raws) };
    const reread = readBack(built, applied, owner, problems);
    if (!reread) {
      docs.set(id, doc);
      continue;
    }
    docs.set(id, reread);
    const redline = buildDocumentRedline(doc, reread, doc.file, { detectMoves: false });
    attribute(redline, { oldBlocks: doc.blocks, newBlocks: reread.blocks, applied, itemOrder });
    redlines.push(redline);
  }
  const sorted = sortDocuments(redlines);
  return { docs, changed: sorted.map((d) => docId(d.meta)), redline: { documents: sorted }, problems };
}

/**
 * The consolidated document, serialised and parsed back, must be the blocks we built: each modification read
 * back on its own when its change log was validated, but two of them side by side in one block could still
 * make text that reads differently (two insertions that together open emphasis). Reported against an edit
 * that touched the block.
 */
function readBack(built: SecDocument, applied: AppliedDocument, owner: ReadonlyMap<object, ReleaseOp>, problems: Problem[]): SecDocument | null {
  const { doc, problems: parsed } = readDocument(serializeDocument(built), built.file);
  const report = (i: number, what: string): null => {
    const prov = applied.provenance[Math.min(Math.max(i, 0), applied.provenance.length - 1)];
    const edits = prov ? [...prov.edits] : [];
    const r = edits.map((e) => owner.get(e)).find((x) => x !== undefined) ?? [...owner.values()][0];
    if (r) {
      const items = edits.map((e) => e.item).join(', ');
      problems.push(problem(r.mod.log.file, r.edit.pos.line, r.edit.pos.column, `in the release, ${what}${items ? ` (edited by ${items})` : ''}: the modifications together make text that is not canonical Markdown; change one of them`, 'release-text'));
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
    if (!a || !b || a.kind !== b.kind || a.id !== b.id || a.text !== b.text || a.depth !== b.depth || (a.cells ?? []).join('\u0000') !== (b.cells ?? []).join('\u0000')) {
      return report(i, `${a?.id ?? 'a block'} of ${built.file} reads back as ${b ? `${b.kind} ${quote(b.text)}` : 'nothing'}`);
    }
  }
  return doc;
}
