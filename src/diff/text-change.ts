// The word-level TextChange of one piece of text on both sides. Exact by the word diff's contract; the changes
// that need no word diff are in src/redline/text-change.ts.

import type { TextChange } from '../redline/types.js';
import { unchangedText } from '../redline/text-change.js';
import { diffText } from './word-diff.js';

/** Word-level change between two texts (legal-aware tokens: amounts and clause numbers stay whole). */
export function wordChange(oldText: string, newText: string): TextChange {
  if (oldText === newText) return unchangedText(oldText);
  return { old: oldText, new: newText, spans: diffText(oldText, newText) };
}
