// The WordprocessingML itself: revision markup Word accepts (unique ids, w:delText only in deletions,
// paragraph-mark and row revisions), furniture that is never a revision, escaping, determinism.

import { describe, expect, it, vi, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildAnnex } from '../../src/annex/build.js';
import { renderAnnexDocx } from '../../src/render/docx/index.js';
import type { Redline } from '../../src/redline/types.js';
import { block, clause, doc, exampleRedline, META, tc, inserted, deleted, diffRedline } from '../annex/fixtures.js';
import { readZip, zipText } from './zip-reader.js';
import { child, elements, parseXml, textOf, type XmlElement } from './xml-tree.js';

const DATE = '2024-05-22T00:00:00Z';

function documentXml(docx: Uint8Array): XmlElement {
  return parseXml(zipText(docx, 'word/document.xml'));
}

function tracked(redline: Redline = exampleRedline()): XmlElement {
  return documentXml(renderAnnexDocx(buildAnnex(redline, META), { mode: 'tracked', date: DATE }));
}

/** Every element with its ancestors, for "inside a w:del" checks. */
function withAncestors(root: XmlElement): { el: XmlElement; path: XmlElement[] }[] {
  const out: { el: XmlElement; path: XmlElement[] }[] = [];
  const walk = (e: XmlElement, path: XmlElement[]): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      out.push({ el: c, path });
      walk(c, [...path, c]);
    }
  };
  walk(root, [root]);
  return out;
}

function styleOf(p: XmlElement): string | undefined {
  return child(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:pStyle')?.attrs['w:val'];
}

function markRevision(p: XmlElement): 'ins' | 'del' | null {
  const rPr = child(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:rPr');
  if (!rPr) return null;
  if (child(rPr, 'w:ins')) return 'ins';
  if (child(rPr, 'w:del')) return 'del';
  return null;
}

/** The w:r elements of a paragraph or row and the revision wrapper each sits in (if any). */
function runsWithWrapper(node: XmlElement): { run: XmlElement; wrapper: string | null }[] {
  const out: { run: XmlElement; wrapper: string | null }[] = [];
  const walk = (e: XmlElement, wrapper: string | null): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:r') out.push({ run: c, wrapper });
      else if (c.name === 'w:ins' || c.name === 'w:del') walk(c, c.name);
      else if (c.name !== 'w:pPr' && c.name !== 'w:trPr') walk(c, wrapper);
    }
  };
  walk(node, null);
  return out;
}

describe('tracked document.xml', () => {
  const root = tracked();
  const all = withAncestors(root);
  const revisions = all.filter(({ el }) => el.name === 'w:ins' || el.name === 'w:del').map(({ el }) => el);

  it('has revisions, each with a unique integer w:id, the author role and the date', () => {
    expect(revisions.length).toBeGreaterThan(20);
    const ids = revisions.map((r) => r.attrs['w:id']);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of revisions) {
      expect(r.attrs['w:author']).toBe('SECAS');
      expect(r.attrs['w:date']).toBe(DATE);
    }
  });

  it('puts deleted text in w:delText, never w:t, and w:delText only inside w:del', () => {
    const delTexts = all.filter(({ el }) => el.name === 'w:delText');
    expect(delTexts.length).toBeGreaterThan(5);
    for (const { path } of delTexts) expect(path.some((a) => a.name === 'w:del')).toBe(true);
    for (const { el, path } of all) {
      if (el.name === 'w:t') expect(path.some((a) => a.name === 'w:del')).toBe(false);
    }
  });

  it('marks the paragraph mark of wholly inserted and deleted paragraphs (or, before furniture, Word\'s pattern), and all their runs', () => {
    const check = (root: XmlElement, find: RegExp, kind: 'ins' | 'del'): void => {
      const paras = elements(root, 'w:p');
      const i = paras.findIndex((p) => find.test(textOf(p)));
      expect(i).toBeGreaterThan(0);
      const p = paras[i]!;
      for (const { wrapper } of runsWithWrapper(p)) expect(wrapper).toBe(`w:${kind}`);
      // Its own mark, or a plain mark with the mark of the paragraph before it (Word's pattern), or a plain
      // mark followed by an empty plain paragraph that takes the join.
      const own = markRevision(p);
      const prevMark = markRevision(paras[i - 1]!);
      const next = paras[i + 1];
      const spacer = next !== undefined && textOf(next) === '' && markRevision(next) === null;
      expect(own === kind || (own === null && (prevMark === kind || spacer))).toBe(true);
    };
    check(root, /^G3\.5A/, 'ins');
    check(tracked(diffRedline()), /The Panel shall review/, 'del');
    // A marked paragraph whose text is not all revised is the host of Word's pattern: the next one is revised.
    const paras = elements(root, 'w:p');
    paras.forEach((p, i) => {
      const kind = markRevision(p);
      if (!kind) return;
      const runs = runsWithWrapper(p);
      if (runs.every(({ wrapper }) => wrapper === `w:${kind}`)) return;
      const next = paras[i + 1]!;
      expect(runsWithWrapper(next).every(({ wrapper }) => wrapper === `w:${kind}`)).toBe(true);
    });
  });

  it('marks inserted and deleted table rows in w:trPr and every run in their cells', () => {
    const rows = elements(root, 'w:tr');
    const revised = rows.filter((r) => {
      const trPr = child(r, 'w:trPr');
      return trPr && (child(trPr, 'w:ins') || child(trPr, 'w:del'));
    });
    const texts = revised.map((r) => elements(r, 'w:t').concat(elements(r, 'w:delText')).map(textOf).join(''));
    expect(texts.some((t) => t.startsWith('E64'))).toBe(true);
    expect(texts.some((t) => t.startsWith('E62'))).toBe(true);
    expect(texts.some((t) => t.includes('SM WAN'))).toBe(true);
    for (const r of revised) {
      const trPr = child(r, 'w:trPr')!;
      const kind = child(trPr, 'w:ins') ? 'w:ins' : 'w:del';
      const runs = runsWithWrapper(r);
      expect(runs.length).toBeGreaterThan(0);
      for (const { wrapper } of runs) expect(wrapper).toBe(kind);
    }
  });

  it('never makes instructions, headings, notes or ellipses revisions', () => {
    for (const p of elements(root, 'w:p')) {
      const style = styleOf(p);
      if (style && ['Instruction', 'Heading1', 'Heading2', 'PartNote', 'Ellipsis', 'Title', 'Subtitle', 'AboutText', 'Legend', 'BasisItem'].includes(style)) {
        expect(elements(p, 'w:ins').length + elements(p, 'w:del').length).toBe(0);
      }
    }
  });

  it('writes clause numbers as literal text, never Word numbering', () => {
    expect(elements(root, 'w:numPr')).toEqual([]);
    expect(textOf(root)).toContain('G3.5A');
    expect(textOf(root)).toContain('3.8.17.1');
  });

  it('indents sub-paragraphs by depth, through clause styles rather than direct indents', () => {
    const styleOfText = (label: string): string => styleOf(elements(root, 'w:p').find((x) => textOf(x).startsWith(label))!)!;
    expect(styleOfText('G3.5The')).toBe('ClauseText');
    expect(styleOfText('(a)')).toBe('SubPara1');
    expect(styleOfText('(i)')).toBe('SubPara2');
    for (const p of elements(root, 'w:p')) expect(child(child(p, 'w:pPr')!, 'w:ind')).toBeUndefined();
    const styles = parseXml(zipText(renderAnnexDocx(buildAnnex(exampleRedline(), META), { mode: 'tracked', date: DATE }), 'word/styles.xml'));
    const left = (id: string): number => {
      const st = elements(styles, 'w:style').find((x) => x.attrs['w:styleId'] === id)!;
      return Number(elements(st, 'w:ind')[0]!.attrs['w:left']);
    };
    expect(left('SubPara1')).toBeGreaterThan(left('ClauseText'));
    expect(left('SubPara2')).toBeGreaterThan(left('SubPara1'));
  });
});

describe('escaping', () => {
  it('keeps & < > and quotes, drops characters XML cannot carry, and stays well-formed', () => {
    const weird = 'A & B <tag> "quoted" \'single\' \u0001bell \uFFFE end';
    const redline: Redline = {
      documents: [doc('section', 'G', 'Security & <Safety>', 'SEC "1"', [clause('G1.1', [block('clause', 'G1.1', 'G1.1', tc(weird, { ins: ' & more <b>' }))])])],
    };
    const docx = renderAnnexDocx(buildAnnex(redline, { ...META, title: `Q&A <"x">` }), { mode: 'tracked', date: DATE });
    for (const item of readZip(docx)) if (item.name.endsWith('.xml') || item.name.endsWith('.rels')) parseXml(new TextDecoder().decode(item.data));
    const text = textOf(documentXml(docx));
    expect(text).toContain('A & B <tag> "quoted" \'single\' bell  end');
    expect(text).toContain(' & more <b>');
    expect(text).toContain(`Q&A <"x">`);
    expect(text).not.toContain('\u0001');
  });

  it('preserves spaces in every text element', () => {
    const root = tracked();
    for (const t of [...elements(root, 'w:t'), ...elements(root, 'w:delText')]) expect(t.attrs['xml:space']).toBe('preserve');
  });
});

describe('visual and clean modes', () => {
  const annex = buildAnnex(exampleRedline(), META);

  it('visual: no revisions; deletions struck in red, insertions double-underlined in blue', () => {
    const root = documentXml(renderAnnexDocx(annex, { mode: 'visual', date: DATE }));
    expect(elements(root, 'w:ins').length + elements(root, 'w:del').length + elements(root, 'w:delText').length).toBe(0);
    const runs = elements(root, 'w:r');
    // The marks are the character styles 'Deleted Text' (struck, red) and 'Inserted Text' (double-underlined, blue).
    const styled = (id: string) => runs.filter((r) => { const p = child(r, 'w:rPr'); return p && child(p, 'w:rStyle')?.attrs['w:val'] === id; });
    const struck = styled('DeletedText');
    const underlined = styled('InsertedText');
    const styles = parseXml(zipText(renderAnnexDocx(annex, { mode: 'visual', date: DATE }), 'word/styles.xml'));
    const rPr = (id: string) => child(elements(styles, 'w:style').find((x) => x.attrs['w:styleId'] === id)!, 'w:rPr')!;
    expect(child(rPr('DeletedText'), 'w:strike')).toBeDefined();
    expect(child(rPr('DeletedText'), 'w:color')?.attrs['w:val']).toBe('FF0000');
    expect(child(rPr('InsertedText'), 'w:u')?.attrs['w:val']).toBe('double');
    expect(child(rPr('InsertedText'), 'w:color')?.attrs['w:val']).toBe('0000FF');
    expect(struck.map(textOf)).toContain('Fax');
    expect(underlined.map(textOf)).toContain('Email');
  });

  it('clean: no revisions and no deleted text', () => {
    const root = documentXml(renderAnnexDocx(annex, { mode: 'clean', date: DATE }));
    expect(elements(root, 'w:ins').length + elements(root, 'w:del').length + elements(root, 'w:delText').length).toBe(0);
    const text = textOf(root);
    expect(text).not.toContain('by Fax');
    expect(text).toContain('by Email');
    expect(text).not.toContain('E62');
    expect(text).toContain('E64');
    expect(text).not.toContain('[Item');
  });
});

describe('package', () => {
  const annex = buildAnnex(exampleRedline(), META);
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is byte-identical across runs and clocks', () => {
    const a = renderAnnexDocx(annex, { mode: 'tracked', date: DATE });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
    const b = renderAnnexDocx(buildAnnex(exampleRedline(), META), { mode: 'tracked', date: DATE });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const c = renderAnnexDocx(annex, { mode: 'tracked', date: '2024-05-23T00:00:00Z' });
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(false);
  });

  it('is byte-identical in another time zone (separate process)', () => {
    const script = `
      import { buildAnnex } from './src/annex/build.ts';
      import { renderAnnexDocx } from './src/render/docx/index.ts';
      import { exampleRedline, META } from './tests/annex/fixtures.ts';
      import { createHash } from 'node:crypto';
      const d = renderAnnexDocx(buildAnnex(exampleRedline(), META), { mode: 'tracked', date: '${DATE}' });
      process.stdout.write(createHash('sha256').update(d).digest('hex'));`;
    const run = (tz: string): string => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout;
    };
    const here = run('UTC');
    expect(here).toMatch(/^[0-9a-f]{64}$/);
    expect(run('Pacific/Auckland')).toBe(here);
  });

  it('has the fixed parts in a fixed order with fixed timestamps', () => {
    const docx = renderAnnexDocx(annex, { mode: 'visual', date: DATE });
    const items = readZip(docx);
    expect(items.map((i) => i.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/settings.xml',
      'word/fontTable.xml',
      'word/header1.xml',
      'word/footer1.xml',
      'word/header2.xml',
      'word/footer2.xml',
      'word/comments.xml',
    ]);
    for (const i of items) expect([i.time, i.date]).toEqual([0, 33]);
    for (const i of items) parseXml(new TextDecoder().decode(i.data));
  });

  it('has header, footer, styles and properties', () => {
    const docx = renderAnnexDocx(annex, { mode: 'tracked', date: DATE });
    const header = textOf(parseXml(zipText(docx, 'word/header1.xml')));
    expect(header).toContain('MP999 Annex A');
    const footer = parseXml(zipText(docx, 'word/footer1.xml'));
    expect(textOf(footer)).toContain('This document has a Classification of White');
    const instr = elements(footer, 'w:instrText').map(textOf).map((s) => s.trim());
    expect(instr).toEqual(['PAGE', 'NUMPAGES']);
    const styles = parseXml(zipText(docx, 'word/styles.xml'));
    const names = elements(styles, 'w:name').map((n) => n.attrs['w:val']);
    for (const n of ['Normal', 'Title', 'heading 1', 'heading 2', 'Annex Instruction']) expect(names).toContain(n);
    const core = zipText(docx, 'docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${DATE}</dcterms:created>`);
    expect(core).toContain('<dc:creator>SECAS</dc:creator>');
  });

  it('uses the author role given, and refuses a date that is not ISO 8601 UTC', () => {
    const docx = renderAnnexDocx(annex, { mode: 'tracked', date: DATE, author: 'Code Administrator' });
    const authors = new Set([...elements(documentXml(docx), 'w:ins'), ...elements(documentXml(docx), 'w:del')].map((e) => e.attrs['w:author']));
    expect([...authors]).toEqual(['Code Administrator']);
    expect(() => renderAnnexDocx(annex, { mode: 'tracked', date: '22/05/2024' })).toThrow(/ISO 8601/);
    expect(() => renderAnnexDocx(annex, { mode: 'tracked', date: '2024-05-22T00:00:00+01:00' })).toThrow(/UTC/);
  });

  it('ends the body with a plain paragraph when the last block is a wholly inserted one', () => {
    const redline: Redline = { documents: [doc('section', 'G', 'Security', 'SEC 1', [clause('G1.1', [block('clause', 'G1.1', 'G1.1', inserted('New.'))])])] };
    const body = child(tracked(redline), 'w:body')!;
    const kids = body.children.filter((c): c is XmlElement => typeof c !== 'string');
    const last = kids[kids.length - 2]!;
    expect(last.name).toBe('w:p');
    expect(markRevision(last)).toBeNull();
    const removed: Redline = { documents: [doc('section', 'G', 'Security', 'SEC 1', [clause('G1.1', [block('clause', 'G1.1', 'G1.1', deleted('Old.'))])])] };
    const kids2 = child(tracked(removed), 'w:body')!.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(markRevision(kids2[kids2.length - 2]!)).toBeNull();
  });
});
