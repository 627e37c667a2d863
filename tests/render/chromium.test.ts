// Headless Chromium as a real reader of the HTML page: printed to PDF, the page shows every block of the
// fixture (every construct the renderer knows) with its number or label, in document order, and the contents.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentView, renderDocumentHtml } from '../../src/render/document/index.js';
import { plainText } from '../../src/model/index.js';
import { requireTool } from '../helpers/tools.js';
import { FIXTURE, load, norm } from './helpers.js';

const ready = requireTool('chromium') && requireTool('pdftotext');

describe.skipIf(!ready)('Chromium prints the HTML page', () => {
  const doc = load(FIXTURE);
  let dir = '';
  let text = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'render-chromium-'));
    const html = join(dir, 'section-X.html');
    writeFileSync(html, renderDocumentHtml(documentView(doc, { date: '2024-06-27' })));
    const pdf = join(dir, 'section-X.pdf');
    spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(html).href], { timeout: 120_000, stdio: 'ignore' });
    if (existsSync(pdf)) text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  }, 150_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every block, number first, in document order', () => {
    expect(text).not.toBe('');
    const flat = norm(text);
    let at = flat.indexOf('Contents');
    expect(at).toBeGreaterThan(0);
    for (const b of doc.blocks) {
      const cells = b.cells ?? [];
      const pieces = b.kind === 'table' || b.kind === 'row' ? cells.map((c) => norm(plainText(c))) : [norm([b.label, plainText(b.text)].filter((x) => x !== '').join(' '))];
      const words = b.kind === 'table' || b.kind === 'row' ? 1 : 3;
      for (const p of pieces) {
        // Lines and table cells wrap (a cell's next line sits beside the next cell): compare the first words.
        const head = p.split(' ').slice(0, words).join(' ');
        const i = flat.indexOf(head, at);
        expect(i, `${b.id}: ${head}`).toBeGreaterThanOrEqual(at);
        at = i;
      }
    }
  });
});
