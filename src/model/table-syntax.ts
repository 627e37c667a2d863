// GFM table lines in canonical form: '| a | b |'. Splitting honours backslash escapes ('\|' is a pipe in a cell).

import type { Align } from './types.js';

/** Cells of a table line, trimmed, escapes kept as written. Null when the line is not a table line. */
export function splitRow(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  // Cut at each pipe that no backslash escapes ('\\|' is a pipe in a cell; a backslash escapes the character after
  // it, whatever it is), found with indexOf: every row of every table is split on every read.
  const cells: string[] = [];
  let start = 1;
  let from = 1;
  let slash = t.indexOf('\\', from);
  for (;;) {
    let pipe = t.indexOf('|', from);
    while (slash >= 0 && (pipe < 0 || slash < pipe)) {
      from = Math.min(slash + 2, t.length); // the escaped character goes with it (a final backslash is itself)
      slash = t.indexOf('\\', from);
      if (pipe >= 0 && pipe < from) pipe = t.indexOf('|', from);
    }
    if (pipe < 0) break;
    cells.push(t.slice(start, pipe).trim());
    start = from = pipe + 1;
  }
  const rest = t.slice(start).trim();
  if (rest !== '') cells.push(rest); // a row without the closing pipe
  return cells;
}

/**
 * splitRow(line)?.length without building the cells: a table line is checked for its cell count on every row
 * (check's table-shape), where building each cell character by character costs more than the rest of the rule.
 */
export function rowCellCount(line: string): number | null {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  let count = 0;
  let cellStart = 1;
  if (!t.includes('\\')) {
    // No escapes: every pipe after the first ends a cell.
    for (let i = t.indexOf('|', 1); i >= 0; i = t.indexOf('|', i + 1)) {
      count++;
      cellStart = i + 1;
    }
    return t.slice(cellStart).trim() !== '' ? count + 1 : count;
  }
  for (let i = 1; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 92 /* \\ */ && i + 1 < t.length) i++;
    else if (ch === 124 /* | */) {
      count++;
      cellStart = i + 1;
    }
  }
  // A row without the closing pipe: what follows the last pipe is a cell when it is not blank.
  return t.slice(cellStart).trim() !== '' ? count + 1 : count;
}

export function parseDelimiter(cells: readonly string[]): Align[] | null {
  const out: Align[] = [];
  for (const c of cells) {
    const m = /^(:?)-+(:?)$/.exec(c);
    if (!m) return null;
    out.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  return out;
}

export function delimiterCell(a: Align): string {
  return a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---';
}

export function rowLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Escapes unescaped pipes so a cell's inline Markdown can sit between table pipes. */
export function escapeCellPipes(cell: string): string {
  let out = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && i + 1 < cell.length) {
      out += ch + cell[i + 1]!;
      i++;
    } else out += ch === '|' ? '\\|' : ch;
  }
  return out;
}

/** Row text as one string (what word diffs of whole rows and 'text' fields use). */
export function joinCells(cells: readonly string[]): string {
  return cells.join(' | ');
}
