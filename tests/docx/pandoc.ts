// pandoc as an independent reader of our DOCX: --track-changes=accept|reject, read with +styles so each
// paragraph keeps its style name, flattened into a list of paragraphs and tables with their visible text.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Changes = 'accept' | 'reject' | 'all';

export interface Unit {
  /** Paragraph style name ('Annex Clause', 'Annex Instruction', 'Heading 1', 'Normal'), or 'table'. */
  style: string;
  /** Paragraph text; '\n' for line breaks. */
  text: string;
  /** Tables: rows of cell texts (the header row first). */
  rows?: string[][];
}

export function runPandoc(docx: Uint8Array, changes: Changes, to: string, from = 'docx+styles'): string {
  const dir = mkdtempSync(join(tmpdir(), 'annex-pandoc-'));
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, docx);
    const r = spawnSync('pandoc', ['-f', from, '-t', to, `--track-changes=${changes}`, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Node = { t: string; c?: unknown };

/**
 * Footnotes met while reading one package, in order: a Note shows in the text as its mark '[^n]' (what a
 * reader sees: a numbered reference), and its text is listed after the body, as 'Footnote' units.
 */
let notes: string[] = [];

function inlineText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  let out = '';
  for (const n of nodes as Node[]) {
    switch (n.t) {
      case 'Str':
        out += n.c as string;
        break;
      case 'Space':
      case 'SoftBreak':
        out += ' ';
        break;
      case 'LineBreak':
        out += '\n';
        break;
      case 'Note':
        notes.push(blocksText(n.c));
        out += `[^${notes.length}]`;
        break;
      case 'Code':
        out += (n.c as [unknown, string])[1];
        break;
      case 'Emph':
      case 'Strong':
      case 'Strikeout':
      case 'Underline':
      case 'SmallCaps':
      case 'Superscript':
      case 'Subscript':
        out += inlineText(n.c);
        break;
      case 'Span':
      case 'Link':
        out += inlineText((n.c as unknown[])[1]);
        break;
      case 'Quoted':
        out += inlineText((n.c as unknown[])[1]);
        break;
      default:
        break;
    }
  }
  return out;
}

function blocksText(blocks: unknown): string {
  const out: string[] = [];
  for (const b of (blocks ?? []) as Node[]) {
    if (b.t === 'Para' || b.t === 'Plain') out.push(inlineText(b.c));
    else if (b.t === 'Div') out.push(blocksText((b.c as unknown[])[1]));
    else if (b.t === 'BlockQuote') out.push(blocksText(b.c));
  }
  return out.join('\n');
}

function rowCells(row: unknown): string[] {
  // Row = [Attr, [Cell]]; Cell = [Attr, Alignment, RowSpan, ColSpan, [Block]]
  const cells = (row as [unknown, unknown[]])[1];
  return cells.map((cell) => blocksText((cell as unknown[])[4]));
}

function tableRows(c: unknown[]): string[][] {
  // Table = [Attr, Caption, [ColSpec], TableHead, [TableBody], TableFoot]
  const rows: string[][] = [];
  const head = c[3] as [unknown, unknown[]];
  for (const r of head[1]) rows.push(rowCells(r));
  for (const body of c[4] as unknown[][]) {
    // TableBody = [Attr, RowHeadColumns, [Row] (head), [Row] (body)]
    for (const r of body[2] as unknown[]) rows.push(rowCells(r));
    for (const r of body[3] as unknown[]) rows.push(rowCells(r));
  }
  return rows;
}

function walk(blocks: unknown, style: string, out: Unit[]): void {
  for (const b of (blocks ?? []) as Node[]) {
    switch (b.t) {
      case 'Para':
      case 'Plain':
        out.push({ style, text: inlineText(b.c) });
        break;
      case 'Header': {
        const [level, , inl] = b.c as [number, unknown, unknown];
        out.push({ style: `Heading ${level}`, text: inlineText(inl) });
        break;
      }
      case 'Div': {
        const [attr, inner] = b.c as [[string, string[], [string, string][]], unknown];
        const custom = attr[2].find(([k]) => k === 'custom-style');
        walk(inner, custom ? custom[1] : style, out);
        break;
      }
      case 'BlockQuote':
        walk(b.c, style, out);
        break;
      case 'Table':
        out.push({ style: 'table', text: '', rows: tableRows(b.c as unknown[]) });
        break;
      default:
        break;
    }
  }
}

export function pandocUnits(docx: Uint8Array, changes: Changes): Unit[] {
  const json = JSON.parse(runPandoc(docx, changes, 'json')) as { blocks: unknown };
  const out: Unit[] = [];
  notes = [];
  walk(json.blocks, 'Normal', out);
  notes.forEach((text, i) => out.push({ style: 'Footnote', text: `[^${i + 1}]: ${text}` }));
  notes = [];
  return out;
}
