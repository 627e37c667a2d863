// What a reader sees of a block's inline Markdown, with a map back to source offsets. `find`, `before` and
// `after` phrases match this visible text (so 'sr:FirmwareVersionUpdate' finds `` `sr:FirmwareVersionUpdate` ``),
// and the edit is then made to the source range the match maps back to (so the backticks stay).
//
// The visible text is built exactly as model/plain-text.ts builds plainText (same parser, same node walk, and
// the same fast path for text in the proven inline grammar, model/simple-inline.ts); tests check the two agree
// on every block of sections/, and the fast path against the parser's reading on generated text. The text is cut into segments, one per text or code
// node: a match must lie inside one segment, so it never straddles a formatting boundary.

import type { PhrasingContent, RootContent } from 'mdast';
import { markdownParser } from '../model/markdown-engine.js';
import { simplePieces } from '../model/simple-inline.js';
import { pushAll } from '../util/arrays.js';

const SYNTAX = /[\\`*_[\]<>&!~|]/;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

export interface Segment {
  /** Visible range [start, end) in VisibleText.text. */
  start: number;
  end: number;
  /** False for line breaks and raw HTML, and for nodes whose source could not be aligned character by character. */
  matchable: boolean;
}

export interface VisibleText {
  text: string;
  /** For each visible character: the source offset where it starts, and where it ends. */
  srcStart: number[];
  srcEnd: number[];
  segments: Segment[];
}

export function visibleText(source: string): VisibleText {
  if (!SYNTAX.test(source)) {
    const idx = Array.from({ length: source.length }, (_, i) => i);
    return { text: source, srcStart: idx, srcEnd: idx.map((i) => i + 1), segments: [{ start: 0, end: source.length, matchable: true }] };
  }
  return simpleVisibleText(source) ?? parsedVisibleText(source);
}

/**
 * Text in the proven inline grammar read without a parse (a parse costs a fixed half millisecond or so, which
 * dominated planning a change log): the pieces remark reads it as, each mapped as the node walk below maps
 * its node. Null when the text is outside the grammar.
 */
export function simpleVisibleText(source: string): VisibleText | null {
  const pieces = simplePieces(source);
  if (!pieces) return null;
  const out: VisibleText = { text: '', srcStart: [], srcEnd: [], segments: [] };
  for (const p of pieces) {
    if (p.kind === 'break') {
      push(out, '\n', [p.start], [p.end], false);
      continue;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = p.innerStart; i < p.innerEnd; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    push(out, source.slice(p.innerStart, p.innerEnd), starts, ends, true);
  }
  return out;
}

/** The visible text as remark reads it: the reference the fast path must agree with. */
export function parsedVisibleText(source: string): VisibleText {
  const out: VisibleText = { text: '', srcStart: [], srcEnd: [], segments: [] };
  // Same leading no-break space as plainText, so block syntax at the start is not read as a list or heading.
  const prefixed = `\u00a0${source}`;
  const tree = markdownParser().parse(prefixed);
  const first = tree.children[0];
  const nodes = first && first.type === 'paragraph' ? first.children : tree.children;
  walk(nodes, prefixed, out);
  // Drop the no-break space: it is the first visible character when the parse kept it as text.
  if (out.text.startsWith('\u00a0')) {
    out.text = out.text.slice(1);
    out.srcStart = out.srcStart.slice(1);
    out.srcEnd = out.srcEnd.slice(1);
    out.segments = out.segments
      .map((s) => ({ start: Math.max(0, s.start - 1), end: s.end - 1, matchable: s.matchable }))
      .filter((s) => s.end > s.start);
  }
  out.srcStart = out.srcStart.map((o) => Math.max(0, o - 1));
  out.srcEnd = out.srcEnd.map((o) => Math.max(0, o - 1));
  return out;
}

function push(out: VisibleText, chars: string, starts: number[], ends: number[], matchable: boolean): void {
  if (chars === '') return;
  const start = out.text.length;
  out.text += chars;
  pushAll(out.srcStart, starts);
  pushAll(out.srcEnd, ends);
  out.segments.push({ start, end: out.text.length, matchable });
}

function offsets(n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | null {
  const s = n.position?.start.offset;
  const e = n.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

function walk(nodes: readonly (RootContent | PhrasingContent)[], src: string, out: VisibleText): void {
  for (const n of nodes) {
    if (n.type === 'text') pushText(n.value, offsets(n), src, out);
    else if (n.type === 'inlineCode') pushCode(n.value, offsets(n), src, out);
    else if (n.type === 'break') pushOpaque('\n', offsets(n), out);
    else if (n.type === 'html') pushOpaque(/^<br\s*\/?>$/i.test(n.value) ? '\n' : n.value, offsets(n), out);
    else if ('children' in n) walk(n.children as PhrasingContent[], src, out);
    else if ('value' in n && typeof n.value === 'string') pushOpaque(n.value, offsets(n), out);
  }
}

/** Characters with no one-to-one source: every character maps to the whole node; never matched inside. */
function pushOpaque(value: string, range: [number, number] | null, out: VisibleText): void {
  const [s, e] = range ?? [0, 0];
  push(out, value, Array(value.length).fill(s), Array(value.length).fill(e), false);
}

function pushText(value: string, range: [number, number] | null, src: string, out: VisibleText): void {
  if (!range) return pushOpaque(value, range, out);
  const [from, to] = range;
  const starts: number[] = [];
  const ends: number[] = [];
  let i = from;
  let j = 0;
  while (j < value.length && i < to) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < to && /[!-/:-@[-`{-~]/.test(src[i + 1]!) && value[j] === src[i + 1]) {
      starts.push(i);
      ends.push(i + 2);
      i += 2;
      j += 1;
    } else if (ch === '&' && ENTITY.test(src.slice(i, to)) && !value.startsWith(ENTITY.exec(src.slice(i, to))![0], j)) {
      // A decoded entity ('&amp;' → '&'; an unknown name stays literal and is matched by the next branch):
      // its one code point (one or two UTF-16 units) maps to the whole entity.
      const len = ENTITY.exec(src.slice(i, to))![0].length;
      const units = (value.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
      for (let u = 0; u < units; u++) {
        starts.push(i);
        ends.push(i + len);
      }
      i += len;
      j += units;
    } else if (ch === value[j]) {
      starts.push(i);
      ends.push(i + 1);
      i += 1;
      j += 1;
    } else {
      return pushOpaque(value, range, out);
    }
  }
  if (j !== value.length || i !== to) return pushOpaque(value, range, out);
  push(out, value, starts, ends, true);
}

function pushCode(value: string, range: [number, number] | null, src: string, out: VisibleText): void {
  if (!range) return pushOpaque(value, range, out);
  const [from, to] = range;
  const slice = src.slice(from, to);
  const ticks = /^`+/.exec(slice)?.[0].length ?? 0;
  const inner = slice.slice(ticks, slice.length - ticks);
  const at = inner === value ? ticks : inner.length >= 2 && inner.slice(1, -1) === value ? ticks + 1 : -1;
  if (at < 0) return pushOpaque(value, range, out);
  const starts = Array.from({ length: value.length }, (_, k) => from + at + k);
  push(out, value, starts, starts.map((s) => s + 1), true);
}

/** The segment holding visible range [start, end), or null when the range crosses a segment boundary. */
export function segmentOf(v: VisibleText, start: number, end: number): Segment | null {
  for (const s of v.segments) {
    if (start >= s.start && end <= s.end && (end > start || start < s.end || start === s.end)) return s;
  }
  return null;
}

/** Source range of visible range [start, end) (end > start). */
export function sourceRange(v: VisibleText, start: number, end: number): [number, number] {
  return [v.srcStart[start]!, v.srcEnd[end - 1]!];
}
