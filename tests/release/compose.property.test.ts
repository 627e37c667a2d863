// Composition, as a property: two modifications with edits on different words of one clause compose into
// exactly the text that one change log holding all their items gives, whichever modification comes first;
// the release redline is exact, and every change in it names its modification.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { parseDocument } from '../../src/model/parse.js';
import type { SecDocument } from '../../src/model/types.js';
import { applyChangeLog, loadChangeLog } from '../../src/changelog/index.js';
import type { ChangeLog } from '../../src/changelog/types.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import { composeRelease, prepareRelease, type Modification, type Release, type ReleaseEntry } from '../../src/release/index.js';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
const SOURCE = `---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-02\n---\n\n## G3 Incidents\n\nG3.5 ${WORDS.join(' ')}.\n\nG3.6 Not touched.\n`;
const POS = { line: 1, column: 1 };

function baseline(): Map<string, SecDocument> {
  const { doc } = parseDocument(SOURCE, 'sections/section-G.md');
  return new Map([['Section G', doc!]]);
}

type Edit = { word: number; kind: 'replace' | 'insert' };

function editYaml(e: Edit): string {
  const w = WORDS[e.word]!;
  return e.kind === 'replace'
    ? `      - kind: replace\n        in: G3.5\n        find: ${w}\n        with: ${w.toUpperCase()}\n`
    : `      - kind: insert-text\n        in: G3.5\n        after: ${w}\n        text: ' and ${w}-${e.word}'\n`;
}

function logYaml(id: string, edits: readonly Edit[]): string {
  const items = edits.map((e, i) => `  - id: '${i + 1}'\n    summary: Change ${i + 1}.\n    proposed: Change it.\n    edits:\n${editYaml(e)}`).join('');
  return `modification:\n  id: ${id}\n  title: Test ${id}\nrelease: R\ndrafter: SECAS\ndate: 2024-05-01\ndocuments:\n  Section G: SEC 2024-02\nitems:\n${items}`;
}

function load(yaml: string, file: string): ChangeLog {
  const r = loadChangeLog(yaml, file);
  if (!r.log) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.log;
}

function entry(n: number, changes: string): ReleaseEntry {
  return { number: n, changes, written: changes, status: 'approved', id: null, pos: POS, changesPos: POS, idPos: null };
}

function release(entries: ReleaseEntry[]): Release {
  return { file: 'release.yaml', name: 'R', date: '2024-06-27', drafter: 'SECAS', modifications: entries, versions: [{ doc: 'Section G', version: 'SEC 2024-06', pos: POS }], versionsPos: POS };
}

function compose(order: readonly [string, Edit[]][]): { text: string; problems: string[]; composed: ReturnType<typeof composeRelease> } {
  const base = baseline();
  const entries = order.map(([id], i) => entry(i + 1, `annexes/${id}/changes.yaml`));
  const mods: Modification[] = order.map(([id, edits], i) => ({ order: i, entry: entries[i]!, log: load(logYaml(id, edits), entries[i]!.changes) }));
  const prepared = prepareRelease(release(entries), mods, base, []);
  const composed = composeRelease(base, prepared.result.ops, prepared.labels);
  const text = composed.docs.get('Section G')!.blocks.find((b) => b.id === 'G3.5')!.text;
  return { text, problems: [...prepared.problems, ...composed.problems].map((p) => p.message), composed };
}

/** Two modifications' edits on distinct words, each word edited at most once. */
const split = fc
  .uniqueArray(fc.record({ word: fc.nat({ max: WORDS.length - 1 }), kind: fc.constantFrom<'replace' | 'insert'>('replace', 'insert'), side: fc.boolean() }), {
    minLength: 2,
    maxLength: 8,
    selector: (e) => e.word,
  })
  .filter((edits) => edits.some((e) => e.side) && edits.some((e) => !e.side));

describe('composition of non-overlapping edits', () => {
  it('equals one change log holding every item, in either release order', () => {
    fc.assert(
      fc.property(split, (edits) => {
        const a = edits.filter((e) => e.side).sort((x, y) => x.word - y.word);
        const b = edits.filter((e) => !e.side).sort((x, y) => x.word - y.word);
        const forward = compose([
          ['MP901', a],
          ['MP902', b],
        ]);
        const backward = compose([
          ['MP902', b],
          ['MP901', a],
        ]);
        expect(forward.problems).toEqual([]);
        expect(backward.problems).toEqual([]);
        const together = applyChangeLog(load(logYaml('MP903', [...a, ...b]), 'one.yaml'), baseline());
        expect(together.problems).toEqual([]);
        const expected = together.docs.get('Section G')!.blocks.find((x) => x.id === 'G3.5')!.text;
        expect(forward.text).toBe(expected);
        expect(backward.text).toBe(expected);
        expect(redlineErrors(forward.composed.redline)).toEqual([]);
        for (const d of forward.composed.redline.documents) {
          for (const c of d.clauses) {
            for (const blk of c.blocks) {
              for (const s of blk.text.spans) if (s.op !== 'equal') expect(s.items?.every((i) => /^MP90[12] item \d+$/.test(i))).toBe(true);
            }
          }
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('by hand: two modifications in one clause', () => {
    const r = compose([
      ['MP901', [{ word: 1, kind: 'replace' }]],
      ['MP902', [{ word: 2, kind: 'insert' }]],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('alpha BRAVO charlie and charlie-2 delta echo foxtrot golf hotel india juliet kilo lima.');
    const g35 = r.composed.redline.documents[0]!.clauses.find((c) => c.id === 'G3.5')!;
    expect(g35.items).toEqual(['MP901 item 1', 'MP902 item 1']);
  });

  it('the same word edited by both is a conflict, not a composition', () => {
    const r = compose([
      ['MP901', [{ word: 3, kind: 'replace' }]],
      ['MP902', [{ word: 3, kind: 'insert' }]],
    ]);
    expect(r.problems).toEqual([
      "MP902 item 1 (insert-text) inserts after 'delta' in G3.5 (sections/section-G.md:10), but MP901 item 1 (replace) (annexes/MP901/changes.yaml:14:9) changes those words: the edit would lose its place, so the release cannot apply both; change one of them or combine them in one modification",
      "MP901 item 1 (replace) changes 'delta' in G3.5 (sections/section-G.md:10), but MP902 item 1 (insert-text) (annexes/MP902/changes.yaml:14:9) inserts after those words: the edit would lose its place, so the release cannot apply both; change one of them or combine them in one modification",
    ]);
  });
});
