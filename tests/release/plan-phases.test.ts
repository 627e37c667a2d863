// A release is built from the change log's public phases (planChangeLog, applyPlan): a release of one
// modification must therefore give exactly the documents `apply` gives for its change log, with the same items
// named on the changes (qualified 'MP341 item 1'). Checked for every change log of the release fixtures that is
// valid over the shared baseline.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/model/parse.js';
import { docId } from '../../src/model/index.js';
import type { SecDocument } from '../../src/model/types.js';
import type { Redline } from '../../src/redline/types.js';
import { applyChangeLog, loadChangeLog, type ChangeLog } from '../../src/changelog/index.js';
import { composeRelease, findReleaseConflicts, planModifications, type Modification } from '../../src/release/index.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'release');

function baseline(): Map<string, SecDocument> {
  const dir = join(ROOT, '_baseline');
  const docs = readdirSync(dir).sort().map((f) => parseDocument(readFileSync(join(dir, f), 'utf8'), `sections/${f}`).doc!);
  return new Map(docs.map((d) => [docId(d.meta), d]));
}

const logs: { name: string; log: ChangeLog }[] = readdirSync(ROOT)
  .filter((n) => !n.startsWith('_'))
  .sort()
  .flatMap((name) => {
    let folders: string[] = [];
    try {
      folders = readdirSync(join(ROOT, name, 'annexes')).sort();
    } catch {
      return [];
    }
    return folders.flatMap((f) => {
      const { log } = loadChangeLog(readFileSync(join(ROOT, name, 'annexes', f, 'changes.yaml'), 'utf8'), `annexes/${f}/changes.yaml`);
      return log ? [{ name: `${name}/${f}`, log }] : [];
    });
  });

function namedItems(redline: Redline): string[] {
  return [...new Set(redline.documents.flatMap((d) => d.clauses.flatMap((c) => c.items)))].sort();
}

describe('a release of one modification', () => {
  const base = baseline();
  const valid = logs.filter(({ log }) => !applyChangeLog(log, base).problems.some((p) => p.severity === 'error'));

  it('is checked on a dozen valid change logs', () => {
    expect(valid.length).toBeGreaterThanOrEqual(12);
  });

  for (const { name, log } of valid) {
    it(`${name}: gives the documents apply gives, naming the same items`, () => {
      const mod: Modification = { order: 0, entry: { number: 1, changes: log.file, written: log.file, status: 'approved', id: null, pos: { line: 1, column: 1 }, changesPos: { line: 1, column: 1 }, idPos: null }, log };
      const { ops, conflicts } = findReleaseConflicts(planModifications([mod], base));
      expect(conflicts).toEqual([]);
      const composed = composeRelease(base, ops, new Map());
      const applied = applyChangeLog(log, base);
      expect(composed.problems).toEqual([]);
      expect(composed.docs).toEqual(applied.docs);
      expect(composed.changed).toEqual(applied.redline.documents.map((d) => docId(d.meta)));
      expect(namedItems(composed.redline)).toEqual(namedItems(applied.redline).map((i) => `${log.modification.id} item ${i}`).sort());
    });
  }
});
