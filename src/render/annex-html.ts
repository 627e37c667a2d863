// AnnexDocument → one standalone HTML page: <ins> underlined in blue, <del> struck through in red, inline
// Markdown shown as formatting (never as syntax), every text escaped. No scripts, no external resources.
// Page shell, escaping, ids, block layout and the print style sheet come from the shared module ./html/.

import type { AnnexDocument, AnnexRow, AnnexTable, AnnexTextBlock } from '../annex/types.js';
import { itemTag, legendLines, sentenceCase } from './annex-legend.js';
import { IdRegistry, clauseSlug, escapeHtml, htmlPage, tableHtml, textBlockHtml, type RowHtml } from './html/index.js';

export { escapeHtml } from './html/index.js';

function tag(items: readonly string[]): string {
  const t = itemTag(items);
  return t === '' ? '' : ` <span class="item">${escapeHtml(t)}</span>`;
}

function textBlock(b: AnnexTextBlock): string {
  return textBlockHtml({ kind: b.kind, level: b.indent, label: b.label, text: b.text, classes: b.status, after: tag(b.items) });
}

const rowHtml = (r: AnnexRow): RowHtml => ({ status: r.status, cells: r.cells, after: tag(r.items) });

function table(t: AnnexTable): string {
  return tableHtml({ columns: t.columns, align: t.align, header: rowHtml(t.header), rows: t.rows.map((r) => (r.type === 'row' ? rowHtml(r) : { status: 'gap' as const })) });
}

const STYLE = `
body { max-width: 50em; margin: 2em auto; padding: 0 1em; }
.subtitle { font-size: 15pt; margin: 0.2em 0; } .meta { margin: 0.1em 0; } .against { font-style: italic; color: #404040; }
.instruction { font-weight: bold; font-style: italic; margin-top: 1.5em; }
footer { margin-top: 3em; font-size: 8pt; }
`;

export function renderAnnexHtml(annex: AnnexDocument): string {
  const t = annex.title;
  const ids = new IdRegistry();
  const out: string[] = [];
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
        out.push(`<div class="clause" id="${escapeHtml(ids.take(clauseSlug(part.docId, item.id)))}">`);
        for (const b of item.blocks) out.push(b.type === 'text' ? textBlock(b) : table(b));
        out.push('</div>');
      }
    }
    out.push('</section>');
  }
  out.push(`<footer>This document has a Classification of ${escapeHtml(annex.meta.classification)}</footer>`);
  return htmlPage({ title: `${annex.meta.modId} Annex A`, css: STYLE, body: out.join('\n') });
}
