// The checks that let the tree diff trust its line scan for the text that changed.
//
// The line scan is exact for canonical Markdown; the remark parse is the reference for everything else. Parsing
// every changed clause with remark would cost seconds at the scale of the SEC (remark reads well under 1 MB/s),
// so the check is in two parts:
//   1. layout (canonicalLayout): in every clause whose bytes changed, blocks are separated the canonical way
//      (one blank line; list items and table lines adjacent), no line is indented except list items, no
//      trailing whitespace, no tabs. A wrapped paragraph, a lazy continuation or a setext heading fails here.
//   2. inline syntax (plainLine, parserAgrees): a changed block whose text is in the proven-canonical inline
//      grammar (src/model/simple-inline.ts: plain text with whole-word emphasis, strong and code) is read by
//      remark exactly as the scan reads it; every other changed block goes through parseDocument, and the
//      blocks it yields must match the scan's.
// A failure sends the document to the full path (scan whole, then parse whole if needed).

import type { Block } from '../model/types.js';
import { parseDocument } from '../model/parse.js';
import { sameBlockContent, type ClauseGroup } from './clauses.js';
import { isSimpleCanonicalInline as plain } from '../model/simple-inline.js';

/**
 * Whether remark is known to read this block's source line exactly as the line scan did. For a row, `columns`
 * is the number of columns of its table (remark pads a short row; the scan does not).
 */
export function plainLine(block: Block, line: string, columns?: number): boolean {
  switch (block.kind) {
    case 'heading':
      return line === `${'#'.repeat(block.depth)} ${block.label ? `${block.label} ` : ''}${block.text}` && plain(block.text) && !block.text.endsWith('#');
    case 'clause':
      return line === `${block.label} ${block.text}` && plain(block.text);
    case 'paragraph':
      return line === block.text && plain(line);
    case 'subpara': {
      // The nesting depth is the layout check's to vouch for; here the label and the text.
      const m = /^((?: {2})*)- (\S.*)$/.exec(line);
      return !!m && block.label !== '' && m[2] === `${block.label} ${block.text}` && plain(block.text);
    }
    case 'row':
    case 'table': {
      if (!line.startsWith('| ') || !line.endsWith(' |')) return false;
      const cells = line.slice(2, -2).split(' | ');
      if (block.kind === 'row' && cells.length !== columns) return false;
      return cells.every((c) => plain(c));
    }
  }
}

/**
 * Whether the source text of a clause (its lines, blank lines after it included) is laid out canonically.
 * `afterBlank`: the line before the clause is blank (or the front matter).
 */
export function canonicalLayout(text: string, afterBlank: boolean): boolean {
  const lines = text.split('\n');
  let prev: 'blank' | 'list' | 'table' | 'other' = afterBlank ? 'blank' : 'other';
  let depth = 0; // nesting depth of the previous list item
  for (let raw of lines) {
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw === '') {
      prev = 'blank';
      continue;
    }
    if (/\s$/.test(raw) || raw.includes('\t')) return false;
    const item = /^((?: {2})*)- /.exec(raw);
    const kind = raw.startsWith('|') ? 'table' : item ? 'list' : raw.startsWith(' ') ? null : 'other';
    if (kind === null) return false;
    if (prev !== 'blank' && !(prev === kind && kind !== 'other')) return false;
    if (item) {
      // A list starts at depth 1 and goes at most one level deeper per item, as remark nests it.
      const d = item[1]!.length / 2 + 1;
      if (d > (prev === 'list' ? depth + 1 : 1)) return false;
      depth = d;
    }
    prev = kind;
  }
  return true;
}

/** A changed block with the source lines remark needs to read it: the line, after a table header for a row. */
export interface SourceBlock {
  block: Block;
  /** The block's own line (for a table header, its line and the delimiter line). */
  lines: string[];
  /** For a row: its table's header and delimiter lines. */
  header?: [string, string];
}

/**
 * Parses the blocks that are not plain (one synthetic document per call) and checks remark finds the blocks
 * the scan found. Sub-paragraphs are parsed on their own, so their nesting depth is not compared (the
 * layout check has vouched for the indentation).
 */
export function parserAgrees(frontMatter: string, items: readonly SourceBlock[], file: string): boolean {
  const risky = items.filter((it) => !isPlain(it));
  if (risky.length === 0) return true;
  const chunks: string[] = [];
  // What the parse must yield, in order: a scanned block, or just some table header (before a row).
  const expected: ({ kind: 'block'; block: Block } | { kind: 'header' })[] = [];
  for (const it of risky) {
    if (it.block.kind === 'row') {
      if (!it.header) return false;
      chunks.push([...it.header, it.lines[0]!].join('\n'));
      expected.push({ kind: 'header' });
    } else {
      chunks.push((it.block.kind === 'subpara' ? it.lines.map((l) => l.trimStart()) : it.lines).join('\n'));
    }
    expected.push({ kind: 'block', block: it.block });
  }
  const head = frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
  const parsed = parseDocument(`${head}\n${chunks.join('\n\n')}\n`, file);
  if (!parsed.doc || parsed.problems.some((p) => p.severity === 'error')) return false;
  const got = parsed.doc.blocks;
  if (got.length !== expected.length) return false;
  return expected.every((e, i) => {
    const g = got[i]!;
    if (e.kind === 'header') return g.kind === 'table';
    return sameBlockContent(e.block.kind === 'subpara' ? { ...g, depth: e.block.depth } : g, e.block);
  });
}

function isPlain(it: SourceBlock): boolean {
  const columns = it.header ? it.header[0].slice(2, -2).split(' | ').length : undefined;
  if (!plainLine(it.block, it.lines[0] ?? '', columns)) return false;
  return it.block.kind !== 'table' || /^\|( :?-+:? \|)+$/.test(it.lines[1] ?? '');
}

/**
 * The slow path's check: whole clauses, parsed together, must give the blocks the scan gave. `source` gives
 * each clause's source lines.
 */
export function clausesParseAgree(frontMatter: string, clauses: readonly ClauseGroup[], source: (clause: ClauseGroup) => string, file: string): boolean {
  if (clauses.length === 0) return true;
  const excerpt = clauses.map((c) => source(c).replace(/\s+$/, '')).join('\n\n');
  const head = frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
  const parsed = parseDocument(`${head}\n${excerpt}\n`, file);
  if (!parsed.doc || parsed.problems.some((p) => p.severity === 'error')) return false;
  const got = parsed.doc.blocks;
  const expected = clauses.flatMap((c) => c.blocks);
  if (got.length !== expected.length) return false;
  for (let i = 0; i < got.length; i++) if (!sameBlockContent(got[i]!, expected[i]!)) return false;
  return true;
}

/** Lines of a clause group's source, by 1-based line number, from the clause's text and its first line number. */
export function sourceBlocks(group: ClauseGroup, text: string, firstLine: number, wanted: ReadonlySet<string>): SourceBlock[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const at = (line: number): string => lines[line - firstLine] ?? '';
  const tables = new Map(group.blocks.filter((b) => b.kind === 'table').map((b) => [b.id, b]));
  const out: SourceBlock[] = [];
  for (const block of group.blocks) {
    if (!wanted.has(block.id)) continue;
    const item: SourceBlock = { block, lines: block.kind === 'table' ? [at(block.line), at(block.line + 1)] : [at(block.line)] };
    if (block.kind === 'row') {
      const header = tables.get(block.table ?? '');
      if (header) item.header = [at(header.line), at(header.line + 1)];
    }
    out.push(item);
  }
  return out;
}
