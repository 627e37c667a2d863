// AnnexDocument → one standalone HTML page: <ins> underlined in blue, <del> struck through in red, inline
// Markdown shown as formatting (never as syntax), every text escaped. No scripts, no external resources.

import type { AnnexDocument, AnnexRow, AnnexTable, AnnexTextBlock } from '../annex/types.js';
import { literalRuns, richRuns, type RichRun } from './rich-runs.js';
import { itemTag, legendLines, sentenceCase } from './annex-legend.js';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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

export function runsHtml(runs: readonly RichRun[]): string {
  return runs
    .map((r) => (r.op === 'insert' ? `<ins>${formatted(r)}</ins>` : r.op === 'delete' ? `<del>${formatted(r)}</del>` : formatted(r)))
    .join('');
}

function tag(items: readonly string[]): string {
  const t = itemTag(items);
  return t === '' ? '' : ` <span class="item">${escapeHtml(t)}</span>`;
}

function textBlock(b: AnnexTextBlock): string {
  const label = runsHtml(literalRuns(b.label));
  const num = label === '' ? '' : `<span class="num">${label}</span>`;
  const cls = `${b.kind} ${b.status}`;
  const style = b.kind === 'subpara' ? ` style="margin-left:${4 + 2.5 * b.indent}em"` : '';
  return `<p class="${cls}"${style}>${num}<span class="text">${runsHtml(richRuns(b.text))}</span>${tag(b.items)}</p>`;
}

function row(r: AnnexRow, t: AnnexTable, header: boolean): string {
  const cellTag = header ? 'th' : 'td';
  const cells = r.cells.map((c, i) => {
    const align = t.align[i];
    const style = align ? ` style="text-align:${align}"` : '';
    const content = runsHtml(richRuns(c)) + (i === r.cells.length - 1 ? tag(r.items) : '');
    return `<${cellTag}${style}>${content}</${cellTag}>`;
  });
  return `<tr class="${r.status}">${cells.join('')}</tr>`;
}

function table(t: AnnexTable): string {
  const body = t.rows.map((r) => (r.type === 'row' ? row(r, t, false) : `<tr class="gap"><td colspan="${t.columns}">…</td></tr>`));
  return `<table><thead>${row(t.header, t, true)}</thead><tbody>${body.join('')}</tbody></table>`;
}

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 50em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 20pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; border-bottom: 1px solid #000; margin-top: 2em; }
.subtitle { font-size: 15pt; margin: 0.2em 0; } .meta { margin: 0.1em 0; } .against { font-style: italic; color: #404040; }
.instruction { font-weight: bold; font-style: italic; margin-top: 1.5em; }
p.clause, p.heading, p.paragraph, p.subpara { margin: 0.4em 0 0.4em 4em; text-indent: 0; position: relative; }
.num { position: absolute; left: -4em; width: 4em; } p.subpara .num { left: -2.5em; width: 2.5em; }
p.heading { font-weight: bold; } .gap { margin-left: 4em; }
ins { text-decoration: underline double; color: #0000ff; } del { text-decoration: line-through; color: #ff0000; }
.item { color: #595959; font-size: 8pt; }
table { border-collapse: collapse; margin: 0.5em 0 0.5em 4em; font-size: 9pt; }
th, td { border: 1px solid #7f7f7f; padding: 0.2em 0.4em; vertical-align: top; } th { background: #dce3ec; text-align: left; }
tr.gap td { text-align: center; } footer { margin-top: 3em; font-size: 8pt; }
`;

export function renderAnnexHtml(annex: AnnexDocument): string {
  const t = annex.title;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">');
  out.push(`<title>${escapeHtml(`${annex.meta.modId} Annex A`)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${escapeHtml(t.heading)}</h1>`, `<p class="subtitle">${escapeHtml(t.annex)}</p>`, `<p class="subtitle">${escapeHtml(t.subtitle)}</p>`);
  for (const m of [t.version, t.date, t.release, `Prepared by ${t.drafter}`]) if (m) out.push(`<p class="meta">${escapeHtml(m)}</p>`);
  out.push('<h3>About this document</h3>');
  for (const p of annex.about) out.push(`<p>${escapeHtml(p)}</p>`);
  out.push(`<ul>${annex.basis.map((b) => `<li>${escapeHtml(`${b.document}: ${b.version}`)}</li>`).join('')}</ul>`);
  out.push('<h3>How changes are shown</h3>');
  for (const line of legendLines('visual', annex.hasItems)) {
    const html = line.map((p) => (p.sample === 'delete' ? `<del>${escapeHtml(p.text)}</del>` : p.sample === 'insert' ? `<ins>${escapeHtml(p.text)}</ins>` : escapeHtml(p.text)));
    out.push(`<p>${html.join('')}</p>`);
  }
  for (const part of annex.parts) {
    out.push('<section class="part">', `<h2>${escapeHtml(part.heading)}</h2>`, `<p class="against">${escapeHtml(sentenceCase(part.against))}</p>`);
    for (const item of part.content) {
      if (item.type === 'instruction') out.push(`<p class="instruction">${escapeHtml(item.text)}</p>`);
      else if (item.type === 'gap') out.push('<p class="gap">…</p>');
      else {
        out.push(`<div class="clause" id="${escapeHtml(item.id)}">`);
        for (const b of item.blocks) out.push(b.type === 'text' ? textBlock(b) : table(b));
        out.push('</div>');
      }
    }
    out.push('</section>');
  }
  out.push(`<footer>This document has a Classification of ${escapeHtml(annex.meta.classification)}</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
