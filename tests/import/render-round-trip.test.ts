// Round trip with the whole-document renderer (issue 13): for every shipped sample, import(render(doc)) is the
// document byte for byte. The renderer lands in another branch; until it is merged this file skips, loudly.

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDocument } from '../../src/model/read-document.js';
import { importDocx } from '../../src/import/index.js';

const root = resolve(import.meta.dirname, '../..');
const rendererPath = join(root, 'src/render/document/index.ts');
const present = existsSync(rendererPath);
if (!present) console.warn('\n!!! SKIPPING: the whole-document renderer (src/render/document/) is not in this tree yet.\n');

interface Renderer {
  documentView(doc: unknown, options: { date: string | null }): unknown;
  renderDocumentDocx(view: unknown): Uint8Array;
}

describe.skipIf(!present)('import(render(doc)) is the document', () => {
  const samples = readdirSync(join(root, 'sections')).filter((n) => n.endsWith('.md')).sort();
  for (const name of samples) {
    it(name, async () => {
      // A computed path, so the type check does not need the module before it exists.
      const r = (await import(/* @vite-ignore */ rendererPath)) as Renderer;
      const source = readFileSync(join(root, 'sections', name), 'utf8');
      const { doc } = readDocument(source, name);
      expect(doc).not.toBeNull();
      const bytes = r.renderDocumentDocx(r.documentView(doc, { date: null }));
      expect(importDocx(bytes, name.replace(/\.md$/, '.docx')).markdown).toBe(source);
    });
  }

  it('footnotes (one referenced twice, one with a link), continuation paragraphs at two depths and nested unlabelled bullets', async () => {
    const r = (await import(/* @vite-ignore */ rendererPath)) as Renderer;
    const source = readFileSync(join(root, 'tests/fixtures/import/render-constructs.md'), 'utf8');
    const { doc } = readDocument(source, 'section-Q.md');
    expect(doc).not.toBeNull();
    expect(doc!.blocks.map((b) => b.id)).toContain('Q1.1(a)(i)/p1');
    expect(doc!.blocks.map((b) => b.id)).toContain('Q1.1/bullet1/bullet1');
    const res = importDocx(r.renderDocumentDocx(r.documentView(doc, { date: null })), 'section-Q.docx');
    expect(res.markdown).toBe(source);
    expect(res.problems.map((p) => p.message)).toEqual(['A table of contents (2 entries) was left out: it is generated from the headings']);
  });
});
