// Properties of the diff over thousands of random documents and random edit scripts:
//   - exactness: every TextChange rebuilds its old and new text (redlineErrors is empty);
//   - completeness: the new side of the redline is the new document, block by block and in order; the old
//     side holds every old block exactly once;
//   - per clause: old = unchanged + deleted parts and new = unchanged + inserted parts, and those are the
//     clause's own source lines in each file (through --format json, so the JSON round-trips);
//   - no false moves: a clause reported moved or renumbered has the same text on both sides;
//   - the tree path (line scan + parse check) gives the same redline as building from the documents.

import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import type { Block, SecDocument } from '../../src/model/types.js';
import { blockLines, serializeDocument } from '../../src/model/serialize.js';
import { buildDocumentRedline } from '../../src/diff/build-redline.js';
import { acceptSpans, redlineErrors, rejectSpans } from '../../src/redline/invariant.js';
import type { DocumentRedline } from '../../src/redline/types.js';
import { redlineToJson } from '../../src/render/json.js';
import { diffTrees, type TreeReader } from '../../src/diff/trees.js';
import { keepContext } from '../../src/diff/fast-document.js';
import { applyEdit, edit, rawDoc, toDoc } from './generate.js';
import { dice, similarityTokens } from '../../src/diff/clauses.js';
import { RENUMBER_SIMILARITY } from '../../src/diff/align-similar.js';

const RUNS = runs(2000);

const versions = fc.tuple(rawDoc, fc.array(edit, { minLength: 0, maxLength: 8 })).map(([raw, edits]) => {
  const edited = edits.reduce(applyEdit, raw);
  return { old: toDoc(raw), new: toDoc(edited, 'SEC 2024-09'), edits };
});

function clauseSource(doc: SecDocument, clauseId: string): string {
  return doc.blocks
    .filter((b) => b.clause === clauseId)
    .flatMap((b) => blockLines(b))
    .join('\n');
}

function checkRedline(red: DocumentRedline, oldDoc: SecDocument, newDoc: SecDocument): void {
  expect(redlineErrors({ documents: [red] })).toEqual([]);

  // New side: exactly the new document, in order.
  const newSide = red.clauses.flatMap((c) => c.blocks).filter((b) => b.status !== 'deleted');
  expect(newSide.map((b) => b.id)).toEqual(newDoc.blocks.map((b) => b.id));
  newSide.forEach((b, i) => {
    const want = newDoc.blocks[i]!;
    expect(b.label.new).toBe(want.label);
    expect(b.text.new).toBe(want.text);
    expect(b.kind).toBe(want.kind);
    if (want.cells) expect(b.cells?.filter((c) => c.new !== null).map((c) => c.new)).toEqual(want.cells);
  });

  // Old side: every old block once, with its text.
  const oldById = new Map<string, Block>(oldDoc.blocks.map((b) => [b.id, b]));
  const seen = new Set<string>();
  for (const b of red.clauses.flatMap((c) => c.blocks)) {
    if (b.status === 'inserted') continue;
    const id = b.oldId ?? b.id;
    expect(seen.has(id), `old block ${id} twice`).toBe(false);
    seen.add(id);
    const want = oldById.get(id)!;
    expect(want, `old block ${id} exists`).toBeDefined();
    expect(b.label.old).toBe(want.label);
    expect(b.text.old).toBe(want.text);
  }
  expect(seen.size).toBe(oldDoc.blocks.length);

  for (const c of red.clauses) {
    if (c.status === 'unchanged') expect(c.blocks.every((b) => b.status === 'unchanged')).toBe(true);
    if (c.status === 'renumbered' && c.blocks.some((b) => b.text.old !== b.text.new)) {
      // Renumbered with edits (align-similar.ts): never a false pairing — the two are substantially similar.
      const side = (which: 'old' | 'new'): string[] => similarityTokens(c.blocks.map((b) => b.text[which] ?? '').join(' '));
      expect(dice(side('old'), side('new'))).toBeGreaterThanOrEqual(RENUMBER_SIMILARITY);
    } else if (c.status === 'moved' || c.status === 'renumbered') {
      // Never a false move: the text is the same apart from whitespace and the clause's own number.
      const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ');
      for (const b of c.blocks) {
        expect(b.status === 'inserted' || b.status === 'deleted').toBe(false);
        expect(squash(b.text.old)).toBe(squash(b.text.new));
      }
    }
  }
}

function checkJson(red: DocumentRedline, oldDoc: SecDocument, newDoc: SecDocument): void {
  const json = JSON.parse(JSON.stringify(redlineToJson({ documents: [red] }, { context: 1_000_000 }))) as {
    documents: { clauses: { id: string; oldId: string | null; status: string; old: string | null; new: string | null; spans: { op: 'equal' | 'delete' | 'insert'; text: string }[] }[] }[];
  };
  const clauses = json.documents[0]?.clauses ?? [];
  // With unlimited context, a document with any changed clause lists all of its clauses.
  expect(clauses.length).toBe(red.clauses.some((c) => c.status !== 'unchanged') ? red.clauses.length : 0);
  for (const c of clauses) {
    expect(rejectSpans(c.spans)).toBe(c.old ?? '');
    expect(acceptSpans(c.spans)).toBe(c.new ?? '');
    if (c.old !== null) expect(c.old).toBe(clauseSource(oldDoc, c.oldId ?? c.id));
    if (c.new !== null) expect(c.new).toBe(clauseSource(newDoc, c.id));
  }
}

function memoryTree(file: string, text: string): TreeReader {
  return { list: () => [{ key: file, path: file }], read: () => new TextEncoder().encode(text) };
}

describe('diff properties', () => {
  it(`random edit scripts (${RUNS} runs): exact, complete, clause sources round-trip through JSON`, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(versions, (v) => {
        const red = buildDocumentRedline(v.old, v.new, 'section-G.md');
        checkRedline(red, v.old, v.new);
        checkJson(red, v.old, v.new);
        for (const c of red.clauses) seen.set(c.status, (seen.get(c.status) ?? 0) + 1);
        for (const b of red.clauses.flatMap((c) => c.blocks)) if (b.kind === 'row' && b.status === 'changed') seen.set('row changed', 1);
      }),
      { numRuns: RUNS },
    );
    // The generator really exercises every kind of clause change (else the properties above prove little).
    for (const status of ['changed', 'inserted', 'deleted', 'moved', 'renumbered', 'row changed']) expect(seen.get(status) ?? 0, status).toBeGreaterThan(0);
  });

  it('without move detection (as apply uses it) the redline is still exact and complete', () => {
    fc.assert(
      fc.property(versions, (v) => {
        const red = buildDocumentRedline(v.old, v.new, 'section-G.md', { detectMoves: false });
        checkRedline(red, v.old, v.new);
        expect(red.clauses.some((c) => c.status === 'moved' || c.status === 'renumbered')).toBe(false);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('the tree path (clause chunks, scan of changed clauses, parse check) agrees with building from the documents', () => {
    fc.assert(
      fc.property(versions, (v) => {
        const oldText = serializeDocument(v.old);
        const newText = serializeDocument(v.new);
        const direct = buildDocumentRedline(v.old, v.new, 'section-G.md');
        const strip = (d: DocumentRedline): unknown => JSON.parse(JSON.stringify(d));
        for (const context of [Infinity, 0, 1]) {
          const result = diffTrees(memoryTree('section-G.md', oldText), memoryTree('section-G.md', newText), { context });
          expect(result.problems).toEqual([]);
          expect(result.parsedInFull).toEqual([]);
          // Different bytes always take the clause-chunk fast path on canonical input.
          expect(result.fastPath).toEqual(oldText === newText ? [] : ['section-G.md']);
          if (oldText !== newText) expect(strip(result.redline.documents[0]!)).toEqual(strip(keepContext(direct, context)));
        }
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});
