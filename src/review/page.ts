// ReviewModel → the reviewer's page: one self-contained HTML file (src/render/html/ page shell; inline style
// and script; nothing fetched). Sidebar of documents and changed clauses; a summary (per item or modification
// when there are any); a toolbar (inline | side by side, context, filters, where you are); then per document
// each changed clause with its word-level marks, rendered twice more (old | new) for the side-by-side view.

import type { BlockRedline, ClauseStatus } from '../redline/types.js';
import { shownBlocks } from '../render/diff-view.js';
import { escapeHtml, htmlPage, idSlug, tableHtml, textBlockHtml, type RowHtml, type RunSide } from '../render/html/index.js';
import type { ReviewEntry, ReviewModel } from './model.js';
import { REVIEW_CSS } from './style.js';
import { REVIEW_SCRIPT } from './script.js';

const KINDS: readonly ClauseStatus[] = ['changed', 'inserted', 'deleted', 'moved', 'renumbered'];
const e = escapeHtml;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

type Piece = { type: 'text'; block: BlockRedline } | { type: 'table'; header: BlockRedline; rows: (BlockRedline | null)[] };

/** The shown blocks of a clause, tables gathered with their shown rows (null: unchanged rows left out). */
function pieces(entry: ReviewEntry): Piece[] {
  const out: Piece[] = [];
  let table: Extract<Piece, { type: 'table' }> | null = null;
  for (const s of shownBlocks(entry.clause)) {
    if (s.kind === 'elided-rows') {
      if (table) table.rows.push(null);
      continue;
    }
    const b = s.block;
    if (b.kind === 'table') out.push((table = { type: 'table', header: b, rows: [] }));
    else if (b.kind === 'row' && table) table.rows.push(b);
    else {
      table = null;
      out.push({ type: 'text', block: b });
    }
  }
  return out;
}

const exists = (b: BlockRedline, side: RunSide): boolean => side === 'both' || (side === 'old' ? b.text.old !== null : b.text.new !== null);

function pieceHtml(p: Piece, side: RunSide): string {
  if (p.type === 'text') {
    const b = p.block;
    if (!exists(b, side)) return '';
    const kind = b.kind === 'heading' || b.kind === 'subpara' || b.kind === 'clause' ? b.kind : 'paragraph';
    return textBlockHtml({ kind, level: b.kind === 'subpara' ? b.depth : 0, label: b.label, text: b.text, classes: b.status }, side);
  }
  const row = (b: BlockRedline): RowHtml => ({ status: b.status, cells: b.cells ?? [b.text] });
  const rows = p.rows.filter((r) => r === null || exists(r, side)).map((r) => (r === null ? { status: 'gap' as const } : row(r)));
  const columns = Math.max(p.header.cells?.length ?? 1, ...p.rows.map((r) => r?.cells?.length ?? 1));
  if (!exists(p.header, side)) return '';
  return tableHtml({ columns, align: p.header.align ?? [], header: row(p.header), rows }, side);
}

function entryHtml(entry: ReviewEntry, docId: string, groupLabel: Map<string, string>): string {
  const ps = pieces(entry);
  const inline = ps.map((p) => pieceHtml(p, 'both')).join('');
  const side = (s: 'old' | 'new'): string => ps.map((p) => pieceHtml(p, s)).join('') || `<p class="empty">(${s === 'old' ? 'not in the old text' : 'not in the new text'})</p>`;
  const groups = entry.groups.map((g) => groupLabel.get(g) ?? g);
  const badge = `<span class="badge ${entry.status}">${entry.status}</span>`;
  const note = entry.headline !== entry.status ? ` <span class="note">${e(entry.headline)}</span>` : '';
  const attrs = [
    `class="${entry.context ? 'context' : 'change'}"`,
    `id="${e(entry.anchor)}"`,
    `data-doc="${e(docId)}"`,
    `data-kind="${entry.status}"`,
    `data-groups="${e(entry.groups.map(idSlug).join(' '))}"`,
    ...(entry.textChanged ? ['data-text-changed=""'] : []),
    'tabindex="-1"',
    `aria-labelledby="${e(`h-${entry.anchor}`)}"`,
  ];
  return [
    `<article ${attrs.join(' ')}>`,
    `<h3 id="${e(`h-${entry.anchor}`)}"><a href="#${e(entry.anchor)}">${e(entry.clause.id)}</a> ${badge}${note}${groups.length ? ` <span class="groups">${e(groups.join(', '))}</span>` : ''}</h3>`,
    `<div class="inline">${inline}</div>`,
    `<div class="sbs"><div class="old"><h4>Old</h4>${side('old')}</div><div class="new"><h4>New</h4>${side('new')}</div></div>`,
    '</article>',
  ].join('');
}

function summaryHtml(model: ReviewModel): string {
  const s = model.stats;
  const c = s.clauses;
  const rows: [string, string][] = [
    ['Documents', `${s.documents.compared} compared, ${s.documents.changed} changed${s.documents.inserted ? `, ${s.documents.inserted} inserted` : ''}${s.documents.deleted ? `, ${s.documents.deleted} deleted` : ''}`],
    ['Clauses', KINDS.map((k) => `${c[k as keyof typeof c]} ${k}`).join(', ')],
    ['Words', `${s.words.added} added, ${s.words.removed} removed`],
  ];
  const out = ['<section class="summary" aria-labelledby="summary-h">', '<h2 id="summary-h">Summary</h2>', '<table><tbody>'];
  for (const [k, v] of rows) out.push(`<tr><th scope="row">${k}</th><td>${e(v)}</td></tr>`);
  out.push('</tbody></table>');
  if (model.groups.length) {
    const what = model.source.kind === 'release' ? 'Modification' : 'Item';
    out.push(`<table><thead><tr><th scope="col">${what}</th><th scope="col">Summary</th><th scope="col">Clauses</th><th scope="col">Words added</th><th scope="col">Words removed</th></tr></thead><tbody>`);
    for (const g of model.groups) {
      out.push(`<tr><th scope="row">${e(g.label)}</th><td>${e(g.summary ?? '')}</td><td class="n">${g.clauses}</td><td class="n">${g.words.added}</td><td class="n">${g.words.removed}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function toolbarHtml(model: ReviewModel): string {
  const docOptions = model.documents.map((d) => `<option value="${e(d.docId)}">${e(d.docId)}</option>`).join('');
  const what = model.source.kind === 'release' ? 'modification' : 'item';
  const groupSelect = model.groups.length
    ? `<label>${what === 'item' ? 'Item' : 'Modification'} <select id="f-group"><option value="">all</option>${model.groups.map((g) => `<option value="${e(idSlug(g.key))}">${e(g.label)}</option>`).join('')}</select></label>`
    : '';
  const kinds = KINDS.map((k) => `<label><input type="checkbox" data-kind="${k}" checked> ${k}</label>`).join(' ');
  return [
    '<div class="toolbar" role="region" aria-label="View and filters">',
    '<fieldset><legend>View</legend><button type="button" id="t-sbs" aria-pressed="false">Side by side</button> <button type="button" id="t-context" aria-pressed="false">Context clauses</button></fieldset>',
    `<fieldset><legend>Filter</legend><label>Document <select id="f-doc"><option value="">all</option>${docOptions}</select></label> ${groupSelect} ${kinds}</fieldset>`,
    '<span id="status" role="status" aria-live="polite"></span>',
    '<span class="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> previous</span>',
    '</div>',
  ].join('\n');
}

function sidebarHtml(model: ReviewModel): string {
  const out = ['<nav aria-label="Documents and changed clauses">', '<h2>Changed clauses</h2>', '<ul>'];
  for (const d of model.documents) {
    const changes = d.entries.filter((x) => !x.context);
    out.push(`<li class="doc" data-doc="${e(d.docId)}"><a class="doc-link" href="#${e(d.anchor)}">${e(d.docId)} (${changes.length})</a><ul>`);
    // Under its document's heading a clause needs no document name: '3.5.10', not 'Appendix AD 3.5.10'.
    const short = (id: string): string => (id.startsWith(`${d.docId} `) ? id.slice(d.docId.length + 1) : id);
    for (const x of changes) out.push(`<li data-for="${e(x.anchor)}"><a href="#${e(x.anchor)}">${e(short(x.clause.id))}</a> <span class="sr-only">${x.status}</span></li>`);
    out.push('</ul></li>');
  }
  out.push('</ul>', '</nav>');
  return out.join('\n');
}

export function renderReviewPage(model: ReviewModel): string {
  const groupLabel = new Map(model.groups.map((g) => [g.key, g.label]));
  const body: string[] = ['<a class="skip" href="#changes">Skip to the changes</a>', sidebarHtml(model), '<main>'];
  body.push(`<h1>${e(model.source.title)}</h1>`, `<p class="version">${e(model.source.subtitle)}</p>`, summaryHtml(model), toolbarHtml(model));
  body.push('<div id="changes">');
  if (!model.documents.length) body.push('<p>No differences.</p>');
  for (const d of model.documents) {
    const n = d.entries.filter((x) => !x.context).length;
    body.push(`<section class="doc" id="${e(d.anchor)}" data-doc="${e(d.docId)}" aria-labelledby="h-${e(d.anchor)}">`);
    body.push(`<h2 id="h-${e(d.anchor)}">${e(d.name)}</h2>`, `<p class="version">${e(d.file)} · ${e(d.version)} · ${plural(n, 'changed clause')}; ${d.stats.words.added} words added, ${d.stats.words.removed} removed</p>`);
    for (const x of d.entries) body.push(entryHtml(x, d.docId, groupLabel));
    body.push('</section>');
  }
  body.push('</div>', '</main>');
  return htmlPage({ title: model.source.title, css: REVIEW_CSS, body: body.join('\n'), script: REVIEW_SCRIPT });
}
