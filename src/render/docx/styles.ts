// styles.xml: every paragraph and character style the Annex A uses. Kept deliberately plain (Arial, black
// headings) so Word and LibreOffice render it alike. Clause layout lives in the styles (a clause hangs its
// number in a 2 cm column, each sub-paragraph level indents by 720 twips), so a paragraph names its style and
// nothing else; the visual change marks are character styles ('Inserted Text', 'Deleted Text').

import { W_NS, XML_DECLARATION, escapeAttr } from './xml.js';
import { LEVEL_INDENT, NUMBER_COLUMN, SUBPARA_STYLES } from './layout.js';

export const BODY_FONT = 'Arial';
export const CODE_FONT = 'Courier New';
export const INSERT_COLOUR = '0000FF';
export const DELETE_COLOUR = 'FF0000';

/** A tab stop where the text starts after its number or label (w:tabs comes before w:spacing in a w:pPr). */
function tabAt(pos: number): string {
  return `<w:tabs><w:tab w:val="left" w:pos="${pos}"/></w:tabs>`;
}

/** The number or label hangs in the `hang` twips before `left` (w:ind comes after w:spacing). */
function indent(left: number, hang: number): string {
  return `<w:ind w:left="${left}" w:hanging="${hang}"/>`;
}

function subParaStyles(): ParaStyle[] {
  return Array.from({ length: SUBPARA_STYLES }, (_, i) => {
    const left = NUMBER_COLUMN + LEVEL_INDENT * (i + 1);
    return { id: `SubPara${i + 1}`, name: `Annex Clause Level ${i + 1}`, basedOn: 'ClauseText', pPr: `${tabAt(left)}${indent(left, LEVEL_INDENT)}` };
  });
}

export interface ParaStyle {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  pPr?: string;
  rPr?: string;
  /** Heading outline level (0 = Heading 1). */
  outline?: number;
}

export function paraStyle(s: ParaStyle): string {
  const outline = s.outline !== undefined ? `<w:outlineLvl w:val="${s.outline}"/>` : '';
  return (
    `<w:style w:type="paragraph" w:styleId="${escapeAttr(s.id)}"><w:name w:val="${escapeAttr(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    '<w:qFormat/>' +
    `<w:pPr>${s.pPr ?? ''}${outline}</w:pPr>` +
    `<w:rPr>${s.rPr ?? ''}</w:rPr></w:style>`
  );
}

const PARA_STYLES: ParaStyle[] = [
  { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', pPr: '<w:spacing w:before="1200" w:after="240"/>', rPr: '<w:b/><w:sz w:val="40"/><w:szCs w:val="40"/>' },
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', pPr: '<w:spacing w:before="0" w:after="120"/>', rPr: '<w:sz w:val="32"/><w:szCs w:val="32"/>' },
  { id: 'TitleMeta', name: 'Title Meta', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="60"/>', rPr: '<w:sz w:val="22"/><w:szCs w:val="22"/>' },
  { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', outline: 0, pPr: '<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="000000"/></w:pBdr><w:spacing w:before="480" w:after="120"/>', rPr: '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>' },
  { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', outline: 1, pPr: '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>', rPr: '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>' },
  { id: 'PartNote', name: 'Annex Part Note', basedOn: 'Normal', next: 'Normal', pPr: '<w:keepNext/><w:spacing w:before="0" w:after="240"/>', rPr: '<w:i/><w:color w:val="404040"/>' },
  { id: 'AboutText', name: 'Annex About', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="120"/><w:jc w:val="both"/>' },
  { id: 'BasisItem', name: 'Annex Basis', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="60"/><w:ind w:left="567"/>' },
  { id: 'Legend', name: 'Annex Legend', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="60"/><w:ind w:left="567"/>' },
  { id: 'Instruction', name: 'Annex Instruction', basedOn: 'Normal', next: 'ClauseText', pPr: '<w:keepNext/><w:spacing w:before="240" w:after="120"/>', rPr: '<w:b/><w:i/>' },
  { id: 'ClauseHeading', name: 'Annex Clause Heading', basedOn: 'Normal', next: 'ClauseText', pPr: `<w:keepNext/><w:keepLines/>${tabAt(NUMBER_COLUMN)}<w:spacing w:before="120" w:after="120"/>${indent(NUMBER_COLUMN, NUMBER_COLUMN)}`, rPr: '<w:b/>' },
  { id: 'ClauseHeadingPlain', name: 'Annex Clause Heading Unnumbered', basedOn: 'ClauseHeading', next: 'ClausePara', pPr: indent(NUMBER_COLUMN, 0) },
  { id: 'ClauseText', name: 'Annex Clause', basedOn: 'Normal', pPr: `${tabAt(NUMBER_COLUMN)}<w:spacing w:before="0" w:after="120"/>${indent(NUMBER_COLUMN, NUMBER_COLUMN)}<w:jc w:val="both"/>` },
  { id: 'ClausePara', name: 'Annex Clause Paragraph', basedOn: 'ClauseText', pPr: indent(NUMBER_COLUMN, 0) },
  ...subParaStyles(),
  { id: 'Ellipsis', name: 'Annex Ellipsis', basedOn: 'Normal', pPr: '<w:spacing w:before="120" w:after="120"/><w:ind w:left="1134"/>' },
  { id: 'TableText', name: 'Annex Table Text', basedOn: 'Normal', pPr: '<w:spacing w:before="40" w:after="40"/>', rPr: '<w:sz w:val="18"/><w:szCs w:val="18"/>' },
  { id: 'TableHeading', name: 'Annex Table Heading', basedOn: 'TableText', pPr: '<w:keepNext/>', rPr: '<w:b/>' },
  { id: 'CommentText', name: 'annotation text', basedOn: 'Normal', pPr: '<w:spacing w:before="0" w:after="0"/>', rPr: '<w:sz w:val="18"/><w:szCs w:val="18"/>' },
  { id: 'Header', name: 'header', basedOn: 'Normal', pPr: '<w:tabs><w:tab w:val="center" w:pos="4706"/><w:tab w:val="right" w:pos="9412"/></w:tabs><w:spacing w:before="0" w:after="0"/>', rPr: '<w:sz w:val="16"/><w:szCs w:val="16"/>' },
  { id: 'Footer', name: 'footer', basedOn: 'Normal', pPr: '<w:tabs><w:tab w:val="center" w:pos="4706"/><w:tab w:val="right" w:pos="9412"/></w:tabs><w:spacing w:before="0" w:after="0"/>', rPr: '<w:sz w:val="16"/><w:szCs w:val="16"/>' },
];

export function stylesXml(): string {
  return (
    XML_DECLARATION +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${BODY_FONT}" w:hAnsi="${BODY_FONT}" w:eastAsia="${BODY_FONT}" w:cs="${BODY_FONT}"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    PARA_STYLES.map(paraStyle).join('') +
    `<w:style w:type="character" w:styleId="InsertedText"><w:name w:val="Inserted Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="${INSERT_COLOUR}"/><w:u w:val="double" w:color="${INSERT_COLOUR}"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="DeletedText"><w:name w:val="Deleted Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:strike/><w:color w:val="${DELETE_COLOUR}"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>' +
    `<w:style w:type="character" w:styleId="ItemTag"><w:name w:val="Annex Item Tag"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="CodeChar"><w:name w:val="Annex Code"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="${CODE_FONT}" w:hAnsi="${CODE_FONT}" w:cs="${CODE_FONT}"/></w:rPr></w:style>` +
    '</w:styles>'
  );
}
