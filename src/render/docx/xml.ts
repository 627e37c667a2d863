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
  /**
   * Bytes mode (toBytes): the text so far, UTF-8 encoded a chunk at a time. A whole SEC document's part is
   * millions of small strings; concatenated into one they form a rope that lives, node by node, until the end
   * (hundreds of megabytes of old-heap garbage per release). Encoded every CHUNK characters, only the current
   * chunk is a string. Every piece written is well-formed UTF-16 (escaping drops lone surrogates, tags are
   * ASCII), so cutting between pieces gives exactly the bytes of the whole string encoded at once.
   */
  private readonly chunks: Uint8Array[] | null;

  /** `declaration`: start with the XML declaration and a line break (as xmlPart does). */
  constructor(options: { bytes?: boolean; declaration?: boolean } = {}) {
    this.chunks = options.bytes ? [] : null;
    if (options.declaration) this.out = `${DECLARATION}\n`;
  }

  private put(s: string): void {
    this.out += s;
    if (this.chunks !== null && this.out.length >= CHUNK) {
      this.chunks.push(ENCODER.encode(this.out));
      this.out = '';
    }
  }

  private flush(): void {
    if (this.pending) {
      this.put('>');
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
    this.put(tag);
    this.names.push(name);
    this.pending = true;
    return this;
  }

  end(keepOpen = false): this {
    const name = this.names.pop();
    if (name === undefined) throw new Error('internal error: XML end tag without a start tag');
    if (this.pending && !keepOpen) this.put('/>');
    else this.put(`${this.pending ? '>' : ''}</${name}>`);
    this.pending = false;
    return this;
  }

  /** An element without children: `<name …/>`. */
  empty(name: string, attrs?: XmlAttrs): this {
    return this.start(name, attrs).end();
  }

  text(s: string): this {
    this.flush();
    this.put(escapeText(s));
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
    this.closed();
    if (this.chunks !== null) throw new Error('internal error: a bytes-mode XmlWriter is read with toBytes()');
    return this.out;
  }

  /** The UTF-8 bytes of what was written (a writer made with { bytes: true }). */
  toBytes(): Uint8Array {
    this.closed();
    if (this.chunks === null) return ENCODER.encode(this.out);
    if (this.out !== '') this.chunks.push(ENCODER.encode(this.out));
    this.out = '';
    const bytes = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }

  private closed(): void {
    if (this.names.length > 0) throw new Error(`internal error: XML element <${this.names[this.names.length - 1]}> left open`);
  }
}

/** Characters of a bytes-mode writer's chunk. */
const CHUNK = 1 << 16;
const ENCODER = new TextEncoder();

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

/** xmlPart's UTF-8 bytes, written a chunk at a time (for a part as large as a whole document's body). */
export function xmlPartBytes(root: XmlElement): Uint8Array {
  const w = new XmlWriter({ bytes: true, declaration: true });
  w.node(root);
  return w.toBytes();
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
