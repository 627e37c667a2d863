// What a reader sees of a piece of inline Markdown: emphasis markers, code backticks, link syntax and
// escapes removed. Used for table keys, for `find` matching in change logs, and by renderers.

import type { RootContent, PhrasingContent } from 'mdast';
import { markdownParser } from './markdown-engine.js';
import { simplePlainText } from './simple-inline.js';


// Characters that can start inline syntax. Text without them is its own plain text (the fast path).
const SYNTAX = /[\\`*_[\]<>&!~|]/;

function phrasingText(nodes: readonly (RootContent | PhrasingContent)[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += '\n';
    else if (n.type === 'html') out += /^<br\s*\/?>$/i.test(n.value) ? '\n' : n.value;
    else if ('children' in n) out += phrasingText(n.children as PhrasingContent[]);
    else if ('value' in n && typeof n.value === 'string') out += n.value;
  }
  return out;
}

/**
 * Plain texts the parser produced, by source: the same cells and keys are read again and again (a document
 * identified after every edit, two versions of one table), and the parse is by far the costliest path.
 */
const parsed = new Map<string, string>();
const MAX_PARSED = 100_000;

export function plainText(inline: string): string {
  if (!SYNTAX.test(inline)) return inline;
  const simple = simplePlainText(inline);
  if (simple !== null) return simple;
  const known = parsed.get(inline);
  if (known !== undefined) return known;
  const text = parsedPlainText(inline);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(inline, text);
  return text;
}

function parsedPlainText(inline: string): string {
  // A leading no-break space keeps block syntax ('1. ', '# ', '- ') from being read at the start, without
  // changing how emphasis delimiters flank (it is Unicode whitespace).
  const tree = markdownParser().parse(`\u00a0${inline}`);
  const first = tree.children[0];
  const text = first && first.type === 'paragraph' ? phrasingText(first.children) : phrasingText(tree.children);
  return text.startsWith('\u00a0') ? text.slice(1) : text;
}

/** The key of a table row: plain text of its first cell, surrounding quotes and whitespace removed. */
export function rowKey(firstCell: string): string {
  return plainText(firstCell).trim().replace(/^['"‘’“”]+|['"‘’“”]+$/g, '').trim();
}
