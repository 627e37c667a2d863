// The styles a whole SEC document needs on top of the Annex A's style sheet (src/render/docx/styles.ts), which
// it shares: the same fonts, title block, Heading 1 and 2, table text and header/footer. Added here: deeper
// headings, the table of contents, clause and sub-paragraph paragraphs with their hanging literal numbers, cross-
// headings, hyperlinks and footnotes. A style the shared sheet already defines is never defined twice.

import { bold, indent, italic, jc, keepLines, keepNext, size, spacing, stylesXml, tabs, type CharStyle, type ParaStyle } from '../docx/styles.js';
import { LEVEL_INDENT, NUMBER_COLUMN, TEXT_WIDTH } from '../docx/layout.js';
import { el, type XmlElement } from '../docx/xml.js';

/** Left edge of the text of a sub-paragraph at `depth` (1 for (a)); its label hangs LEVEL_INDENT to the left. */
export function subparaLeft(depth: number): number {
  return NUMBER_COLUMN + LEVEL_INDENT * depth;
}

/** Deepest sub-paragraph level with a style of its own; deeper ones take the last style with their own indent. */
export const SUBPARA_STYLES = 4;

/** pPr children in schema order: a tab where the text starts, the spacing, the hanging indent, then justified. */
const hanging = (left: number, hang: number): XmlElement[] => [tabs({ val: 'left', pos: left }), spacing(0, 120), indent(left, hang), jc('both')];

const HEADINGS: ParaStyle[] = [
  { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Normal', outline: 2, pPr: [keepNext(), keepLines(), spacing(240, 120)], rPr: [bold(), ...size(22)] },
  { id: 'Heading4', name: 'heading 4', basedOn: 'Normal', next: 'Normal', outline: 3, pPr: [keepNext(), keepLines(), spacing(240, 120)], rPr: [bold()] },
  { id: 'Heading5', name: 'heading 5', basedOn: 'Normal', next: 'Normal', outline: 4, pPr: [keepNext(), keepLines(), spacing(120, 120)], rPr: [bold(), italic()] },
  { id: 'Heading6', name: 'heading 6', basedOn: 'Normal', next: 'Normal', outline: 5, pPr: [keepNext(), keepLines(), spacing(120, 120)], rPr: [italic()] },
];

const tocTabs = (): XmlElement => tabs({ val: 'right', leader: 'dot', pos: TEXT_WIDTH });

const DOCUMENT_STYLES: ParaStyle[] = [
  ...HEADINGS,
  { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', pPr: [keepNext(), spacing(240, 240)], rPr: [bold(), ...size(28)] },
  { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', pPr: [tocTabs(), spacing(120, 0), indent(NUMBER_COLUMN, NUMBER_COLUMN)], rPr: [bold()] },
  { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', pPr: [tocTabs(), spacing(0, 0), indent(NUMBER_COLUMN + LEVEL_INDENT, NUMBER_COLUMN)] },
  { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', pPr: [tocTabs(), spacing(0, 0), indent(NUMBER_COLUMN + 2 * LEVEL_INDENT, NUMBER_COLUMN)] },
  { id: 'DocClause', name: 'SEC Clause', basedOn: 'Normal', pPr: hanging(NUMBER_COLUMN, NUMBER_COLUMN) },
  ...Array.from({ length: SUBPARA_STYLES }, (_, i): ParaStyle => ({
    id: `DocSubpara${i + 1}`,
    name: `SEC Sub-paragraph ${i + 1}`,
    basedOn: 'Normal',
    pPr: hanging(subparaLeft(i + 1), LEVEL_INDENT),
  })),
  { id: 'DocText', name: 'SEC Text', basedOn: 'Normal', pPr: [spacing(0, 120), indent(NUMBER_COLUMN), jc('both')] },
  { id: 'DocCrossHeading', name: 'SEC Cross-heading', basedOn: 'Normal', next: 'DocClause', pPr: [keepNext(), keepLines(), spacing(240, 120), indent(NUMBER_COLUMN)], rPr: [bold(), italic()] },
  { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', pPr: [spacing(0, 0)], rPr: size(16) },
];

const CHARACTER_STYLES: CharStyle[] = [
  { id: 'Hyperlink', name: 'Hyperlink', rPr: [el('w:color', { 'w:val': '0563C1' }), el('w:u', { 'w:val': 'single' })] },
  { id: 'FootnoteReference', name: 'footnote reference', rPr: [el('w:vertAlign', { 'w:val': 'superscript' })] },
  { id: 'NotUsed', name: 'SEC Not Used', rPr: [italic()] },
];

/** The shared style sheet plus the document styles it does not have yet. */
export function documentStylesXml(): string {
  return stylesXml({ para: DOCUMENT_STYLES, char: CHARACTER_STYLES });
}
