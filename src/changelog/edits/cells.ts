// Reading cell values from a change log: a list (by position) or a map keyed by column heading.

import { ChangeLogFields } from '../fields.js';
import { scalarString } from '../../yaml/fields.js';
import type { CellValues } from '../types.js';
import { describeNode } from '../../yaml/tree.js';
import type { Pos } from '../types.js';

export function readCells(r: ChangeLogFields, name: string, allowList: boolean): { cells: CellValues; keyPos: Map<string, Pos> } | null {
  const n = r.node(name);
  if (n === undefined) return null;
  const keyPos = new Map<string, Pos>();
  if (n.type === 'seq' && allowList) {
    const values: string[] = [];
    for (const item of n.items) {
      const s = scalarString(item);
      if (s === null || /[\r\n]/.test(s)) {
        r.report(item.pos, `${r.context}: each cell must be one line of text, found ${describeNode(item)}`);
        return null;
      }
      values.push(s);
    }
    if (values.length === 0) {
      r.report(n.pos, `${r.context}: '${name}' must give at least one cell`);
      return null;
    }
    return { cells: { by: 'position', values }, keyPos };
  }
  if (n.type === 'map') {
    const values = new Map<string, string>();
    for (const e of n.entries) {
      const s = scalarString(e.value);
      if (s === null || /[\r\n]/.test(s)) {
        r.report(e.value.pos, `${r.context}: cell '${e.key}' must be one line of text (write '' for an empty cell), found ${describeNode(e.value)}`);
        return null;
      }
      values.set(e.key, s);
      keyPos.set(e.key, e.keyPos);
    }
    if (values.size === 0) {
      r.report(n.pos, `${r.context}: '${name}' must give at least one cell`);
      return null;
    }
    return { cells: { by: 'heading', values }, keyPos };
  }
  r.report(n.pos, `${r.context}: '${name}' must be ${allowList ? 'a list of cells or ' : ''}a map of column heading to text, found ${describeNode(n)}`);
  return null;
}
