// Page geometry in twentieths of a point (twips). A4 portrait; clause numbers hang in a 2 cm column and each
// sub-paragraph level indents by 720 twips (half an inch), the convention of SEC legal text.

export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN = 1247;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const NUMBER_COLUMN = 1134;
export const LEVEL_INDENT = 720;

export function sectionProperties(headerRel: string | null, footerRel: string | null): string {
  return (
    '<w:sectPr>' +
    (headerRel ? `<w:headerReference w:type="default" r:id="${headerRel}"/>` : '') +
    (footerRel ? `<w:footerReference w:type="default" r:id="${footerRel}"/>` : '') +
    `<w:pgSz w:w="${PAGE_WIDTH}" w:h="${PAGE_HEIGHT}"/>` +
    `<w:pgMar w:top="1440" w:right="${MARGIN}" w:bottom="1440" w:left="${MARGIN}" w:header="709" w:footer="709" w:gutter="0"/>` +
    '</w:sectPr>'
  );
}
