// The one Problem: what every reader, rule and planner reports, and what the CLI prints as
// `file:line:col  message  [rule]`. Facts a caller needs later (the item a problem is about, the first place of a
// duplicate) are fields, never re-read from the message.

/** A place in a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** Another place a problem concerns: the "first at" of a duplicate, the other side of a conflict. */
export interface RelatedPlace extends Place {
  file: string;
  message: string;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: string;
  severity: 'error' | 'warning';
  /** Where the offending text ends, when known. */
  end?: Place;
  related?: RelatedPlace[];
  /** The change-log item (and its 1-based edit) the problem belongs to. */
  item?: string;
  edit?: number;
}

/** Code-unit order of file, then line, column, rule and message: the same on every machine and locale. */
export function compareProblems(a: Problem, b: Problem): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
