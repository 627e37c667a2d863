// Rich runs (src/render/rich-runs.ts) as HTML: <ins> for insertions, <del> for deletions, inline Markdown as
// formatting (never as syntax), every text escaped, links only to http(s) and mailto.

import type { RichRun } from '../rich-runs.js';
import { escapeHtml } from './escape.js';

const SAFE_URL = /^(https?:|mailto:)/i;

function formatted(run: RichRun): string {
  let html = run.text.split('\n').map(escapeHtml).join('<br>');
  const f = run.fmt;
  if (f.code) html = `<code>${html}</code>`;
  if (f.strike) html = `<s>${html}</s>`;
  if (f.em) html = `<em>${html}</em>`;
  if (f.strong) html = `<strong>${html}</strong>`;
  if (f.href !== undefined) html = SAFE_URL.test(f.href) ? `<a href="${escapeHtml(f.href)}">${html}</a>` : `<span class="link">${html}</span>`;
  return html;
}

/** Which runs to show: both sides with marks, or one side only (the old or the new text, unmarked). */
export type RunSide = 'both' | 'old' | 'new';

export function runsHtml(runs: readonly RichRun[], side: RunSide = 'both'): string {
  let out = '';
  for (const r of runs) {
    if (r.op === 'equal') out += formatted(r);
    else if (side === 'both') out += r.op === 'insert' ? `<ins>${formatted(r)}</ins>` : `<del>${formatted(r)}</del>`;
    else if (side === 'old' && r.op === 'delete') out += `<del>${formatted(r)}</del>`;
    else if (side === 'new' && r.op === 'insert') out += `<ins>${formatted(r)}</ins>`;
  }
  return out;
}
