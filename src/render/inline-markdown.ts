// Which characters of an inline Markdown string a reader sees, and how they look.
//
// Redline spans are cut on the Markdown *source* (a diff may split '*emphasis*' anywhere), but the DOCX and
// HTML outputs must never show syntax. lexInline maps every source character to what it shows (possibly
// nothing: a delimiter, a backslash, a link destination) and its formatting, so a renderer can walk a span
// character by character. The map is built from the same remark parse as the model's plainText, so the
// visible text of a string is, by construction, plainText(string); lexInline returns null in the one case
// where it cannot prove that (the caller then falls back to whole-text replacement, which stays exact).

import type { RootContent, PhrasingContent } from 'mdast';
import { markdownParser } from '../model/markdown-engine.js';
import { plainText } from '../model/plain-text.js';
import { simpleSegments, type SimpleSegment } from '../model/simple-inline.js';

export { plainText };

/** Formatting a visible character carries. Absent keys mean "not set" (so formats compare by JSON). */
export interface InlineFormat {
  em?: true;
  strong?: true;
  code?: true;
  /** GFM strikethrough written in the source ('~~x~~'), not a deletion. */
  strike?: true;
  /** Link destination when the character is part of a link's text. */
  href?: string;
}

export interface InlineChar {
  /** What the character shows: '' for syntax, one character usually, a decoded entity, '\n' for '<br>'. */
  out: string;
  fmt: InlineFormat;
}


// Same prefix as plainText: keeps '1. ', '# ', '- ' from being read as block syntax without changing flanking.
const PREFIX = '\u00a0';
const SYNTAX = /[\\`*_[\]<>&!~|]/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/;
const BR = /^<br\s*\/?>$/i;

const entityCache = new Map<string, string | null>();

/** The decoded text of a character reference, or null when remark does not decode it (unknown name). */
function decodeEntity(ref: string): string | null {
  let hit = entityCache.get(ref);
  if (hit === undefined) {
    const decoded = plainText(ref);
    hit = decoded === ref ? null : decoded;
    entityCache.set(ref, hit);
  }
  return hit;
}

const EMPTY: InlineFormat = Object.freeze({}) as InlineFormat;

class CharMap {
  readonly chars: InlineChar[];
  ok = true;
  constructor(readonly src: string) {
    // Everything starts hidden; text, code and html nodes switch their characters on.
    this.chars = Array.from({ length: src.length }, () => ({ out: '', fmt: EMPTY }));
  }

  show(i: number, out: string, fmt: InlineFormat): void {
    const c = this.chars[i];
    if (c) {
      c.out = out;
      c.fmt = fmt;
    }
  }

  /** A text node: literal characters, backslash escapes and character references, decoded to `value`. */
  text(start: number, end: number, value: string, fmt: InlineFormat): void {
    const src = this.src;
    let v = 0;
    let i = start;
    while (i < end) {
      const c = src[i]!;
      const next = src[i + 1];
      if (c === '\\' && i + 1 < end && next !== undefined && ASCII_PUNCT.test(next) && value[v] === next) {
        this.show(i + 1, next, fmt);
        i += 2;
        v += 1;
        continue;
      }
      if (c === '&') {
        const m = ENTITY.exec(src.slice(i, end));
        const decoded = m ? decodeEntity(m[0]) : null;
        if (m && decoded !== null && value.startsWith(decoded, v)) {
          this.show(i, decoded, fmt);
          i += m[0].length;
          v += decoded.length;
          continue;
        }
      }
      if (value[v] === c) {
        this.show(i, c, fmt);
        v += 1;
      } else if (c === '\u0000' && value[v] === '\uFFFD') {
        this.show(i, '\uFFFD', fmt);
        v += 1;
      }
      // Anything else is whitespace the parser trimmed (end of the paragraph): it stays hidden.
      i += 1;
    }
    if (v !== value.length) this.ok = false;
  }

  /** A code span: the content between the backtick runs, minus one padding space each side (CommonMark). */
  code(start: number, end: number, value: string, fmt: InlineFormat): void {
    const slice = this.src.slice(start, end);
    const ticks = /^`+/.exec(slice)?.[0].length ?? 0;
    let from = start + ticks;
    let to = end - ticks;
    const inner = this.src.slice(from, to);
    if (inner.length >= 2 && /^[ \n]/.test(inner) && /[ \n]$/.test(inner) && /[^ \n]/.test(inner)) {
      from += 1;
      to -= 1;
    }
    const content = this.src.slice(from, to).replace(/\n/g, ' ');
    if (content !== value) {
      this.ok = false;
      return;
    }
    const f = { ...fmt, code: true as const };
    for (let i = from; i < to; i++) this.show(i, content[i - from]!, f);
  }
}

function walk(map: CharMap, nodes: readonly (RootContent | PhrasingContent)[], fmt: InlineFormat, shift: number): void {
  for (const n of nodes) {
    const start = (n.position?.start.offset ?? 0) - shift;
    const end = (n.position?.end.offset ?? 0) - shift;
    switch (n.type) {
      case 'text':
        map.text(Math.max(start, 0), end, start < 0 ? n.value.slice(-start) : n.value, fmt);
        break;
      case 'inlineCode':
        map.code(start, end, n.value, fmt);
        break;
      case 'html':
        if (BR.test(n.value)) map.show(start, '\n', fmt);
        else for (let i = start; i < end; i++) map.show(i, map.src[i]!, fmt);
        break;
      case 'break':
        map.show(start, '\n', fmt);
        break;
      case 'emphasis':
        walk(map, n.children, { ...fmt, em: true }, shift);
        break;
      case 'strong':
        walk(map, n.children, { ...fmt, strong: true }, shift);
        break;
      case 'delete':
        walk(map, n.children, { ...fmt, strike: true }, shift);
        break;
      case 'link':
        walk(map, n.children, { ...fmt, href: n.url }, shift);
        break;
      default:
        // Paragraph wrappers and anything with children (link references, footnotes…) show their children;
        // images and other leaves without text show nothing, exactly as plainText treats them.
        if ('children' in n) walk(map, n.children as PhrasingContent[], fmt, shift);
        else if ('value' in n && typeof n.value === 'string') map.text(Math.max(start, 0), end, n.value, fmt);
    }
  }
}

/**
 * One entry per UTF-16 code unit of `source`: what it shows and how. Returns null when the map's visible text
 * would differ from plainText(source) (a parser construct this module does not map); callers must then treat
 * the text as a whole.
 */
export function lexInline(source: string): InlineChar[] | null {
  if (!SYNTAX.test(source)) return Array.from({ length: source.length }, (_, i) => ({ out: source[i]!, fmt: EMPTY }));
  return lexSimple(source) ?? lexInlineByParser(source);
}

const SIMPLE_FORMAT: Record<SimpleSegment['format'], InlineFormat> = { plain: EMPTY, em: { em: true }, strong: { strong: true }, code: { code: true } };

/**
 * The map of text in the model's simple grammar (plain words and whole-word *em*, **strong**, `code`; every
 * bold definitions key) without a parse: each marked run's delimiters hide, its inside takes the format.
 * tests/render/simple-inline.test.ts checks it against the parser's map (exported for that test).
 */
export function lexSimple(source: string): InlineChar[] | null {
  if (source.includes('<br>')) return lexSimpleBreaks(source);
  const chars: InlineChar[] = [];
  return pushSimple(source, chars) ? chars : null;
}

// What a '<br>' shows: one line break on its '<', its other characters hidden (as the parser's html node maps).
const BREAK_CHARS: readonly InlineChar[] = [{ out: '\n', fmt: EMPTY }, { out: '', fmt: EMPTY }, { out: '', fmt: EMPTY }, { out: '', fmt: EMPTY }];

/**
 * Simple text with line breaks (the '<br>' lists of table cells, thousands in a whole SEC): the grammar lets a
 * '<br>' stand only between two non-space characters and never inside a marked run (a run holds no '<'), so
 * every delimiter pairs within the piece between two breaks and the text is those pieces, each mapped alone,
 * joined by breaks. A piece outside the grammar on its own sends the whole text to the parser. Without this,
 * each such cell cost a remark parse (most of a release's conformed copies).
 */
function lexSimpleBreaks(source: string): InlineChar[] | null {
  // Every piece in the grammar and none empty is the whole text in it: a piece holds no space or '<' '>' at its
  // ends, so each break stands between two other characters, and a piece that opens with a bracket is held to
  // the stricter rule of a text's start (so a text the grammar would take whole may take the parser's path).
  const chars: InlineChar[] = [];
  const pieces = source.split('<br>');
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) for (const c of BREAK_CHARS) chars.push({ out: c.out, fmt: c.fmt });
    if (pieces[i] === '' || !pushSimple(pieces[i]!, chars)) return null;
  }
  return chars.length === source.length ? chars : null;
}

/** Appends the map of `text` (in the simple grammar, without line breaks); false when it is not in it. */
function pushSimple(text: string, chars: InlineChar[]): boolean {
  const segments = simpleSegments(text);
  if (!segments) return false;
  const start = chars.length;
  for (const s of segments) {
    const fmt = SIMPLE_FORMAT[s.format];
    for (let k = 0; k < s.delimiter; k++) chars.push({ out: '', fmt: EMPTY });
    for (let i = 0; i < s.text.length; i++) chars.push({ out: s.text[i]!, fmt });
    for (let k = 0; k < s.delimiter; k++) chars.push({ out: '', fmt: EMPTY });
  }
  return chars.length - start === text.length;
}

/** The map through the remark parse (every construct). */
export function lexInlineByParser(source: string): InlineChar[] | null {
  const tree = markdownParser().parse(`${PREFIX}${source}`);
  const map = new CharMap(source);
  const first = tree.children[0];
  walk(map, first && first.type === 'paragraph' ? first.children : tree.children, EMPTY, PREFIX.length);
  if (!map.ok) return null;
  let visible = '';
  for (const c of map.chars) visible += c.out;
  return visible === plainText(source) ? map.chars : null;
}
