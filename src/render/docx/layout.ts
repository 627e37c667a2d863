// Page geometry in twentieths of a point (twips). A4 portrait; clause numbers hang in a 2 cm column and each
// sub-paragraph level indents by 720 twips (half an inch), the convention of SEC legal text.

import { el, type XmlElement } from './xml.js';

export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN = 1247;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const NUMBER_COLUMN = 1134;
export const LEVEL_INDENT = 720;
/** Sub-paragraph levels with a paragraph style of their own (deeper ones set the indent directly). */
export const SUBPARA_STYLES = 4;

/** The section's page set-up; `first` gives the first page (a cover) a header and footer of its own. */
export function sectionProperties(headerRel: string | null, footerRel: string | null, first: { header: string; footer: string } | null = null): XmlElement {
  return el(
    'w:sectPr',
    {},
    headerRel && el('w:headerReference', { 'w:type': 'default', 'r:id': headerRel }),
    first && el('w:headerReference', { 'w:type': 'first', 'r:id': first.header }),
    footerRel && el('w:footerReference', { 'w:type': 'default', 'r:id': footerRel }),
    first && el('w:footerReference', { 'w:type': 'first', 'r:id': first.footer }),
    el('w:pgSz', { 'w:w': PAGE_WIDTH, 'w:h': PAGE_HEIGHT }),
    el('w:pgMar', { 'w:top': 1440, 'w:right': MARGIN, 'w:bottom': 1440, 'w:left': MARGIN, 'w:header': 709, 'w:footer': 709, 'w:gutter': 0 }),
    first && el('w:titlePg'),
  );
}
