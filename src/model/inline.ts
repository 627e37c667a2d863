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

export function stringifyInline(nodes: readonly PhrasingContent[]): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: flatten(nodes) }] };
  return markdownStringifier().stringify(root).replace(/\n+$/, '');
}
