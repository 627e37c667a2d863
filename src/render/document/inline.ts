// Inline Markdown of an unchanged document → visible runs (emphasis, strong, code, links). Text in the model's
// simple grammar (plain words and whole-word *em*, **strong**, `code`: nearly every clause and every
// definitions key) is cut directly into its segments; anything else goes through the character map every
// redline uses (src/render/rich-runs.ts). Either way a reader sees exactly plainText(text); the per-character
// map is only paid for where a parse is needed.

import { simpleSegments, type SimpleSegment } from '../../model/simple-inline.js';
import type { InlineFormat } from '../inline-markdown.js';
import { richRuns, type RichRun } from '../rich-runs.js';

const FORMAT: Record<SimpleSegment['format'], () => InlineFormat> = { plain: () => ({}), em: () => ({ em: true }), strong: () => ({ strong: true }), code: () => ({ code: true }) };

export function inlineRuns(text: string): RichRun[] {
  if (text === '') return [];
  const simple = simpleSegments(text);
  if (simple) return simple.map((s) => ({ op: 'equal', text: s.text, fmt: FORMAT[s.format](), items: [] }));
  return richRuns({ old: text, new: text, spans: [{ op: 'equal', text }] });
}
