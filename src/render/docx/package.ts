// Assembles a WordprocessingML package: the fixed set of parts, in a fixed order, with fixed dates taken from
// the caller (never the clock), zipped deterministically. Two calls with the same input give the same bytes.

import { zip, type ZipEntry } from './zip.js';
import { R_NS, W_NS, XML_DECLARATION, escapeText } from './xml.js';
import { stylesXml, BODY_FONT, CODE_FONT } from './styles.js';
import { sectionProperties } from './layout.js';
import { readUtcTime } from '../../util/calendar-date.js';

export interface PackageInput {
  /** The children of w:body, without the final w:sectPr. */
  body: string;
  /** The children of w:hdr / w:ftr (paragraphs), or null for none. */
  header: string | null;
  footer: string | null;
  /**
   * A first page of its own (a cover): its header and footer (null: empty). Without this every page has the
   * running header and footer.
   */
  firstPage?: { header: string | null; footer: string | null };
  /** word/comments.xml, whole, when the document has comments. */
  comments?: string;
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
  data: string;
  /** The part's own relationships (a footnotes part's hyperlinks), complete `<Relationship …/>` elements. */
  rels?: string[];
}

export interface PackageExtra {
  parts?: ExtraPart[];
  /** More relationships of word/document.xml (external hyperlinks), complete `<Relationship …/>` elements. */
  rels?: string[];
  /** Children of w:settings: `before` ahead of w:defaultTabStop, `after` before w:compat (schema order). */
  settingsBefore?: string;
  settingsAfter?: string;
  /** Complete w:sectPr replacing the default one. */
  sectPr?: string;
  /** Complete styles part replacing the default one. */
  styles?: string;
}

const enc = new TextEncoder();
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface WordPart {
  /** Name under word/. */
  name: string;
  contentType: string;
  relType: string;
  xml: string;
}

function contentTypes(parts: readonly WordPart[], extra: readonly ExtraPart[]): string {
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>` +
    parts.map((p) => `<Override PartName="/word/${p.name}" ContentType="${p.contentType}"/>`).join('') +
    extra.map((p) => `<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`).join('') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

const ROOT_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

/** rId1 … in part order. */
function documentRels(parts: readonly WordPart[], x: PackageExtra): string {
  return (
    XML_DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    parts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${p.relType}" Target="${p.name}"/>`).join('') +
    (x.parts ?? []).map((p) => `<Relationship Id="${p.relId}" Type="${p.relType}" Target="${p.name.replace(/^word\//, '')}"/>`).join('') +
    (x.rels ?? []).join('') +
    '</Relationships>'
  );
}

function settingsXml(track: boolean, before = '', after = ''): string {
  return (
    XML_DECLARATION +
    `<w:settings xmlns:w="${W_NS}">` +
    (track ? '<w:trackRevisions/>' : '') +
    before +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    after +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}

const FONT_TABLE =
  XML_DECLARATION +
  `<w:fonts xmlns:w="${W_NS}">` +
  `<w:font w:name="${BODY_FONT}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
  `<w:font w:name="${CODE_FONT}"><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
  '</w:fonts>';

function coreXml(title: string, creator: string, date: string | null): string {
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(title)}</dc:title>` +
    `<dc:creator>${escapeText(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeText(creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    (date === null
      ? ''
      : `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeText(date)}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeText(date)}</dcterms:modified>`) +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  XML_DECLARATION +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>sec-redline</Application></Properties>';

function part(tag: 'w:hdr' | 'w:ftr', content: string | null): string {
  return `${XML_DECLARATION}<${tag} xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content ?? '<w:p/>'}</${tag}>`;
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
  if (input.comments !== undefined) parts.push({ name: 'comments.xml', contentType: `${WML}.comments+xml`, relType: 'comments', xml: input.comments });
  const rel = (name: string): string => `rId${parts.findIndex((p) => p.name === name) + 1}`;
  const first = input.firstPage ? { header: rel('header2.xml'), footer: rel('footer2.xml') } : null;
  const document =
    XML_DECLARATION +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${input.body}${x.sectPr ?? sectionProperties(rel('header1.xml'), rel('footer1.xml'), first)}</w:body></w:document>`;
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: enc.encode(contentTypes(parts, x.parts ?? [])) },
    { name: '_rels/.rels', data: enc.encode(ROOT_RELS) },
    { name: 'docProps/core.xml', data: enc.encode(coreXml(input.title, input.creator, input.date)) },
    { name: 'docProps/app.xml', data: enc.encode(APP_XML) },
    { name: 'word/document.xml', data: enc.encode(document) },
    { name: 'word/_rels/document.xml.rels', data: enc.encode(documentRels(parts, x)) },
    ...parts.map((p) => ({ name: `word/${p.name}`, data: enc.encode(p.xml) })),
    ...(x.parts ?? []).map((p) => ({ name: p.name, data: enc.encode(p.data) })),
    ...(x.parts ?? []).filter((p) => p.rels?.length).map((p) => ({ name: partRelsName(p.name), data: enc.encode(relationships(p.rels ?? [])) })),
  ];
  return zip(entries);
}

/** 'word/footnotes.xml' → 'word/_rels/footnotes.xml.rels' */
function partRelsName(name: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

function relationships(rels: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** '2024-05-22T00:00:00Z' or '2024-05-22T00:00:00.000Z' on a real date; anything else is refused (dates must be fixed UTC). */
export function isIsoUtc(date: string): boolean {
  return readUtcTime(date) !== null;
}
