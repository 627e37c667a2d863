// A report as the renderers see it: a title block, then sections of paragraphs, lists and tables of plain
// text. Every report (Modification Report, Release Implementation Document tables, Change Status Report) is
// built as one of these by a pure function, and written as Markdown, DOCX, CSV or JSON by one renderer each.

export interface ReportTable {
  header: string[];
  rows: string[][];
  /** A line under the table (a key to its marks). */
  note?: string;
}

export interface ReportSection {
  heading: string;
  /** Paragraphs before the list and table. */
  paragraphs: string[];
  list?: string[];
  table?: ReportTable;
}

export interface Report {
  /** 'MP250 'SEC Housekeeping 2024': Modification Report'. */
  title: string;
  /** Lines under the title: release, date, status. */
  meta: string[];
  sections: ReportSection[];
  /** YYYY-MM-DD the report is dated (from its sources, never the clock); null when undated. */
  date: string | null;
  /** The machine-readable facts behind the tables, for `--format json`. */
  data: unknown;
}

/** The mark a matrix cell carries where a modification has the impact (the seeds' tick). */
export const TICK = '✓';
