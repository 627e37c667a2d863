// The styles a whole SEC document needs on top of the Annex A's style sheet (src/render/docx/styles.ts), which
// it shares: the same fonts, title block, Heading 1 and 2, table text and header/footer. Added here: deeper
// headings, the table of contents, clause and sub-paragraph paragraphs with their hanging literal numbers, cross-
// headings, hyperlinks and footnotes. A style the shared sheet already defines is never defined twice.

import { paraStyle, stylesXml, type ParaStyle } from '../docx/styles.js';
import { LEVEL_INDENT, NUMBER_COLUMN, TEXT_WIDTH } from '../docx/layout.js';

/** Left edge of the text of a sub-paragraph at `depth` (1 for (a)); its label hangs LEVEL_INDENT to the left. */
export function subparaLeft(depth: number): number {
  return NUMBER_COLUMN + LEVEL_INDENT * depth;
}

/** Deepest sub-paragraph level with a style of its own; deeper ones take the last style with their own indent. */
export const SUBPARA_STYLES = 4;

/** pPr children in schema order: a tab where the text starts, the spacing, the hanging indent, then `after`. */
const hanging = (left: number, hang: number, after = ''): string =>
  `<w:tabs><w:tab w:val="left" w:pos="${left}"/></w:tabs><w:spacing w:before="0" w:after="120"/><w:ind w:left="${left}" w:hanging="${hang}"/>${after}`;

const HEADINGS: ParaStyle[] = [
  { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Normal', outline: 2, pPr: '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>', rPr: '<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>' },
  { id: 'Heading4', name: 'heading 4', basedOn: 'Normal', next: 'Normal', outline: 3, pPr: '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>', rPr: '<w:b/>' },
  { id: 'Heading5', name: 'heading 5', basedOn: 'Normal', next: 'Normal', outline: 4, pPr: '<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/>', rPr: '<w:b/><w:i/>' },
  { id: 'Heading6', name: 'heading 6', basedOn: 'Normal', next: 'Normal', outline: 5, pPr: '<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/>', rPr: '<w:i/>' },
];

const TOC_TABS = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs>`;

const DOCUMENT_STYLES: ParaStyle[] = [
  ...HEADINGS,
  { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', pPr: '<w:keepNext/><w:spacing w:before="240" w:after="240"/>', rPr: '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>' },
  { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', pPr: `${TOC_TABS}<w:spacing w:before="120" w:after="0"/><w:ind w:left="${NUMBER_COLUMN}" w:hanging="${NUMBER_COLUMN}"/>`, rPr: '<w:b/>' },
  { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', pPr: `${TOC_TABS}<w:spacing w:before="0" w:after="0"/><w:ind w:left="${NUMBER_COLUMN + LEVEL_INDENT}" w:hanging="${NUMBER_COLUMN}"/>` },
  { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', pPr: `${TOC_TABS}<w:spacing w:before="0" w:after="0"/><w:ind w:left="${NUMBER_COLUMN + 2 * LEVEL_INDENT}" w:hanging="${NUMBER_COLUMN}"/>` },
  { id: 'DocClause', name: 'SEC Clause', basedOn: 'Normal', pPr: hanging(NUMBER_COLUMN, NUMBER_COLUMN, '<w:jc w:val="both"/>') },
  ...Array.from({ length: SUBPARA_STYLES }, (_, i): ParaStyle => ({
    id: `DocSubpara${i + 1}`,
    name: `SEC Sub-paragraph ${i + 1}`,
    basedOn: 'Normal',
    pPr: hanging(subparaLeft(i + 1), LEVEL_INDENT, '<w:jc w:val="both"/>'),
  })),
  { id: 'DocText', name: 'SEC Text', basedOn: 'Normal', pPr: `<w:spacing w:before="0" w:after="120"/><w:ind w:left="${NUMBER_COLUMN}"/><w:jc w:val="both"/>` },
  { id: 'DocCrossHeading', name: 'SEC Cross-heading', basedOn: 'Normal', next: 'DocClause', pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:ind w:left="${NUMBER_COLUMN}"/>`, rPr: '<w:b/><w:i/>' },
  { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="0"/>', rPr: '<w:sz w:val="16"/><w:szCs w:val="16"/>' },
];

function charStyle(id: string, name: string, rPr: string): { id: string; xml: string } {
  return { id, xml: `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr>${rPr}</w:rPr></w:style>` };
}

const CHARACTER_STYLES = [
  charStyle('Hyperlink', 'Hyperlink', '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
  charStyle('FootnoteReference', 'footnote reference', '<w:vertAlign w:val="superscript"/>'),
  charStyle('NotUsed', 'SEC Not Used', '<w:i/>'),
];

/** The shared style sheet plus the document styles it does not have yet. */
export function documentStylesXml(): string {
  const base = stylesXml();
  const extra = DOCUMENT_STYLES.filter((s) => !base.includes(`w:styleId="${s.id}"`)).map(paraStyle).join('');
  const chars = CHARACTER_STYLES.filter((s) => !base.includes(`w:styleId="${s.id}"`)).map((s) => s.xml).join('');
  const end = base.lastIndexOf('</w:styles>');
  return `${base.slice(0, end)}${extra}${chars}${base.slice(end)}`;
}
