// readAmended (src/model/read-amended.ts) re-reads an amended document only where it changed. Whenever it gives
// an answer, that answer must be exactly what reading the whole serialized document gives (blocks, IDs, line and
// column numbers); when it cannot say, it gives null. Amendments are random edit scripts over real and generated
// documents: texts replaced (with text that may change the structure: a list marker, a table row, a clause
// number, emphasis, a line break), blocks inserted of every kind, blocks deleted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyBlocks, toRaw } from '../../src/model/identify.js';
import { readAmended } from '../../src/model/read-amended.js';
import { readDocument } from '../../src/model/read-document.js';
import { serializeDocument } from '../../src/model/serialize.js';
import type { RawBlock, SecDocument } from '../../src/model/types.js';
import { fileName, generateCorpus, serialize } from '../../bench/corpus.js';
import { runs } from '../helpers/runs.js';

const repo = join(import.meta.dirname, '../..');
const originals: SecDocument[] = [
  ...readdirSync(join(repo, 'sections')).map((f) => readDocument(readFileSync(join(repo, 'sections', f), 'utf8'), `sections/${f}`).doc!),
  ...generateCorpus({ clauses: 400, rich: true }).slice(0, 12).map((d) => readDocument(serialize(d), fileName(d)).doc!),
];

const TEXTS = [
  'The DCC shall notify the Panel within 5 Working Days.',
  'the **Party** concerned (the `JoinService` request)',
  '- a new list item',
  '| a | b |',
  'G3.5 reads as a clause',
  '3.1 reads as a number',
  '# a heading',
  '[x] a task box',
  'means:<br>(a) one; and<br>(b) two.',
  'two\nlines',
  '*emphasis* and more',
  'Not used',
  '',
];
const NEW_BLOCKS: RawBlock[] = [
  { kind: 'clause', label: 'Z9.9', depth: 0, text: 'An inserted clause.', line: 0, column: 1 },
  { kind: 'paragraph', label: '', depth: 0, text: 'An inserted paragraph.', line: 0, column: 1 },
  { kind: 'subpara', label: '(z)', depth: 1, text: 'an inserted item;', line: 0, column: 1 },
  { kind: 'subpara', label: '(zz)', depth: 2, text: 'a nested item;', line: 0, column: 1 },
  { kind: 'row', label: '', depth: 0, text: 'k | v', cells: ['k', 'v'], line: 0, column: 1 },
  { kind: 'heading', label: '', depth: 3, text: 'A cross-heading', line: 0, column: 1 },
  { kind: 'heading', label: '', depth: 2, text: 'Appendix B Inserted', line: 0, column: 1 },
];

type Step = { op: 'text'; at: number; text: number } | { op: 'insert'; at: number; block: number } | { op: 'delete'; at: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.nat(TEXTS.length - 1) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), block: fc.nat(NEW_BLOCKS.length - 1) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
);

/** The amended raws and, for each, whether it must be scanned again (as apply-plan.ts's touchedBlocks marks them). */
function amend(doc: SecDocument, steps: readonly Step[]): { raws: RawBlock[]; touched: boolean[] } {
  let rows = doc.blocks.map((b, i) => ({ raw: toRaw(b), origin: i as number | null, edited: false }));
  for (const s of steps) {
    if (rows.length === 0 && s.op !== 'insert') continue;
    const at = s.at % Math.max(1, rows.length + (s.op === 'insert' ? 1 : 0));
    if (s.op === 'text') {
      const r = rows[at]!;
      const text = TEXTS[s.text]!;
      rows[at] = { ...r, edited: true, raw: r.raw.cells ? { ...r.raw, cells: [text, ...r.raw.cells.slice(1)], text: [text, ...r.raw.cells.slice(1)].join(' | ') } : { ...r.raw, text } };
    } else if (s.op === 'insert') {
      rows = [...rows.slice(0, at), { raw: { ...NEW_BLOCKS[s.block]!, ...(NEW_BLOCKS[s.block]!.cells ? { cells: [...NEW_BLOCKS[s.block]!.cells!] } : {}) }, origin: null, edited: true }, ...rows.slice(at)];
    } else rows = [...rows.slice(0, at), ...rows.slice(at + 1)];
  }
  const touched = rows.map((r, i) => {
    if (r.origin === null || r.edited) return true;
    const before = i > 0 ? rows[i - 1]!.origin : -1;
    return before === null || before + 1 !== r.origin;
  });
  return { raws: rows.map((r) => r.raw), touched };
}

describe('readAmended', () => {
  it('answers only what reading the whole document back answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.nat(originals.length - 1), fc.array(step, { minLength: 0, maxLength: 4 }), (d, steps) => {
        const original = originals[d]!;
        const { raws, touched } = amend(original, steps);
        const amended: SecDocument = { file: original.file, meta: original.meta, blocks: identifyBlocks(original.meta, raws) };
        const local = readAmended(original, amended, touched);
        if (local === null) return;
        answered++;
        const whole = readDocument(serializeDocument(amended), original.file);
        expect(whole.problems).toEqual([]);
        expect(local).toEqual(whole.doc);
      }),
      { numRuns: runs(400) },
    );
    // The shortcut must be worth having: most random amendments of these documents are answered locally.
    expect(answered).toBeGreaterThan(runs(400) / 4);
  });

  it('gives the original back, at the same places, when nothing changed', () => {
    for (const original of originals) {
      const local = readAmended(original, { ...original, blocks: identifyBlocks(original.meta, original.blocks.map(toRaw)) }, original.blocks.map(() => false));
      if (local) expect(local.blocks).toEqual(original.blocks);
    }
  });
});
