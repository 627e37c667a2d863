// block-trust.ts is the one per-block check behind the reader's fast path and the tree diff's. Its verdicts are
// cached by content: the key must hold everything the verdict depends on (a stale hit would trust a block remark
// reads otherwise).

import { describe, expect, it } from 'vitest';
import type { Block, SecDocument } from '../../src/model/types.js';
import { blockLines } from '../../src/model/serialize.js';
import { scanDocument } from '../../src/model/scan.js';
import { parseDocument } from '../../src/model/parse.js';
import { agreesWithParser, allTrusted, forgetVerdicts, inGrammar, trustedBlock } from '../../src/model/block-trust.js';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';

const HEAD = '---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-06\n---\n\n';
const scan = (body: string): SecDocument => scanDocument(`${HEAD}${body}\n`, 'x.md').doc!;
const meta = scan('x').meta;

describe('block-trust', () => {
  it('trusts text in the grammar without a parse, and asks remark about the rest', () => {
    const { blocks } = scan('G3.5 The **DCC** shall notify the Panel.\n\nG3.6 The DCC shall see [the Panel](#x).\n\nG3.7 The _DCC_ shall act.');
    expect(inGrammar(blocks[0]!, 'in-order')).toBe(true);
    expect(inGrammar(blocks[1]!, 'in-order')).toBe(false);
    expect(trustedBlock(meta, blocks[1]!, 'in-order')).toBe(true);
    // The scan keeps '_DCC_', remark writes '*DCC*': not trusted, twice (the second answer from the cache).
    expect(trustedBlock(meta, blocks[2]!, 'in-order')).toBe(false);
    expect(trustedBlock(meta, blocks[2]!, 'in-order')).toBe(false);
  });

  it('keys its verdicts by alignment too: the same cells under another delimiter line are judged on their own', () => {
    // '&' is outside the grammar, so each header goes to the parser, in the order left, right, left.
    const left = scan('| A & B | C |\n| :-- | --- |\n| x | y |').blocks[0]!;
    const right = scan('| A & B | C |\n| --: | --- |\n| x | y |').blocks[0]!;
    expect(left.align).not.toEqual(right.align);
    for (const header of [left, right, left]) {
      expect(inGrammar(header, 'in-order')).toBe(false);
      // The straightforward computation: the header's own lines through remark give it back.
      const parsed = parseDocument(`${HEAD}${blockLines(header).join('\n')}\n`, 'x.md').doc!.blocks[0]!;
      expect(agreesWithParser(meta, header)).toBe(parsed.align!.join() === header.align!.join() && parsed.cells!.join() === header.cells!.join());
    }
  });

  it('renumbers footnote references for the reader, and leaves footnotes to the full path for the diff', () => {
    const source = 'G3.5 The DCC[^1] shall notify the Panel[^2].\n\n[^1]: Within a day.\n\n[^2]: In writing.';
    const { blocks } = scan(source);
    expect(parseDocument(`${HEAD}${source}\n`, 'x.md').doc!.blocks.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
    // A reference other than 1 is read in a document of its own, numbered 1 there.
    const third: Block = { ...blocks[0]!, text: 'The DCC[^3] shall see [the Panel](#x).' };
    expect(inGrammar(third, 'in-order')).toBe(false);
    expect(trustedBlock(meta, third, 'in-order')).toBe(true);
    expect(trustedBlock(meta, blocks[0]!, 'in-order')).toBe(true);
    expect(trustedBlock(meta, blocks[1]!, 'in-order')).toBe(true);
    expect(trustedBlock(meta, blocks[0]!, 'unchecked')).toBe(false);
    expect(trustedBlock(meta, blocks[1]!, 'unchecked')).toBe(false);
  });

  it('asks remark in batches and answers exactly as block by block', () => {
    // Text that stays in the grammar, needs the parser and agrees, needs it and disagrees, or could tie one
    // block of a batch to the next (a link definition, an open fence or HTML block, a footnote).
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom('the DCC', 'shall', '*Panel*', '[the Code](#c)', '\\*x\\*', '<u>y</u>'), weight: 12 },
      { arbitrary: fc.constantFrom('_x_', '&amp;', 'a  b', '[x]', '[^1]'), weight: 1 },
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((ps) => ps.join(' '));
    const line = fc.oneof(
      { arbitrary: text.map((t) => `G3.5 ${t}`), weight: 4 },
      { arbitrary: text, weight: 4 },
      { arbitrary: text.map((t) => `- (a) ${t}`), weight: 4 },
      { arbitrary: fc.constantFrom('[x]: /url', '```', '<div>', '[^1]: A note.'), weight: 1 },
    );
    const block = fc.tuple(line, fc.boolean()).map(([l, row]) => (row && !l.startsWith('[') && !l.startsWith('`') ? `| H | I |\n| --- | --- |\n| ${l.replace(/^- /, '')} | z |` : l));
    let batched = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.constantFrom('in-order' as const, 'unchecked' as const), (bodies, footnotes) => {
        const doc = scanDocument(`${HEAD}${bodies.join('\n\n')}\n`, 'x.md').doc;
        if (!doc) return;
        forgetVerdicts();
        const one = doc.blocks.every((b) => trustedBlock(doc.meta, b, footnotes));
        forgetVerdicts();
        expect(allTrusted(doc.meta, doc.blocks, footnotes), bodies.join(' / ')).toBe(one);
        if (one && doc.blocks.filter((b) => !inGrammar(b, footnotes)).length > 1) batched++;
      }),
      { numRuns: runs(60) },
    );
    expect(batched).toBeGreaterThan(3); // batches that agree do occur
  });
});
