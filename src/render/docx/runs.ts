// Runs of WordprocessingML for the three modes, and the revision counter that keeps every w:id unique.
//
// visual:  insertions double-underlined in blue, deletions struck through in red — ordinary formatting, so
//          the annex looks the same in every reader whatever its revision settings.
// tracked: real revisions: w:ins around inserted runs, w:del around deleted runs whose text is in
//          w:delText (never w:t), each with a unique w:id, the author role and the fixed date.
// clean:   the conformed text: deleted runs left out, inserted runs plain.

import type { SpanOp } from '../../redline/types.js';
import type { InlineFormat } from '../inline-markdown.js';
import { escapeAttr, escapeText } from './xml.js';

export type DocxMode = 'visual' | 'tracked' | 'clean';

export const INSERT_COLOUR = '0000FF';
export const DELETE_COLOUR = 'FF0000';

/** Hands out revision ids (1, 2, …) and the attributes every w:ins / w:del carries. */
export class Revisions {
  private next = 1;
  constructor(
    readonly author: string,
    readonly date: string,
  ) {}

  /** ' w:id="7" w:author="SECAS" w:date="2024-05-22T00:00:00Z"' */
  attrs(): string {
    return ` w:id="${this.next++}" w:author="${escapeAttr(this.author)}" w:date="${escapeAttr(this.date)}"`;
  }

  get count(): number {
    return this.next - 1;
  }
}

export interface RunContext {
  mode: DocxMode;
  rev: Revisions;
}

export interface RunSpec {
  op: SpanOp;
  text: string;
  fmt?: InlineFormat;
  /** A character style ('ItemTag'). */
  style?: string;
  /** Furniture (item tags) never gets the visual change colours. */
  furniture?: boolean;
}

function runProps(spec: RunSpec, mode: DocxMode): string {
  const fmt = spec.fmt ?? {};
  const visualIns = mode === 'visual' && !spec.furniture && spec.op === 'insert';
  const visualDel = mode === 'visual' && !spec.furniture && spec.op === 'delete';
  let p = '';
  if (spec.style) p += `<w:rStyle w:val="${escapeAttr(spec.style)}"/>`;
  else if (fmt.code) p += '<w:rStyle w:val="CodeChar"/>';
  if (fmt.strong) p += '<w:b/>';
  if (fmt.em) p += '<w:i/>';
  if (fmt.strike || visualDel) p += '<w:strike/>';
  if (visualIns) p += `<w:color w:val="${INSERT_COLOUR}"/>`;
  if (visualDel) p += `<w:color w:val="${DELETE_COLOUR}"/>`;
  if (visualIns) p += `<w:u w:val="double" w:color="${INSERT_COLOUR}"/>`;
  return p === '' ? '' : `<w:rPr>${p}</w:rPr>`;
}

/** Text content of a run: w:t (or w:delText) pieces, w:br for line breaks, w:tab for tabs. */
function runContent(text: string, deleted: boolean): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  let out = '';
  for (const piece of text.split(/(\n|\t)/)) {
    if (piece === '') continue;
    if (piece === '\n') out += '<w:br/>';
    else if (piece === '\t') out += '<w:tab/>';
    else out += `<${tag} xml:space="preserve">${escapeText(piece)}</${tag}>`;
  }
  return out;
}

export function runXml(spec: RunSpec, ctx: RunContext): string {
  if (spec.text === '') return '';
  const { mode, rev } = ctx;
  if (mode === 'clean') {
    if (spec.op === 'delete') return '';
    return `<w:r>${runProps({ ...spec, op: 'equal' }, mode)}${runContent(spec.text, false)}</w:r>`;
  }
  if (mode === 'visual' || spec.op === 'equal') {
    return `<w:r>${runProps(spec, mode)}${runContent(spec.text, false)}</w:r>`;
  }
  const deleted = spec.op === 'delete';
  const inner = `<w:r>${runProps(spec, mode)}${runContent(spec.text, deleted)}</w:r>`;
  return deleted ? `<w:del${rev.attrs()}>${inner}</w:del>` : `<w:ins${rev.attrs()}>${inner}</w:ins>`;
}

/** Plain furniture text (instructions, headings, notes): never a revision. */
export function plainRun(text: string, style?: string): string {
  if (text === '') return '';
  const props = style ? `<w:rPr><w:rStyle w:val="${escapeAttr(style)}"/></w:rPr>` : '';
  return `<w:r>${props}${runContent(text, false)}</w:r>`;
}
