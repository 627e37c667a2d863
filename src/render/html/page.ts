// The page shell every HTML output of the tool uses: one self-contained file (styles and scripts inline, no
// external resource, nothing fetched), UTF-8, British English, a viewport for small screens, and the shared
// style sheet (css.ts) plus the page's own. Deterministic: the same arguments give the same bytes.

import { BASE_CSS, PRINT_CSS } from './css.js';
import { escapeHtml } from './escape.js';

export interface HtmlPage {
  /** Plain text; escaped here. */
  title: string;
  /** The page's own CSS, after the shared style sheet (so it can refine it). */
  css?: string;
  /** Body markup, already escaped. */
  body: string;
  /** An inline script, run at the end of the body. Must not contain '</script'. */
  script?: string;
  /** Attributes of <body>, e.g. 'class="inline"'. */
  bodyAttributes?: string;
}

export function htmlPage(page: HtmlPage): string {
  if (page.script !== undefined && /<\/script/i.test(page.script)) throw new Error('an inline script must not contain </script');
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${BASE_CSS}${page.css ?? ''}${PRINT_CSS}</style>`,
    '</head>',
    page.bodyAttributes ? `<body ${page.bodyAttributes}>` : '<body>',
    page.body,
  ];
  if (page.script !== undefined) out.push(`<script>${page.script}</script>`);
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
