// Displayed text with formatting → canonical inline Markdown, through the model's one stringifier
// (src/model/inline.ts) so imported text is spelled exactly as `fmt` would spell it. Plain text that the
// model's simple grammar proves canonical skips the stringifier (most of a large document).

import type { PhrasingContent } from 'mdast';
import { stringifyInline } from '../model/inline.js';
import { isSimpleCanonicalInline } from '../model/simple-inline.js';
import type { Segment } from './types.js';

const PLAIN = { bold: false, italic: false, code: false };

/**
 * Tidies segments for Markdown: whitespace runs become one space (tabs between a number and its text
 * included), the paragraph is trimmed, and spaces at the edges of bold/italic/code runs move outside them
 * (CommonMark emphasis cannot start or end with a space).
 */
export function normalizeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const add = (s: Segment): void => {
    const last = out[out.length - 1];
    if (last && !last.br && !s.br && last.note === undefined && last.bold === s.bold && last.italic === s.italic && last.code === s.code && last.href === s.href) last.text += s.text;
    else out.push({ ...s });
  };
  for (const s of segments) {
    if (s.br || s.note !== undefined) { out.push({ ...s }); continue; }
    const text = /[\t\n\r\u00a0]| {2}/.test(s.text) ? s.text.replace(/\s+/g, ' ') : s.text;
    if (text === '') continue;
    const marked = s.bold || s.italic || s.code;
    if (!marked) { add({ ...s, text }); continue; }
    const lead = /^ +/.exec(text)?.[0] ?? '';
    const trail = text.length > lead.length ? (/ +$/.exec(text)?.[0] ?? '') : '';
    const core = text.slice(lead.length, text.length - trail.length);
    const plain = (t: string): Segment => (s.href !== undefined ? { ...PLAIN, text: t, href: s.href } : { ...PLAIN, text: t });
    if (lead) add(plain(lead));
    if (core) add({ ...s, text: core });
    if (trail) add(plain(trail));
  }
  // Collapse spaces across segment boundaries and trim the ends (a line break trims around itself).
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    if (s.br || s.note !== undefined) continue;
    // A footnote reference is invisible to spacing: look past it.
    let k = i - 1;
    while (k >= 0 && out[k]!.note !== undefined) k--;
    const prev = out[k];
    if (!prev || prev.br || prev.text.endsWith(' ')) s.text = s.text.replace(/^ +/, '');
    const next = out[i + 1];
    if (!next || next.br) s.text = s.text.replace(/ +$/, '');
  }
  const kept = out.filter((s) => s.br || s.note !== undefined || s.text !== '');
  while (kept.length && kept[0]!.br) kept.shift();
  while (kept.length && kept[kept.length - 1]!.br) kept.pop();
  return kept;
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.br ? ' ' : s.text)).join('');
}

function leaves(segs: readonly Segment[]): PhrasingContent[] {
  // Group by bold, then italic, then code: strong wraps emphasis wraps code, as remark writes them.
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    if (s.br) { out.push({ type: 'break' }); i++; continue; }
    if (s.note !== undefined) { out.push({ type: 'footnoteReference', identifier: String(s.note), label: String(s.note) }); i++; continue; }
    if (s.bold) {
      let j = i;
      while (j < segs.length && segs[j]!.bold && !segs[j]!.br && segs[j]!.note === undefined) j++;
      out.push({ type: 'strong', children: leaves(segs.slice(i, j).map((x) => ({ ...x, bold: false }))) });
      i = j;
      continue;
    }
    if (s.italic) {
      let j = i;
      while (j < segs.length && segs[j]!.italic && !segs[j]!.br && segs[j]!.note === undefined) j++;
      out.push({ type: 'emphasis', children: leaves(segs.slice(i, j).map((x) => ({ ...x, italic: false }))) });
      i = j;
      continue;
    }
    out.push(s.code ? { type: 'inlineCode', value: s.text } : { type: 'text', value: s.text });
    i++;
  }
  return out;
}

export function phrasing(segments: readonly Segment[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < segments.length) {
    const href = segments[i]!.href;
    let j = i;
    while (j < segments.length && segments[j]!.href === href) j++;
    const inner = leaves(segments.slice(i, j));
    if (href !== undefined) out.push({ type: 'link', url: href, children: inner });
    else out.push(...inner);
    i = j;
  }
  return out;
}

/** One block's inline Markdown: `prefix` (a number or label shown by Word numbering) then the segments. */
export function inlineMarkdown(prefix: string, segments: readonly Segment[]): string {
  const all: Segment[] = prefix ? [{ ...PLAIN, text: `${prefix} ` }, ...segments] : [...segments];
  const norm = normalizeSegments(all);
  // Fast path: spell the runs the way remark writes them; when the result is in the model's simple grammar
  // (plain text with whole-word *emphasis*, **strong** and `code`, which remark reads back and writes unchanged),
  // that spelling is the canonical one and the stringifier has nothing to add.
  // Plain text holding an emphasis or code delimiter is literal: only the stringifier knows how to escape it.
  const literalDelimiter = (s: Segment): boolean => !s.bold && !s.italic && !s.code && /[*_`]/.test(s.text);
  if (norm.every((s) => !s.br && s.href === undefined && !(s.bold && s.italic) && !(s.code && (s.bold || s.italic)) && !literalDelimiter(s))) {
    const text = norm.map((s) => (s.note !== undefined ? `[^${s.note}]` : s.code ? `\`${s.text}\`` : s.bold ? `**${s.text}**` : s.italic ? `*${s.text}*` : s.text)).join('');
    // Footnote references count as plain: import writes the definition of every footnote it references.
    if (isSimpleCanonicalInline(text, true)) return text;
  }
  return stringifyInline(phrasing(norm));
}
