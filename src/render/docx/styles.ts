// styles.xml: every paragraph and character style the Annex A uses. Kept deliberately plain (Arial, black
// headings) so Word and LibreOffice render it alike. Clause layout lives in the styles (a clause hangs its
// number in a 2 cm column, each sub-paragraph level indents by 720 twips), so a paragraph names its style and
// nothing else; the visual change marks are character styles ('Inserted Text', 'Deleted Text').

import { W_NS, el, xmlPart, type XmlElement } from './xml.js';
import { LEVEL_INDENT, NUMBER_COLUMN, SUBPARA_STYLES } from './layout.js';

export const BODY_FONT = 'Arial';
export const CODE_FONT = 'Courier New';
export const INSERT_COLOUR = '0000FF';
export const DELETE_COLOUR = 'FF0000';

// Property elements the style sheets are written with (in the schema's order where they are put together).
export const keepNext = (): XmlElement => el('w:keepNext');
export const keepLines = (): XmlElement => el('w:keepLines');
export const bold = (): XmlElement => el('w:b');
export const italic = (): XmlElement => el('w:i');
export const spacing = (before: number, after: number): XmlElement => el('w:spacing', { 'w:before': before, 'w:after': after });
export const jc = (val: 'both'): XmlElement => el('w:jc', { 'w:val': val });
export const colour = (val: string): XmlElement => el('w:color', { 'w:val': val });
/** Font size in half-points, for both w:sz and w:szCs. */
export const size = (halfPoints: number): XmlElement[] => [el('w:sz', { 'w:val': halfPoints }), el('w:szCs', { 'w:val': halfPoints })];
export const tabs = (...t: { val: 'left' | 'center' | 'right'; leader?: 'dot'; pos: number }[]): XmlElement =>
  el('w:tabs', {}, t.map((x) => el('w:tab', { 'w:val': x.val, 'w:leader': x.leader, 'w:pos': x.pos })));
export const fonts = (font: string, eastAsia = false): XmlElement => el('w:rFonts', { 'w:ascii': font, 'w:hAnsi': font, 'w:eastAsia': eastAsia ? font : undefined, 'w:cs': font });

/** A tab stop where the text starts after its number or label (w:tabs comes before w:spacing in a w:pPr). */
function tabAt(pos: number): XmlElement {
  return tabs({ val: 'left', pos });
}

/** The number or label hangs in the `hang` twips before `left` (w:ind comes after w:spacing). */
export function indent(left: number, hang?: number): XmlElement {
  return el('w:ind', { 'w:left': left, 'w:hanging': hang });
}

function subParaStyles(): ParaStyle[] {
  return Array.from({ length: SUBPARA_STYLES }, (_, i) => {
    const left = NUMBER_COLUMN + LEVEL_INDENT * (i + 1);
    return { id: `SubPara${i + 1}`, name: `Annex Clause Level ${i + 1}`, basedOn: 'ClauseText', pPr: [tabAt(left), indent(left, LEVEL_INDENT)] };
  });
}

export interface ParaStyle {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  pPr?: XmlElement[];
  rPr?: XmlElement[];
  /** Heading outline level (0 = Heading 1). */
  outline?: number;
}

function paraStyle(s: ParaStyle): XmlElement {
  return el(
    'w:style',
    { 'w:type': 'paragraph', 'w:styleId': s.id },
    el('w:name', { 'w:val': s.name }),
    s.basedOn && el('w:basedOn', { 'w:val': s.basedOn }),
    s.next && el('w:next', { 'w:val': s.next }),
    el('w:qFormat'),
    { ...el('w:pPr', {}, s.pPr ?? [], s.outline !== undefined && el('w:outlineLvl', { 'w:val': s.outline })), keepOpen: true },
    { ...el('w:rPr', {}, s.rPr ?? []), keepOpen: true },
  );
}

export interface CharStyle {
  id: string;
  name: string;
  rPr: XmlElement[];
}

function charStyle(s: CharStyle): XmlElement {
  return el('w:style', { 'w:type': 'character', 'w:styleId': s.id }, el('w:name', { 'w:val': s.name }), el('w:basedOn', { 'w:val': 'DefaultParagraphFont' }), el('w:rPr', {}, s.rPr));
}

const PARA_STYLES: ParaStyle[] = [
  { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', pPr: [spacing(1200, 240)], rPr: [bold(), ...size(40)] },
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', pPr: [spacing(0, 120)], rPr: size(32) },
  { id: 'TitleMeta', name: 'Title Meta', basedOn: 'Normal', pPr: [spacing(0, 60)], rPr: size(22) },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    outline: 0,
    pPr: [keepNext(), keepLines(), el('w:pBdr', {}, el('w:bottom', { 'w:val': 'single', 'w:sz': 6, 'w:space': 4, 'w:color': '000000' })), spacing(480, 120)],
    rPr: [bold(), ...size(28)],
  },
  { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', outline: 1, pPr: [keepNext(), keepLines(), spacing(360, 120)], rPr: [bold(), ...size(24)] },
  { id: 'PartNote', name: 'Annex Part Note', basedOn: 'Normal', next: 'Normal', pPr: [keepNext(), spacing(0, 240)], rPr: [italic(), colour('404040')] },
  { id: 'AboutText', name: 'Annex About', basedOn: 'Normal', pPr: [spacing(0, 120), jc('both')] },
  { id: 'BasisItem', name: 'Annex Basis', basedOn: 'Normal', pPr: [spacing(0, 60), indent(567)] },
  { id: 'Legend', name: 'Annex Legend', basedOn: 'Normal', pPr: [spacing(0, 60), indent(567)] },
  { id: 'Instruction', name: 'Annex Instruction', basedOn: 'Normal', next: 'ClauseText', pPr: [keepNext(), spacing(240, 120)], rPr: [bold(), italic()] },
  { id: 'ClauseHeading', name: 'Annex Clause Heading', basedOn: 'Normal', next: 'ClauseText', pPr: [keepNext(), keepLines(), tabAt(NUMBER_COLUMN), spacing(120, 120), indent(NUMBER_COLUMN, NUMBER_COLUMN)], rPr: [bold()] },
  { id: 'ClauseHeadingPlain', name: 'Annex Clause Heading Unnumbered', basedOn: 'ClauseHeading', next: 'ClausePara', pPr: [indent(NUMBER_COLUMN, 0)] },
  { id: 'ClauseText', name: 'Annex Clause', basedOn: 'Normal', pPr: [tabAt(NUMBER_COLUMN), spacing(0, 120), indent(NUMBER_COLUMN, NUMBER_COLUMN), jc('both')] },
  { id: 'ClausePara', name: 'Annex Clause Paragraph', basedOn: 'ClauseText', pPr: [indent(NUMBER_COLUMN, 0)] },
  ...subParaStyles(),
  { id: 'Ellipsis', name: 'Annex Ellipsis', basedOn: 'Normal', pPr: [spacing(120, 120), indent(1134)] },
  { id: 'TableText', name: 'Annex Table Text', basedOn: 'Normal', pPr: [spacing(40, 40)], rPr: size(18) },
  { id: 'TableHeading', name: 'Annex Table Heading', basedOn: 'TableText', pPr: [keepNext()], rPr: [bold()] },
  { id: 'CommentText', name: 'annotation text', basedOn: 'Normal', pPr: [spacing(0, 0)], rPr: size(18) },
  { id: 'Header', name: 'header', basedOn: 'Normal', pPr: [tabs({ val: 'center', pos: 4706 }, { val: 'right', pos: 9412 }), spacing(0, 0)], rPr: size(16) },
  { id: 'Footer', name: 'footer', basedOn: 'Normal', pPr: [tabs({ val: 'center', pos: 4706 }, { val: 'right', pos: 9412 }), spacing(0, 0)], rPr: size(16) },
];

const CHAR_STYLES: CharStyle[] = [
  { id: 'InsertedText', name: 'Inserted Text', rPr: [colour(INSERT_COLOUR), el('w:u', { 'w:val': 'double', 'w:color': INSERT_COLOUR })] },
  { id: 'DeletedText', name: 'Deleted Text', rPr: [el('w:strike'), colour(DELETE_COLOUR)] },
  { id: 'CommentReference', name: 'annotation reference', rPr: size(16) },
  { id: 'ItemTag', name: 'Annex Item Tag', rPr: [colour('595959'), ...size(16)] },
  { id: 'CodeChar', name: 'Annex Code', rPr: [fonts(CODE_FONT)] },
];

/** Styles every sheet has whatever its list: Word's defaults. */
const DEFAULT_STYLES: { id: string; xml: XmlElement }[] = [
  { id: 'Normal', xml: el('w:style', { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' }, el('w:name', { 'w:val': 'Normal' }), el('w:qFormat')) },
  {
    id: 'DefaultParagraphFont',
    xml: el('w:style', { 'w:type': 'character', 'w:default': 1, 'w:styleId': 'DefaultParagraphFont' }, el('w:name', { 'w:val': 'Default Paragraph Font' }), el('w:uiPriority', { 'w:val': 1 }), el('w:semiHidden')),
  },
  {
    id: 'TableNormal',
    xml: el(
      'w:style',
      { 'w:type': 'table', 'w:default': 1, 'w:styleId': 'TableNormal' },
      el('w:name', { 'w:val': 'Normal Table' }),
      el('w:semiHidden'),
      el(
        'w:tblPr',
        {},
        el('w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }),
        el('w:tblCellMar', {}, ['top', 'left', 'bottom', 'right'].map((side) => el(`w:${side}`, { 'w:w': side === 'left' || side === 'right' ? 108 : 0, 'w:type': 'dxa' }))),
      ),
    ),
  },
];

/**
 * styles.xml: the Annex A's sheet, then `extra` paragraph and character styles (a whole document's) that it
 * does not define already — a style is never defined twice.
 */
export function stylesXml(extra: { para?: readonly ParaStyle[]; char?: readonly CharStyle[] } = {}): string {
  const ids = new Set([...DEFAULT_STYLES.map((s) => s.id), ...PARA_STYLES.map((s) => s.id), ...CHAR_STYLES.map((s) => s.id)]);
  const root = el(
    'w:styles',
    { 'xmlns:w': W_NS },
    el(
      'w:docDefaults',
      {},
      el('w:rPrDefault', {}, el('w:rPr', {}, fonts(BODY_FONT, true), size(20), el('w:lang', { 'w:val': 'en-GB', 'w:eastAsia': 'en-GB', 'w:bidi': 'ar-SA' }))),
      el('w:pPrDefault', {}, el('w:pPr', {}, el('w:spacing', { 'w:after': 120, 'w:line': 264, 'w:lineRule': 'auto' }))),
    ),
    DEFAULT_STYLES.map((s) => s.xml),
    PARA_STYLES.map(paraStyle),
    CHAR_STYLES.map(charStyle),
    (extra.para ?? []).filter((s) => !ids.has(s.id)).map(paraStyle),
    (extra.char ?? []).filter((s) => !ids.has(s.id)).map(charStyle),
  );
  return xmlPart(root);
}
