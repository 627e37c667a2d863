// New sub-paragraphs, written in a change log as a YAML list of {label?, text, subparagraphs?}. Labels left
// out are numbered by the SEC convention for their level: (a) (b) … under a clause, (i) (ii) … under (a).

import type { RawBlock } from '../../model/types.js';
import { labelAt, labelIndex, leadingLabel, styleForDepth } from '../../model/index.js';
import { CHANGE_LOG_SCHEMA, ChangeLogFields } from '../fields.js';
import { asMap } from '../../yaml/fields.js';
import type { SubParagraphSpec } from '../types.js';
import type { YNode } from '../../yaml/tree.js';
import { describeNode } from '../../yaml/tree.js';
import { pushAll } from '../../util/arrays.js';

const MAX_DEPTH = 4;

export function readSubparagraphs(r: ChangeLogFields, node: YNode, depth: number, context: string): SubParagraphSpec[] | null {
  if (node.type !== 'seq') {
    r.report(node.pos, `${context}: 'subparagraphs' must be a list of {label, text, subparagraphs}, found ${describeNode(node)}`);
    return null;
  }
  if (depth > MAX_DEPTH) {
    r.report(node.pos, `${context}: sub-paragraphs nest at most ${MAX_DEPTH} levels ((a) → (i) → (A) → (I))`);
    return null;
  }
  const out: SubParagraphSpec[] = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const where = `${context}, sub-paragraph ${i + 1}`;
    const map = asMap(item, r.file, r.problems, where, CHANGE_LOG_SCHEMA);
    if (!map) {
      ok = false;
      return;
    }
    const f = new ChangeLogFields(map, r.file, r.problems, where, ['label', 'text', 'subparagraphs']);
    const label = f.string('label');
    const text = f.string('text', { required: 'the sub-paragraph text' });
    if (label !== null && (leadingLabel(label) !== label || labelIndex(styleForDepth(depth), label) === null)) {
      f.report(f.pos('label'), `${where}: label '${label}' is not a level-${depth} label such as ${labelAt(styleForDepth(depth), 1)}`);
    }
    const childNode = f.node('subparagraphs');
    const children = childNode === undefined ? [] : readSubparagraphs(f, childNode, depth + 1, where);
    if (!f.ok || text === null || children === null) {
      ok = false;
      return;
    }
    out.push({ label, text, subparagraphs: children, pos: item.pos });
  });
  return ok ? out : null;
}

/** Raw blocks for sub-paragraph specs at `depth` (1 = directly under a clause). */
export function subparagraphBlocks(specs: readonly SubParagraphSpec[], depth: number): RawBlock[] {
  const out: RawBlock[] = [];
  specs.forEach((s, i) => {
    out.push({ kind: 'subpara', label: s.label ?? labelAt(styleForDepth(depth), i + 1), depth, text: s.text });
    pushAll(out, subparagraphBlocks(s.subparagraphs, depth + 1));
  });
  return out;
}
