// Drafting on a small cut of the benchmark corpus (bench/corpus.js): edits, insertions, deletions, moves and
// renumberings spread over ~56 documents. The drafted log applies to give the new version exactly, and the
// narrowest kinds carry it: a whole-clause rewrite only where a moved clause has to be re-inserted.

import { describe, expect, it } from 'vitest';
import { editCorpus, fileName, generateCorpus, serialize } from '../../bench/corpus.js';
import { draftChangeLog } from '../../src/draft/index.js';
import { applyChangeLog, loadChangeLog } from '../../src/changelog/index.js';
import { docId, readDocument, serializeDocument } from '../../src/model/index.js';
import type { SecDocument } from '../../src/model/types.js';

describe('drafting the benchmark corpus', () => {
  it('applies exactly, mostly with word edits', () => {
    const v1 = generateCorpus({ clauses: 800 });
    const { corpus: v2 } = editCorpus(v1, { moves: 3, renumbers: 3 });
    const side = (c: typeof v1): { path: string; text: string }[] => c.map((d) => ({ path: fileName(d), text: serialize(d) }));
    const oldFiles = side(v1);
    const newFiles = side(v2);
    const r = draftChangeLog(oldFiles, newFiles, { modification: { id: 'MP999', title: 'Bench' }, release: 'R', drafter: 'SECAS', date: '2026-01-05' });
    expect(r.problems).toEqual([]);
    const loaded = loadChangeLog(r.yaml!, 'changes.yaml');
    expect(loaded.problems).toEqual([]);
    const docs = new Map<string, SecDocument>();
    for (const f of oldFiles) {
      const { doc } = readDocument(f.text, f.path);
      docs.set(docId(doc!.meta), doc!);
    }
    const applied = applyChangeLog(loaded.log!, docs);
    expect(applied.problems).toEqual([]);
    for (const f of newFiles) {
      const { doc } = readDocument(f.text, f.path);
      expect(serializeDocument(applied.docs.get(docId(doc!.meta))!), f.path).toBe(f.text);
    }
    const words = (r.kinds.get('replace') ?? 0) + (r.kinds.get('insert-text') ?? 0);
    expect(words).toBeGreaterThan(5);
    expect(r.kinds.get('rewrite with blocks') ?? 0).toBeLessThanOrEqual(6);
  });
});
