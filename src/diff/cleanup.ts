// Cleanup of a minimal token diff for a human reader. A minimal diff of a rewritten sentence keeps every
// shared "the", "of" and space, and reads as confetti of one-word deletions and insertions; a lawyer reads a
// rewritten passage as one deletion followed by one insertion. The steps, repeated until nothing more folds:
//
//   1. fold: an equal run between two changes is merged into them (becoming deleted and re-inserted text) when
//      it is small relative to both (in the spirit of diff-match-patch's semantic cleanup);
//   2. factor: tokens shared by the start (or end) of a change's deletion and insertion go back to the equal
//      run before (after) it, so folding never leaves text marked changed that did not change at an edge;
//   3. align: a change that can slide along repeated text without altering either side (inserting "DCC " into
//      "the DCC Major …") is moved to where its edges fall best, preferably at the start of a word:
//      "the {++DCC ++}Major", not "the DCC{++ DCC++} Major".
//
// Every step moves whole tokens between arrays that concatenate to the same two texts, so the exactness
// invariant survives cleanup by construction (and the property tests check it).

import { tokenKind } from './tokenize.js';
import { append, type Change, type Regions } from './word-regions.js';

export function cleanupRegions(input: Regions): Regions {
  const regions: Regions = {
    equals: input.equals.map((e) => [...e]),
    changes: input.changes.map((c) => ({ del: [...c.del], ins: [...c.ins] })),
  };
  for (;;) {
    const before = regions.changes.length;
    foldEqualities(regions);
    factorCommonEnds(regions);
    alignBoundaries(regions);
    // Aligning can leave a whitespace-only run between two changes, which the next round folds; a round that
    // folds nothing ends the loop (each round that continues removes a change, so it terminates).
    if (regions.changes.length === before) break;
  }
  splitAtSentenceEnds(regions);
  return regions;
}

// ---------------------------------------------------------------------------------------------------------
// 4. Sentences

const SENTENCE_END = new Set(['.', ';', ':']);

/**
 * A pure insertion that runs past the end of the sentence it continues: "Retriever{++ (in respect of SMETS1
 * Devices only). For a SMETS2 Device, … clause 3.8.27++}." is two insertions, one before the old full stop
 * and one new sentence after it: "Retriever{++ (in respect of SMETS1 Devices only)++}.{++ For a SMETS2 …
 * clause 3.8.27.++}". When the equal text after an insertion begins with a full stop (semicolon, colon) and
 * the insertion holds the same mark followed by a space, the old mark is matched with that first one.
 */
function splitAtSentenceEnds(regions: Regions): void {
  for (let i = 0; i < regions.changes.length; i++) {
    const c = regions.changes[i]!;
    const after = regions.equals[i + 1]!;
    const mark = after[0];
    if (c.del.length > 0 || mark === undefined || !SENTENCE_END.has(mark)) continue;
    // The old mark must end its sentence (text or a space follows it, never a word), and the equal text after it
    // must not vanish between two changes, which would run them together.
    const rest = after[1];
    if (rest !== undefined ? tokenKind(rest) !== 'space' : i + 1 < regions.changes.length) continue;
    const k = c.ins.findIndex((t, j) => j > 0 && t === mark && c.ins[j + 1] !== undefined && tokenKind(c.ins[j + 1]!) === 'space');
    if (k < 0) continue;
    // ins = A mark B; after = mark rest  →  ins A, equal mark, ins (B mark), equal rest.
    const first: Change = { del: [], ins: c.ins.slice(0, k) };
    const second: Change = { del: [], ins: [...c.ins.slice(k + 1), mark] };
    regions.changes.splice(i, 1, first, second);
    regions.equals.splice(i + 1, 1, [mark], after.slice(1));
    i++;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Folding

interface Size {
  /** Characters of words and numbers, 1 per punctuation mark or <br>, 0 for whitespace. */
  weight: number;
  /** Word tokens (words, numbers, amounts, references). */
  words: number;
}

function sizeOf(tokens: readonly string[]): Size {
  let weight = 0;
  let words = 0;
  for (const t of tokens) {
    const kind = tokenKind(t);
    if (kind === 'word') {
      weight += t.length;
      words++;
    } else if (kind !== 'space') {
      weight += 1;
    }
  }
  return { weight, words };
}

const add = (...sizes: Size[]): Size => ({
  weight: sizes.reduce((n, s) => n + s.weight, 0),
  words: sizes.reduce((n, s) => n + s.words, 0),
});

interface Sized {
  change: Change;
  del: Size;
  ins: Size;
}

/**
 * Whether the equal run between two changes should be folded into them:
 *  - only if the two changes together delete something and insert something: folding a space between two pure
 *    insertions (emphasis markers added around two words) would only delete and re-insert that space;
 *  - a whitespace-only run always (the Fax number → the Email address is one replacement, not two);
 *  - otherwise only between substantial changes (at least two words on the larger side of each) whose size is
 *    at least twice the run's: "thirty (30) days" → "sixty (60) days" stays two one-word replacements
 *    around an unchanged "(", which reads better than one replacement with an unbalanced bracket, while the
 *    odd "the" or "of" kept inside a rewritten sentence is folded away;
 *  - and a run of one or two words, one of them a function word ("the", "of", "by" …), between two
 *    replacements of which one rewrites at least three words and outweighs the run three times:
 *    "{~~means~>has~~} the {~~Transport Layer …~>meaning given …~~}" reads as one rewritten passage, not as a
 *    kept "the" between two changes. A kept verb or noun alone ("The {~~DCC~>Panel~~} shall {~~notify …~>be
 *    informed …~~}") still shows the sentence's structure and stays.
 */
function shouldFold(eq: readonly string[], left: Sized, right: Sized): boolean {
  const deletes = left.change.del.length > 0 || right.change.del.length > 0;
  const inserts = left.change.ins.length > 0 || right.change.ins.length > 0;
  if (!deletes || !inserts) return false;
  if (eq.every((t) => tokenKind(t) === 'space')) return true;
  if (rewrittenAround(eq, left, right)) return true;
  const words = Math.min(Math.max(left.del.words, left.ins.words), Math.max(right.del.words, right.ins.words));
  if (words < 2) return false;
  const room = Math.min(Math.max(left.del.weight, left.ins.weight), Math.max(right.del.weight, right.ins.weight));
  return 2 * sizeOf(eq).weight <= room;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'by', 'for', 'and', 'or', 'with', 'as', 'at', 'from', 'its', 'their']);

function rewrittenAround(run: readonly string[], left: Sized, right: Sized): boolean {
  const replacement = (s: Sized): boolean => s.change.del.length > 0 && s.change.ins.length > 0;
  const eq = sizeOf(run);
  if (eq.words > 2 || !replacement(left) || !replacement(right)) return false;
  if (!run.some((t) => FUNCTION_WORDS.has(t.toLowerCase()))) return false;
  const words = Math.max(left.del.words, left.ins.words, right.del.words, right.ins.words);
  const weight = Math.max(left.del.weight, left.ins.weight, right.del.weight, right.ins.weight);
  return words >= 3 && 3 * eq.weight <= weight;
}

function foldEqualities(regions: Regions): void {
  const { equals } = regions;
  const sized: Sized[] = regions.changes.map((change) => ({ change, del: sizeOf(change.del), ins: sizeOf(change.ins) }));
  // equals[i] lies between sized[i - 1] and sized[i]. After a fold the merged change is bigger, so the run
  // before it may now qualify too: step back one.
  let i = 1;
  while (i < sized.length) {
    const left = sized[i - 1]!;
    const right = sized[i]!;
    const eq = equals[i]!;
    if (!shouldFold(eq, left, right)) {
      i++;
      continue;
    }
    const eqSize = sizeOf(eq);
    const del = left.change.del;
    append(del, eq);
    append(del, right.change.del);
    const ins = left.change.ins;
    append(ins, eq);
    append(ins, right.change.ins);
    sized[i - 1] = { change: { del, ins }, del: add(left.del, eqSize, right.del), ins: add(left.ins, eqSize, right.ins) };
    sized.splice(i, 1);
    equals.splice(i, 1);
    i = Math.max(1, i - 1);
  }
  regions.changes = sized.map((s) => s.change);
}

// ---------------------------------------------------------------------------------------------------------
// 2. Factoring

function factorCommonEnds(regions: Regions): void {
  const { equals, changes } = regions;
  let i = 0;
  while (i < changes.length) {
    const c = changes[i]!;
    let prefix = 0;
    while (prefix < c.del.length && prefix < c.ins.length && c.del[prefix] === c.ins[prefix]) prefix++;
    if (prefix > 0) {
      append(equals[i]!, c.del.slice(0, prefix));
      c.del = c.del.slice(prefix);
      c.ins = c.ins.slice(prefix);
    }
    let suffix = 0;
    while (
      suffix < c.del.length &&
      suffix < c.ins.length &&
      c.del[c.del.length - 1 - suffix] === c.ins[c.ins.length - 1 - suffix]
    ) {
      suffix++;
    }
    if (suffix > 0) {
      equals[i + 1] = c.del.slice(c.del.length - suffix).concat(equals[i + 1]!);
      c.del = c.del.slice(0, c.del.length - suffix);
      c.ins = c.ins.slice(0, c.ins.length - suffix);
    }
    if (c.del.length === 0 && c.ins.length === 0) {
      // Nothing changed after all: the equal runs on either side become one.
      equals.splice(i, 2, equals[i]!.concat(equals[i + 1]!));
      changes.splice(i, 1);
      continue;
    }
    i++;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Aligning

const OPENERS = new Set(['(', '[', '{', '‘', '“', '"', "'"]);
const CLOSERS = new Set([')', ']', '}', '’', '”', '"', "'", ',', '.', ';', ':', '!', '?']);

/**
 * How good a place the gap between two tokens is for a change to begin or end (undefined: the text's edge).
 * Best is the start of a word after whitespace, so a change carries its trailing space and leaves the next
 * word's start intact; then just inside brackets and quotes or before closing punctuation; then the end of a
 * word before whitespace; worst is between two word tokens.
 */
function gapScore(before: string | undefined, after: string | undefined): number {
  if (before === undefined || after === undefined) return 6;
  const spaceBefore = isSpaceLike(before);
  const spaceAfter = isSpaceLike(after);
  if (spaceBefore && !spaceAfter) return 5;
  if (spaceBefore && spaceAfter) return 4;
  if (OPENERS.has(before) || CLOSERS.has(after)) return 4;
  if (spaceAfter) return 3;
  if (tokenKind(before) === 'punct' || tokenKind(after) === 'punct') return 2;
  return 0;
}

function isSpaceLike(token: string): boolean {
  const kind = tokenKind(token);
  return kind === 'space' || kind === 'break';
}

function alignBoundaries(regions: Regions): void {
  for (let i = 0; i < regions.changes.length; i++) alignChange(regions, i);
}

/**
 * Slides change i along the text where that leaves both sides unchanged and puts it at the best-scoring
 * position (the leftmost of equal scores). Positions are indexes into the fixed sequences
 * old = before ++ del ++ after and new = before ++ ins ++ after; the change's window may move to start p only
 * if removing the window at p leaves the same text, which one-step moves check token by token.
 */
function alignChange(regions: Regions, i: number): void {
  const before = regions.equals[i]!;
  const after = regions.equals[i + 1]!;
  const change = regions.changes[i]!;
  const a = before.length;
  const nDel = change.del.length;
  const nIns = change.ins.length;
  const total = a + nDel + after.length;
  // An equal run between two changes must keep at least one token, or the two changes would touch.
  const minStart = i === 0 ? 0 : 1;
  const minAfter = i === regions.changes.length - 1 ? 0 : 1;
  const oldAt = (p: number): string | undefined =>
    p < 0 ? undefined : p < a ? before[p] : p < a + nDel ? change.del[p - a] : after[p - a - nDel];
  const newAt = (p: number): string | undefined =>
    p < 0 ? undefined : p < a ? before[p] : p < a + nIns ? change.ins[p - a] : after[p - a - nIns];

  // The window can move from start p to p − 1 when the token before it equals its last token (on each side
  // that has a window), and from p to p + 1 when its first token equals the token after it.
  const rotates = (p: number): boolean =>
    (nDel === 0 || oldAt(p) === oldAt(p + nDel)) && (nIns === 0 || newAt(p) === newAt(p + nIns));
  let lo = a;
  while (lo - 1 >= minStart && rotates(lo - 1)) lo--;
  let hi = a;
  while (total - (hi + 1 + nDel) >= minAfter && rotates(hi)) hi++;
  if (lo === hi) return;

  const score = (p: number): number => {
    const prev = oldAt(p - 1);
    const next = oldAt(p + nDel);
    let s = 0;
    if (nDel > 0) s += gapScore(prev, oldAt(p)) + gapScore(oldAt(p + nDel - 1), next);
    if (nIns > 0) s += gapScore(prev, newAt(p)) + gapScore(newAt(p + nIns - 1), next);
    return s;
  };
  let best = lo;
  let bestScore = score(lo);
  for (let p = lo + 1; p <= hi; p++) {
    const s = score(p);
    if (s > bestScore) {
      best = p;
      bestScore = s;
    }
  }
  if (best === a) return;

  const oldSeq = before.concat(change.del, after);
  const newSeq = before.concat(change.ins, after);
  regions.equals[i] = oldSeq.slice(0, best);
  regions.changes[i] = { del: oldSeq.slice(best, best + nDel), ins: newSeq.slice(best, best + nIns) };
  regions.equals[i + 1] = oldSeq.slice(best + nDel);
}
