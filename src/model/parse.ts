// The full path: a unified/remark pipeline (remark-parse + remark-gfm) that turns any reasonable Markdown
// spelling of a SEC document into the same block model the line scanner produces for canonical files.
// `fmt` is parse → serialize; non-canonical input (wrapped lines, '*' bullets, padded tables) comes out canonical.

import type { FootnoteDefinition, List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { markdownParser } from './markdown-engine.js';
import type { DocMeta, Problem, RawBlock } from './types.js';
import { readFrontMatter } from './front-matter.js';
import { identifyBlocks } from './identify.js';
import { LineClassifier, type ModelResult } from './scan.js';
import { stringifyInline } from './inline.js';
import { escapeCellPipes, joinCells } from './table-syntax.js';
import { problem } from '../util/errors.js';
import { inlineOverrun } from './inline-budget.js';


export function parseDocument(source: string, file: string): ModelResult {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const fm = readFrontMatter(lines, file);
  if (!fm.meta) return { doc: null, problems: fm.problems };
  const meta = fm.meta;
  const body = lines.slice(fm.bodyStart).join('\n');
  const offset = fm.bodyStart; // body line 1 is file line offset+1
  const overrun = inlineOverrun(body);
  if (overrun) return { doc: null, problems: [problem(file, overrun.line + fm.bodyStart, 1, overrun.message, 'too-complex')] };
  const tree = markdownParser().parse(body);
  const problems: Problem[] = [];
  const raw: RawBlock[] = [];
  const classifier = new LineClassifier(meta);
  const footnotes = renumberFootnotes(tree);
  const at = (node: { position?: { start: { line: number; column: number } } }): { line: number; column: number } => ({
    line: (node.position?.start.line ?? 1) + offset,
    column: node.position?.start.column ?? 1,
  });

  /**
   * A block the format does not know (a block quote, code, HTML, a nested table): a warning, and an unnumbered
   * paragraph holding its source exactly (de-indented to `depth`) so that fmt writes it back byte for byte.
   */
  const verbatim = (node: Nodes, depth: number, what: string): void => {
    const pos = at(node);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    problems.push(problem(file, pos.line, pos.column, `${what}: kept as it is written, as an unnumbered paragraph (see docs/format.md, 'Blocks the format does not know')`, 'unsupported-block', 'warning'));
    if (start === undefined || end === undefined) return;
    const indent = new RegExp(`^ {0,${2 * depth}}`);
    const text = body.slice(start, end).split('\n').map((l, i) => (i === 0 ? l : l.replace(indent, ''))).join('\n');
    raw.push({ kind: 'paragraph', label: '', depth, text, line: pos.line, column: pos.column });
  };

  const walkList = (list: List, depth: number): void => {
    if (list.ordered) {
      verbatim(list, depth - 1, 'An ordered list (1. 2. 3.) is not SEC Markdown: sub-paragraphs are written "- (a) …"');
      return;
    }
    for (const item of list.children) {
      const pos = at(item);
      const [first, ...rest] = item.children;
      if (!first || first.type !== 'paragraph') {
        verbatim(item, depth - 1, 'A sub-paragraph must start with its text, e.g. "- (a) the DCC;"');
        continue;
      }
      const line = stringifyInline(first.children);
      const block = classifier.classify(`${'  '.repeat(depth - 1)}- ${line}`, pos.line);
      block.column = pos.column;
      raw.push(block);
      for (const child of rest) {
        if (child.type === 'list') walkList(child, depth + 1);
        else if (child.type === 'paragraph') {
          // A continuation paragraph of this sub-paragraph ('H17.5(a)/p1').
          const p = at(child);
          raw.push({ kind: 'paragraph', label: '', depth, text: stringifyInline(child.children), line: p.line, column: p.column });
        } else verbatim(child, depth, `A ${child.type} inside a sub-paragraph is not SEC Markdown`);
      }
    }
  };

  const walkTable = (table: Table): void => {
    const [head, ...rows] = table.children;
    if (!head) return;
    const cellsOf = (row: typeof head): string[] => row.children.map((c) => escapeCellPipes(stringifyInline(c.children as PhrasingContent[])));
    const headCells = cellsOf(head);
    const align = headCells.map((_, i) => table.align?.[i] ?? null);
    const pos = at(table);
    raw.push({ kind: 'table', label: '', depth: 0, text: joinCells(headCells), cells: headCells, align, line: pos.line, column: pos.column });
    for (const row of rows) {
      const cells = cellsOf(row);
      while (cells.length < headCells.length) cells.push('');
      const p = at(row);
      raw.push({ kind: 'row', label: '', depth: 0, text: joinCells(cells), cells, line: p.line, column: p.column });
    }
  };

  const walk = (node: RootContent): void => {
    const pos = at(node);
    switch (node.type) {
      case 'heading': {
        const block = classifier.classify(`${'#'.repeat(node.depth)} ${stringifyInline(node.children)}`, pos.line);
        raw.push(block);
        return;
      }
      case 'paragraph': {
        const block = classifier.classify(stringifyInline(node.children), pos.line);
        block.column = pos.column;
        raw.push(block);
        return;
      }
      case 'list':
        walkList(node, 1);
        return;
      case 'table':
        walkTable(node);
        return;
      case 'footnoteDefinition':
        return; // collected by renumberFootnotes; written at the end
      default:
        break;
    }
    const what = node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())
      ? 'An HTML comment is not SEC Markdown'
      : `A ${node.type === 'blockquote' ? 'block quote' : node.type === 'code' ? 'code block' : node.type} is not SEC Markdown (it has headings, clauses, sub-paragraph lists, paragraphs, tables and footnotes)`;
    verbatim(node, 0, what);
  };

  for (const node of tree.children) walk(node);
  // Footnote definitions last, in the order of their first reference (docs/format.md, 'Footnotes').
  for (const def of footnotes) {
    const [only, ...more] = def.children;
    if (!only || only.type !== 'paragraph' || more.length) {
      verbatim(def, 0, 'A footnote holds one paragraph');
      continue;
    }
    const p = at(def);
    raw.push({ kind: 'paragraph', label: `[^${def.label ?? def.identifier}]:`, depth: 0, text: stringifyInline(only.children), line: p.line, column: p.column });
  }
  return { doc: { file, meta: meta as DocMeta, blocks: identifyBlocks(meta, raw) }, problems };
}

/**
 * Renumbers footnotes 1, 2, … in the order of their first reference (definitions nobody refers to come after,
 * in the order written), relabelling references and definitions in place. Returns the definitions in that order.
 */
function renumberFootnotes(tree: Root): FootnoteDefinition[] {
  const defs = new Map<string, FootnoteDefinition>();
  const order: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition') {
      if (!defs.has(node.identifier)) defs.set(node.identifier, node);
      return;
    }
    if (node.type === 'footnoteReference' && !order.includes(node.identifier)) order.push(node.identifier);
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(tree);
  for (const id of defs.keys()) if (!order.includes(id)) order.push(id);
  const number = new Map(order.map((id, i) => [id, String(i + 1)]));
  const relabel = (node: Nodes): void => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      const n = number.get(node.identifier);
      if (n !== undefined) {
        node.identifier = n;
        node.label = n;
      }
    }
    if ('children' in node) for (const c of node.children) relabel(c as Nodes);
  };
  relabel(tree);
  return order.map((id) => defs.get(id)).filter((d): d is FootnoteDefinition => d !== undefined);
}
