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
import { CODE_FONT } from './styles.js';

export type DocxMode = 'visual' | 'tracked' | 'clean';

export { INSERT_COLOUR, DELETE_COLOUR } from './styles.js';

/**
 * Hands out revision ids (1, 2, …) and the attributes every w:ins / w:del carries. In a release each revision
 * is authored by the role qualified with the modification its items belong to ('SECAS (MP250)'), so Word's
 * reviewer filter shows one modification at a time; `modificationOf` maps an item to its modification.
 */
export class Revisions {
  private next = 1;
  constructor(
    readonly author: string,
    readonly date: string | null,
    private readonly modificationOf: (item: string) => string | null = () => null,
  ) {}

  /** The author of a revision made by `items`: 'SECAS', or 'SECAS (MP250)' / 'SECAS (MP250, MP260)'. */
  authorOf(items: readonly string[] = []): string {
    const mods = [...new Set(items.map(this.modificationOf).filter((m): m is string => m !== null))];
    return mods.length === 0 ? this.author : `${this.author} (${mods.join(', ')})`;
  }

  /** ' w:id="7" w:author="SECAS" w:date="2024-05-22T00:00:00Z"' (no w:date when undated: it is optional). */
  attrs(items: readonly string[] = []): string {
    const date = this.date === null ? '' : ` w:date="${escapeAttr(this.date)}"`;
    return ` w:id="${this.next++}" w:author="${escapeAttr(this.authorOf(items))}"${date}`;
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
  /** The change-log items behind an insertion or deletion: they name the revision's author in a release. */
  items?: readonly string[];
}

function runProps(spec: RunSpec, mode: DocxMode): string {
  const fmt = spec.fmt ?? {};
  const visualIns = mode === 'visual' && !spec.furniture && spec.op === 'insert';
  const visualDel = mode === 'visual' && !spec.furniture && spec.op === 'delete';
  let p = '';
  // Visual marks are the character styles 'Inserted Text' / 'Deleted Text', so a reader can restyle them.
  const style = spec.style ?? (visualIns ? 'InsertedText' : visualDel ? 'DeletedText' : fmt.code ? 'CodeChar' : undefined);
  if (style) p += `<w:rStyle w:val="${escapeAttr(style)}"/>`;
  if (fmt.code && style !== 'CodeChar') p += `<w:rFonts w:ascii="${CODE_FONT}" w:hAnsi="${CODE_FONT}" w:cs="${CODE_FONT}"/>`;
  if (fmt.strong) p += '<w:b/>';
  if (fmt.em) p += '<w:i/>';
  if (fmt.strike) p += '<w:strike/>';
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
  return deleted ? `<w:del${rev.attrs(spec.items)}>${inner}</w:del>` : `<w:ins${rev.attrs(spec.items)}>${inner}</w:ins>`;
}

/** Plain furniture text (instructions, headings, notes): never a revision. */
export function plainRun(text: string, style?: string): string {
  if (text === '') return '';
  const props = style ? `<w:rPr><w:rStyle w:val="${escapeAttr(style)}"/></w:rPr>` : '';
  return `<w:r>${props}${runContent(text, false)}</w:r>`;
}
