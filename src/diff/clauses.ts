// Clauses as the unit of alignment: consecutive blocks sharing Block.clause (docs/format.md, 'Clauses'),
// plus the comparisons the aligners need (exact equality, a whitespace-normalised content key, similarity).

import type { Block } from '../model/types.js';

export interface ClauseGroup {
  /** Block.clause of its blocks: the ID of the first block. */
  id: string;
  blocks: Block[];
}

export function groupClauses(blocks: readonly Block[]): ClauseGroup[] {
  const out: ClauseGroup[] = [];
  let cur: ClauseGroup | null = null;
  for (const b of blocks) {
    if (!cur || cur.id !== b.clause) {
      cur = { id: b.clause, blocks: [] };
      out.push(cur);
    }
    cur.blocks.push(b);
  }
  return out;
}

function sameArray<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Everything a reader could see differ, except the ID (which may shift without any visible change). */
export function sameBlockContent(a: Block, b: Block): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.depth === b.depth &&
    a.text === b.text &&
    sameArray(a.cells, b.cells) &&
    sameArray(a.align, b.align)
  );
}

/** Same IDs and same content, block by block. */
export function identicalClauses(a: ClauseGroup, b: ClauseGroup): boolean {
  if (a.id !== b.id || a.blocks.length !== b.blocks.length) return false;
  for (let i = 0; i < a.blocks.length; i++) {
    const x = a.blocks[i]!;
    const y = b.blocks[i]!;
    if (x.id !== y.id || !sameBlockContent(x, y)) return false;
  }
  return true;
}

/**
 * Content key of a block without its label: what stays the same when a sub-paragraph is relabelled
 * ((b) → (c)) or a paragraph's implicit number shifts (p1 → p2).
 */
export function blockContentKey(b: Block): string {
  return `${b.kind}\u0000${b.depth}\u0000${b.text}`;
}

/**
 * The text a move or renumbering must preserve: every block's kind, depth and text with whitespace runs
 * collapsed, sub-paragraph labels kept, the clause's own number left out (that is what a renumbering changes).
 */
export function clauseMoveKey(c: ClauseGroup): { key: string; words: number } {
  let key = '';
  let words = 0;
  c.blocks.forEach((b, i) => {
    const text = b.text.replace(/\s+/g, ' ').trim();
    const label = i === 0 ? '' : b.label;
    key += `${b.kind}:${b.depth}:${label}:${text}\n`;
    words += countWords(text);
  });
  return { key, words };
}

/**
 * The length clauseMoveKey(c).key has, computed without building it (no string is made): most clauses differ
 * in it from every move candidate, so counting a key's occurrences need not build theirs.
 */
export function clauseMoveKeyLength(c: ClauseGroup): number {
  let n = 0;
  c.blocks.forEach((b, i) => {
    n += b.kind.length + String(b.depth).length + (i === 0 ? 0 : b.label.length) + 4 + normalisedLength(b.text);
  });
  return n;
}

/** JavaScript's \s (and what trim removes): Unicode white space and line terminators. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Length of text.replace(/\s+/g, ' ').trim(): its other characters, plus one for each run of space between them. */
function normalisedLength(text: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    if (isJsSpace(text.charCodeAt(i))) {
      gap = n > 0;
      continue;
    }
    if (gap) n++;
    gap = false;
    n++;
  }
  return n;
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Lower-cased word tokens (letters and digits), for similarity scores only; never for output. */
export function similarityTokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

/** Dice coefficient of two token multisets: 1 for identical, 0 for nothing in common. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

export function clauseTokens(c: ClauseGroup): string[] {
  const out: string[] = [];
  for (const b of c.blocks) for (const t of similarityTokens(b.text)) out.push(t);
  return out;
}

/**
 * A block's ID relative to its clause ('(a)', '/p1', '[SM WAN]'), so the blocks of a renumbered clause still
 * line up with their counterparts; the full ID when it does not start with the clause ID.
 */
export function relativeId(b: Block, clauseId: string): string {
  return b.id.startsWith(clauseId) ? `~${b.id.slice(clauseId.length)}` : b.id;
}
