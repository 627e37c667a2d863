// Reads the main document part in one streaming pass: each paragraph and table under w:body becomes a record
// with its displayed text (runs, fields' results, hyperlinks, content controls unwrapped), its formatting, the
// number Word shows for it, its list level and indentation, footnote references (the notes' text collected in
// order of first reference), and what cannot be placed (endnotes, images, text boxes, equations). Tracked
// changes are taken as accepted or rejected, or counted so the caller can refuse them.

import type { NumberingEngine } from './numbering.js';
import type { Styles } from './styles.js';
import { headingLevelOfName, indentOf } from './styles.js';
import type { Relationship } from './package.js';
import type { Aside, BodyRecord, FootnoteRecord, ParaRecord, RevisionMark, Segment, TableRecord, TrackedMode } from './types.js';
import { child, onOff, textOf, val, type XmlElement } from './xml.js';

export interface BodyContext {
  styles: Styles;
  numbering: NumberingEngine;
  rels: Map<string, Relationship>;
  /** The footnotes part's relationships: a hyperlink inside a footnote is related from that part. */
  footnoteRels?: Map<string, Relationship>;
  tracked: TrackedMode;
  footnotes: Map<string, XmlElement>;
  endnotes: Map<string, XmlElement>;
  /** Numbering references to missing definitions, with the paragraph they were found in. */
  numberingProblems: { index: number; message: string }[];
}

/** Run formatting as inherited: direct properties over the character style's. */
interface RunFormat {
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** w:vanish: hidden text, which Word does not display. */
  hidden?: boolean;
}

const CODE_STYLE = /verbatim|code|source|monospace|preformatted|typewriter/i;

export class BodyReader {
  revisions = 0;
  /** Who made the tracked revisions and when (w:author, the day of w:date), as Word records them. */
  readonly revisionMarks: RevisionMark[] = [];
  commentRefs = 0;
  paragraphs = 0;
  hiddenRuns = 0;
  private fields: { phase: 'instr' | 'result' }[] = [];
  /** Footnotes by their Word id, numbered 1, 2, … in order of first reference (docs/format.md, 'Footnotes'). */
  private readonly footnoteIds = new Map<string, number>();
  readonly footnotes: FootnoteRecord[] = [];
  private endnoteNumber = 0;
  /** Paragraph whose mark was deleted (accept) or inserted (reject): its content joins the next paragraph. */
  private pendingJoin: ParaRecord | null = null;

  /** The relationships of the part being read: the main document's, or the footnotes part's inside a note. */
  private rels: Map<string, Relationship>;

  constructor(private readonly ctx: BodyContext) {
    this.rels = ctx.rels;
  }

  /** One element under w:body (or under a block-level content control). */
  block(el: XmlElement, out: BodyRecord[]): void {
    switch (el.name) {
      case 'w:p': {
        const p = this.paragraph(el);
        if (p) out.push(p);
        return;
      }
      case 'w:tbl':
        out.push(this.table(el));
        return;
      case 'w:sdt':
        for (const c of child(el, 'w:sdtContent')?.children ?? []) if (typeof c !== 'string') this.block(c, out);
        return;
      case 'w:customXml':
      case 'w:smartTag':
        for (const c of el.children) if (typeof c !== 'string') this.block(c, out);
        return;
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom': {
        // Block-level revision wrappers (rare): their paragraphs carry their own run-level marks too.
        this.revision(el);
        const keep = this.keepRevision(el.name);
        if (keep) for (const c of el.children) if (typeof c !== 'string') this.block(c, out);
        return;
      }
      default:
        return; // w:sectPr, bookmarks, w:proofErr …
    }
  }

  private keepRevision(name: string): boolean {
    const inserted = name === 'w:ins' || name === 'w:moveTo';
    return this.ctx.tracked === 'reject' ? !inserted : inserted;
  }

  private table(tbl: XmlElement): TableRecord {
    const index = this.paragraphs + 1;
    const rows: ParaRecord[][][] = [];
    for (const tr of this.rowsOf(tbl)) {
      const trPr = child(tr, 'w:trPr');
      // A tracked row insertion or deletion: the row is there or not.
      const rowIns = child(trPr, 'w:ins');
      const rowDel = child(trPr, 'w:del');
      if (rowIns || rowDel) this.revision((rowIns ?? rowDel)!);
      const dropped = (rowIns && this.ctx.tracked === 'reject') || (rowDel && this.ctx.tracked !== 'reject');
      const cells: ParaRecord[][] = [];
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const paras: ParaRecord[] = [];
        const vMerge = child(tcPr, 'w:vMerge');
        const continued = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
        for (const c of tc.children) {
          if (typeof c === 'string') continue;
          if (c.name === 'w:tbl') {
            // A table inside a cell: SEC Markdown cells hold text only; its text is kept, flattened, and reported.
            const nested = this.table(c);
            const first = paras[paras.length - 1] ?? this.emptyPara();
            first.asides.push({ what: 'nested table', text: nested.rows.map((r) => r.map((cell) => cell.map(plain).join(' ')).join(' | ')).join(' / ') });
            if (!paras.includes(first)) paras.push(first);
          } else {
            const tmp: BodyRecord[] = [];
            this.block(c, tmp);
            for (const r of tmp) if (r.kind === 'p') paras.push(r);
          }
        }
        cells.push(continued ? [] : paras);
        const span = Number(val(tcPr, 'w:gridSpan') ?? '1');
        for (let i = 1; i < span && i < 64; i++) cells.push([]);
      }
      if (!dropped) rows.push(cells);
    }
    return { kind: 'table', index, rows };
  }

  private rowsOf(tbl: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:tr') out.push(c);
        else if (c.name === 'w:sdt') walk(child(c, 'w:sdtContent') ?? c);
        else if (c.name === 'w:customXml') walk(c);
      }
    };
    walk(tbl);
    return out;
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:tc') out.push(c);
        else if (c.name === 'w:sdt') walk(child(c, 'w:sdtContent') ?? c);
        else if (c.name === 'w:customXml') walk(c);
      }
    };
    walk(tr);
    return out;
  }

  /** Counts one tracked revision (w:ins, w:del, w:pPrChange, …) and keeps its author and day. */
  private revision(el: XmlElement): void {
    this.revisions++;
    const author = el.attrs['w:author']?.trim();
    const day = /^\d{4}-\d{2}-\d{2}/.exec(el.attrs['w:date'] ?? '')?.[0];
    this.revisionMarks.push({ ...(author ? { author } : {}), ...(day ? { day } : {}) });
  }

  private emptyPara(): ParaRecord {
    return { kind: 'p', index: this.paragraphs, segments: [], headingLevel: null, isTitle: false, isToc: false, asides: [] };
  }

  private paragraph(p: XmlElement): ParaRecord | null {
    this.paragraphs++;
    let pPr = child(p, 'w:pPr');
    const change = child(pPr, 'w:pPrChange');
    if (change) {
      this.revision(change);
      if (this.ctx.tracked === 'reject') pPr = child(change, 'w:pPr') ?? pPr;
    }
    const styleId = val(pPr, 'w:pStyle') ?? this.ctx.styles.defaultParagraph;
    const chain = this.ctx.styles.chain(styleId);
    const styleName = chain[0]?.name;
    const record: ParaRecord = { kind: 'p', index: this.paragraphs, segments: [], headingLevel: null, isTitle: false, isToc: false, asides: [] };
    if (styleId !== undefined) record.styleId = styleId;
    if (styleName !== undefined) record.styleName = styleName;
    for (const s of chain) {
      const h = headingLevelOfName(s.name);
      if (h !== null) { record.headingLevel = h; break; }
    }
    const outline = val(pPr, 'w:outlineLvl') ?? chain.find((s) => s.outlineLvl !== undefined)?.outlineLvl?.toString();
    if (record.headingLevel === null && outline !== undefined && Number(outline) < 9) record.headingLevel = Number(outline) + 1;
    record.isTitle = chain.some((s) => /^(title|subtitle)$|^title ?meta$/i.test(s.name) || /^(Title|Subtitle|TitleMeta)$/.test(s.id));
    record.isToc = chain.some((s) => /^toc ?\d|^toc heading$/i.test(s.name));
    if (chain.some((s) => /cross[\s-]?heading/i.test(s.name))) record.isCrossHeading = true;
    const indent = indentOf(pPr) ?? chain.find((s) => s.left !== undefined)?.left;
    if (indent !== undefined) record.indent = indent;

    // The paragraph mark's own revision: a deleted mark (accepted) or an inserted one (rejected) joins this
    // paragraph's content to the next.
    const markRPr = child(pPr, 'w:rPr');
    const markIns = child(markRPr, 'w:ins') ?? child(markRPr, 'w:moveTo');
    const markDel = child(markRPr, 'w:del') ?? child(markRPr, 'w:moveFrom');
    if (markIns || markDel) this.revision((markIns ?? markDel)!);
    const joins = (markDel && this.ctx.tracked !== 'reject') || (markIns && this.ctx.tracked === 'reject');

    const base: RunFormat = { bold: false, italic: false, code: false };
    this.inline(p, base, record);

    if (!joins) {
      const np = this.ctx.numbering.numPrOf(pPr, styleId);
      if (np) {
        record.listLevel = np.ilvl;
        const label = this.ctx.numbering.next(np.numId, np.ilvl);
        if ('message' in label) this.ctx.numberingProblems.push({ index: record.index, message: label.message });
        else if (label.text !== '' || label.format === 'bullet') record.label = label;
      }
    }
    if (this.pendingJoin) {
      record.segments = [...this.pendingJoin.segments, ...record.segments];
      record.asides = [...this.pendingJoin.asides, ...record.asides];
      this.pendingJoin = null;
    }
    if (joins) {
      this.pendingJoin = record;
      return null;
    }
    return record;
  }

  /** Walks the inline content of a paragraph (or of a hyperlink, field, content control …). */
  private inline(el: XmlElement, fmt: RunFormat, rec: ParaRecord, href?: string): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:r':
          this.run(c, fmt, rec, href);
          break;
        case 'w:hyperlink': {
          const id = c.attrs['r:id'];
          const rel = id !== undefined ? this.rels.get(id) : undefined;
          // Internal links (w:anchor) point at bookmarks, which SEC Markdown does not have: their text stays.
          this.inline(c, fmt, rec, rel?.external ? rel.target : href);
          break;
        }
        case 'w:fldSimple':
          // A simple field shows its result: the runs inside it.
          this.inline(c, fmt, rec, href);
          break;
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent') ?? c, fmt, rec, href);
          break;
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.inline(c, fmt, rec, href);
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:del':
        case 'w:moveFrom':
          this.revision(c);
          if (this.keepRevision(c.name)) this.inline(c, fmt, rec, href);
          break;
        case 'm:oMath':
        case 'm:oMathPara':
          rec.asides.push({ what: 'equation', text: mathText(c) });
          break;
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
        case 'w:bookmarkStart':
        case 'w:bookmarkEnd':
        case 'w:proofErr':
        case 'w:pPr':
          break;
        default:
          if (c.name === 'mc:AlternateContent') this.alternate(c, fmt, rec, href);
          break;
      }
    }
  }

  private alternate(c: XmlElement, fmt: RunFormat, rec: ParaRecord, href?: string): void {
    // Markup compatibility: read the first Choice (what Word shows); the Fallback repeats it for old readers.
    const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
    if (choice) this.inline(choice, fmt, rec, href);
  }

  private runFormat(r: XmlElement, base: RunFormat): RunFormat {
    let rPr = child(r, 'w:rPr');
    const change = child(rPr, 'w:rPrChange');
    if (change) {
      this.revision(change);
      if (this.ctx.tracked === 'reject') rPr = child(change, 'w:rPr') ?? rPr;
    }
    const fmt = { ...base };
    const rStyle = val(rPr, 'w:rStyle');
    for (const s of this.ctx.styles.chain(rStyle).reverse()) {
      if (s.bold !== undefined) fmt.bold = s.bold;
      if (s.italic !== undefined) fmt.italic = s.italic;
    }
    if (rStyle !== undefined && this.ctx.styles.chain(rStyle).some((s) => CODE_STYLE.test(s.name))) fmt.code = true;
    const b = onOff(rPr, 'w:b');
    if (b !== undefined) fmt.bold = b;
    const i = onOff(rPr, 'w:i');
    if (i !== undefined) fmt.italic = i;
    const hidden = onOff(rPr, 'w:vanish') ?? this.ctx.styles.chain(rStyle).find((s) => s.hidden !== undefined)?.hidden;
    if (hidden) fmt.hidden = true;
    return fmt;
  }

  private shown(): boolean {
    for (const f of this.fields) if (f.phase !== 'result') return false;
    return true;
  }

  private push(rec: ParaRecord, text: string, fmt: RunFormat, href: string | undefined): void {
    if (!this.shown() || text === '') return;
    const last = rec.segments[rec.segments.length - 1];
    if (last && !last.br && last.note === undefined && last.bold === fmt.bold && last.italic === fmt.italic && last.code === fmt.code && last.href === href) {
      last.text += text;
      return;
    }
    const seg: Segment = { text, bold: fmt.bold, italic: fmt.italic, code: fmt.code };
    if (href !== undefined) seg.href = href;
    rec.segments.push(seg);
  }

  private run(r: XmlElement, base: RunFormat, rec: ParaRecord, href: string | undefined): void {
    const fmt = this.runFormat(r, base);
    if (fmt.hidden) {
      // Hidden text is not what Word shows; field characters in it still open and close their fields.
      this.hiddenRuns++;
      for (const c of r.children) if (typeof c !== 'string' && c.name === 'w:fldChar') this.fieldChar(c);
      return;
    }
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:t':
          this.push(rec, textOf(c).replace(/\u00a0/g, ' '), fmt, href);
          break;
        case 'w:delText':
          // Only reached inside a kept w:del, i.e. when rejecting.
          this.push(rec, textOf(c).replace(/\u00a0/g, ' '), fmt, href);
          break;
        case 'w:tab':
        case 'w:ptab':
          this.push(rec, ' ', fmt, href);
          break;
        case 'w:noBreakHyphen':
          this.push(rec, '-', fmt, href);
          break;
        case 'w:softHyphen':
          break; // invisible unless the line breaks there
        case 'w:sym': {
          const code = parseInt(c.attrs['w:char'] ?? '', 16);
          // Symbol-font characters live in the private use area (F0xx): their ordinary counterpart is xx.
          if (Number.isFinite(code)) this.push(rec, String.fromCharCode(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code), fmt, href);
          break;
        }
        case 'w:br':
        case 'w:cr': {
          const type = c.attrs['w:type'];
          if (type === 'page' || type === 'column') break;
          if (this.shown()) rec.segments.push({ text: '', bold: false, italic: false, code: false, br: true });
          break;
        }
        case 'w:fldChar':
          this.fieldChar(c);
          break;
        case 'w:footnoteReference': {
          if (!this.shown()) break;
          const id = c.attrs['w:id'] ?? '';
          let number = this.footnoteIds.get(id);
          if (number === undefined) {
            number = this.footnotes.length + 1;
            this.footnoteIds.set(id, number);
            const note = this.ctx.footnotes.get(id);
            this.footnotes.push({ number, segments: note ? this.noteSegments(note) : [] });
          }
          rec.segments.push({ text: '', bold: false, italic: false, code: false, note: number });
          break;
        }
        case 'w:endnoteReference': {
          if (!this.shown()) break;
          const note = this.ctx.endnotes.get(c.attrs['w:id'] ?? '');
          rec.asides.push({ what: 'endnote', number: ++this.endnoteNumber, text: note ? this.noteText(note) : '' });
          break;
        }
        case 'w:commentReference':
          this.commentRefs++;
          break;
        case 'w:drawing':
          rec.asides.push(...drawingAsides(c, (el) => this.boxText(el)));
          break;
        case 'w:pict':
          rec.asides.push(...pictAsides(c, (el) => this.boxText(el)));
          break;
        case 'w:object':
          rec.asides.push({ what: 'embedded object', text: '' });
          break;
        case 'mc:AlternateContent': {
          const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
          if (choice) this.run({ ...r, children: choice.children }, base, rec, href);
          break;
        }
        default:
          break; // w:rPr, w:instrText, w:lastRenderedPageBreak, w:annotationRef …
      }
    }
  }

  /** A complex field's begin / separate / end: between separate and end is the result Word shows. */
  private fieldChar(c: XmlElement): void {
    const t = c.attrs['w:fldCharType'];
    if (t === 'begin') this.fields.push({ phase: 'instr' });
    else if (t === 'separate') {
      const f = this.fields[this.fields.length - 1];
      if (f) f.phase = 'result';
    } else if (t === 'end') this.fields.pop();
  }

  /** The text of a footnote or text box: its paragraphs, read like the body's (fields and revisions too). */
  private noteText(note: XmlElement): string {
    const saved = this.fields;
    this.fields = [];
    const parts: string[] = [];
    for (const c of note.children) {
      if (typeof c === 'string' || c.name !== 'w:p') continue;
      const rec = this.emptyPara();
      this.inline(c, { bold: false, italic: false, code: false }, rec);
      const t = plain(rec).trim();
      if (t) parts.push(t);
    }
    this.fields = saved;
    return parts.join(' ');
  }

  /** A footnote's paragraphs as one run of formatted text (SEC footnotes are one paragraph; more are joined). */
  private noteSegments(note: XmlElement): Segment[] {
    const saved = this.fields;
    const savedRels = this.rels;
    this.fields = [];
    this.rels = this.ctx.footnoteRels ?? new Map();
    const out: Segment[] = [];
    for (const c of note.children) {
      if (typeof c === 'string' || c.name !== 'w:p') continue;
      const rec = this.emptyPara();
      this.inline(c, { bold: false, italic: false, code: false }, rec);
      const segs = rec.segments.filter((x) => x.note === undefined);
      if (segs.length === 0) continue;
      if (out.length) out.push({ text: ' ', bold: false, italic: false, code: false });
      out.push(...segs);
    }
    this.fields = saved;
    this.rels = savedRels;
    return out;
  }

  private boxText(content: XmlElement): string {
    return this.noteText(content);
  }
}

export function plain(rec: ParaRecord): string {
  return rec.segments.map((s) => (s.br ? ' ' : s.text)).join('');
}

function mathText(el: XmlElement): string {
  let out = '';
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'm:t') out += textOf(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

function find(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const deep = find(c, name);
    if (deep) return deep;
  }
  return undefined;
}

function drawingAsides(drawing: XmlElement, boxText: (el: XmlElement) => string): Aside[] {
  const box = find(drawing, 'w:txbxContent');
  if (box) return [{ what: 'text box', text: boxText(box) }];
  if (find(drawing, 'c:chart')) return [{ what: 'chart', text: '' }];
  const docPr = find(drawing, 'wp:docPr');
  const descr = docPr?.attrs['descr'] ?? docPr?.attrs['title'] ?? '';
  return [{ what: 'image', text: descr }];
}

function pictAsides(pict: XmlElement, boxText: (el: XmlElement) => string): Aside[] {
  const box = find(pict, 'w:txbxContent');
  if (box) return [{ what: 'text box', text: boxText(box) }];
  return [{ what: 'image', text: '' }];
}
