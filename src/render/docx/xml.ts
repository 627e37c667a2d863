// The one XML serialiser of every DOCX part the tool writes. Writers build trees (XmlElement here, or the typed
// WordprocessingML records of records.ts, which write themselves through an XmlWriter) and never write a tag or
// escape a character themselves: XmlWriter is the only code that writes markup, and text and attribute values
// are escaped in it and nowhere else. (Records stream into the writer rather than being lowered to a tree
// first: a whole SEC document is hundreds of thousands of runs, and the intermediate tree doubled the garbage.)
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

/** Content that writes itself through the writer (typed records): it can start and end elements and add text, nothing else. */
export interface XmlFragment {
  readonly writeTo: (w: XmlWriter) => void;
}

/** A child: an element, text (escaped when written) or a fragment. */
export type XmlChild = XmlElement | string | XmlFragment;

/** What `el` takes as children: nested lists are flattened; null, undefined and false are left out. */
export type XmlChildren = XmlChild | readonly XmlChildren[] | null | undefined | false;

function flatten(children: readonly XmlChildren[], out: XmlChild[]): XmlChild[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (!Array.isArray(c)) out.push(c as XmlChild);
    else flatten(c as readonly XmlChildren[], out);
  }
  return out;
}

/** An element: `el('w:jc', { 'w:val': 'both' })`, `el('w:rPr', {}, el('w:b'), italic && el('w:i'))`. */
export function el(name: string, attrs: XmlAttrs = {}, ...children: XmlChildren[]): XmlElement {
  return { name, attrs, children: flatten(children, []) };
}

// Most text needs no escaping at all: one test, then the string as it is.
const PLAIN_TEXT = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const PLAIN_ATTR = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function escapeText(s: string): string {
  if (!PLAIN_TEXT.test(s)) return s;
  return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  if (!PLAIN_ATTR.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Names already checked: the writers use a few dozen, so each is tested once. */
const NAMES = new Set<string>();

function checkName(name: string): string {
  if (NAMES.has(name)) return name;
  if (!NAME.test(name)) throw new Error(`internal error: '${name}' is not an XML name`);
  NAMES.add(name);
  return name;
}

/**
 * Writes XML in document order. An element started and ended with nothing in between is written `<a/>`
 * (or `<a></a>` with keepOpen); text, even empty text, makes it `<a>…</a>`.
 */
export class XmlWriter {
  private out = '';
  private readonly names: string[] = [];
  /** The last start tag still lacks its '>' (the element may yet end empty). */
  private pending = false;

  private flush(): void {
    if (this.pending) {
      this.out += '>';
      this.pending = false;
    }
  }

  start(name: string, attrs?: XmlAttrs): this {
    this.flush();
    let tag = `<${checkName(name)}`;
    if (attrs) {
      for (const k in attrs) {
        const v = attrs[k];
        if (v === undefined) continue;
        tag += ` ${checkName(k)}="${typeof v === 'number' ? v : escapeAttr(v)}"`;
      }
    }
    this.out += tag;
    this.names.push(name);
    this.pending = true;
    return this;
  }

  end(keepOpen = false): this {
    const name = this.names.pop();
    if (name === undefined) throw new Error('internal error: XML end tag without a start tag');
    if (this.pending && !keepOpen) this.out += '/>';
    else this.out += `${this.pending ? '>' : ''}</${name}>`;
    this.pending = false;
    return this;
  }

  /** An element without children: `<name …/>`. */
  empty(name: string, attrs?: XmlAttrs): this {
    return this.start(name, attrs).end();
  }

  text(s: string): this {
    this.flush();
    this.out += escapeText(s);
    return this;
  }

  node(n: XmlChild): this {
    if (typeof n === 'string') return this.text(n);
    if ('writeTo' in n) {
      n.writeTo(this);
      return this;
    }
    this.start(n.name, n.attrs);
    for (const c of n.children ?? []) this.node(c);
    return this.end(n.keepOpen);
  }

  toString(): string {
    if (this.names.length > 0) throw new Error(`internal error: XML element <${this.names[this.names.length - 1]}> left open`);
    return this.out;
  }
}

/** The XML of nodes, in order. */
export function serialize(nodes: XmlChild | readonly XmlChild[]): string {
  const w = new XmlWriter();
  if (typeof nodes === 'string' || !Array.isArray(nodes)) w.node(nodes as XmlChild);
  else for (const n of nodes as readonly XmlChild[]) w.node(n);
  return w.toString();
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A whole part: the declaration, a line break (none when `compact`, as the footnotes part has it) and the root. */
export function xmlPart(root: XmlElement, compact = false): string {
  return `${DECLARATION}${compact ? '' : '\n'}${serialize(root)}`;
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
