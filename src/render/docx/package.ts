// Assembles a WordprocessingML package: the fixed set of parts, in a fixed order, with fixed dates taken from
// the caller (never the clock), zipped deterministically. Two calls with the same input give the same bytes.

import { zip, type ZipEntry } from './zip.js';
import { R_NS, W_NS, el, xmlPart, xmlPartBytes, type XmlElement } from './xml.js';
import { stylesXml, BODY_FONT, CODE_FONT } from './styles.js';
import { sectionProperties } from './layout.js';
import { readUtcTime } from '../../util/calendar-date.js';
import { toXml, type Block, type Paragraph } from './records.js';

export interface PackageInput {
  /**
   * The content of w:body, without the final w:sectPr. May be a generator: it is read once, in order, as
   * word/document.xml is written, so a whole SEC document's records need not all exist at once.
   */
  body: Iterable<Block>;
  /** The paragraphs of w:hdr / w:ftr, or null for none. */
  header: readonly Paragraph[] | null;
  footer: readonly Paragraph[] | null;
  /**
   * A first page of its own (a cover): its header and footer (null: empty). Without this every page has the
   * running header and footer.
   */
  firstPage?: { header: readonly Paragraph[] | null; footer: readonly Paragraph[] | null };
  /** The root of word/comments.xml, when the document has comments. */
  comments?: XmlElement;
  /** Switch on Word's change tracking, so a reviewer's own edits to a tracked redline are tracked too. */
  trackRevisions?: boolean;
  title: string;
  /** A role, e.g. 'SECAS'. */
  creator: string;
  /** ISO 8601 UTC: '2024-05-22T00:00:00Z'; null: the properties carry no date (an undated document). */
  date: string | null;
  /** More parts and settings for documents that need them (src/render/document/: hyperlinks, TOC, own styles). */
  extra?: PackageExtra;
}

/** A part beyond the fixed set, related from word/document.xml under its own id. */
export interface ExtraPart {
  /** 'word/footnotes.xml' */
  name: string;
  contentType: string;
  /** Relationship type URI. */
  relType: string;
  relId: string;
  root: XmlElement;
  /** No line break after the XML declaration (as the footnotes part has always been written). */
  compact?: boolean;
  /** The part's own relationships (a footnotes part's hyperlinks). */
  rels?: Relationship[];
}

/** A relationship of a part: a related part by name, or an external target (TargetMode="External"). */
export interface Relationship {
  id: string;
  /** Relationship type URI. */
  type: string;
  target: string;
  external?: boolean;
}

export interface PackageExtra {
  parts?: ExtraPart[];
  /**
   * More relationships of word/document.xml (external hyperlinks); a function is asked after the body is
   * written (a generated body finds its hyperlinks as it goes).
   */
  rels?: Relationship[] | (() => Relationship[]);
  /** Children of w:settings: `before` ahead of w:defaultTabStop, `after` before w:compat (schema order). */
  settingsBefore?: XmlElement[];
  settingsAfter?: XmlElement[];
  /** The styles part replacing the default one (from stylesXml). */
  styles?: string;
}

const enc = new TextEncoder();
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
/** Relationship types are named under the relationships namespace. */
const REL = R_NS;

interface WordPart {
  /** Name under word/. */
  name: string;
  contentType: string;
  relType: string;
  xml: string;
}

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function contentTypes(parts: readonly WordPart[], extra: readonly ExtraPart[]): string {
  const override = (name: string, contentType: string): XmlElement => el('Override', { PartName: name, ContentType: contentType });
  return xmlPart(
    el(
      'Types',
      { xmlns: CT_NS },
      el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }),
      el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
      override('/word/document.xml', `${WML}.document.main+xml`),
      parts.map((p) => override(`/word/${p.name}`, p.contentType)),
      extra.map((p) => override(`/${p.name}`, p.contentType)),
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
      override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'),
    ),
  );
}

function relationships(rels: readonly Relationship[]): string {
  return xmlPart(
    el(
      'Relationships',
      { xmlns: PR_NS },
      rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? 'External' : undefined })),
    ),
  );
}

const ROOT_RELS: Relationship[] = [
  { id: 'rId1', type: `${REL}/officeDocument`, target: 'word/document.xml' },
  { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
  { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
];

/** rId1 … in part order. */
function documentRels(parts: readonly WordPart[], x: PackageExtra): string {
  return relationships([
    ...parts.map((p, i) => ({ id: `rId${i + 1}`, type: `${REL}/${p.relType}`, target: p.name })),
    ...(x.parts ?? []).map((p) => ({ id: p.relId, type: p.relType, target: p.name.replace(/^word\//, '') })),
    ...((typeof x.rels === 'function' ? x.rels() : x.rels) ?? []),
  ]);
}

function settingsXml(track: boolean, before: readonly XmlElement[] = [], after: readonly XmlElement[] = []): string {
  return xmlPart(
    el(
      'w:settings',
      { 'xmlns:w': W_NS },
      track && el('w:trackRevisions'),
      before,
      el('w:defaultTabStop', { 'w:val': 720 }),
      el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }),
      after,
      el('w:compat', {}, el('w:compatSetting', { 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word', 'w:val': 15 })),
    ),
  );
}

const font = (name: string, family: string, pitch: string): XmlElement =>
  el('w:font', { 'w:name': name }, el('w:charset', { 'w:val': '00' }), el('w:family', { 'w:val': family }), el('w:pitch', { 'w:val': pitch }));

const FONT_TABLE = xmlPart(el('w:fonts', { 'xmlns:w': W_NS }, font(BODY_FONT, 'swiss', 'variable'), font(CODE_FONT, 'modern', 'fixed')));

function coreXml(title: string, creator: string, date: string | null): string {
  const dated = (name: string): XmlElement | null => (date === null ? null : el(name, { 'xsi:type': 'dcterms:W3CDTF' }, date));
  return xmlPart(
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      // keepOpen: an empty title is still written as <dc:title></dc:title>, as before.
      { ...el('dc:title', {}, title), keepOpen: true },
      { ...el('dc:creator', {}, creator), keepOpen: true },
      { ...el('cp:lastModifiedBy', {}, creator), keepOpen: true },
      el('cp:revision', {}, '1'),
      dated('dcterms:created'),
      dated('dcterms:modified'),
    ),
  );
}

const APP_XML = xmlPart(el('Properties', { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' }, el('Application', {}, 'sec-redline')));

function part(tag: 'w:hdr' | 'w:ftr', content: readonly Paragraph[] | null): string {
  return xmlPart(el(tag, { 'xmlns:w': W_NS, 'xmlns:r': R_NS }, toXml(content ?? [{ type: 'paragraph', props: {}, children: [] }])));
}

export function docxPackage(input: PackageInput): Uint8Array {
  const x = input.extra ?? {};
  const parts: WordPart[] = [
    { name: 'styles.xml', contentType: `${WML}.styles+xml`, relType: 'styles', xml: x.styles ?? stylesXml() },
    { name: 'settings.xml', contentType: `${WML}.settings+xml`, relType: 'settings', xml: settingsXml(!!input.trackRevisions, x.settingsBefore, x.settingsAfter) },
    { name: 'fontTable.xml', contentType: `${WML}.fontTable+xml`, relType: 'fontTable', xml: FONT_TABLE },
    { name: 'header1.xml', contentType: `${WML}.header+xml`, relType: 'header', xml: part('w:hdr', input.header) },
    { name: 'footer1.xml', contentType: `${WML}.footer+xml`, relType: 'footer', xml: part('w:ftr', input.footer) },
  ];
  if (input.firstPage) {
    parts.push({ name: 'header2.xml', contentType: `${WML}.header+xml`, relType: 'header', xml: part('w:hdr', input.firstPage.header) });
    parts.push({ name: 'footer2.xml', contentType: `${WML}.footer+xml`, relType: 'footer', xml: part('w:ftr', input.firstPage.footer) });
  }
  if (input.comments !== undefined) parts.push({ name: 'comments.xml', contentType: `${WML}.comments+xml`, relType: 'comments', xml: xmlPart(input.comments) });
  const rel = (name: string): string => `rId${parts.findIndex((p) => p.name === name) + 1}`;
  const first = input.firstPage ? { header: rel('header2.xml'), footer: rel('footer2.xml') } : null;
  // The largest part by far (a whole SEC document's body), written straight to bytes.
  const document = xmlPartBytes(el('w:document', { 'xmlns:w': W_NS, 'xmlns:r': R_NS }, el('w:body', {}, toXml(input.body), sectionProperties(rel('header1.xml'), rel('footer1.xml'), first))));
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: enc.encode(contentTypes(parts, x.parts ?? [])) },
    { name: '_rels/.rels', data: enc.encode(relationships(ROOT_RELS)) },
    { name: 'docProps/core.xml', data: enc.encode(coreXml(input.title, input.creator, input.date)) },
    { name: 'docProps/app.xml', data: enc.encode(APP_XML) },
    { name: 'word/document.xml', data: document },
    { name: 'word/_rels/document.xml.rels', data: enc.encode(documentRels(parts, x)) },
    ...parts.map((p) => ({ name: `word/${p.name}`, data: enc.encode(p.xml) })),
    ...(x.parts ?? []).map((p) => ({ name: p.name, data: enc.encode(xmlPart(p.root, p.compact)) })),
    ...(x.parts ?? []).filter((p) => p.rels?.length).map((p) => ({ name: partRelsName(p.name), data: enc.encode(relationships(p.rels ?? [])) })),
  ];
  return zip(entries);
}

/** 'word/footnotes.xml' → 'word/_rels/footnotes.xml.rels' */
function partRelsName(name: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/** '2024-05-22T00:00:00Z' or '2024-05-22T00:00:00.000Z' on a real date; anything else is refused (dates must be fixed UTC). */
export function isIsoUtc(date: string): boolean {
  return readUtcTime(date) !== null;
}
