// XML parts of a Word package → small element trees, through a real XML parser (saxes). No regular expressions
// over XML and no entity expansion: a DOCTYPE (where entities would be declared) is refused outright.
//
// Element and attribute names are normalised to the prefixes Word itself writes ('w:p', 'w:val', 'r:id'),
// whatever prefixes the writer declared, so the rest of the importer compares names without namespaces.
// Large parts can be streamed: `onSubtree` receives each completed element at a given depth (the paragraphs
// and tables under w:body) and the tree does not keep it, so memory stays flat on a 3,000-page document.

import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** The namespaces the importer reads, each with the prefix it is known by here. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'op',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'urn:schemas-microsoft-com:vml': 'v',
};

const MAX_DEPTH = 256;

export class XmlError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

export interface ParseOptions {
  /** Depth (root = 1) whose completed elements go to onSubtree instead of staying in the tree. */
  streamDepth?: number;
  onSubtree?: (el: XmlElement) => void;
}

export function parseXml(text: string, opts: ParseOptions = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  // prefix → canonical prefix, from the declarations seen so far (a stack would be exact; writers declare on
  // the root, and a nested redeclaration of a known URI maps the same way).
  const rename = new Map<string, string>();
  const canon = (qname: string): string => {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const mapped = rename.get(prefix);
    if (mapped === undefined) return qname;
    return colon < 0 ? `${mapped}:${qname}` : `${mapped}${qname.slice(colon)}`;
  };
  const fail = (message: string): never => {
    throw new XmlError(message, parser.line, parser.column);
  };
  parser.on('doctype', () => fail('a DOCTYPE declaration (refused: entity declarations are never expanded)'));
  parser.on('error', (err) => fail(err.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        const known = PREFIXES[v as string];
        if (known) rename.set(k === 'xmlns' ? '' : k.slice(6), known);
      }
    }
    for (const [k, v] of Object.entries(tag.attributes)) {
      // An unprefixed attribute has no namespace (the default namespace does not apply to attributes).
      attrs[k.includes(':') && !k.startsWith('xmlns') ? canon(k) : k] = v as string;
    }
    // Word nests a few dozen levels at most; a far deeper tree is damage (or an attack on the recursive readers).
    if (stack.length >= MAX_DEPTH) fail(`elements nested more than ${MAX_DEPTH} deep`);
    const el: XmlElement = { name: canon(tag.name), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    if (opts.onSubtree && stack.length + 1 === opts.streamDepth) {
      const parent = stack[stack.length - 1];
      if (parent) parent.children.pop();
      opts.onSubtree(el);
    }
  });
  const onText = (t: string): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(text).close();
  if (!root) fail('no root element');
  return root!;
}

// Small helpers over the trees.

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** The w:val of a child element (`<w:ilvl w:val="2"/>` → '2'). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** All text below an element (for core properties, instruction text). */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/**
 * Whether an on/off property is on: present without w:val, or with w:val true/1/on (ECMA-376 §17.17.4).
 * Undefined when the element is absent (so a style's setting can show through).
 */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attrs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}
