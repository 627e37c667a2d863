// Assembles a WordprocessingML package: the fixed set of parts, in a fixed order, with fixed dates taken from
// the caller (never the clock), zipped deterministically. Two calls with the same input give the same bytes.

import { zip, type ZipEntry } from './zip.js';
import { R_NS, W_NS, XML_DECLARATION, escapeText } from './xml.js';
import { stylesXml, BODY_FONT, CODE_FONT } from './styles.js';
import { sectionProperties } from './layout.js';

export interface PackageInput {
  /** The children of w:body, without the final w:sectPr. */
  body: string;
  /** The children of w:hdr / w:ftr (paragraphs), or null for none. */
  header: string | null;
  footer: string | null;
  title: string;
  /** A role, e.g. 'SECAS'. */
  creator: string;
  /** ISO 8601 UTC: '2024-05-22T00:00:00Z'. */
  date: string;
  /** More parts and settings for documents that need them (src/render/document/: footnotes, hyperlinks, TOC). */
  extra?: PackageExtra;
}

/** A part beyond the fixed set, related from word/document.xml. */
export interface ExtraPart {
  /** 'word/footnotes.xml' */
  name: string;
  contentType: string;
  /** Relationship type URI; the part is related from the main document as `rel.id`. */
  relType: string;
  relId: string;
  data: string;
}

export interface PackageExtra {
  parts?: ExtraPart[];
  /** More relationships of word/document.xml (external hyperlinks), complete `<Relationship …/>` elements. */
  rels?: string[];
  /** Children of w:settings after the defaults (e.g. '<w:updateFields w:val="true"/>' in schema order). */
  settingsBefore?: string;
  settingsAfter?: string;
  /** Complete w:sectPr replacing the default one. */
  sectPr?: string;
  /** Complete styles part replacing the default one. */
  styles?: string;
}

const enc = new TextEncoder();

const CONTENT_TYPES =
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>' +
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
  '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  '</Relationships>';

// Tracking is not switched on: w:trackRevisions only affects edits made later, and a reviewer may want either.
// `before` goes ahead of w:defaultTabStop and `after` between w:characterSpacingControl and w:compat (schema order).
function settingsXml(before = '', after = ''): string {
  return (
    XML_DECLARATION +
    `<w:settings xmlns:w="${W_NS}">` +
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

function coreXml(title: string, creator: string, date: string): string {
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(title)}</dc:title>` +
    `<dc:creator>${escapeText(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeText(creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeText(date)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeText(date)}</dcterms:modified>` +
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
  const parts = x.parts ?? [];
  const document =
    XML_DECLARATION +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${input.body}${x.sectPr ?? sectionProperties('rId4', 'rId5')}</w:body></w:document>`;
  const contentTypes = CONTENT_TYPES.replace('</Types>', `${parts.map((p) => `<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`).join('')}</Types>`);
  const extraRels = [...parts.map((p) => `<Relationship Id="${p.relId}" Type="${p.relType}" Target="${p.name.replace(/^word\//, '')}"/>`), ...(x.rels ?? [])];
  const documentRels = DOCUMENT_RELS.replace('</Relationships>', `${extraRels.join('')}</Relationships>`);
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: enc.encode(contentTypes) },
    { name: '_rels/.rels', data: enc.encode(ROOT_RELS) },
    { name: 'docProps/core.xml', data: enc.encode(coreXml(input.title, input.creator, input.date)) },
    { name: 'docProps/app.xml', data: enc.encode(APP_XML) },
    { name: 'word/document.xml', data: enc.encode(document) },
    { name: 'word/_rels/document.xml.rels', data: enc.encode(documentRels) },
    { name: 'word/styles.xml', data: enc.encode(x.styles ?? stylesXml()) },
    { name: 'word/settings.xml', data: enc.encode(settingsXml(x.settingsBefore, x.settingsAfter)) },
    { name: 'word/fontTable.xml', data: enc.encode(FONT_TABLE) },
    { name: 'word/header1.xml', data: enc.encode(part('w:hdr', input.header)) },
    { name: 'word/footer1.xml', data: enc.encode(part('w:ftr', input.footer)) },
    ...parts.map((p) => ({ name: p.name, data: enc.encode(p.data) })),
  ];
  return zip(entries);
}

/** '2024-05-22T00:00:00Z' or '2024-05-22T00:00:00.000Z'; anything else is refused (dates must be fixed UTC). */
export function isIsoUtc(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(date) && !Number.isNaN(Date.parse(date));
}
