// Where a character of a block's text sits in the file. Blocks keep their text without the syntax in front of
// it ('## ', the number, '- (a) ', '| '), so a rule that finds something inside the text adds that prefix back.
// The prefix is exact for canonical files; with the source at hand the column is confirmed against the real
// line (and found on it when the file is not canonical), otherwise the block's own position is used.

import type { Block } from '../model/types.js';

/** Length of what canonical Markdown writes before `block.text` on the block's line. */
export function textPrefixLength(block: Pick<Block, 'kind' | 'label' | 'depth' | 'column'>): number {
  const label = block.label ? block.label.length + 1 : 0;
  switch (block.kind) {
    case 'heading':
      return block.depth + 1 + label;
    case 'clause':
      return label;
    case 'subpara':
      return 2 + label; // '- ' then the label; block.column is the marker's column
    case 'table':
    case 'row':
      return 2; // '| '
    case 'paragraph':
      return 0;
  }
}

export interface SourceLines {
  /** The file's lines (0-based array), or null when the source is not available. */
  lines: readonly string[] | null;
}

/** Splits a source once per document; rules call `locate` many times. */
export function sourceLines(source: string | undefined): SourceLines {
  return { lines: source === undefined ? null : source.split('\n') };
}

/**
 * 1-based line and column of what occurs in `block.text` at `offset`, given as one or more spellings (the
 * model's and a plain one). Falls back to the block's own position when none is found on the block's line.
 */
export function locate(
  src: SourceLines,
  block: Pick<Block, 'kind' | 'label' | 'depth' | 'line' | 'column'>,
  offset: number,
  ...needles: string[]
): { line: number; column: number } {
  const guess = block.column + textPrefixLength(block) + offset;
  const text = src.lines?.[block.line - 1];
  if (text === undefined) return { line: block.line, column: guess };
  // The model keeps canonical inline Markdown ('\[Not used]'); the file may spell it otherwise ('[Not used]').
  for (const needle of needles) if (needle && text.startsWith(needle, guess - 1)) return { line: block.line, column: guess };
  for (const needle of needles) {
    const found = needle ? text.indexOf(needle) : -1;
    if (found >= 0) return { line: block.line, column: found + 1 };
  }
  return { line: block.line, column: block.column };
}
