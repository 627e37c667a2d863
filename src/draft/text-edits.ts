// The narrowest text edits that turn one block's old text into its new text, written as a drafter would:
// `replace` with a `find` of whole words that occurs exactly once in its scope (widened with context until it
// does), `insert-text` after or before a unique phrase (or at the start or end), and `rewrite` when most of the
// text changed or the change sits in Markdown syntax that visible-text matching cannot address. The result is
// only a proposal: drafting verifies the whole change log by applying it, and falls back where it is wrong.

import { diffText } from '../diff/word-diff.js';
import type { DraftEdit, TextChangeNote } from './types.js';

const WORD = /[\p{L}\p{N}_]/u;
/** Characters whose presence means visible text differs from the source: leave such blocks to `rewrite`. */
const MARKDOWN_SYNTAX = /[*_`\\[\]<>&!|~#]/;
/** More change regions than this in one block reads better as a rewrite. */
const MAX_REGIONS = 6;
/** Past this share of changed characters the block is rewritten. */
const MAX_CHANGED_SHARE = 0.6;

/** A change: old range [start, end) becomes new range [nStart, nEnd). */
interface Region {
  start: number;
  end: number;
  nStart: number;
  nEnd: number;
}

export interface TextEditResult {
  edits: DraftEdit[];
  notes: TextChangeNote[];
}

/**
 * Edits turning `oldText` into `newText` for block `id`. `scopeTexts` are the visible texts a phrase is
 * searched in (for uniqueness); `whole` makes the whole-text fallback (rewrite, or rename-heading).
 */
export function draftTextEdits(id: string, oldText: string, newText: string, scopeTexts: readonly string[], whole: (text: string) => DraftEdit): TextEditResult {
  const rewrite = (): TextEditResult => ({ edits: [whole(newText)], notes: [{ kind: 'rewrite', old: oldText, new: newText }] });
  if (oldText === newText) return { edits: [], notes: [] };
  if (oldText.trim() === '') return rewrite();
  const diff = diffRegions(oldText, newText);
  const changed = diff.reduce((n, r) => n + Math.max(r.end - r.start, r.nEnd - r.nStart), 0);
  if (diff.length > MAX_REGIONS || changed > MAX_CHANGED_SHARE * Math.max(oldText.length, newText.length)) return rewrite();

  const cover = coverer(diff);
  // Widen each change to whole words and to a phrase found once in the scope; changes that come to touch
  // merge. Repeat until nothing moves.
  let ranges = diff.map((r) => cover(r.start, r.end));
  for (let round = 0; round < 20; round++) {
    const next = union(ranges.map((r) => cover(...widen(oldText, r, scopeTexts))), cover);
    const stable = next.length === ranges.length && next.every((r, i) => r.start === ranges[i]!.start && r.end === ranges[i]!.end);
    ranges = next;
    if (stable) break;
  }
  if (ranges.length > MAX_REGIONS) return rewrite();
  const edits: DraftEdit[] = [];
  const notes: TextChangeNote[] = [];
  for (const r of ranges) {
    // Phrases match the visible text: a phrase free of Markdown syntax reads the same in the source, and being
    // found once in the visible text of the scope it is the one at this place.
    const insert = newText.slice(r.nStart, r.nEnd);
    if (MARKDOWN_SYNTAX.test(oldText.slice(r.start, r.end)) || MARKDOWN_SYNTAX.test(insert)) return rewrite();
    const e = editFor(id, oldText, r, insert, scopeTexts);
    if (!e) return rewrite();
    edits.push(e.edit);
    notes.push(e.note);
  }
  return { edits, notes };
}

function diffRegions(oldText: string, newText: string): Region[] {
  const out: Region[] = [];
  let pos = 0;
  let npos = 0;
  let cur: Region | null = null;
  for (const s of diffText(oldText, newText)) {
    if (s.op === 'equal') {
      if (cur) out.push(cur);
      cur = null;
      pos += s.text.length;
      npos += s.text.length;
      continue;
    }
    cur ??= { start: pos, end: pos, nStart: npos, nEnd: npos };
    if (s.op === 'delete') {
      pos += s.text.length;
      cur.end = pos;
    } else {
      npos += s.text.length;
      cur.nEnd = npos;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Extends an old range to take in every change it overlaps or touches, and maps it to the new text: outside
 * the changes old and new differ by the changes' length differences before the point.
 */
function coverer(diff: readonly Region[]): (start: number, end: number) => Region {
  return (start, end) => {
    let s = start;
    let e = end;
    for (let moved = true; moved; ) {
      moved = false;
      for (const r of diff) {
        if (r.start <= e && r.end >= s && (r.start < s || r.end > e)) {
          s = Math.min(s, r.start);
          e = Math.max(e, r.end);
          moved = true;
        }
      }
    }
    // Every change is now inside [s, e) or clear of it.
    let before = 0;
    let inside = 0;
    for (const r of diff) {
      const d = r.nEnd - r.nStart - (r.end - r.start);
      if (r.end < s) before += d;
      else if (r.start >= s && r.end <= e) inside += d;
    }
    return { start: s, end: e, nStart: s + before, nEnd: e + before + inside };
  };
}

/** Merges ranges that overlap or touch into one. */
function union(ranges: readonly Region[], cover: (s: number, e: number) => Region): Region[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Region[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = cover(last.start, Math.max(last.end, r.end));
    else out.push(r);
  }
  return out;
}

const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * The old range a change should be written over: whole words, no space at either edge of a replacement's
 * `find`, and (for a replacement) a phrase found exactly once in the scope. A pure insertion between two
 * non-word characters, or at a word's edge, stays an insertion (its anchor is chosen in editFor).
 */
function widen(text: string, r: Region, scope: readonly string[]): [number, number] {
  let s = r.start;
  let e = r.end;
  if (s === e && !(isWord(text[s - 1]) && isWord(text[s]))) return [s, e];
  // Mid-word edges grow to the whole word.
  if (isWord(text[s])) while (s > 0 && isWord(text[s - 1])) s--;
  if (isWord(text[e - 1]) || (e === r.start && isWord(text[e]))) while (e < text.length && isWord(text[e])) e++;
  if (s === e) return [s, e];
  // No space at the edges of a find: take in the neighbouring word.
  if (isSpace(text[s])) s = prevWordStart(text, s);
  if (isSpace(text[e - 1])) e = nextWordEnd(text, e);
  // Punctuation alone ('; ' → ', stated:') reads better with the word it follows.
  if (!/[\p{L}\p{N}]/u.test(text.slice(s, e))) {
    if (s > 0) s = prevWordStart(text, s);
    else e = nextWordEnd(text, e);
  }
  for (let guard = 0; guard < 400 && countPhrase(scope, text.slice(s, e)) !== 1; guard++) {
    if (guard % 2 === 0 && e < text.length) e = nextWordEnd(text, e);
    else if (s > 0) s = prevWordStart(text, s);
    else if (e < text.length) e = nextWordEnd(text, e);
    else break;
  }
  return [s, e];
}

/** Occurrences of a phrase (whole words at its word ends, case-sensitive), overlapping ones counted. */
export function countPhrase(texts: readonly string[], phrase: string): number {
  if (phrase === '') return Infinity;
  const wordStart = isWord(phrase[0]);
  const wordEnd = isWord(phrase[phrase.length - 1]);
  let n = 0;
  for (const t of texts) {
    for (let i = t.indexOf(phrase); i >= 0; i = t.indexOf(phrase, i + 1)) {
      if (wordStart && isWord(t[i - 1])) continue;
      if (wordEnd && isWord(t[i + phrase.length])) continue;
      n++;
    }
  }
  return n;
}

function nextWordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isWord(text[j])) j++;
  while (j < text.length && isWord(text[j])) j++;
  return j;
}

function prevWordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !isWord(text[j - 1])) j--;
  while (j > 0 && isWord(text[j - 1])) j--;
  return j;
}

function editFor(id: string, text: string, r: Region, insert: string, scope: readonly string[]): { edit: DraftEdit; note: TextChangeNote } | null {
  const old = text.slice(r.start, r.end);
  if (old !== '') {
    if (countPhrase(scope, old) !== 1) return null;
    return { edit: { kind: 'replace', in: id, find: old, with: insert }, note: { kind: 'replace', old, new: insert } };
  }
  if (r.start === text.length) return { edit: { kind: 'insert-text', in: id, at: 'end', text: insert }, note: { kind: 'insert', new: insert, where: 'at the end' } };
  if (r.start === 0) return { edit: { kind: 'insert-text', in: id, at: 'start', text: insert }, note: { kind: 'insert', new: insert, where: 'at the start' } };
  // 'after: X' needs X to end where the insertion goes and not run on into a word there; 'before: X' likewise.
  if (!isSpace(text[r.start - 1]) && !(isWord(text[r.start - 1]) && isWord(text[r.start]))) {
    for (let from = prevWordStart(text, r.start); ; from = prevWordStart(text, from)) {
      const anchor = text.slice(from, r.start);
      if (MARKDOWN_SYNTAX.test(anchor)) break;
      if (!isSpace(anchor[0]) && countPhrase(scope, anchor) === 1) {
        return { edit: { kind: 'insert-text', in: id, after: anchor, text: insert }, note: { kind: 'insert', new: insert, where: `after '${anchor}'` } };
      }
      if (from === 0) break;
    }
  }
  if (!isSpace(text[r.start]) && !(isWord(text[r.start - 1]) && isWord(text[r.start]))) {
    for (let to = nextWordEnd(text, r.start); ; to = nextWordEnd(text, to)) {
      const anchor = text.slice(r.start, to);
      if (MARKDOWN_SYNTAX.test(anchor)) break;
      if (!isSpace(anchor[anchor.length - 1]) && countPhrase(scope, anchor) === 1) {
        return { edit: { kind: 'insert-text', in: id, before: anchor, text: insert }, note: { kind: 'insert', new: insert, where: `before '${anchor}'` } };
      }
      if (to >= text.length) break;
    }
  }
  return null;
}
