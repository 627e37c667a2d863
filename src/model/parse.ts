// The full path: a unified/remark pipeline (remark-parse + remark-gfm) that turns any reasonable Markdown
// spelling of a SEC document into the same block model the line scanner produces for canonical files.
// `fmt` is parse → serialize; non-canonical input (wrapped lines, '*' bullets, padded tables) comes out canonical.

import type { List, PhrasingContent, RootContent, Table } from 'mdast';
import { markdownParser } from './markdown-engine.js';
import type { DocMeta, Problem, RawBlock } from './types.js';
import { readFrontMatter } from './front-matter.js';
import { identifyBlocks } from './identify.js';
import { classifyLine, type ModelResult } from './scan.js';
import { stringifyInline } from './inline.js';
import { escapeCellPipes, joinCells } from './table-syntax.js';
import { problem } from '../util/errors.js';


export function parseDocument(source: string, file: string): ModelResult {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const fm = readFrontMatter(lines, file);
  if (!fm.meta) return { doc: null, problems: fm.problems };
  const meta = fm.meta;
  const body = lines.slice(fm.bodyStart).join('\n');
  const offset = fm.bodyStart; // body line 1 is file line offset+1
  const tree = markdownParser().parse(body);
  const problems: Problem[] = [];
  const raw: RawBlock[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }): { line: number; column: number } => ({
    line: (node.position?.start.line ?? 1) + offset,
    column: node.position?.start.column ?? 1,
  });

  const walkList = (list: List, depth: number): void => {
    for (const item of list.children) {
      const pos = at(item);
      const [first, ...rest] = item.children;
      if (!first || first.type !== 'paragraph') {
        problems.push(problem(file, pos.line, pos.column, 'A sub-paragraph must start with its text, e.g. "- (a) the DCC;"', 'subparagraph-syntax'));
        continue;
      }
      const line = stringifyInline(first.children);
      const block = classifyLine(meta, `${'  '.repeat(depth - 1)}- ${line}`, pos.line);
      block.column = pos.column;
      if (block.label === '') {
        problems.push(problem(file, pos.line, pos.column + 2, 'List item has no sub-paragraph label: expected (a), (i), (A) … after the marker', 'subparagraph-label'));
      }
      raw.push(block);
      for (const child of rest) {
        if (child.type === 'list') walkList(child, depth + 1);
        else {
          const p = at(child);
          problems.push(problem(file, p.line, p.column, 'A sub-paragraph holds one paragraph: put continuation text after the list, at the left margin', 'subparagraph-syntax'));
        }
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
        const block = classifyLine(meta, `${'#'.repeat(node.depth)} ${stringifyInline(node.children)}`, pos.line);
        raw.push(block);
        return;
      }
      case 'paragraph': {
        const block = classifyLine(meta, stringifyInline(node.children), pos.line);
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
      case 'html':
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) {
          problems.push(problem(file, pos.line, pos.column, 'HTML comments are not kept in SEC Markdown: remove it or make it a paragraph', 'unsupported-block'));
          return;
        }
        break;
      default:
        break;
    }
    problems.push(problem(file, pos.line, pos.column, `Unsupported block (${node.type}): SEC Markdown has headings, clauses, sub-paragraph lists, paragraphs and tables`, 'unsupported-block'));
  };

  for (const node of tree.children) walk(node);
  return { doc: { file, meta: meta as DocMeta, blocks: identifyBlocks(meta, raw) }, problems };
}
