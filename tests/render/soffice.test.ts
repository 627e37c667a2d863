// LibreOffice as a second real reader of the rendered DOCX: it converts the documents to PDF (one soffice run
// for all of them, as the file is opened, without updating anything), and the PDF's text holds every clause and
// heading number, the contents as written into the TOC field's result, and the page furniture; the title page
// and a page of clauses, rendered to pixels, are not blank.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentView, renderDocumentDocx } from '../../src/render/document/index.js';
import { plainText } from '../../src/model/index.js';
import { requireTool } from '../helpers/tools.js';
import { allDocuments, inkOnPage } from './helpers.js';

const NAMES = ['section-G.md', 'appendix-AD.md', 'section-X.md'];
const ready = requireTool('soffice') && requireTool('pdftotext') && requireTool('pdftoppm');

describe.skipIf(!ready)('LibreOffice converts the rendered documents to PDF', () => {
  const docs = allDocuments();
  let dir = '';
  const text = new Map<string, string>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'render-soffice-'));
    const files = NAMES.map((name) => {
      const file = join(dir, name.replace(/\.md$/, '.docx'));
      writeFileSync(file, renderDocumentDocx(documentView(docs.get(name)!, { date: '2024-06-27' })));
      return file;
    });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 180_000 });
    for (const name of NAMES) {
      const pdf = join(dir, name.replace(/\.md$/, '.pdf'));
      if (existsSync(pdf)) text.set(name, spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout);
    }
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of NAMES) {
    it(`${name}: every clause and heading number, the contents and the page furniture are in the PDF`, () => {
      const pdf = text.get(name);
      expect(pdf, 'converted').toBeDefined();
      const doc = docs.get(name)!;
      const flat = pdf!.replace(/\s+/g, ' ');
      const words = new Set(pdf!.split(/\s+/));
      for (const b of doc.blocks) if ((b.kind === 'clause' || b.kind === 'heading' || b.kind === 'subpara') && b.label !== '') expect(words.has(b.label), b.id).toBe(true);
      // The contents, as the TOC field's result shows it before any update: number, then title, then leader dots.
      const contents = flat.slice(flat.indexOf('Contents'));
      const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.depth === 2 && b.label !== '');
      for (const h of headings) expect(contents).toMatch(new RegExp(`${h.label.replace(/\./g, '\\.')} ${plainText(h.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s*\\.{3}`));
      expect(flat).toContain(`${doc.meta.version}`);
      expect(flat).toContain('This document has a Classification of White');
      expect(flat).toMatch(/Page 2 of \d+/);
    });
  }

  it('the title page and a page of clauses are not blank', () => {
    const pdf = join(dir, 'section-G.pdf');
    expect(inkOnPage(pdf, 1, dir)).toBeGreaterThan(0.002);
    expect(inkOnPage(pdf, 3, dir)).toBeGreaterThan(0.02);
  });
});
