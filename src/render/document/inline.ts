// Inline Markdown of an unchanged document → visible runs (emphasis, strong, code, links), through the same
// character map as every redline (src/render/rich-runs.ts), so a reader sees exactly plainText(text).

import { richRuns, type RichRun } from '../rich-runs.js';

export function inlineRuns(text: string): RichRun[] {
  return richRuns({ old: text, new: text, spans: text === '' ? [] : [{ op: 'equal', text }] });
}
