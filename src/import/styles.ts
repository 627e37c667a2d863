// styles.xml: what the importer needs of each style — its name (to recognise headings, Title and code
// styles), its basedOn chain, the numbering it links (pPr/numPr), its outline level, and run formatting
// (bold, italic) that runs inherit.

import { child, children, onOff, val, type XmlElement } from './xml.js';

export interface StyleInfo {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
  bold?: boolean;
  italic?: boolean;
  hidden?: boolean;
  /** Left indentation (w:ind w:left or w:start) in twips. */
  left?: number;
}

export interface Styles {
  get(id: string | undefined): StyleInfo | undefined;
  /** The style and its basedOn ancestors, nearest first (cycles cut). */
  chain(id: string | undefined): StyleInfo[];
  /** The paragraph style a name such as 'Heading 2' has, for readers that go by name. */
  defaultParagraph?: string;
}

export function readStyles(root: XmlElement | undefined): Styles {
  const map = new Map<string, StyleInfo>();
  let defaultParagraph: string | undefined;
  for (const s of children(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const pPr = child(s, 'w:pPr');
    const rPr = child(s, 'w:rPr');
    const numPr = child(pPr, 'w:numPr');
    const info: StyleInfo = { id, name: val(s, 'w:name') ?? id, type: s.attrs['w:type'] ?? 'paragraph' };
    const basedOn = val(s, 'w:basedOn');
    if (basedOn) info.basedOn = basedOn;
    const numId = val(numPr, 'w:numId');
    if (numId !== undefined) info.numId = numId;
    const ilvl = val(numPr, 'w:ilvl');
    if (ilvl !== undefined) info.ilvl = Number(ilvl);
    const outline = val(pPr, 'w:outlineLvl');
    if (outline !== undefined) info.outlineLvl = Number(outline);
    const b = onOff(rPr, 'w:b');
    if (b !== undefined) info.bold = b;
    const i = onOff(rPr, 'w:i');
    if (i !== undefined) info.italic = i;
    const hidden = onOff(rPr, 'w:vanish');
    if (hidden !== undefined) info.hidden = hidden;
    const left = indentOf(pPr);
    if (left !== undefined) info.left = left;
    if (info.type === 'paragraph' && (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true')) defaultParagraph = id;
    map.set(id, info);
  }
  const chain = (id: string | undefined): StyleInfo[] => {
    const out: StyleInfo[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const s = map.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  };
  const styles: Styles = { get: (id) => (id === undefined ? undefined : map.get(id)), chain };
  if (defaultParagraph !== undefined) styles.defaultParagraph = defaultParagraph;
  return styles;
}

/** 'heading 2', 'Heading 2' (built-in names are lower case in the file; some writers capitalise). */
export function headingLevelOfName(name: string): number | null {
  const m = /^heading\s*([1-9])$/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}

/** The left indentation a pPr sets (w:ind w:left, or w:start as strict and newer writers spell it), in twips. */
export function indentOf(pPr: XmlElement | undefined): number | undefined {
  const ind = child(pPr, 'w:ind');
  const v = ind?.attrs['w:left'] ?? ind?.attrs['w:start'];
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
}
