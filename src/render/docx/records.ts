// Typed WordprocessingML records: what every DOCX writer (Annex A, items table, whole document, reports, impact
// matrix) builds its body, headers, footers, comments and footnotes from. A writer decides *what* a paragraph,
// run, row or revision is; `toXml` alone decides how it is written (element names, property order as the
// schema requires, which attributes are optional), writing through xml.ts's XmlWriter, which alone escapes. Revision ids are handed out when a
// Revision record is made (Revisions in runs.ts), so building order, not writing order, numbers them.

import type { XmlAttrs, XmlFragment, XmlWriter } from './xml.js';

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
  if (revision) return props ? { type: 'run', pieces, props, revision } : { type: 'run', pieces, revision };
  return props ? { type: 'run', pieces, props } : { type: 'run', pieces };
}

// ---------------------------------------------------------------------------------------------------------
// Writing (through the XmlWriter, which escapes).

function revisionAttrs(r: Revision): XmlAttrs {
  return { 'w:id': r.id, 'w:author': r.author, 'w:date': r.date ?? undefined };
}

function writeRunProps(w: XmlWriter, p: RunProps | undefined): void {
  if (!p || !(p.style !== undefined || p.font !== undefined || p.bold || p.italic || p.strike)) return;
  w.start('w:rPr');
  if (p.style !== undefined) w.empty('w:rStyle', { 'w:val': p.style });
  if (p.font !== undefined) w.empty('w:rFonts', { 'w:ascii': p.font, 'w:hAnsi': p.font, 'w:cs': p.font });
  if (p.bold) w.empty('w:b');
  if (p.italic) w.empty('w:i');
  if (p.strike) w.empty('w:strike');
  w.end();
}

const PRESERVE: XmlAttrs = { 'xml:space': 'preserve' };

function writePiece(w: XmlWriter, p: RunPiece): void {
  switch (p.kind) {
    case 'text':
      w.start(p.deleted ? 'w:delText' : 'w:t', p.preserve === false ? undefined : PRESERVE).text(p.text).end();
      return;
    case 'fldChar':
      w.empty('w:fldChar', { 'w:fldCharType': p.type, 'w:dirty': p.dirty ? 'true' : undefined });
      return;
    case 'instrText':
      w.start('w:instrText', PRESERVE).text(p.text).end();
      return;
    case 'commentReference':
    case 'footnoteReference':
      w.empty(`w:${p.kind}`, { 'w:id': p.id });
      return;
    default:
      w.empty(`w:${p.kind}`);
  }
}

function writeRun(w: XmlWriter, r: Run): void {
  if (r.revision) w.start(`w:${r.revision.kind}`, revisionAttrs(r.revision));
  w.start('w:r');
  writeRunProps(w, r.props);
  for (const p of r.pieces) writePiece(w, p);
  w.end();
  if (r.revision) w.end();
}

function writeInline(w: XmlWriter, i: Inline): void {
  switch (i.type) {
    case 'run':
      writeRun(w, i);
      return;
    case 'commentRangeStart':
    case 'commentRangeEnd':
      w.empty(`w:${i.type}`, { 'w:id': i.id });
      return;
    case 'bookmarkStart':
      w.empty('w:bookmarkStart', { 'w:id': i.id, 'w:name': i.name });
      return;
    case 'bookmarkEnd':
      w.empty('w:bookmarkEnd', { 'w:id': i.id });
      return;
    case 'hyperlink':
      w.start('w:hyperlink', { 'r:id': i.rel, 'w:anchor': i.anchor, 'w:history': 1 });
      for (const c of i.children) writeInline(w, c);
      w.end();
  }
}

function writeParagraphProps(w: XmlWriter, p: ParagraphProps): void {
  const tabs = p.tabs && p.tabs.length > 0 ? p.tabs : undefined;
  if (!(p.style !== undefined || p.keepNext || p.pageBreakBefore || tabs || p.spacing || p.ind || p.jc || p.mark)) return;
  w.start('w:pPr');
  if (p.style !== undefined) w.empty('w:pStyle', { 'w:val': p.style });
  if (p.keepNext) w.empty('w:keepNext');
  if (p.pageBreakBefore) w.empty('w:pageBreakBefore');
  if (tabs) {
    w.start('w:tabs');
    for (const t of tabs) w.empty('w:tab', { 'w:val': t.val, 'w:leader': t.leader, 'w:pos': t.pos });
    w.end();
  }
  const s = p.spacing;
  if (s) w.empty('w:spacing', { 'w:before': s.before, 'w:after': s.after, 'w:line': s.line, 'w:lineRule': s.lineRule });
  if (p.ind) w.empty('w:ind', { 'w:left': p.ind.left, 'w:hanging': p.ind.hanging || undefined });
  if (p.jc) w.empty('w:jc', { 'w:val': p.jc });
  if (p.mark) w.start('w:rPr').empty(`w:${p.mark.kind}`, revisionAttrs(p.mark)).end();
  w.end();
}

function writeParagraph(w: XmlWriter, p: Paragraph): void {
  w.start('w:p');
  writeParagraphProps(w, p.props);
  for (const c of p.children) writeInline(w, c);
  w.end();
}

function writeCell(w: XmlWriter, c: Cell): void {
  w.start('w:tc').start('w:tcPr').empty('w:tcW', { 'w:w': c.width, 'w:type': 'dxa' });
  if (c.span !== undefined && c.span > 1) w.empty('w:gridSpan', { 'w:val': c.span });
  if (c.fill !== undefined) w.empty('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': c.fill });
  w.end();
  for (const p of c.children) writeParagraph(w, p);
  w.end();
}

function writeRow(w: XmlWriter, r: Row): void {
  w.start('w:tr');
  if (r.cantSplit || r.header || r.revision) {
    w.start('w:trPr');
    if (r.cantSplit) w.empty('w:cantSplit');
    if (r.header) w.empty('w:tblHeader');
    if (r.revision) w.empty(`w:${r.revision.kind}`, revisionAttrs(r.revision));
    w.end();
  }
  for (const c of r.cells) writeCell(w, c);
  w.end();
}

const SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

function writeTable(w: XmlWriter, t: Table): void {
  const p = t.props;
  const b = p.border;
  w.start('w:tbl').start('w:tblPr').empty('w:tblW', { 'w:w': p.width, 'w:type': 'dxa' });
  if (p.indent !== undefined) w.empty('w:tblInd', { 'w:w': p.indent, 'w:type': 'dxa' });
  w.start('w:tblBorders');
  for (const s of SIDES) w.empty(`w:${s}`, { 'w:val': b.val, 'w:sz': b.sz, 'w:space': b.space, 'w:color': b.color });
  w.end();
  w.empty('w:tblLayout', { 'w:type': 'fixed' });
  w.start('w:tblCellMar').empty('w:left', { 'w:w': p.cellMargin.left, 'w:type': 'dxa' }).empty('w:right', { 'w:w': p.cellMargin.right, 'w:type': 'dxa' }).end();
  w.empty('w:tblLook', { 'w:val': p.look }).end();
  w.start('w:tblGrid');
  for (const g of t.grid) w.empty('w:gridCol', { 'w:w': g });
  w.end();
  for (const r of t.rows) writeRow(w, r);
  w.end();
}

/** Records as XML content: a fragment to put in an element tree or serialise on its own. */
export function toXml(records: Iterable<Block | Inline>): XmlFragment {
  return {
    writeTo: (w) => {
      for (const r of records) {
        if (r.type === 'paragraph') writeParagraph(w, r);
        else if (r.type === 'table') writeTable(w, r);
        else writeInline(w, r);
      }
    },
  };
}
