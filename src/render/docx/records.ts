// Typed WordprocessingML records: what every DOCX writer (Annex A, items table, whole document, reports, impact
// matrix) builds its body, headers, footers, comments and footnotes from. A writer decides *what* a paragraph,
// run, row or revision is; `toXml` alone decides how it is written (element names, property order as the
// schema requires, which attributes are optional), and xml.ts alone escapes. Revision ids are handed out when a
// Revision record is made (Revisions in runs.ts), so building order, not writing order, numbers them.

import { el, type XmlElement } from './xml.js';

/** A tracked change: a w:ins / w:del around runs, on a paragraph mark or on a table row. */
export interface Revision {
  readonly kind: 'ins' | 'del';
  readonly id: number;
  readonly author: string;
  /** ISO 8601 UTC; null: undated (w:date is optional). */
  readonly date: string | null;
}

/** Run properties, written in the schema's order (rStyle, rFonts, b, i, strike). */
export interface RunProps {
  style?: string;
  /** One font for ascii, hAnsi and cs. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
}

/** What a run holds. */
export type RunPiece =
  /** w:t (w:delText when `deleted`), with xml:space="preserve" unless `preserve` is false. */
  | { kind: 'text'; text: string; deleted?: boolean; preserve?: false }
  | { kind: 'br' }
  | { kind: 'tab' }
  | { kind: 'fldChar'; type: 'begin' | 'separate' | 'end'; dirty?: boolean }
  | { kind: 'instrText'; text: string }
  | { kind: 'annotationRef' }
  | { kind: 'commentReference'; id: number }
  | { kind: 'footnoteRef' }
  | { kind: 'footnoteReference'; id: string }
  | { kind: 'separator' }
  | { kind: 'continuationSeparator' };

/** A w:r; with a revision it is written inside its w:ins / w:del. */
export interface Run {
  readonly type: 'run';
  readonly props?: RunProps;
  readonly pieces: readonly RunPiece[];
  readonly revision?: Revision;
}

export interface CommentRange {
  readonly type: 'commentRangeStart' | 'commentRangeEnd';
  readonly id: number;
}

export interface BookmarkStart {
  readonly type: 'bookmarkStart';
  readonly id: number;
  readonly name: string;
}

export interface BookmarkEnd {
  readonly type: 'bookmarkEnd';
  readonly id: number;
}

/** A hyperlink to a related external target (`rel`, an r:id) or to a bookmark in the document (`anchor`). */
export interface Hyperlink {
  readonly type: 'hyperlink';
  readonly rel?: string;
  readonly anchor?: string;
  readonly children: readonly Inline[];
}

/** What a paragraph holds. */
export type Inline = Run | CommentRange | BookmarkStart | BookmarkEnd | Hyperlink;

export interface Tab {
  val: 'left' | 'center' | 'right';
  leader?: 'dot';
  pos: number;
}

export interface Spacing {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: 'auto';
}

/** Paragraph properties, written in schema order (pStyle, keepNext, pageBreakBefore, tabs, spacing, ind, jc, rPr). */
export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  tabs?: readonly Tab[];
  spacing?: Spacing;
  /** A hanging indent of 0 is left out. */
  ind?: { left: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both';
  /** The revision of the paragraph mark (w:pPr/w:rPr/w:ins|w:del). */
  mark?: Revision;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly props: ParagraphProps;
  readonly children: readonly Inline[];
}

export interface Border {
  val: 'single';
  sz: number;
  space: number;
  color: string;
}

/** Table properties: width and indent in twips, one border on every side and inside, fixed layout. */
export interface TableProps {
  width: number;
  indent?: number;
  border: Border;
  /** Left and right cell margins in twips. */
  cellMargin: { left: number; right: number };
  look: string;
}

export interface Cell {
  /** Twips. */
  readonly width: number;
  readonly span?: number;
  readonly fill?: string;
  readonly children: readonly Paragraph[];
}

export interface Row {
  readonly type: 'row';
  readonly cantSplit?: boolean;
  /** Repeated at the top of every page. */
  readonly header?: boolean;
  /** A wholly inserted or deleted row (w:trPr/w:ins|w:del). */
  readonly revision?: Revision;
  readonly cells: readonly Cell[];
}

export interface Table {
  readonly type: 'table';
  readonly props: TableProps;
  /** Column widths in twips. */
  readonly grid: readonly number[];
  readonly rows: readonly Row[];
}

/** What a body, a header, a footer, a comment or a footnote holds. */
export type Block = Paragraph | Table;

// ---------------------------------------------------------------------------------------------------------
// Constructors for the common cases.

export function paragraph(props: ParagraphProps, children: readonly Inline[] = []): Paragraph {
  return { type: 'paragraph', props, children };
}

export function run(pieces: readonly RunPiece[], props?: RunProps, revision?: Revision): Run {
  return { type: 'run', pieces, ...(props ? { props } : {}), ...(revision ? { revision } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Lowering to the XML tree (serialised by xml.ts).

function revisionAttrs(r: Revision): Record<string, string | number | undefined> {
  return { 'w:id': r.id, 'w:author': r.author, 'w:date': r.date ?? undefined };
}

function runPropsXml(p: RunProps | undefined): XmlElement | null {
  if (!p) return null;
  const children = [
    p.style !== undefined && el('w:rStyle', { 'w:val': p.style }),
    p.font !== undefined && el('w:rFonts', { 'w:ascii': p.font, 'w:hAnsi': p.font, 'w:cs': p.font }),
    p.bold && el('w:b'),
    p.italic && el('w:i'),
    p.strike && el('w:strike'),
  ];
  const rPr = el('w:rPr', {}, children);
  return rPr.children!.length === 0 ? null : rPr;
}

function pieceXml(p: RunPiece): XmlElement {
  switch (p.kind) {
    case 'text':
      return el(p.deleted ? 'w:delText' : 'w:t', p.preserve === false ? {} : { 'xml:space': 'preserve' }, p.text);
    case 'fldChar':
      return el('w:fldChar', { 'w:fldCharType': p.type, 'w:dirty': p.dirty ? 'true' : undefined });
    case 'instrText':
      return el('w:instrText', { 'xml:space': 'preserve' }, p.text);
    case 'commentReference':
    case 'footnoteReference':
      return el(`w:${p.kind}`, { 'w:id': p.id });
    default:
      return el(`w:${p.kind}`);
  }
}

function runXml(r: Run): XmlElement {
  const xml = el('w:r', {}, runPropsXml(r.props), r.pieces.map(pieceXml));
  return r.revision ? el(`w:${r.revision.kind}`, revisionAttrs(r.revision), xml) : xml;
}

function inlineXml(i: Inline): XmlElement {
  switch (i.type) {
    case 'run':
      return runXml(i);
    case 'commentRangeStart':
    case 'commentRangeEnd':
      return el(`w:${i.type}`, { 'w:id': i.id });
    case 'bookmarkStart':
      return el('w:bookmarkStart', { 'w:id': i.id, 'w:name': i.name });
    case 'bookmarkEnd':
      return el('w:bookmarkEnd', { 'w:id': i.id });
    case 'hyperlink':
      return el('w:hyperlink', { 'r:id': i.rel, 'w:anchor': i.anchor, 'w:history': 1 }, i.children.map(inlineXml));
  }
}

function paragraphPropsXml(p: ParagraphProps): XmlElement | null {
  const s = p.spacing;
  const children = [
    p.style !== undefined && el('w:pStyle', { 'w:val': p.style }),
    p.keepNext && el('w:keepNext'),
    p.pageBreakBefore && el('w:pageBreakBefore'),
    p.tabs && p.tabs.length > 0 && el('w:tabs', {}, p.tabs.map((t) => el('w:tab', { 'w:val': t.val, 'w:leader': t.leader, 'w:pos': t.pos }))),
    s && el('w:spacing', { 'w:before': s.before, 'w:after': s.after, 'w:line': s.line, 'w:lineRule': s.lineRule }),
    p.ind && el('w:ind', { 'w:left': p.ind.left, 'w:hanging': p.ind.hanging || undefined }),
    p.jc && el('w:jc', { 'w:val': p.jc }),
    p.mark && el('w:rPr', {}, el(`w:${p.mark.kind}`, revisionAttrs(p.mark))),
  ];
  const pPr = el('w:pPr', {}, children);
  return pPr.children!.length === 0 ? null : pPr;
}

function paragraphXml(p: Paragraph): XmlElement {
  return el('w:p', {}, paragraphPropsXml(p.props), p.children.map(inlineXml));
}

function cellXml(c: Cell): XmlElement {
  const tcPr = el(
    'w:tcPr',
    {},
    el('w:tcW', { 'w:w': c.width, 'w:type': 'dxa' }),
    c.span !== undefined && c.span > 1 && el('w:gridSpan', { 'w:val': c.span }),
    c.fill !== undefined && el('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': c.fill }),
  );
  return el('w:tc', {}, tcPr, c.children.map(paragraphXml));
}

function rowXml(r: Row): XmlElement {
  const trPr = el('w:trPr', {}, r.cantSplit && el('w:cantSplit'), r.header && el('w:tblHeader'), r.revision && el(`w:${r.revision.kind}`, revisionAttrs(r.revision)));
  return el('w:tr', {}, trPr.children!.length > 0 && trPr, r.cells.map(cellXml));
}

const SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

function tableXml(t: Table): XmlElement {
  const p = t.props;
  const b = p.border;
  const tblPr = el(
    'w:tblPr',
    {},
    el('w:tblW', { 'w:w': p.width, 'w:type': 'dxa' }),
    p.indent !== undefined && el('w:tblInd', { 'w:w': p.indent, 'w:type': 'dxa' }),
    el('w:tblBorders', {}, SIDES.map((s) => el(`w:${s}`, { 'w:val': b.val, 'w:sz': b.sz, 'w:space': b.space, 'w:color': b.color }))),
    el('w:tblLayout', { 'w:type': 'fixed' }),
    el('w:tblCellMar', {}, el('w:left', { 'w:w': p.cellMargin.left, 'w:type': 'dxa' }), el('w:right', { 'w:w': p.cellMargin.right, 'w:type': 'dxa' })),
    el('w:tblLook', { 'w:val': p.look }),
  );
  return el('w:tbl', {}, tblPr, el('w:tblGrid', {}, t.grid.map((w) => el('w:gridCol', { 'w:w': w }))), t.rows.map(rowXml));
}

/** The XML tree of records, in order. */
export function toXml(records: readonly (Block | Inline)[]): XmlElement[] {
  return records.map((r) => (r.type === 'paragraph' ? paragraphXml(r) : r.type === 'table' ? tableXml(r) : inlineXml(r)));
}
