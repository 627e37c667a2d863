// One walk over a document's numbered blocks (numbered headings and clauses), shared by numbering-order and
// inserted-clause. Numbers form a tree (G3 → G3.5 → G3.5.1); each time a block opens a new child under some
// parent (G3.5 after G3.4 under G3), the walk reports that step together with the child that came before it
// under the same parent. A deep number also opens its parents when they have no block of their own
// (3.8.17.1 right after 3.8.16.4 opens 3.8.17), so a skip is noticed at the level where it happens.

import type { Block, SecDocument } from '../model/types.js';
import { numberSegments } from '../model/numbering.js';
import { ownSectionNumber, scopeName, scopeRef } from '../model/scope.js';
import { notUsedRange } from '../model/conventions.js';
import { docId } from '../model/doc-ref.js';

export interface Segment {
  n: number;
  suffix: string;
}

export interface NumberStep {
  block: Block;
  /** 0-based level of the new child: 0 for a part (G3) or top-level number (3), 1 for G3.5, … */
  level: number;
  /** The new child's segment and the previous child's under the same parent (null when it is the first). */
  seg: Segment;
  prev: Segment | null;
  /** Writes a number at this level with a given last segment: write({n:4,suffix:''}) → 'G3.4'. */
  write(seg: Segment): string;
}

export function segmentText(seg: Segment): string {
  return `${seg.n}${seg.suffix}`;
}

/** Steps in document order; a block yields one step per level it opens (usually exactly one). */
export function numberSteps(doc: SecDocument): NumberStep[] {
  const steps: NumberStep[] = [];
  let ref = doc.meta;
  let prefix = doc.meta.kind === 'section' ? doc.meta.code : '';
  // Parent key ('' for the top) → the last child opened under it.
  const own = new Map<string, { key: string; seg: Segment }>();
  let lastChild = own;
  for (const block of doc.blocks) {
    const name = block.kind === 'heading' && block.label === '' ? scopeName(block.text, block.depth) : null;
    if (name !== null && block.id === `${docId(doc.meta)} ${name}`) {
      // An inner appendix restarts the numbering, appendix style (src/model/scope.ts).
      lastChild = new Map();
      ref = { ...doc.meta, ...scopeRef(doc.meta) };
      prefix = `${block.id} `;
      continue;
    }
    const numbered = block.label !== '' && (block.kind === 'heading' || block.kind === 'clause');
    if (!numbered) continue;
    if (ref !== doc.meta && ownSectionNumber(doc.meta, block.label)) {
      lastChild = own; // the Section's own numbering goes on where it left off
      ref = doc.meta;
      prefix = doc.meta.code;
    }
    const segs = numberSegments(ref, block.label);
    if (segs.some((s) => Number.isNaN(s.n))) continue; // not produced by the model's number syntax
    // A 'Not used' range stands for its last number too: what follows it continues from there.
    const range = block.kind === 'clause' ? notUsedRange(block.label, block.text) : null;
    const end = range ? numberSegments(ref, range.numbers[range.numbers.length - 1]!) : null;
    // Keys grow one segment per level ('3', '3.8', '3.8.17'), each built from the one before.
    let parentKey = '';
    for (let level = 0; level < segs.length; level++) {
      const seg = segs[level]!;
      const key = level === 0 ? segmentText(seg) : `${parentKey}.${segmentText(seg)}`;
      const last = lastChild.get(parentKey);
      if (!last || last.key !== key) {
        const head = parentKey === '' ? prefix : `${prefix}${parentKey}.`;
        steps.push({ block, level, seg, prev: last?.seg ?? null, write: (s) => head + segmentText(s) });
        lastChild.set(parentKey, { key, seg });
      } // else still inside the same child: descend
      parentKey = key;
    }
    if (end) {
      const parentKey = end.slice(0, -1).map(segmentText).join('.');
      lastChild.set(parentKey, { key: end.map(segmentText).join('.'), seg: end[end.length - 1]! });
    }
  }
  return steps;
}

/** The suffix an inserted clause must follow: 'A' follows '', 'B' follows 'A', 'ZA' follows 'Z'. */
export function previousSuffix(suffix: string): string {
  if (suffix === '') return '';
  const last = suffix.charCodeAt(suffix.length - 1);
  return last > 65 ? suffix.slice(0, -1) + String.fromCharCode(last - 1) : suffix.slice(0, -1);
}

/** Order of inserted-clause suffixes: '' < 'A' < 'B' < … < 'Z' < 'ZA' (see nextInsertedNumber). */
export function compareSuffix(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
