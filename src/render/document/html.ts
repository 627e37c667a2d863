// A whole SEC document (DocumentView) → one self-contained HTML page: title block, contents linked to the
// headings, numbered headings as h2…h6, clauses and sub-paragraphs with their literal numbers in a hanging
// column, tables with a header row, the classification at the foot. Inline Markdown is shown as formatting
// through the one HTML module (src/render/html/); no scripts, no external resources.

import type { DocumentItem, DocumentView, TableItem } from './view.js';
import { displayDate } from '../../annex/build.js';
import { escapeHtml, runsHtml } from '../html/index.js';
import { inlineRuns } from './inline.js';

/** An element id from a block ID: HTML ids may not contain spaces. */
export function htmlId(id: string): string {
  return id.replace(/\s+/g, '-');
}

function inline(text: string): string {
  return runsHtml(inlineRuns(text));
}

function num(n: string): string {
  return n === '' ? '' : `<span class="num">${escapeHtml(n)}</span>`;
}

function table(t: TableItem): string {
  const cell = (tag: 'th' | 'td', c: string, i: number): string => {
    const a = t.align[i];
    return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${inline(c)}</${tag}>`;
  };
  const head = `<thead><tr>${t.header.map((c, i) => cell('th', c, i)).join('')}</tr></thead>`;
  const body = t.rows.map((r) => `<tr id="${escapeHtml(htmlId(r.id))}">${r.cells.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
  return `<table class="${t.definitions ? 'definitions' : 'table'}" id="${escapeHtml(htmlId(t.id))}">${head}<tbody>${body}</tbody></table>`;
}

function item(it: DocumentItem): string {
  const id = ` id="${escapeHtml(htmlId(it.id))}"`;
  switch (it.type) {
    case 'heading': {
      const h = `h${Math.min(6, it.level + 1)}`;
      return `<${h}${id}>${num(it.number)}${inline(it.text)}</${h}>`;
    }
    case 'cross-heading':
      return `<p class="cross-heading"${id}>${inline(it.text)}</p>`;
    case 'clause':
      return `<p class="clause${it.notUsed ? ' not-used' : ''}"${id}>${num(it.number)}${inline(it.text)}</p>`;
    case 'subpara':
      return `<p class="subpara${it.notUsed ? ' not-used' : ''}"${id} style="margin-left:${4 + 2.5 * it.depth}em">${num(it.label)}${inline(it.text)}</p>`;
    case 'table':
      return table(it);
    case 'paragraph':
    default:
      return `<p class="text${it.notUsed ? ' not-used' : ''}"${id}>${inline(it.text)}</p>`;
  }
}

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 50em; margin: 2em auto; padding: 0 1em; color: #000; }
header.title { margin-bottom: 3em; } header.title .code { font-size: 15pt; margin: 0; } h1 { font-size: 22pt; margin: 0.3em 0; } .meta { margin: 0.1em 0; }
nav ol { list-style: none; padding-left: 0; } nav li.l2 { margin-left: 2em; } nav li.l3 { margin-left: 4em; } nav .num { display: inline-block; width: 4em; }
h2, h3, h4, h5, h6 { position: relative; padding-left: 4em; } h2 { font-size: 14pt; border-bottom: 1px solid #000; margin-top: 2em; } h3 { font-size: 12pt; } h4, h5, h6 { font-size: 11pt; }
h2 .num, h3 .num, h4 .num, h5 .num, h6 .num { position: absolute; left: 0; width: 4em; }
p.clause, p.text, p.cross-heading, p.subpara { margin: 0.4em 0 0.4em 4em; position: relative; text-align: justify; }
p.clause .num { position: absolute; left: -4em; width: 4em; } p.subpara .num { position: absolute; left: -2.5em; width: 2.5em; }
p.cross-heading { font-weight: bold; font-style: italic; margin-top: 1.2em; } .not-used { font-style: italic; } .not-used .num { font-style: normal; }
table { border-collapse: collapse; margin: 0.5em 0 0.5em 4em; font-size: 9pt; }
th, td { border: 1px solid #7f7f7f; padding: 0.2em 0.4em; vertical-align: top; } th { background: #dce3ec; text-align: left; }
footer { margin-top: 3em; font-size: 8pt; }
@media print { nav { page-break-after: always; } header.title { page-break-after: always; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
`;

export function renderDocumentHtml(view: DocumentView): string {
  const out: string[] = ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">'];
  out.push(`<title>${escapeHtml(`${view.name} ${view.version}`)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push('<header class="title">', '<p class="code">Smart Energy Code</p>', `<h1>${escapeHtml(view.name)}</h1>`, `<p class="meta">Version ${escapeHtml(view.version)}</p>`);
  if (view.date !== null) out.push(`<p class="meta">${escapeHtml(displayDate(view.date))}</p>`);
  out.push('</header>');
  const headings = new Map(view.items.filter((i) => i.type === 'heading' && i.toc > 0).map((i) => [(i as { toc: number }).toc, i.id]));
  out.push('<nav>', '<p><strong>Contents</strong></p>', '<ol>');
  for (const e of view.toc) {
    const target = htmlId(headings.get(e.n) ?? '');
    out.push(`<li class="l${Math.min(3, e.level)}"><a href="#${escapeHtml(target)}">${num(e.number)}${inline(e.text)}</a></li>`);
  }
  out.push('</ol>', '</nav>', '<main>');
  for (const it of view.items) out.push(item(it));
  out.push('</main>', `<footer>${escapeHtml(`${view.name}, ${view.version}. This document has a Classification of ${view.classification}`)}</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
