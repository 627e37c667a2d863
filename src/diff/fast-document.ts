// The fast path of the tree diff for one document that exists on both sides with different bytes.
//
//   1. cut both versions into clause chunks (chunks.ts) and pair chunks by ID; byte-identical pairs are
//      unchanged and are never decoded, scanned or diffed (at 1% edits, that is 99% of the text);
//   2. scan only the other chunks into blocks (from their anchor, so implicit IDs come out right) and pair
//      them with the same aligner as buildDocumentRedline (moves, renumberings, shifted IDs);
//   3. merge all pairs, unchanged ones included, into document order, so moves and the place of deleted
//      clauses are judged against the whole document;
//   4. build ClauseRedlines for the changed clauses and for `context` unchanged clauses around each;
//   5. check the changed clauses are canonical and their changed blocks read as remark reads them
//      (verify-parse.ts, with the reader's per-block check, model/block-trust.ts).
// Anything irregular (duplicate IDs, a scan problem, chunks and scan disagreeing, scan and parse disagreeing)
// returns null and the caller takes the full path, which reports problems properly.

import type { Block } from '../model/types.js';
import { scanDocument } from '../model/scan.js';
import { hasControlChars } from '../util/control-chars.js';
import type { ClauseRedline, DocumentRedline } from '../redline/types.js';
import { contextMask } from '../redline/context.js';
import { buildClauseRedline, documentRedline, noteReusedIds } from './build-redline.js';
import { mergeInNewOrder } from './align-order.js';
import { pairClauses, pairingOf, type ClausePairing, type PairHow } from './align-clauses.js';
import { TableContext } from './block-redline.js';
import { groupClauses, type ClauseGroup } from './clauses.js';
import { chunkDocument, type ChunkedDocument } from './chunks.js';
import { canonicalLayout, changedBlocksTrusted, sourceBlocks, type SourceBlock } from './verify-parse.js';
import { pushAll } from '../util/arrays.js';

export interface FastOptions {
  detectMoves: boolean;
  /** Unchanged clauses to keep around each changed one (Infinity: every clause). */
  context: number;
  verify: boolean;
}

interface Scanned {
  /** Clause group of each scanned chunk, by chunk index. */
  groups: Map<number, ClauseGroup>;
  blocks: Block[];
}

/**
 * Scans the given chunks (and whatever lies between each and the chunk its IDs are counted from). All the
 * windows go through one scanDocument call, one after another: each starts at a numbered block or at the
 * start of the body, where identifyBlocks starts counting afresh, so every window gets the IDs it has in
 * the whole document (and the front matter is read once). Returns null when the scan reports an error or
 * does not find exactly the clauses the chunker found.
 */
function scanChunks(buf: Buffer, doc: ChunkedDocument, indices: readonly number[], file: string, into?: Scanned): Scanned | null {
  const out: Scanned = into ?? { groups: new Map(), blocks: [] };
  const todo = [...new Set(indices)].filter((k) => !out.groups.has(k)).sort((a, b) => a - b);
  if (todo.length === 0) return out;
  // Windows of consecutive chunk indices [from, to]; from = -1 is the start of the body.
  const windows: [number, number][] = [];
  for (const k of todo) {
    const from = doc.chunks[k]!.scanFrom;
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], k);
    else windows.push([from, k]);
  }
  // The synthetic document: front matter, then each window followed by a blank line.
  const parts: string[] = [doc.frontMatter];
  const lineShift: { from: number; shift: number }[] = []; // synthetic line from which `shift` applies
  let synthLine = doc.frontMatterLines + 1;
  for (const [from, to] of windows) {
    const startByte = from < 0 ? doc.bodyStart : doc.chunks[from]!.start;
    const startLine = from < 0 ? doc.bodyLine : doc.chunks[from]!.line;
    let text = buf.toString('utf8', startByte, doc.chunks[to]!.end);
    // A control character in changed text: the full path reports it with its position.
    if (hasControlChars(text)) return null;
    if (!text.endsWith('\n')) text += '\n';
    text += '\n';
    lineShift.push({ from: synthLine, shift: startLine - synthLine });
    parts.push(text);
    synthLine += countLines(text);
  }
  const scan = scanDocument(parts.join(''), file);
  if (!scan.doc || scan.problems.some((p) => p.severity === 'error')) return null;
  let w = 0;
  for (const b of scan.doc.blocks) {
    while (w + 1 < lineShift.length && b.line >= lineShift[w + 1]!.from) w++;
    b.line += lineShift[w]!.shift;
  }
  const groups = groupClauses(scan.doc.blocks);
  let g = 0;
  for (const [from, to] of windows) {
    for (let k = from < 0 ? 0 : from; k <= to; k++, g++) {
      const chunk = doc.chunks[k]!;
      const group = groups[g];
      if (!group || (chunk.id !== null && chunk.id !== group.id) || group.blocks[0]!.line !== chunk.line) return null;
      if (!out.groups.has(k)) {
        out.groups.set(k, group);
        pushAll(out.blocks, group.blocks);
      }
    }
  }
  return g === groups.length ? out : null;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The bytes of a numbered clause after its number: what a move or renumbering keeps. */
function bodyRange(buf: Buffer, start: number, end: number): [number, number] {
  const space = buf.indexOf(0x20, start);
  let e = end;
  while (e > start && (buf[e - 1] === 10 || buf[e - 1] === 13 || buf[e - 1] === 0x20)) e--;
  return [space < 0 || space >= e ? e : space + 1, e];
}

export function diffDocumentBytes(oldBuf: Buffer, newBuf: Buffer, file: string, options: FastOptions): DocumentRedline | null {
  const oldDoc = chunkDocument(oldBuf, file).doc;
  const newDoc = chunkDocument(newBuf, file).doc;
  if (!oldDoc || !newDoc || oldDoc.duplicateIds || newDoc.duplicateIds) return null;
  if (oldDoc.meta.kind !== newDoc.meta.kind || oldDoc.meta.code !== newDoc.meta.code) return null;
  const oldChunks = oldDoc.chunks;
  const newChunks = newDoc.chunks;

  // 1. Byte-identical chunks under the same ID.
  const oldById = new Map<string | null, number>();
  oldChunks.forEach((c, i) => oldById.set(c.id, i));
  const newToOld = new Int32Array(newChunks.length).fill(-1);
  const oldPaired = new Uint8Array(oldChunks.length);
  newChunks.forEach((c, n) => {
    const o = oldById.get(c.id);
    if (o === undefined) return;
    const oc = oldChunks[o]!;
    if (oldBuf.compare(newBuf, c.start, c.end, oc.start, oc.end) === 0) {
      newToOld[n] = o;
      oldPaired[o] = 1;
    }
  });
  const unchangedNew = new Uint8Array(newChunks.length);
  newToOld.forEach((o, n) => (unchangedNew[n] = o >= 0 ? 1 : 0));

  // 2. Scan and pair the rest.
  const oldDirty: number[] = [];
  oldChunks.forEach((_, o) => oldPaired[o] || oldDirty.push(o));
  const newDirty: number[] = [];
  newChunks.forEach((_, n) => newToOld[n]! < 0 && newDirty.push(n));
  const oldScan = scanChunks(oldBuf, oldDoc, oldDirty, file);
  const newScan = scanChunks(newBuf, newDoc, newDirty, file);
  if (!oldScan || !newScan) return null;
  const oldGroups = oldDirty.map((o) => oldScan.groups.get(o)!);
  const newGroups = newDirty.map((n) => newScan.groups.get(n)!);

  // A move is ambiguous when an unchanged clause elsewhere has the same text (compared as bytes after the
  // number; whitespace variants of it are not found, which errs towards a move only for identical text).
  let bodies: Map<number, number[]> | null = null;
  const sameTextUnchanged = (buf: Buffer, start: number, end: number): boolean => {
    if (!bodies) {
      bodies = new Map();
      newChunks.forEach((c, n) => {
        if (!unchangedNew[n] || !c.numbered) return;
        const [s, e] = bodyRange(newBuf, c.start, c.end);
        const list = bodies!.get(e - s);
        if (list) list.push(n);
        else bodies!.set(e - s, [n]);
      });
    }
    const [s, e] = bodyRange(buf, start, end);
    for (const n of bodies.get(e - s) ?? []) {
      const [cs, ce] = bodyRange(newBuf, newChunks[n]!.start, newChunks[n]!.end);
      if (newBuf.compare(buf, s, e, cs, ce) === 0) return true;
    }
    return false;
  };
  const oldIndexOfGroup = new Map(oldGroups.map((g, i) => [g, oldDirty[i]!]));
  const newIndexOfGroup = new Map(newGroups.map((g, i) => [g, newDirty[i]!]));
  const pairs = pairClauses(oldGroups, newGroups, {
    detectMoves: options.detectMoves,
    movedTextElsewhere: (oc, nc) => {
      const o = oldChunks[oldIndexOfGroup.get(oc)!]!;
      const n = newChunks[newIndexOfGroup.get(nc)!]!;
      return sameTextUnchanged(oldBuf, o.start, o.end) || sameTextUnchanged(newBuf, n.start, n.end);
    },
    whole: { old: oldDirty, new: newDirty, oldLength: oldChunks.length, newToOld },
  });
  const via = new Map<number, ClausePairing>();
  const howByNew = new Map<number, PairHow>();
  pairs.newToOld.forEach((o, j) => {
    if (o < 0) return;
    const n = newDirty[j]!;
    newToOld[n] = oldDirty[o]!;
    howByNew.set(n, pairs.via.get(j)!);
  });

  // 3. Document order over every clause.
  const merged = mergeInNewOrder(oldChunks.length, newToOld);
  for (const [n, how] of howByNew) via.set(n, pairingOf(how, merged.outOfOrder.has(n)));

  // 4. Changed clauses, then the unchanged ones within `context` of them.
  const tables = new TableContext(oldScan.blocks, newScan.blocks);
  const steps = merged.steps;
  const built = new Map<number, ClauseRedline>();
  const changed: number[] = [];
  steps.forEach((s, i) => {
    if (s.new >= 0 && unchangedNew[s.new]) return;
    const oldGroup = s.old >= 0 ? oldScan.groups.get(s.old)! : null;
    const newGroup = s.new >= 0 ? newScan.groups.get(s.new)! : null;
    const how = s.new >= 0 ? via.get(s.new) : undefined;
    const clause = buildClauseRedline(how && oldGroup && newGroup ? { old: oldGroup, new: newGroup, via: how } : { old: oldGroup, new: newGroup }, tables);
    built.set(i, clause);
    if (clause.status !== 'unchanged') changed.push(i);
  });
  const keep = new Uint8Array(steps.length);
  if (Number.isFinite(options.context)) {
    for (const i of changed) for (let k = Math.max(0, i - options.context); k <= Math.min(steps.length - 1, i + options.context); k++) keep[k] = 1;
  } else keep.fill(1);
  const contextChunks: number[] = [];
  steps.forEach((s, i) => {
    if (keep[i] && !built.has(i)) contextChunks.push(s.new);
  });
  if (contextChunks.length && !scanChunks(newBuf, newDoc, contextChunks, file, newScan)) return null;
  const clauses: ClauseRedline[] = [];
  steps.forEach((s, i) => {
    if (!keep[i]) return;
    const clause = built.get(i);
    if (clause) clauses.push(clause);
    else {
      // Identical bytes: the new side's blocks stand for both.
      const group = newScan.groups.get(s.new)!;
      clauses.push(buildClauseRedline({ old: group, new: group }, tables));
    }
  });
  noteReusedIds(clauses);

  // 5. The changed text must read the same through the remark parse (verify-parse.ts).
  if (options.verify) {
    const side = (buf: Buffer, doc: ChunkedDocument, dirty: readonly number[], scanned: Scanned, wanted: Map<number, Set<string>>): boolean => {
      const items: SourceBlock[] = [];
      for (const k of dirty) {
        const c = doc.chunks[k]!;
        const text = buf.toString('utf8', c.start, c.end);
        const afterBlank = c.start === doc.bodyStart || (buf[c.start - 1] === 10 && (buf[c.start - 2] === 10 || (buf[c.start - 2] === 13 && buf[c.start - 3] === 10)));
        if (!canonicalLayout(text, afterBlank)) return false;
        const ids = wanted.get(k);
        if (ids) pushAll(items, sourceBlocks(scanned.groups.get(k)!, text, c.line, ids));
      }
      return changedBlocksTrusted(doc.meta, items);
    };
    // The blocks each changed clause changed, by chunk index, on each side.
    const oldWanted = new Map<number, Set<string>>();
    const newWanted = new Map<number, Set<string>>();
    for (const i of changed) {
      const s = steps[i]!;
      const clause = built.get(i)!;
      const oldIds = new Set<string>();
      const newIds = new Set<string>();
      for (const b of clause.blocks) {
        if (b.status === 'unchanged') continue;
        if (b.status !== 'inserted') oldIds.add(b.oldId ?? b.id);
        if (b.status !== 'deleted') newIds.add(b.id);
      }
      if (s.old >= 0) oldWanted.set(s.old, oldIds);
      if (s.new >= 0) newWanted.set(s.new, newIds);
    }
    if (!side(oldBuf, oldDoc, oldDirty, oldScan, oldWanted) || !side(newBuf, newDoc, newDirty, newScan, newWanted)) return null;
  }
  return documentRedline(oldDoc.meta, newDoc.meta, file, clauses);
}

/** Keeps the changed clauses of a full redline and `context` unchanged clauses around each. */
export function keepContext(doc: DocumentRedline, context: number): DocumentRedline {
  if (!Number.isFinite(context)) return doc;
  const keep = contextMask(doc.clauses.map((c) => c.status !== 'unchanged'), context);
  return { ...doc, clauses: doc.clauses.filter((_, i) => keep[i]) };
}

