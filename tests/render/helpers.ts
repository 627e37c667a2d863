// Shared by the render tests: the documents rendered (every sample in sections/ and the fixture with every
// construct the renderer knows), and the plain text a reader should find, computed from the model directly
// (not from the renderer's view), block by block.

import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readDocument, plainText } from '../../src/model/index.js';
import type { SecDocument } from '../../src/model/types.js';
import type { Unit } from '../docx/pandoc.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const FIXTURE = join(REPO, 'tests', 'fixtures', 'render', 'section-X.md');

export function load(file: string): SecDocument {
  const { doc, problems } = readDocument(readFileSync(file, 'utf8'), file);
  if (!doc) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return doc;
}

/** Every sample document and the fixture, by file name. */
export function allDocuments(): Map<string, SecDocument> {
  const out = new Map<string, SecDocument>();
  for (const f of readdirSync(join(REPO, 'sections')).sort()) out.set(f, load(join(REPO, 'sections', f)));
  out.set('section-X.md', load(FIXTURE));
  return out;
}

export function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * What a reader sees, one line per block: 'H <number> <title>' for a numbered heading (a Word heading),
 * 'P <label> <text>' for everything else that is text, 'ROW <cell> ‖ <cell>' for a table's header and rows.
 */
export function expectedLines(doc: SecDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table' || b.kind === 'row') {
      out.push(`ROW ${(b.cells ?? []).map((c) => norm(plainText(c))).join(' ‖ ')}`);
      continue;
    }
    // An unlabelled bullet shows a bullet where a label would be.
    const label = b.kind === 'subpara' && b.label === '' ? '\u2022' : b.label;
    const text = norm([label, plainText(b.text)].filter((x) => x !== '').join(' '));
    const topHeading = b.kind === 'heading' && (b.label !== '' || b.depth === Math.min(...doc.blocks.filter((x) => x.kind === 'heading').map((x) => x.depth)));
    out.push(`${topHeading ? 'H' : 'P'} ${text}`);
  }
  return out;
}

/** pandoc's reading of the body, after the title page and the table of contents. */
export function actualLines(units: readonly Unit[]): string[] {
  let last = -1;
  units.forEach((u, i) => {
    if (/^(toc \d|TOC Heading|Title Meta)$/.test(u.style)) last = i;
  });
  const out: string[] = [];
  for (const u of units.slice(last + 1)) {
    if (u.style === 'table') {
      for (const r of u.rows ?? []) out.push(`ROW ${r.map(norm).join(' ‖ ')}`);
      continue;
    }
    const t = norm(u.text);
    if (t === '') continue;
    out.push(`${/^Heading \d$/.test(u.style) ? 'H' : 'P'} ${t}`);
  }
  return out;
}

/** Share of dark pixels on one page (pdftoppm -gray writes a binary PGM). */
export function inkOnPage(pdf: string, page: number, dir: string): number {
  const prefix = join(dir, `ink-${page}`);
  spawnSync('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), pdf, prefix]);
  const file = readdirSync(dir).find((f) => f.startsWith(`ink-${page}`) && f.endsWith('.pgm'));
  if (!file) return 0;
  const bytes = readFileSync(join(dir, file));
  rmSync(join(dir, file));
  // Header: 'P5', width, height, maxval, each followed by one whitespace byte.
  let fields = 0;
  let i = 0;
  while (fields < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    fields++;
  }
  const pixels = bytes.subarray(i + 1);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

