// The one XML serialiser of every DOCX part the tool writes. Writers build trees (XmlElement here, or the typed
// WordprocessingML records of records.ts, lowered to these trees) and never write a tag or escape a character
// themselves: text and attribute values are escaped here and nowhere else.
//
// Characters that XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped
// from text and attribute values: no escape exists for them and Word refuses the file. (User input never gets
// this far with one: change logs and options refuse control characters with a position; this is the last
// line.) Element and attribute names are the writers' own constants: a name that is not an XML name is a bug
// and is refused with an error rather than written.

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Names as the writers use them: ASCII, an optional prefix ('w:val', 'xml:space', 'xmlns:w', 'PartName'). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;

/** Attribute values: written in insertion order; undefined leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

export interface XmlElement {
  readonly name: string;
  readonly attrs?: XmlAttrs;
  readonly children?: readonly XmlChild[];
  /**
   * Write an element without children as `<a></a>` rather than `<a/>` (the same XML; kept where the files have
   * always had it, so the output stays byte for byte what it was).
   */
  readonly keepOpen?: boolean;
}

/** A child: an element, or text (escaped when written). */
export type XmlChild = XmlElement | string;

/** What `el` takes as children: nested lists are flattened; null, undefined and false are left out. */
export type XmlChildren = XmlChild | readonly XmlChildren[] | null | undefined | false;

function flatten(children: readonly XmlChildren[], out: XmlChild[]): XmlChild[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === 'string' || !Array.isArray(c)) out.push(c as XmlChild);
    else flatten(c as readonly XmlChildren[], out);
  }
  return out;
}

/** An element: `el('w:jc', { 'w:val': 'both' })`, `el('w:rPr', {}, el('w:b'), italic && el('w:i'))`. */
export function el(name: string, attrs: XmlAttrs = {}, ...children: XmlChildren[]): XmlElement {
  return { name, attrs, children: flatten(children, []) };
}

function escapeText(s: string): string {
  return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`internal error: '${name}' is not an XML name`);
  return name;
}

function write(node: XmlChild, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  const name = checkName(node.name);
  out.push('<', name);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v === undefined) continue;
    out.push(' ', checkName(k), '="', escapeAttr(String(v)), '"');
  }
  const children = node.children ?? [];
  if (children.length === 0 && !node.keepOpen) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of children) write(c, out);
  out.push('</', name, '>');
}

/** The XML of nodes, in order. */
export function serialize(nodes: XmlChild | readonly XmlChild[]): string {
  const out: string[] = [];
  for (const n of typeof nodes === 'string' || !Array.isArray(nodes) ? [nodes as XmlChild] : (nodes as readonly XmlChild[])) write(n, out);
  return out.join('');
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A whole part: the declaration, a line break (none when `compact`, as the footnotes part has it) and the root. */
export function xmlPart(root: XmlElement, compact = false): string {
  return `${DECLARATION}${compact ? '' : '\n'}${serialize(root)}`;
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
