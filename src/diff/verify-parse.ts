// The checks that let the tree diff trust its line scan for the text that changed.
//
// The line scan is exact for canonical Markdown; the remark parse is the reference for everything else. Parsing
// every changed clause with remark would cost seconds at the scale of the SEC (remark reads well under 1 MB/s),
// so the check is in two parts, the first about the diff's byte chunks, the second the reader's own:
//   1. layout (canonicalLayout, canonicalSource): in every clause whose bytes changed, blocks are separated the
//      canonical way (one blank line; list items and table lines adjacent), no line is indented except list
//      items, no trailing whitespace, no tabs; and each changed block's source lines are its canonical lines
//      (blockLines), a row as wide as its table. A wrapped paragraph, a lazy continuation or a setext heading
//      fails here. This is what the reader proves by serializing the whole document and comparing.
//   2. content (allTrusted, src/model/block-trust.ts, shared with read-document.ts): a changed block in the
//      proven-canonical inline grammar is read by remark exactly as the scan reads it; the others are re-read
//      through remark, in batches, verdicts cached by content. Footnotes are left to the full path: whether a
//      reference is one, and how a definition is numbered, depends on the rest of the document.
// A failure sends the document to the full path (scan whole, then parse whole if needed).

import type { Block, DocMeta } from '../model/types.js';
import { parseDocument } from '../model/parse.js';
import { blockLines } from '../model/serialize.js';
import { allTrusted } from '../model/block-trust.js';
import { sameBlockContent, type ClauseGroup } from './clauses.js';

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

/** A changed block with its source lines: one line, two for a table header (its line and the delimiter line). */
export interface SourceBlock {
  block: Block;
  lines: string[];
  /** For a row: the number of columns of its table's header line (remark pads a short row; the scan does not). */
  columns?: number;
}

/** Whether a changed block's source lines are its canonical lines, and a row is as wide as its table. */
export function canonicalSource(it: SourceBlock): boolean {
  if (it.block.kind === 'row' && (it.columns === undefined || it.columns !== (it.block.cells ?? []).length)) return false;
  const lines = blockLines(it.block);
  return lines.length === it.lines.length && lines.every((l, i) => l === it.lines[i]);
}

/**
 * Whether remark reads every changed block as the scan read it: laid out canonically, and trusted by the check
 * the reader makes (block-trust.ts). Sub-paragraphs are judged at the left margin, so their nesting depth is the
 * layout check's to vouch for (canonicalLayout).
 */
export function changedBlocksTrusted(meta: DocMeta, items: readonly SourceBlock[]): boolean {
  return items.every(canonicalSource) && allTrusted(meta, items.map((it) => it.block), 'unchecked');
}

/**
 * The slow path's check: whole clauses, parsed together, must give the blocks the scan gave. `source` gives
 * each clause's source lines. Unlike the fast path, nothing has vouched for the layout of these clauses (the
 * document is not in canonical form, or not cut into chunks), so their text is parsed as written, whole.
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
      // Counted on the header line as written, as remark counts it.
      if (header) item.columns = at(header.line).slice(2, -2).split(' | ').length;
    }
    out.push(item);
  }
  return out;
}
