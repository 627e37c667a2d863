// The Annex A as a reviewer meets it in a word processor. LibreOffice's own Accept All / Reject All (run
// headless through its scripting interface, one soffice for this file) and pandoc must give exactly the
// amended and the current clauses — nothing removed from what they read but the annex's own instruction,
// heading and ellipsis paragraphs, which the expected lines carry too. Item notes are Word comments authored
// by the role ('SECAS'; 'SECAS (MP250)' in a release), never text; every revision of a release redline is
// authored by its modification; every part of every mode passes the ECMA-376 schemas.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChangeLog } from '../../src/cli/run-change-log.js';
import type { CliContext } from '../../src/cli/context.js';
import { buildAnnex } from '../../src/annex/build.js';
import type { AnnexDocument } from '../../src/annex/types.js';
import { renderAnnexDocx, type DocxMode } from '../../src/render/docx/index.js';
import { requireTool } from '../helpers/tools.js';
import { canValidateDocx, validateDocx } from '../helpers/validate-docx.js';
import { canRunSofficeMacros, sofficeRevisions, type SofficeResult } from '../helpers/soffice-revisions.js';
import { runCli } from '../helpers/run-cli.js';
import { pandocUnits } from '../docx/pandoc.js';
import { actualLines, expectedLines } from '../docx/oracle.js';
import { readZip } from '../docx/zip-reader.js';
import { parseXml, elements, textOf, type XmlElement } from '../docx/xml-tree.js';

const REPO = join(import.meta.dirname, '..', '..');
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
const DATE = '2024-05-22T00:00:00Z';
const MODES: DocxMode[] = ['visual', 'tracked', 'clean'];

const ctx: CliContext = { argv: [], cwd: REPO, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };

function housekeeping(): AnnexDocument {
  const { log, result } = runChangeLog(CHANGES, 'sections', false, ctx);
  const meta = { modId: log.modification.id, title: log.modification.title, drafter: log.drafter, date: log.date, release: log.release };
  return buildAnnex(result.redline, meta, { items: log.items.map((i) => ({ id: i.id, summary: i.summary })) });
}

function part(docx: Uint8Array, name: string): XmlElement | null {
  const item = readZip(docx).find((i) => i.name === name);
  return item ? parseXml(new TextDecoder().decode(item.data)) : null;
}

const annex = housekeeping();
const docx = Object.fromEntries(MODES.map((m) => [m, renderAnnexDocx(annex, { mode: m, date: DATE })])) as Record<DocxMode, Uint8Array>;

describe('item notes are comments, never text', () => {
  it('tracked and visual: one comment per item per passage, authored by the role, worded "Item n: summary"', () => {
    for (const mode of ['tracked', 'visual'] as const) {
      const comments = elements(part(docx[mode], 'word/comments.xml')!, 'w:comment');
      expect(comments.length).toBe(annex.notes.length);
      // Every one of the 27 items has its note, and there are far fewer notes than the 47 old tags.
      expect(new Set(annex.notes.map((n) => n.item)).size).toBe(27);
      expect(annex.notes.length).toBeLessThan(40);
      for (const c of comments) expect(c.attrs['w:author']).toBe('SECAS');
      const doc = part(docx[mode], 'word/document.xml')!;
      const starts = elements(doc, 'w:commentRangeStart').map((e) => e.attrs['w:id']);
      const ends = elements(doc, 'w:commentRangeEnd').map((e) => e.attrs['w:id']);
      const refs = elements(doc, 'w:commentReference').map((e) => e.attrs['w:id']);
      expect(new Set(starts).size).toBe(comments.length);
      expect([...ends].sort()).toEqual([...starts].sort());
      expect([...refs].sort()).toEqual([...starts].sort());
    }
    const n14 = annex.notes.find((n) => n.item === '14')!;
    expect(n14.text).toMatch(/^Item 14: \S/);
  });

  it('no body text carries an item tag; clean mode has no comments', () => {
    for (const mode of MODES) {
      const text = elements(part(docx[mode], 'word/document.xml')!, 'w:t').map(textOf).join('');
      expect(text).not.toMatch(/\[Items? \d/);
    }
    expect(part(docx.clean, 'word/comments.xml')).toBeNull();
  });

  it('tracked mode switches on change tracking; the others do not', () => {
    expect(elements(part(docx.tracked, 'word/settings.xml')!, 'w:trackRevisions').length).toBe(1);
    expect(elements(part(docx.visual, 'word/settings.xml')!, 'w:trackRevisions').length).toBe(0);
  });
});

describe.skipIf(!canValidateDocx())('ECMA-376 schemas', () => {
  it('every part of every mode is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-validate-'));
    try {
      const files = MODES.map((m) => {
        const f = join(dir, `annex-${m}.docx`);
        writeFileSync(f, docx[m]);
        return f;
      });
      expect(validateDocx(...files)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!requireTool('pandoc'))('pandoc reads the tracked annex', () => {
  for (const side of ['accept', 'reject'] as const) {
    it(`${side}-all gives exactly the ${side === 'accept' ? 'amended' : 'current'} clauses`, () => {
      expect(actualLines(pandocUnits(docx.tracked, side))).toEqual(expectedLines(annex, side));
    });
  }
});

describe.skipIf(!canRunSofficeMacros())("LibreOffice's own Accept All / Reject All", () => {
  let results: SofficeResult[] = [];
  let release: { tracked: Uint8Array; visual: Uint8Array; dir: string } | null = null;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'word-review-'));
    const r = await runCli(['release', 'releases/example.yaml', '--out', join(dir, 'out')], REPO);
    expect(r.code).toBe(0);
    release = { tracked: readFileSync(join(dir, 'out', 'release-redline-tracked.docx')), visual: readFileSync(join(dir, 'out', 'release-redline.docx')), dir };
    results = sofficeRevisions([
      { docx: docx.tracked, action: 'accept' },
      { docx: docx.tracked, action: 'reject' },
      { docx: docx.visual, action: 'none' },
      { docx: release.tracked, action: 'accept' },
      { docx: release.tracked, action: 'reject' },
    ]);
  }, 300_000);
  afterAll(() => {
    if (release) rmSync(release.dir, { recursive: true, force: true });
  });

  it('Accept All gives exactly the amended clauses, Reject All exactly the current ones', () => {
    const [accept, reject] = results;
    expect(accept!.hadRevisions).toBe(true);
    expect(accept!.revisionsLeft).toBe(false);
    expect(reject!.revisionsLeft).toBe(false);
    expect(accept!.recordChanges).toBe(true);
    expect(actualLines(accept!.units)).toEqual(expectedLines(annex, 'accept'));
    expect(actualLines(reject!.units)).toEqual(expectedLines(annex, 'reject'));
  });

  it('LibreOffice shows the comments with their author and text', () => {
    const visual = results[2]!;
    expect(visual.hadRevisions).toBe(false);
    expect(visual.comments.length).toBe(annex.notes.length);
    expect(visual.comments.map((c) => c.content)).toEqual(expect.arrayContaining(annex.notes.map((n) => n.text)));
    expect(new Set(visual.comments.map((c) => c.author))).toEqual(new Set(['SECAS']));
  });

  it('the release redline: comments and revisions authored by modification; Accept/Reject All leave no tag', () => {
    const [, , , accept, reject] = results;
    const authors = new Set(accept!.comments.map((c) => c.author));
    expect(authors).toEqual(new Set(['SECAS (MP250)', 'SECAS (MP260)']));
    for (const r of [accept!, reject!]) {
      expect(r.revisionsLeft).toBe(false);
      for (const u of r.units) expect(u.text).not.toMatch(/\[(MP\d+ item|Items? \d)/);
    }
    const doc = part(release!.tracked, 'word/document.xml')!;
    const revisions = [...elements(doc, 'w:ins'), ...elements(doc, 'w:del')];
    expect(revisions.length).toBeGreaterThan(50);
    for (const rev of revisions) expect(rev.attrs['w:author']).toMatch(/^SECAS \(MP2\d\d(, MP2\d\d)*\)$/);
    const byMod = new Set(revisions.map((r) => r.attrs['w:author']));
    expect(byMod.has('SECAS (MP250)') && byMod.has('SECAS (MP260)')).toBe(true);
  });
});
