// Canonical inline Markdown: what remark-stringify writes for a run of phrasing content. Both `fmt` and the
// parser go through here, so "canonical" has one definition.

import type { PhrasingContent, Root } from 'mdast';
import { markdownStringifier } from './markdown-engine.js';


/** Soft line breaks become spaces and hard breaks '<br>': a block is always one line. */
function flatten(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.map((n): PhrasingContent => {
    if (n.type === 'text') return { ...n, value: n.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') };
    if (n.type === 'break') return { type: 'html', value: '<br>' };
    if ('children' in n) return { ...n, children: flatten(n.children as PhrasingContent[]) } as PhrasingContent;
    return n;
  });
}

/**
 * remark-stringify escapes every '[' in text ('\\[TBC]'); SEC text has real brackets ('[TBC]', '[Not used]'),
 * so a bracketed run that cannot start a link, an image or a footnote reference (nothing special inside, not
 * followed by '(' or '[' (nor by ':' at the start of the text), not starting with '^') is written without the backslash. Without link
 * definitions in SEC Markdown, remark reads it back as the same text (tests/model/simple-inline.test.ts).
 */
export const PLAIN_BRACKETS = /(?<!\\)\\\[([^\\[\]\n^][^\\[\]\n]*)\](?![([])/g;

export function stringifyInline(nodes: readonly PhrasingContent[]): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: flatten(nodes) }] };
  return markdownStringifier().stringify(root).replace(/\n+$/, '').replace(PLAIN_BRACKETS, (m: string, inner: string, at: number, all: string) =>
    // '[x]:' at the very start of a block would be read as a link definition.
    at === 0 && all[m.length] === ':' ? m : `[${inner}]`);
}
