// pandoc as an independent reader of the rendered DOCX: after the title page and the table of contents, the
// body is the document's plain text, block by block (numbered headings as Word headings, every clause with its
// number, every table row), for every sample document and the fixture with every construct.

import { describe, expect, it } from 'vitest';
import { documentView, renderDocumentDocx } from '../../src/render/document/index.js';
import { pandocUnits, runPandoc } from '../docx/pandoc.js';
import { requireTool } from '../helpers/tools.js';
import { actualLines, allDocuments, expectedLines } from './helpers.js';

const ready = requireTool('pandoc');

describe.skipIf(!ready)('pandoc reads the rendered document', () => {
  for (const [name, doc] of allDocuments()) {
    it(`${name}: the body equals the plain text, block by block`, () => {
      const docx = renderDocumentDocx(documentView(doc, { date: '2024-06-27' }));
      const lines = actualLines(pandocUnits(docx, 'all'));
      expect(lines).toEqual(expectedLines(doc));
    });
  }

  it('the title page and the contents come first, the contents listing every part', () => {
    const doc = allDocuments().get('section-G.md')!;
    const docx = renderDocumentDocx(documentView(doc, { date: '2024-06-27' }));
    // pandoc takes the Title and Subtitle paragraphs of the title page as the document's metadata.
    const meta = (JSON.parse(runPandoc(docx, 'all', 'json', 'docx')) as { meta: Record<string, { c: { c?: string }[] }> }).meta;
    const words = (k: string): string => meta[k]!.c.map((x) => x.c ?? ' ').join('');
    expect(words('title')).toBe("Section G 'Security'");
    expect(words('subtitle')).toBe('Smart Energy Code');
    const md = runPandoc(docx, 'all', 'markdown', 'docx');
    expect(md).toMatch(/^Version SEC 2024-02\n\n27 June 2024\n\nContents\n/);
    const contents = md.slice(md.indexOf('Contents'), md.indexOf('# G1 '));
    for (const b of doc.blocks.filter((x) => x.kind === 'heading')) expect(contents.replace(/\s+/g, ' ')).toContain(`[${b.label} ${b.text}]`);
  });
});
