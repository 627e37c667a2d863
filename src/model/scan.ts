// The fast path: cuts a canonical document into blocks with one pass over its lines, no Markdown parser.
// It relies on the format's promise that every block is one line whose first characters say what it is
// (docs/format.md, 'Line scan'). tests/model/scan-parse-agree.test.ts checks it agrees with parse.ts.

import type { DocMeta, Problem, RawBlock, SecDocument } from './types.js';
import { readFrontMatter } from './front-matter.js';
import { identifyBlocks } from './identify.js';
import { leadingLabel, leadingNumber } from './numbering.js';
import { joinCells, parseDelimiter, splitRow } from './table-syntax.js';
import { ownSectionNumber, scopeName, scopeRef } from './scope.js';
import { problem } from '../util/errors.js';

export interface ModelResult {
  doc: SecDocument | null;
  problems: Problem[];
}

const HEADING = /^(#{1,6}) +(.*?)(?: +#+)?$/;
const LIST_ITEM = /^( *)[-*+] +(.*)$/;
/** A GFM footnote definition as fmt writes it: '[^1]: text' (its label is '[^1]:'). */
export const FOOTNOTE_DEF = /^(\[\^[^\]\s]+\]:)(?: (.*))?$/;
const INDENTED = /^( +)(\S.*)$/;

/**
 * Classifies lines one after another, tracking scopes (scope.ts): inside an inner appendix of a Section,
 * numbers are read appendix style. Shared by the line scan and the remark parse.
 */
export class LineClassifier {
  private scoped = false;
  private readonly seen = new Set<string>();
  constructor(private readonly meta: DocMeta) {}

  classify(line: string, lineNo: number): RawBlock {
    const block = classifyLine(this.meta, line, lineNo);
    const numbered = block.label !== '' && (block.kind === 'heading' || block.kind === 'clause');
    if (numbered && ownSectionNumber(this.meta, block.label)) {
      this.scoped = false; // a Section's own number ends an inner appendix
      return block;
    }
    const name = block.kind === 'heading' && block.label === '' ? scopeName(block.text, block.depth) : null;
    if (name !== null && !this.seen.has(name)) {
      this.seen.add(name);
      this.scoped = true;
      return block;
    }
    return this.scoped && this.meta.kind === 'section' ? classifyLine({ ...this.meta, ...scopeRef(this.meta) }, line, lineNo) : block;
  }
}

export function classifyLine(meta: DocMeta, line: string, lineNo: number): RawBlock {
  const h = HEADING.exec(line);
  if (h) {
    const text = h[2]!;
    const num = leadingNumber(meta, text, true);
    return num
      ? { kind: 'heading', label: num, depth: h[1]!.length, text: text.slice(num.length).trimStart(), line: lineNo, column: 1 }
      : { kind: 'heading', label: '', depth: h[1]!.length, text, line: lineNo, column: 1 };
  }
  const li = LIST_ITEM.exec(line);
  if (li) {
    const text = li[2]!;
    const label = leadingLabel(text) ?? '';
    return {
      kind: 'subpara',
      label,
      depth: Math.floor(li[1]!.length / 2) + 1,
      text: text.slice(label.length).trimStart(),
      line: lineNo,
      column: li[1]!.length + 1,
    };
  }
  const num = leadingNumber(meta, line, false);
  if (num) return { kind: 'clause', label: num, depth: 0, text: line.slice(num.length).trimStart(), line: lineNo, column: 1 };
  return { kind: 'paragraph', label: '', depth: 0, text: line, line: lineNo, column: 1 };
}

export function scanDocument(source: string, file: string): ModelResult {
  const lines = source.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const fm = readFrontMatter(lines, file);
  if (!fm.meta) return { doc: null, problems: fm.problems };
  const meta = fm.meta;
  const problems: Problem[] = [];
  const raw: RawBlock[] = [];
  const classifier = new LineClassifier(meta);
  let inTable = false;
  for (let i = fm.bodyStart; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') {
      inTable = false;
      continue;
    }
    const cells = splitRow(line);
    if (cells) {
      if (!inTable) {
        const delim = i + 1 < lines.length ? splitRow(lines[i + 1]!) : null;
        const align = delim ? parseDelimiter(delim) : null;
        if (!align) {
          problems.push(problem(file, lineNo, 1, 'Table header is not followed by a delimiter line such as | --- | --- |', 'table-syntax'));
          continue;
        }
        raw.push({ kind: 'table', label: '', depth: 0, text: joinCells(cells), cells, align, line: lineNo, column: 1 });
        inTable = true;
        i++; // the delimiter line
        continue;
      }
      raw.push({ kind: 'row', label: '', depth: 0, text: joinCells(cells), cells, line: lineNo, column: 1 });
      continue;
    }
    inTable = false;
    const fn = FOOTNOTE_DEF.exec(line);
    if (fn) {
      raw.push({ kind: 'paragraph', label: fn[1]!, depth: 0, text: fn[2] ?? '', line: lineNo, column: 1 });
      continue;
    }
    const indented = INDENTED.exec(line);
    if (indented && !LIST_ITEM.test(line)) {
      // A continuation paragraph of a sub-paragraph, indented to its item's text (read-document.ts checks that
      // an item is there to hold it).
      const depth = Math.max(1, Math.floor(indented[1]!.length / 2));
      raw.push({ kind: 'paragraph', label: '', depth, text: indented[2]!, line: lineNo, column: indented[1]!.length + 1 });
      continue;
    }
    raw.push(classifier.classify(line, lineNo));
  }
  return { doc: { file, meta, blocks: identifyBlocks(meta, raw) }, problems };
}
