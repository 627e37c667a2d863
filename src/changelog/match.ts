// Finding a phrase in the text a reader sees (docs/changelog.md, 'Matching text'): case-sensitive and whole
// words by default, never across a formatting boundary or a table cell, reported as source ranges.

import type { DocIndex } from './doc-index.js';
import type { Block } from '../model/types.js';
import type { MatchOptions } from './types.js';
import { segmentOf, sourceRange, visibleText, type VisibleText } from './text-map.js';

/** A field of a block: its text (-1) or, for table headers and rows, one cell (0, 1, …). */
export type FieldIndex = number;

export interface TextPlace {
  doc: DocIndex;
  block: number;
  field: FieldIndex;
  /** Source offsets within the field. */
  start: number;
  end: number;
  /** Visible offsets within the field. */
  vStart: number;
  vEnd: number;
}

/** The editable fields of a block with their source text. */
export function fieldsOf(doc: DocIndex, block: number): { field: FieldIndex; source: string }[] {
  const b = doc.block(block);
  if (b.cells) return b.cells.map((source, field) => ({ field, source }));
  return [{ field: -1, source: b.text }];
}

export function fieldSource(doc: DocIndex, block: number, field: FieldIndex): string {
  const b = doc.block(block);
  return field < 0 ? b.text : b.cells?.[field] ?? '';
}

/**
 * Visible text per block field and compiled phrase expressions, each computed once per plan. Keyed by the Block
 * object (a plan only reads its documents, so a block's text cannot change under its key) rather than by a
 * string built per lookup; visible text costs a Markdown parse, so it is built only for fields a search
 * actually has to look into (see findPhrase).
 */
export class VisibleCache {
  private readonly texts = new Map<Block, (VisibleText | undefined)[]>();
  private readonly phrases = new Map<string, RegExp>();
  get(doc: DocIndex, block: number, field: FieldIndex): VisibleText {
    const b = doc.block(block);
    let fields = this.texts.get(b);
    if (!fields) {
      fields = [];
      this.texts.set(b, fields);
    }
    let v = fields[field + 1];
    if (!v) {
      v = visibleText(fieldSource(doc, block, field));
      fields[field + 1] = v;
    }
    return v;
  }
  /** The expression for a phrase, compiled once however many fields and edits search for it. */
  phrase(phrase: string, opts: MatchOptions): RegExp {
    const key = `${opts.wholeWord ? 'w' : '-'}${opts.matchCase ? 'c' : '-'}${phrase}`;
    let re = this.phrases.get(key);
    if (!re) {
      re = phraseRegExp(phrase, opts);
      this.phrases.set(key, re);
    }
    return re;
  }
}

const WORD = /[\p{L}\p{N}_]/u;
const SURROGATE = /[\ud800-\udfff]/;

/** The reference definition of a match: the phrase, with no letter, digit or '_' against a word end of it. */
export function phraseRegExp(phrase: string, opts: MatchOptions): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = opts.wholeWord && WORD.test(phrase[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = opts.wholeWord && WORD.test(phrase[phrase.length - 1] ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(before + escaped + after, opts.matchCase ? 'gu' : 'giu');
}

/** The code point ending at `i` (a surrogate pair read whole, as a Unicode expression reads it). */
function codePointBefore(text: string, i: number): string {
  const lo = text.charCodeAt(i - 1);
  if (i >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1] ?? '';
}

/**
 * Visible ranges of the matches of `phrase` in `text` as [start, end, start, end, …], leftmost first and not
 * overlapping: exactly what phraseRegExp's expression finds. A case-sensitive phrase without surrogates is
 * found with indexOf and its word ends checked by hand, because compiling an expression with Unicode property
 * classes costs more than the search itself, once per edit; other phrases go through the expression, compiled
 * once per plan.
 */
export function phraseMatches(text: string, phrase: string, opts: MatchOptions, cache: VisibleCache): number[] {
  const out: number[] = [];
  if (phrase === '') return out;
  if (!opts.matchCase || SURROGATE.test(phrase)) {
    const re = cache.phrase(phrase, opts);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(m.index, m.index + m[0].length);
    }
    return out;
  }
  const checkBefore = opts.wholeWord && WORD.test(phrase[0]!);
  const checkAfter = opts.wholeWord && WORD.test(phrase[phrase.length - 1]!);
  for (let i = text.indexOf(phrase); i >= 0; ) {
    const end = i + phrase.length;
    const after = text.codePointAt(end);
    if ((checkBefore && WORD.test(codePointBefore(text, i))) || (checkAfter && after !== undefined && WORD.test(String.fromCodePoint(after)))) {
      i = text.indexOf(phrase, i + 1);
      continue;
    }
    out.push(i, end);
    i = text.indexOf(phrase, end);
  }
  return out;
}

export interface FindResult {
  places: TextPlace[];
  /**
   * Matches refused because they straddle a formatting boundary (reported to explain a 0 count). Collected only
   * when `withStraddling` is asked for: a search that finds its phrase never reports them.
   */
  straddling: TextPlace[];
}

/**
 * Whether a field can hold a matchable place of `phrase` at all, without building its visible text. A match
 * lies inside one text or code segment, and in a source without escapes ('\\') or entities ('&') every
 * visible character of such a segment is the same character at the next source offset: a case-sensitive match
 * is then the phrase itself, verbatim in the source. So a source that does not contain it has no place; any
 * other field is searched in full.
 */
function mayHold(source: string, phrase: string, opts: MatchOptions): boolean {
  if (!opts.matchCase || source.includes('&') || source.includes('\\')) return true;
  return source.includes(phrase);
}

/**
 * Every match of `phrase` in the given blocks, in document order. Without `withStraddling` only fields that
 * can hold a matchable place are looked into (mayHold), so a search costs a scan of the sources plus the visible
 * text of the few fields that contain the phrase.
 */
export function findPhrase(doc: DocIndex, blocks: readonly number[], phrase: string, opts: MatchOptions, cache: VisibleCache, withStraddling = false): FindResult {
  const places: TextPlace[] = [];
  const straddling: TextPlace[] = [];
  for (const block of blocks) {
    for (const { field, source } of fieldsOf(doc, block)) {
      // Cheap rejection before any Markdown parse: the phrase's first character must be in the source (an
      // entity such as &#39; could stand for it, so sources with '&' are always searched).
      if (opts.matchCase && !source.includes('&') && !source.includes(phrase[0] ?? '')) continue;
      if (!withStraddling && !mayHold(source, phrase, opts)) continue;
      const v = cache.get(doc, block, field);
      // A phrase longer than the text cannot match it (and a case-insensitive expression of a megabyte is too
      // large for the engine to compile): no search. Twice the length allows for any case folding.
      if (phrase.length > 2 * v.text.length) continue;
      const found = phraseMatches(v.text, phrase, opts, cache);
      for (let k = 0; k < found.length; k += 2) {
        const vStart = found[k]!;
        const vEnd = found[k + 1]!;
        const [start, end] = sourceRange(v, vStart, vEnd);
        const place: TextPlace = { doc, block, field, start, end, vStart, vEnd };
        const seg = segmentOf(v, vStart, vEnd);
        if (seg && seg.matchable) places.push(place);
        else if (withStraddling) straddling.push(place);
      }
    }
  }
  return { places, straddling };
}

/** Matches of `phrase` inside one field whose visible range contains [vStart, vEnd). */
export function findAround(place: TextPlace, phrase: string, opts: MatchOptions, cache: VisibleCache): TextPlace[] {
  const { places } = findPhrase(place.doc, [place.block], phrase, opts, cache);
  return places.filter((p) => p.field === place.field && p.vStart <= place.vStart && p.vEnd >= place.vEnd);
}
