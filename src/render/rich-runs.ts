// Turns a TextChange over inline Markdown source into runs of *visible* text with formatting and a change op.
//
// Spans cut across inline syntax, so each side is lexed on its own (lexInline) and the spans are walked one
// source character at a time: an equal character shows on both sides, a deleted one only on the old side, an
// inserted one only on the new side. A character that is syntax on one side and text on the other (a '*' that
// stops being a delimiter) or that shows differently (an entity whose name changed) becomes a deletion of what
// the old side showed plus an insertion of what the new side shows. So, always:
//   visible text of the non-deleted runs === plainText(new), of the non-inserted runs === plainText(old).

import type { SpanOp, TextChange } from '../redline/types.js';
import { lexInline, plainText, type InlineChar, type InlineFormat } from './inline-markdown.js';

export interface RichRun {
  op: SpanOp;
  /** Visible text; '\n' is a line break ('<br>'). Never empty. */
  text: string;
  fmt: InlineFormat;
  /** Change-log items behind an insertion or deletion (empty for equal runs and diffs). */
  items: string[];
}

class RunBuilder {
  readonly runs: RichRun[] = [];
  push(op: SpanOp, text: string, fmt: InlineFormat, items: readonly string[]): void {
    if (text === '') return;
    const its = op === 'equal' ? [] : [...items];
    const last = this.runs[this.runs.length - 1];
    if (last && last.op === op && sameFormat(last.fmt, fmt) && sameItems(last.items, its)) last.text += text;
    else this.runs.push({ op, text, fmt, items: its });
  }
}

function sameFormat(a: InlineFormat, b: InlineFormat): boolean {
  return a.em === b.em && a.strong === b.strong && a.code === b.code && a.strike === b.strike && a.href === b.href;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function spanItems(change: TextChange): string[] {
  const set = new Set<string>();
  for (const s of change.spans) for (const i of s.items ?? []) set.add(i);
  return [...set];
}

/** Runs for a TextChange whose text is inline Markdown (block text, table cells). */
export function richRuns(change: TextChange): RichRun[] {
  const oldSrc = change.old ?? '';
  const newSrc = change.new ?? '';
  const oldMap = lexInline(oldSrc);
  // An unchanged text (every cell of a conformed copy, most of a redline's) is lexed once: the maps are only read.
  const newMap = newSrc === oldSrc ? oldMap : lexInline(newSrc);
  const b = new RunBuilder();
  if (!oldMap || !newMap) {
    // A construct the character map cannot prove: show the whole text as replaced (still exact).
    const o = plainText(oldSrc);
    const n = plainText(newSrc);
    const items = spanItems(change);
    if (o === n) b.push('equal', n, {}, []);
    else {
      b.push('delete', o, {}, items);
      b.push('insert', n, {}, items);
    }
    return b.runs;
  }
  let oi = 0;
  let ni = 0;
  for (const span of change.spans) {
    const items = span.items ?? [];
    for (let k = 0; k < span.text.length; k++) {
      if (span.op === 'delete') {
        const c = oldMap[oi++];
        if (c) b.push('delete', c.out, c.fmt, items);
      } else if (span.op === 'insert') {
        const c = newMap[ni++];
        if (c) b.push('insert', c.out, c.fmt, items);
      } else {
        equalChar(b, oldMap[oi++], newMap[ni++], items);
      }
    }
  }
  return b.runs;
}

function equalChar(b: RunBuilder, o: InlineChar | undefined, n: InlineChar | undefined, items: readonly string[]): void {
  const oOut = o?.out ?? '';
  const nOut = n?.out ?? '';
  if (oOut === nOut) {
    // Shown the same on both sides: unchanged text (formatting follows the new side).
    b.push('equal', nOut, n?.fmt ?? {}, []);
    return;
  }
  b.push('delete', oOut, o?.fmt ?? {}, items);
  b.push('insert', nOut, n?.fmt ?? {}, items);
}

/** Runs for literal text (clause numbers and labels): no Markdown, every character shows. */
export function literalRuns(change: TextChange): RichRun[] {
  const b = new RunBuilder();
  for (const s of change.spans) b.push(s.op, s.text, {}, s.items ?? []);
  return b.runs;
}

export function acceptRuns(runs: readonly RichRun[]): string {
  return runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('');
}

export function rejectRuns(runs: readonly RichRun[]): string {
  return runs.filter((r) => r.op !== 'insert').map((r) => r.text).join('');
}
