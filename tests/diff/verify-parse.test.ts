// The tree diff skips the remark parse for changed lines it judges plain (verify-parse.ts). That judgement
// must be sound: whenever plainLine says a line is plain, remark must read it exactly as the line scan does.

import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/model/parse.js';
import { scanDocument } from '../../src/model/scan.js';
import { sameBlockContent } from '../../src/diff/clauses.js';
import { canonicalLayout, parserAgrees, plainLine } from '../../src/diff/verify-parse.js';

const HEAD = '---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-06\n---\n\n';

// Pieces that Markdown may read as syntax, mixed with ordinary words.
const piece = fc.constantFrom(
  'the', 'DCC', 'shall', 'G3.5', '(a)', '£35,000,000', '30.', '1)', '-', '+', '*', '**', '_', '`', '[x]', '(y)', '<br>', '&amp;', '!',
  '~~', '#', '=', '>', '\\', '\u00a0', '{', '}', '^', '$', '%', '…', '‘x’', 'http://example.org', 'www.example.org', 'a@b.org', ':', ';', "'", '"', '|', '  ', ' ', '\t', '3.8.17.1',
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join(' '));
const line = fc.oneof(
  text.map((t) => `G3.5 ${t}`),
  text,
  text.map((t) => `## ${t}`),
  text.map((t) => `- (a) ${t}`),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |`),
  fc.tuple(text, text).map(([a, b]) => `| **${a}** | ${b} |`),
);

function scanOne(source: string): ReturnType<typeof scanDocument>['doc'] {
  return scanDocument(HEAD + source + '\n', 'x.md').doc;
}

describe('verify-parse', () => {
  it('plainLine is sound: a line it calls plain is read by remark as the scan reads it', () => {
    let plain = 0;
    fc.assert(
      fc.property(line, (l) => {
        const isRow = l.startsWith('|');
        const source = isRow ? `| H1 | H2 |\n| --- | --- |\n${l}` : l;
        const scanned = scanOne(source);
        const block = scanned?.blocks[isRow ? 1 : 0];
        if (!block || scanned!.blocks.length !== (isRow ? 2 : 1)) return;
        if (!plainLine(block, l, 2)) return;
        plain++;
        const parsed = parseDocument(HEAD + source + '\n', 'x.md').doc;
        expect(parsed?.blocks.length).toBe(scanned!.blocks.length);
        const got = parsed!.blocks[isRow ? 1 : 0]!;
        // Sub-paragraph depth is the layout check's business (tested below).
        expect(sameBlockContent(block.kind === 'subpara' ? { ...got, depth: block.depth } : got, block), l).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
    expect(plain).toBeGreaterThan(100); // the generator does produce plain lines
  });

  it('parserAgrees sends non-plain blocks through remark and notices a disagreement', () => {
    const good = scanOne('G3.5 The *DCC* shall notify.')!.blocks[0]!;
    expect(parserAgrees(HEAD, [{ block: good, lines: ['G3.5 The *DCC* shall notify.'] }], 'x.md')).toBe(true);
    // The scan keeps a spelling remark writes differently ('_' emphasis becomes '*'): not canonical.
    const odd = scanOne('G3.5 The _DCC_ shall notify.')!.blocks[0]!;
    expect(parserAgrees(HEAD, [{ block: odd, lines: ['G3.5 The _DCC_ shall notify.'] }], 'x.md')).toBe(false);
  });

  it('canonicalLayout rejects wrapped paragraphs, lazy lines, indentation, tabs and trailing spaces', () => {
    expect(canonicalLayout('G3.5 Text.\n\n- (a) one;\n- (b) two.\n\n| A | B |\n| --- | --- |\n| x | y |\n\n', true)).toBe(true);
    expect(canonicalLayout('G3.5 Text\ncontinued.\n\n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text.\n\n- (a) one;\nlazy continuation\n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text.\n\n    code\n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text. \n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text.\tMore\n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text.\n', false)).toBe(false);
    // Nesting: a list starts at depth 1 and deepens one level at a time.
    expect(canonicalLayout('G3.5 Text.\n\n- (a) one;\n  - (i) two;\n    - (A) three;\n- (b) four.\n', true)).toBe(true);
    expect(canonicalLayout('G3.5 Text.\n\n  - (i) orphan;\n', true)).toBe(false);
    expect(canonicalLayout('G3.5 Text.\n\n- (a) one;\n    - (A) skips a level;\n', true)).toBe(false);
  });
});
