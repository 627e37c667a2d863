// The benchmark's corpus generator (bench/corpus.js): deterministic, canonical SEC Markdown, and edits the
// diff finds. Small sizes only; the benchmark itself is `npm run bench`, not part of the test suite.

import { describe, expect, it } from 'vitest';
import { editCorpus, fileName, generateCorpus, serialize, type CorpusDocument } from '../../bench/corpus.js';
import { parseDocument } from '../../src/model/parse.js';
import { serializeDocument } from '../../src/model/serialize.js';
import { diffTrees, type TreeReader } from '../../src/diff/trees.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { runChecks } from '../../src/check/run.js';
import { readDocument } from '../../src/model/read-document.js';
import { scanDocument } from '../../src/model/scan.js';
import { inGrammar } from '../../src/model/block-trust.js';

function tree(docs: CorpusDocument[]): TreeReader {
  const files = new Map(docs.map((d) => [fileName(d), serialize(d)]));
  return { list: () => [...files.keys()].map((key) => ({ key, path: key })), read: (f) => Buffer.from(files.get(f.key)!) };
}

describe('bench corpus', () => {
  const v1 = generateCorpus({ clauses: 800 });
  const { corpus: v2, done } = editCorpus(v1, { moves: 3, renumbers: 3 });

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = generateCorpus({ clauses: 800 });
    expect(again.map((d) => serialize(d))).toEqual(v1.map((d) => serialize(d)));
    expect(editCorpus(again, { moves: 3, renumbers: 3 }).corpus.map((d) => serialize(d))).toEqual(v2.map((d) => serialize(d)));
  });

  it('has Sections, Schedules and Appendices with about the clauses asked for, in canonical form', () => {
    expect(v1.length).toBeGreaterThanOrEqual(50);
    const clauses = v1.reduce((s, d) => s + d.parts.reduce((t, p) => t + p.clauses.length, 0), 0);
    expect(clauses).toBeGreaterThan(750);
    expect(clauses).toBeLessThan(900);
    for (const d of [...v1, ...v2]) {
      const text = serialize(d);
      const parsed = parseDocument(text, fileName(d));
      expect(parsed.problems).toEqual([]);
      expect(serializeDocument(parsed.doc!)).toBe(text);
    }
  });

  it('the diff finds the edits it made, on the fast path, exactly', () => {
    const result = diffTrees(tree(v1), tree(v2), { context: 0 });
    expect(result.problems).toEqual([]);
    expect(result.parsedInFull).toEqual([]);
    expect(redlineErrors(result.redline)).toEqual([]);
    const count = (status: string): number => result.redline.documents.reduce((s, d) => s + d.clauses.filter((c) => c.status === status).length, 0);
    expect(count('moved') + count('renumbered')).toBe(done.moved + done.renumbered);
    expect(count('inserted')).toBe(done.inserted);
    // Deletions are either 'Not used' (a changed clause) or removals; edits may land on the same clause.
    expect(count('changed') + count('deleted')).toBeGreaterThanOrEqual(done.deleted);
    expect(count('changed')).toBeLessThanOrEqual(done.edited + done.deleted);
  });
});

describe('bench corpus, rich and sound (the commands benchmark)', () => {
  const v1 = generateCorpus({ clauses: 900, rich: true });
  const { corpus: v2, done } = editCorpus(v1, { moves: 3, rich: true, sound: true });

  it('has the inline Markdown of real SEC text, in canonical form, all on the fast path', () => {
    const text = v1.map((d) => serialize(d)).join('');
    for (const marker of ['**', '`', '<br>(a) ', '(`', '[TBC]']) expect(text).toContain(marker);
    for (const d of [...v1, ...v2]) {
      const source = serialize(d);
      const parsed = parseDocument(source, fileName(d));
      expect(parsed.problems).toEqual([]);
      expect(serializeDocument(parsed.doc!)).toBe(source);
      // Every block in the proven inline grammar: no block needs the parser's word (block-trust.ts).
      const outside = scanDocument(source, fileName(d)).doc!.blocks.filter((b) => !inGrammar(b, 'in-order'));
      expect(outside.map((b) => b.text)).toEqual([]);
    }
  });

  it('both versions pass check (no error), so a change log drafted between them applies', () => {
    expect(done.moved).toBeGreaterThan(0);
    for (const corpus of [v1, v2]) {
      const docs = corpus.map((d) => readDocument(serialize(d), fileName(d)).doc!);
      expect(runChecks(docs).filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});
