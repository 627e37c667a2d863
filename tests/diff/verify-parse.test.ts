// The tree diff trusts its line scan for a changed line when the line is canonical and the block is trusted by
// the reader's own check (verify-parse.ts, model/block-trust.ts). That judgement must be sound: whenever it
// trusts a line, remark must read it exactly as the line scan does.

import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/types.js';
import { parseDocument } from '../../src/model/parse.js';
import { scanDocument } from '../../src/model/scan.js';
import { inGrammar } from '../../src/model/block-trust.js';
import { sameBlockContent } from '../../src/diff/clauses.js';
import { canonicalLayout, canonicalSource, changedBlocksTrusted } from '../../src/diff/verify-parse.js';

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
  it('the changed-block check is sound: a line it trusts is read by remark as the scan reads it', () => {
    let trusted = 0;
    let grammar = 0;
    fc.assert(
      fc.property(line, (l) => {
        const isRow = l.startsWith('|');
        const source = isRow ? `| H1 | H2 |\n| --- | --- |\n${l}` : l;
        const scanned = scanOne(source);
        const block = scanned?.blocks[isRow ? 1 : 0];
        if (!block || scanned!.blocks.length !== (isRow ? 2 : 1)) return;
        // Both checks fast-document.ts makes: the clause's layout, then its changed blocks.
        if (!canonicalLayout(`${source}\n`, true)) return;
        if (!changedBlocksTrusted(scanned!.meta, [{ block, lines: [l], columns: isRow ? 2 : undefined }])) return;
        trusted++;
        if (inGrammar(block, 'unchecked')) grammar++;
        const parsed = parseDocument(HEAD + source + '\n', 'x.md').doc;
        expect(parsed?.blocks.length).toBe(scanned!.blocks.length);
        const got = parsed!.blocks[isRow ? 1 : 0]!;
        // Sub-paragraph depth is the layout check's business (tested below).
        expect(sameBlockContent(block.kind === 'subpara' ? { ...got, depth: block.depth } : got, block), l).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
    // The generator does produce trusted lines, most of them without a parse.
    expect(grammar).toBeGreaterThan(100);
    expect(trusted).toBeGreaterThanOrEqual(grammar);
  });

  it('sends blocks outside the grammar through remark and notices a disagreement', () => {
    const meta = scanOne('G3.5 x')!.meta;
    const good = scanOne('G3.5 The DCC shall notify [the Panel](#x).')!.blocks[0]!;
    expect(inGrammar(good, 'unchecked')).toBe(false);
    expect(changedBlocksTrusted(meta, [{ block: good, lines: ['G3.5 The DCC shall notify [the Panel](#x).'] }])).toBe(true);
    // The scan keeps a spelling remark writes differently ('_' emphasis becomes '*'): not canonical.
    const odd = scanOne('G3.5 The _DCC_ shall notify.')!.blocks[0]!;
    expect(changedBlocksTrusted(meta, [{ block: odd, lines: ['G3.5 The _DCC_ shall notify.'] }])).toBe(false);
  });

  it('leaves footnotes, rows of the wrong width and non-canonical lines to the full path', () => {
    const doc = scanOne('G3.5 The DCC[^1] shall notify.\n\n[^1]: Within a day.')!;
    const [ref, def] = doc.blocks as [Block, Block];
    // Whether '[^1]' is a reference, and how a definition is numbered, depends on the rest of the document.
    expect(changedBlocksTrusted(doc.meta, [{ block: ref, lines: ['G3.5 The DCC[^1] shall notify.'] }])).toBe(false);
    expect(changedBlocksTrusted(doc.meta, [{ block: def, lines: ['[^1]: Within a day.'] }])).toBe(false);
    const table = scanOne('| A | B | C |\n| --- | --- | --- |\n| x | y |')!;
    const row = table.blocks[1]!;
    expect(canonicalSource({ block: row, lines: ['| x | y |'], columns: 3 })).toBe(false);
    expect(canonicalSource({ block: row, lines: ['| x | y |'], columns: 2 })).toBe(true);
    expect(canonicalSource({ block: row, lines: ['| x | y |'] })).toBe(false);
    expect(canonicalSource({ block: table.blocks[0]!, lines: ['| A | B | C |', '| - | - | - |'] })).toBe(false);
    const clause = scanOne('G3.5  The DCC.')!.blocks[0]!;
    expect(canonicalSource({ block: clause, lines: ['G3.5  The DCC.'] })).toBe(false);
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
