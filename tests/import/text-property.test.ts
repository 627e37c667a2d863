// Property: whatever characters a Word paragraph holds, the imported block reads (as plain text) exactly as Word
// shows it, with whitespace runs as one space — Markdown's special characters are escaped, never interpreted.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { buildDocx } from './docx-builder.js';
import { importDocx } from '../../src/import/index.js';
import { plainText } from '../../src/model/plain-text.js';

const CHARS = [...'abcXYZ019 .,;:()[]{}*_`#|\\<>&!~+-=@/\'"%£\u00a0\t'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('import: text survives as Word shows it', () => {
  it('clause text and table cells, any characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 40 }).map((a) => a.join('')), fc.boolean(), (text, bold) => {
        const shown = text.replace(/[\s\u00a0]+/g, ' ').trim();
        fc.pre(shown !== '');
        const run = `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
        const body = `<w:p><w:r><w:t xml:space="preserve">G1.1 </w:t></w:r>${run}</w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Key</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p>${run}</w:p></w:tc></w:tr></w:tbl>`;
        const res = importDocx(buildDocx({ custom: { kind: 'section', code: 'G', version: 'v1' }, title: 'Security', body }), 'p.docx');
        const clause = res.doc.blocks.find((b) => b.kind === 'clause');
        expect(clause?.label).toBe('G1.1');
        expect(plainText(clause!.text)).toBe(shown);
        const row = res.doc.blocks.find((b) => b.kind === 'row');
        expect(plainText((row!.cells![0] ?? '').replace(/\\\|/g, '|'))).toBe(shown);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('import: the fast spelling of runs is the stringifier’s', () => {
  it('inlineMarkdown equals remark-stringify of the same runs', async () => {
    const { inlineMarkdown, normalizeSegments, phrasing } = await import('../../src/import/inline.js');
    const { stringifyInline } = await import('../../src/model/inline.js');
    const words = fc.array(fc.constantFrom('the', 'DCC', 'Smart Meter', 'x', '£10', '5%', '(a)', 'a.b', '*', '_', '`', ' ', '  ', ',', '.', '3.5'), { minLength: 1, maxLength: 4 }).map((a) => a.join(' '));
    const segment = fc.record({ text: words, bold: fc.boolean(), italic: fc.boolean(), code: fc.boolean() }).map((s) => ({ ...s, code: s.code && !s.bold && !s.italic }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segs) => {
        const norm = normalizeSegments(segs);
        expect(inlineMarkdown('', segs)).toBe(stringifyInline(phrasing(norm)));
      }),
      { numRuns: runs(300) },
    );
  });
});
