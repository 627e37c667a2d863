// Builds small Word packages for tests: the parts a test cares about (body, numbering, styles, …) written as
// WordprocessingML strings, zipped with fflate. Only tests write XML this way; the importer parses it for real.

import { strToU8, zipSync, type Zippable } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body. */
  body: string;
  /** Inner XML of w:numbering (abstractNum and num elements). */
  numbering?: string;
  /** Inner XML of w:styles. */
  styles?: string;
  footnotes?: string;
  comments?: string;
  /** Custom properties (name → value), as pandoc writes kind/code/version. */
  custom?: Record<string, string>;
  title?: string;
  /** Extra package entries, raw. */
  extra?: Record<string, Uint8Array>;
  /** Hyperlink targets by relationship id. */
  links?: Record<string, string>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildDocx(parts: DocxParts): Uint8Array {
  const rels: string[] = [];
  const types: string[] = [];
  const files: Zippable = {};
  const part = (name: string, type: string, relType: string, xml: string): void => {
    files[`word/${name}`] = strToU8(xml);
    rels.push(`<Relationship Id="r${name.replace(/\W/g, '')}" Type="${REL}/${relType}" Target="${name}"/>`);
    types.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`);
  };
  if (parts.numbering !== undefined) part('numbering.xml', 'numbering', 'numbering', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) part('styles.xml', 'styles', 'styles', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NS}">${parts.styles}</w:styles>`);
  if (parts.footnotes !== undefined) part('footnotes.xml', 'footnotes', 'footnotes', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W_NS}">${parts.footnotes}</w:footnotes>`);
  if (parts.comments !== undefined) part('comments.xml', 'comments', 'comments', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${parts.comments}</w:comments>`);
  for (const [id, url] of Object.entries(parts.links ?? {})) rels.push(`<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${esc(url)}" TargetMode="External"/>`);
  files['word/document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const pkgRels = [`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>`];
  if (parts.custom) {
    const props = Object.entries(parts.custom)
      .map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(k)}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`)
      .join('');
    files['docProps/custom.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`);
    pkgRels.push(`<Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`);
    types.push('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
  }
  if (parts.title !== undefined) {
    files['docProps/core.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(parts.title)}</dc:title></cp:coreProperties>`);
    pkgRels.push(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`);
    types.push('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>');
  }
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${pkgRels.join('')}</Relationships>`);
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${types.join('')}</Types>`,
  );
  Object.assign(files, parts.extra ?? {});
  return zipSync(files, { mtime: new Date(2024, 0, 1) });
}

/** A paragraph: `p('G1.1', { num: [1, 1] })`, `p('text', { style: 'Heading2' })`. */
export function p(text: string, opts: { num?: [number, number]; style?: string; ilvlOnly?: number } = {}): string {
  const pPr: string[] = [];
  if (opts.style) pPr.push(`<w:pStyle w:val="${opts.style}"/>`);
  if (opts.num) pPr.push(`<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>`);
  return `<w:p>${pPr.length ? `<w:pPr>${pPr.join('')}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** A level: lvl(0, 'decimal', 'G%1') */
export function lvl(ilvl: number, fmt: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${esc(text)}"/>${extra}</w:lvl>`;
}

export function abstractNum(id: number, levels: string, extra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}">${extra}${levels}</w:abstractNum>`;
}

export function num(id: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

export function table(rows: string[][]): string {
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${c}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}
