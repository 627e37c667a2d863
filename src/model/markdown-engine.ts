// The one remark pipeline (remark-parse + remark-gfm; remark-stringify for inline output), loaded on first
// use. Canonical documents never need it (the line scan reads them), and loading unified and micromark costs
// more than a whole `show` or `--version` otherwise does, so it is required lazily rather than imported.
// Node 20.19+ loads these ES modules through require() synchronously, which keeps every caller synchronous.

import { createRequire } from 'node:module';
import type { Root } from 'mdast';

const require = createRequire(import.meta.url);

interface MarkdownParser {
  parse(text: string): Root;
}
interface MarkdownStringifier {
  stringify(tree: Root): string;
}

let parser: MarkdownParser | null = null;
let stringifier: MarkdownStringifier | null = null;

function load(): { unified: typeof import('unified').unified; gfm: typeof import('remark-gfm').default } {
  const { unified } = require('unified') as typeof import('unified');
  const gfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
  return { unified, gfm };
}

/** remark-parse with GFM (tables, strikethrough, autolinks, footnotes). */
export function markdownParser(): MarkdownParser {
  if (!parser) {
    const { unified, gfm } = load();
    const parse = (require('remark-parse') as typeof import('remark-parse')).default;
    const p = unified().use(parse).use(gfm);
    parser = { parse: (text) => p.parse(text) as Root };
  }
  return parser;
}

/** remark-stringify with the house options: '-' bullets, '*' emphasis and strong, fenced code, '-' rules. */
export function markdownStringifier(): MarkdownStringifier {
  if (!stringifier) {
    const { unified, gfm } = load();
    const stringify = (require('remark-stringify') as typeof import('remark-stringify')).default;
    const s = unified().use(gfm).use(stringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', fences: true, rule: '-' });
    stringifier = { stringify: (tree) => s.stringify(tree) };
  }
  return stringifier;
}
