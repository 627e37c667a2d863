// The importer's intermediate records: what the Word body holds, read once in document order (body.ts), before
// it is mapped onto SEC Markdown blocks (map.ts).

import type { NumberLabel } from './numbering.js';

/** A piece of displayed text with its formatting. `br` is a line break (w:br, w:cr). */
export interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  href?: string;
  br?: true;
  /** A footnote reference: the footnote's number (1, 2, … in order of first reference); text is ''. */
  note?: number;
}

/** A footnote's content, numbered in order of first reference. */
export interface FootnoteRecord {
  number: number;
  segments: Segment[];
}

/** Something that cannot be placed in SEC Markdown (or not yet): kept as a marked paragraph and reported. */
export interface Aside {
  what: 'footnote' | 'endnote' | 'image' | 'text box' | 'equation' | 'chart' | 'embedded object' | 'nested table';
  /** Displayed text it carries (a footnote's text, a text box's text, an image's description). */
  text: string;
  /** The footnote number as displayed. */
  number?: number;
}

export interface ParaRecord {
  kind: 'p';
  /** 1-based position among all paragraphs of the body (tables included): the place reported in messages. */
  index: number;
  styleId?: string;
  styleName?: string;
  /** The label Word's numbering shows for it, if numbered. */
  label?: NumberLabel;
  segments: Segment[];
  /** Heading level from the style (Heading N) or the outline level; null for body text. */
  headingLevel: number | null;
  isTitle: boolean;
  isToc: boolean;
  /** Its paragraph style is a cross-heading style ('SEC Cross-heading', 'Crossheading'). */
  isCrossHeading?: boolean;
  asides: Aside[];
  /** Word list level (w:ilvl) when the paragraph is numbered, whatever its label shows. */
  listLevel?: number;
  /** Left indentation in twips, direct or from the paragraph style: places a continuation paragraph. */
  indent?: number;
}

export interface TableRecord {
  kind: 'table';
  index: number;
  /** rows → cells → the cell's paragraphs */
  rows: ParaRecord[][][];
}

export type BodyRecord = ParaRecord | TableRecord;

export type TrackedMode = 'accept' | 'reject' | 'refuse';

/** One tracked revision's author and day (YYYY-MM-DD), each left out when Word did not record it. */
export interface RevisionMark {
  author?: string;
  day?: string;
}
