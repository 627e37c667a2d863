// The Annex A as a reviewer meets it in a word processor. LibreOffice's own Accept All / Reject All (run
// headless through its scripting interface, one soffice for this file) and pandoc must give exactly the
// amended and the current clauses — nothing removed from what they read but the annex's own instruction,
// heading and ellipsis paragraphs, which the expected lines carry too. Item notes are Word comments authored
// by the role ('SECAS'; 'SECAS (MP250)' in a release), never text; every revision of a release redline is
// authored by its modification; every part of every mode passes the ECMA-376 schemas.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { pandocUnits, type Unit } from '../docx/pandoc.js';
import { diffTrees } from '../../src/diff/trees.js';
import { directoryReader } from '../../src/cli/tree-readers.js';
import { actualLines, expectedLines } from '../docx/oracle.js';
import { readZip } from '../docx/zip-reader.js';
import { parseXml, elements, textOf, type XmlElement } from '../docx/xml-tree.js';

const REPO = join(import.meta.dirname, '..', '..');
const CHANGES = 'annexes/housekeeping-2024/changes.yaml';
const DATE = '2024-05-22T00:00:00Z';
const MODES: DocxMode[] = ['visual', 'tracked', 'clean'];

const ctx: CliContext = { argv: [], cwd: REPO, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };

function fromChangeLog(changes: string): AnnexDocument {
  const { log, result } = runChangeLog(changes, 'sections', false, ctx);
  const meta = { modId: log.modification.id, title: log.modification.title, drafter: log.drafter, date: log.date, release: log.release };
  return buildAnnex(result.redline, meta, { items: log.items.map((i) => ({ id: i.id, summary: i.summary })) });
}

function part(docx: Uint8Array, name: string): XmlElement | null {
  const item = readZip(docx).find((i) => i.name === name);
  return item ? parseXml(new TextDecoder().decode(item.data)) : null;
}

const annex = fromChangeLog(CHANGES);
// tests/fixtures/word-review: a paragraph inserted right before a table, a row of long identifiers.
const fixture = fromChangeLog('tests/fixtures/word-review/changes.yaml');
const fixtureTracked = renderAnnexDocx(fixture, { mode: 'tracked', date: DATE });
const fixtureVisual = renderAnnexDocx(fixture, { mode: 'visual', date: DATE });

/** A comparison whose new text drops the paragraph right before the F4 table of Pages. */
function droppedBeforeTable(): { annex: AnnexDocument; docx: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'word-review-cmp-'));
  try {
    cpSync(join(REPO, 'sections'), join(dir, 'new'), { recursive: true });
    const f = join(dir, 'new', 'section-F.md');
    const text = readFileSync(f, 'utf8');
    const dropped = text.replace('The sub-GHz channels available to a Dual Band Communications Hub are grouped into the following Pages.\n\n', '');
    expect(dropped).not.toBe(text);
    writeFileSync(f, dropped);
    const { redline } = diffTrees(directoryReader('sections', REPO), directoryReader(join(dir, 'new'), REPO), {});
    const cmp = buildAnnex(redline, { modId: 'Comparison', title: 'sections → new', drafter: 'SECAS', comparison: { from: 'sections', to: 'new' } });
    return { annex: cmp, docx: renderAnnexDocx(cmp, { mode: 'tracked', date: null }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const dropped = droppedBeforeTable();

/** The unit right before the first table whose header starts with 'Page'. */
function beforePagesTable(units: readonly Unit[]): Unit | undefined {
  const i = units.findIndex((u) => u.style === 'table' && u.rows?.[0]?.[0] === 'Page');
  return i > 0 ? units[i - 1] : undefined;
}
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

  it('a paragraph inserted or deleted right before a table uses Word\'s pattern: the mark of the paragraph before it', () => {
    const paragraphs = elements(part(fixtureTracked, 'word/document.xml')!, 'w:p');
    const i = paragraphs.findIndex((p) => textOf(p).startsWith('Each Page is listed'));
    const mark = (p: XmlElement | undefined): string | null => {
      const rPr = p && elements(p, 'w:pPr')[0] ? elements(elements(p, 'w:pPr')[0]!, 'w:rPr')[0] : undefined;
      return rPr ? (elements(rPr, 'w:ins').length ? 'ins' : elements(rPr, 'w:del').length ? 'del' : null) : null;
    };
    expect(mark(paragraphs[i])).toBeNull();
    expect(textOf(paragraphs[i - 1]!)).toMatch(/^The sub-GHz channels/);
    expect(mark(paragraphs[i - 1])).toBe('ins');
  });

  it('cells of inserted rows have their paragraph marks marked too', () => {
    const rows = elements(part(fixtureTracked, 'word/document.xml')!, 'w:tr').filter((r) => textOf(r).startsWith('Page 32'));
    expect(rows.length).toBe(1);
    for (const p of elements(rows[0]!, 'w:p')) expect(elements(elements(p, 'w:pPr')[0]!, 'w:ins').length).toBe(1);
  });

  it('the cover page has no running header; clean mode does not say "redlined"', () => {
    const doc = part(docx.visual, 'word/document.xml')!;
    const sectPr = elements(doc, 'w:sectPr')[0]!;
    expect(elements(sectPr, 'w:titlePg').length).toBe(1);
    const first = elements(sectPr, 'w:headerReference').find((h) => h.attrs['w:type'] === 'first');
    expect(first).toBeDefined();
    expect(textOf(part(docx.visual, 'word/header2.xml')!)).toBe('');
    expect(textOf(part(docx.visual, 'word/footer2.xml')!)).toContain('Classification of White');
    expect(textOf(part(docx.clean, 'word/document.xml')!)).not.toContain('Redlined against');
    expect(textOf(part(docx.clean, 'word/document.xml')!)).toContain('Shown as amended; drafted against SEC 2024-02');
  });

  it('headings: Heading 1 only, none before the title block ends; no Heading 2 before the first Heading 1', () => {
    const styles = elements(part(docx.visual, 'word/document.xml')!, 'w:pStyle').map((s) => s.attrs['w:val']);
    const first1 = styles.indexOf('Heading1');
    const first2 = styles.indexOf('Heading2');
    expect(first1).toBeGreaterThan(0);
    expect(first2 === -1 || first2 > first1).toBe(true);
  });

  it('the tab after a clause number is never underlined or struck', () => {
    const doc = part(docx.visual, 'word/document.xml')!;
    for (const r of elements(doc, 'w:r')) {
      if (elements(r, 'w:tab').length === 0) continue;
      expect(elements(r, 'w:rStyle').map((s) => s.attrs['w:val'])).not.toContain('InsertedText');
      expect(elements(r, 'w:rStyle').map((s) => s.attrs['w:val'])).not.toContain('DeletedText');
    }
  });

  it('tracked mode switches on change tracking; the others do not', () => {
    expect(elements(part(docx.tracked, 'word/settings.xml')!, 'w:trackRevisions').length).toBe(1);
    expect(elements(part(docx.visual, 'word/settings.xml')!, 'w:trackRevisions').length).toBe(0);
  });
});

describe('the items table and the impact matrix', () => {
  it('have a Heading 1, and a header and footer with the classification and page numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tables-'));
    try {
      expect((await runCli(['table', CHANGES, '-o', join(dir, 'items.docx')], REPO)).code).toBe(0);
      expect((await runCli(['release', 'releases/example.yaml', '--matrix', '-o', join(dir, 'matrix.docx')], REPO)).code).toBe(0);
      for (const name of ['items.docx', 'matrix.docx']) {
        const file = readFileSync(join(dir, name));
        const styles = elements(part(file, 'word/document.xml')!, 'w:pStyle').map((s) => s.attrs['w:val']);
        expect(styles).toContain('Heading1');
        expect(textOf(part(file, 'word/footer1.xml')!)).toContain('This document has a Classification of White');
        expect(elements(part(file, 'word/footer1.xml')!, 'w:instrText').map((e) => textOf(e).trim())).toEqual(['PAGE', 'NUMPAGES']);
        expect(textOf(part(file, 'word/header1.xml')!)).not.toBe('');
      }
      if (canValidateDocx()) expect(validateDocx(join(dir, 'items.docx'), join(dir, 'matrix.docx'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!canValidateDocx())('ECMA-376 schemas', () => {
  it('every part of every mode is valid, and of both release redlines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-validate-'));
    expect((await runCli(['release', 'releases/example.yaml', '--out', join(dir, 'release')], REPO)).code).toBe(0);
    try {
      const files = MODES.map((m) => {
        const f = join(dir, `annex-${m}.docx`);
        writeFileSync(f, docx[m]);
        return f;
      });
      for (const [name, data] of [['fixture-tracked', fixtureTracked], ['fixture-visual', fixtureVisual], ['dropped', dropped.docx]] as const) {
        const f = join(dir, `${name}.docx`);
        writeFileSync(f, data);
        files.push(f);
      }
      files.push(join(dir, 'release', 'release-redline.docx'), join(dir, 'release', 'release-redline-tracked.docx'));
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
      expect(actualLines(pandocUnits(fixtureTracked, side))).toEqual(expectedLines(fixture, side));
      expect(actualLines(pandocUnits(dropped.docx, side))).toEqual(expectedLines(dropped.annex, side));
    });
  }
});

describe.skipIf(!canRunSofficeMacros())("LibreOffice's own Accept All / Reject All", () => {
  let results: SofficeResult[] = [];
  let release: { tracked: Uint8Array; visual: Uint8Array; dir: string } | null = null;
  let pdf = '';
  let pdfHousekeeping = '';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'word-review-'));
    const r = await runCli(['release', 'releases/example.yaml', '--out', join(dir, 'out')], REPO);
    expect(r.code).toBe(0);
    release = { tracked: readFileSync(join(dir, 'out', 'release-redline-tracked.docx')), visual: readFileSync(join(dir, 'out', 'release-redline.docx')), dir };
    pdf = join(dir, 'fixture-visual.pdf');
    pdfHousekeeping = join(dir, 'housekeeping-visual.pdf');
    results = sofficeRevisions([
      { docx: docx.tracked, action: 'accept' },
      { docx: docx.tracked, action: 'reject' },
      { docx: docx.visual, action: 'none', pdf: pdfHousekeeping },
      { docx: release.tracked, action: 'accept' },
      { docx: release.tracked, action: 'reject' },
      { docx: fixtureTracked, action: 'accept' },
      { docx: fixtureTracked, action: 'reject' },
      { docx: dropped.docx, action: 'accept' },
      { docx: dropped.docx, action: 'reject' },
      { docx: fixtureVisual, action: 'none', pdf },
      { docx: release.visual, action: 'none' },
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
    // G3.5 is changed by two modifications: each revision says which, and each has its own comment.
    const g35 = elements(doc, 'w:p').find((p) => textOf(p).startsWith('G3.5') && !textOf(p).startsWith('G3.5A'))!;
    const g35Authors = new Set([...elements(g35, 'w:ins'), ...elements(g35, 'w:del')].map((r) => r.attrs['w:author']));
    expect(g35Authors).toEqual(new Set(['SECAS (MP250)', 'SECAS (MP260)']));
    const g35Notes = elements(g35, 'w:commentReference').map((r) => Number(r.attrs['w:id']));
    const comments = elements(part(release!.tracked, 'word/comments.xml')!, 'w:comment');
    const noteAuthors = g35Notes.map((id) => comments.find((c) => Number(c.attrs['w:id']) === id)!.attrs['w:author']);
    expect(new Set(noteAuthors)).toEqual(new Set(['SECAS (MP250)', 'SECAS (MP260)']));
    // The legend says so, and names the targeted modification left out.
    const visual = results[10]!;
    const about = visual.units.map((u) => u.text).join('\n');
    expect(about).toContain('SECAS (MP250)');
    expect(about).toContain('Not included: MP261 (targeted)');
    expect(about).not.toMatch(/\[(MP\d+ item|Item)/);
    expect(about).toContain('for example “MP250 item 1: …”');
    expect(about).not.toMatch(/“Item \d/);
  });

  it('a paragraph inserted right before a table: Reject All leaves the paragraph before it, not an empty one', () => {
    const [accept, reject] = [results[5]!, results[6]!];
    expect(actualLines(accept.units)).toEqual(expectedLines(fixture, 'accept'));
    expect(actualLines(reject.units)).toEqual(expectedLines(fixture, 'reject'));
    expect(beforePagesTable(accept.units)?.text).toBe('Each Page is listed in the table below with the band and channels it covers.');
    expect(beforePagesTable(reject.units)?.text).toBe('The sub-GHz channels available to a Dual Band Communications Hub are grouped into the following Pages.');
    // The inserted row goes on Reject All, stays on Accept All.
    const pages = (r: SofficeResult): string[] => r.units.find((u) => u.style === 'table' && u.rows?.[0]?.[0] === 'Page')!.rows!.map((row) => row[0]!);
    expect(pages(accept)).toContain('Page 32');
    expect(pages(reject)).not.toContain('Page 32');
  });

  it('a paragraph deleted right before a table: Accept All leaves the paragraph before it, not an empty one', () => {
    const [accept, reject] = [results[7]!, results[8]!];
    expect(actualLines(accept.units)).toEqual(expectedLines(dropped.annex, 'accept'));
    expect(actualLines(reject.units)).toEqual(expectedLines(dropped.annex, 'reject'));
    expect(beforePagesTable(accept.units)?.text).toMatch(/^This Annex sets out the rules/);
    expect(beforePagesTable(reject.units)?.text).toMatch(/^The sub-GHz channels available/);
  });

  it.skipIf(!requireTool('pdftotext'))('identifiers in table columns are not split across lines', () => {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }) + execFileSync('pdftotext', ['-layout', pdfHousekeeping, '-'], { encoding: 'utf8' });
    // The F4 table of Pages is shown whole in the housekeeping annex (it is short and unchanged).
    for (const id of ['LowerBandSubGHzChannels0To26', 'LowerBandSubGHzChannels35To61', 'UpperBandSubGHzChannels27To34', 'Frequency band', 'Mandatory']) expect(text).toContain(id);
  });
});
