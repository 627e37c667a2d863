// Finding a phrase in the text a reader sees (docs/changelog.md, 'Matching text'): case-sensitive and whole
// words by default, never across a formatting boundary or a table cell, reported as source ranges.

import type { DocIndex } from './doc-index.js';
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

/** Visible text per (document, block, field), computed once per apply. */
export class VisibleCache {
  private readonly cache = new Map<string, VisibleText>();
  get(doc: DocIndex, block: number, field: FieldIndex): VisibleText {
    const key = `${doc.id}\u0000${block}\u0000${field}`;
    let v = this.cache.get(key);
    if (!v) {
      v = visibleText(fieldSource(doc, block, field));
      this.cache.set(key, v);
    }
    return v;
  }
}

const WORD = /[\p{L}\p{N}_]/u;

function phraseRegExp(phrase: string, opts: MatchOptions): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = opts.wholeWord && WORD.test(phrase[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = opts.wholeWord && WORD.test(phrase[phrase.length - 1] ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(before + escaped + after, opts.matchCase ? 'gu' : 'giu');
}

export interface FindResult {
  places: TextPlace[];
  /** Matches refused because they straddle a formatting boundary (reported to explain a 0 count). */
  straddling: TextPlace[];
}

/** Every match of `phrase` in the given blocks, in document order. */
export function findPhrase(doc: DocIndex, blocks: readonly number[], phrase: string, opts: MatchOptions, cache: VisibleCache): FindResult {
  const re = phraseRegExp(phrase, opts);
  const places: TextPlace[] = [];
  const straddling: TextPlace[] = [];
  for (const block of blocks) {
    for (const { field, source } of fieldsOf(doc, block)) {
      // Cheap rejection before any Markdown parse: the phrase's first character must be in the source (an
      // entity such as &#39; could stand for it, so sources with '&' are always searched).
      if (opts.matchCase && !source.includes('&') && !source.includes(phrase[0] ?? '')) continue;
      const v = cache.get(doc, block, field);
      // A phrase longer than the text cannot match it (and a case-insensitive expression of a megabyte is too
      // large for the engine to compile): no search. Twice the length allows for any case folding.
      if (phrase.length > 2 * v.text.length) continue;
      re.lastIndex = 0;
      for (let m = re.exec(v.text); m; m = re.exec(v.text)) {
        const vStart = m.index;
        const vEnd = m.index + m[0].length;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const [start, end] = sourceRange(v, vStart, vEnd);
        const place: TextPlace = { doc, block, field, start, end, vStart, vEnd };
        const seg = segmentOf(v, vStart, vEnd);
        if (seg && seg.matchable) places.push(place);
        else straddling.push(place);
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
