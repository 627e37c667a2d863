// blockLineCount and blockColumn (serialize.ts) say where a block's lines fall without building them; read-amended
// places every block of an amended document with them. serializesTo compares a document's serialization with a
// text without building it (the proof a file is canonical). Held to what they stand for: the length of blockLines,
// and the column the line scan reports for the block, over every block of the repository's documents, of a rich
// generated corpus and of the format fixtures (multi-line verbatim paragraphs, nested lists, tables).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/model/read-document.js';
import { blockColumn, blockLineCount, blockLines, serializeDocument, serializesTo } from '../../src/model/serialize.js';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import type { Block, SecDocument } from '../../src/model/types.js';
import { fileName, generateCorpus, serialize } from '../../bench/corpus.js';

const repo = join(import.meta.dirname, '../..');

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
}

const docs: SecDocument[] = [
  ...markdownUnder(join(repo, 'sections')),
  ...markdownUnder(join(repo, 'tests/fixtures')),
]
  .map((f) => readDocument(readFileSync(f, 'utf8'), f).doc)
  .filter((d): d is SecDocument => d !== null);
const generated = generateCorpus({ clauses: 3000, rich: true }).map((d) => readDocument(serialize(d), fileName(d)).doc!);

describe('block shape without serializing', () => {
  it('blockLineCount is the number of lines blockLines makes, for every block', () => {
    let blocks = 0;
    let multi = 0;
    for (const d of [...docs, ...generated]) {
      for (const b of d.blocks) {
        const n = blockLines(b).length;
        expect(blockLineCount(b), `${d.file} ${b.id}`).toBe(n);
        blocks++;
        if (n > 1) multi++;
      }
    }
    expect(blocks).toBeGreaterThan(10_000);
    expect(multi).toBeGreaterThan(0);
  });

  it('blockColumn is the column the line scan gives, for every block of a document it read', () => {
    const kinds = new Set<string>();
    for (const d of [...docs, ...generated]) {
      // As fmt writes it: the canonical text the line scan reads (a fixture need not be canonical itself).
      const { doc } = readDocument(serializeDocument(d), d.file);
      for (const b of doc!.blocks) {
        expect(blockColumn(b), `${d.file} ${b.id}`).toBe(b.column);
        kinds.add(`${b.kind}${b.depth > 0 ? '+' : ''}`);
      }
    }
    // Nested list items and continuation paragraphs are where the column is not 1.
    expect(kinds).toContain('subpara+');
    expect(kinds).toContain('paragraph+');
  });
});

describe('serializesTo', () => {
  it('is serializeDocument(doc) === text, for the text and for texts one edit away', () => {
    const sample = [...docs, ...generated.slice(0, 6)];
    let differ = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('', 'x', '\n', '\n\n', ' ', '|', '-'), fc.nat({ max: 3 }), (d, at, insert, cut) => {
        const doc = sample[d % sample.length]!;
        const text = serializeDocument(doc);
        const i = at % (text.length + 1);
        const edited = text.slice(0, i) + insert + text.slice(Math.min(text.length, i + cut));
        expect(serializesTo(doc, edited)).toBe(edited === text);
        if (edited !== text) differ++;
      }),
      { numRuns: runs(3000) },
    );
    expect(differ).toBeGreaterThan(0);
  });

  it('holds at the edges: no blocks, one empty block, no final line break', () => {
    const meta = docs[0]!.meta;
    const empty: SecDocument = { file: 'x.md', meta, blocks: [] };
    const blank: SecDocument = { file: 'x.md', meta, blocks: [{ ...docs[0]!.blocks.find((b) => b.kind === 'paragraph')!, text: '', label: '', depth: 0 }] };
    for (const doc of [empty, blank, docs[0]!]) {
      const text = serializeDocument(doc);
      for (const t of [text, `${text}\n`, text.slice(0, -1), `${text}\n\n`, '']) expect(serializesTo(doc, t)).toBe(t === text);
    }
  });
});

// blockLines as it was first written, a switch of template strings: the part-by-part writer must agree.
function linesAsWritten(b: Pick<Block, 'kind' | 'label' | 'depth' | 'text' | 'cells' | 'align'>): string[] {
  const labelled = (label: string, text: string): string => (label && text ? `${label} ${text}` : label || text);
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.depth)} ${labelled(b.label, b.text)}`];
    case 'clause':
      return [labelled(b.label, b.text)];
    case 'subpara':
      return [`${'  '.repeat(Math.max(0, b.depth - 1))}- ${labelled(b.label, b.text)}`];
    case 'paragraph': {
      const indent = '  '.repeat(Math.max(0, b.depth));
      const lines = labelled(b.label, b.text).split('\n');
      return indent ? lines.map((l) => (l === '' ? l : indent + l)) : lines;
    }
    case 'table': {
      const cells = b.cells ?? [];
      const delim = (a: string | null | undefined): string => (a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---');
      return [row(cells), row(cells.map((_, i) => delim(b.align?.[i] ?? null)))];
    }
    case 'row':
      return [row(b.cells ?? [])];
  }
}

describe('blockLines', () => {
  it('writes every block as the plain switch did: real blocks and random ones', () => {
    for (const d of [...docs, ...generated]) for (const b of d.blocks) expect(blockLines(b)).toEqual(linesAsWritten(b));
    const piece = fc.constantFrom('', 'a', 'G3.5', '(b)', 'x\ny', '\n', 'two words', '\n\nz', ' ');
    const block = fc.record({
      kind: fc.constantFrom('heading', 'clause', 'subpara', 'paragraph', 'table', 'row'),
      label: piece,
      depth: fc.nat({ max: 4 }),
      text: piece,
      cells: fc.option(fc.array(piece, { maxLength: 4 }), { nil: undefined }),
      align: fc.option(fc.array(fc.constantFrom('left', 'right', 'center', null), { maxLength: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(block, (b) => {
        expect(blockLines(b as Block)).toEqual(linesAsWritten(b as Block));
      }),
      { numRuns: runs(5000) },
    );
  });
});
